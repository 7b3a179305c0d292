using System.CommandLine;
using System.Text.Json;
using DescentLab.Experiments.Config;
using DescentLab.Output;
using DescentLab.Output.Baselines;
using DescentLab.Output.Json;

namespace DescentLab.Host.Commands;

/// <summary><c>descentlab baseline accept RUNDIR [--to FILE]</c>: makes a run's summary the regression baseline.</summary>
public static class BaselineCommand
{
    /// <summary>The command with its <c>accept</c> subcommand.</summary>
    public static Command Create()
    {
        var runDir = new Argument<string>("RUNDIR") { Description = "A complete run folder." };
        var to = new Option<string?>("--to") { Description = "Baseline file to write (default: the config's regression.baseline)." };
        var accept = new Command("accept", "Make a run's summary the regression baseline.") { runDir, to };
        accept.SetAction((parseResult, _) => CommandHost.RunAsync(SettingsTokens.Of(parseResult), logToFile: false, (_, _) =>
            Task.FromResult(Accept(parseResult.GetRequiredValue(runDir), parseResult.GetValue(to), DescentLabCommandLine.OutputOf(parseResult)))));
        return new Command("baseline", "Manage regression baselines.") { accept };
    }

    /// <summary>Copies the run's summary.csv to the baseline path.</summary>
    public static int Accept(string runDir, string? to, CliOutput output)
    {
        try
        {
            string? target = to;
            if (target is null)
            {
                var manifest = ManifestJson.Read(Path.Combine(runDir, ManifestJson.FileName));
                var regression = manifest.ResolvedConfig.Regression;
                if (regression is null || regression.Baseline == RegressionConfig.Previous)
                {
                    output.Error.WriteLine($"Config '{manifest.Name}' names no baseline file (regression.baseline is {(regression is null ? "absent" : "'previous'")}); pass --to FILE.");
                    return ExitCodes.BadInput;
                }

                target = regression.Baseline;
            }

            BaselineStore.Accept(runDir, target);
            output.Out.WriteLine(Path.GetFullPath(target));
            return ExitCodes.Success;
        }
        catch (Exception ex) when (ex is RunFileException or JsonException or IOException or UnauthorizedAccessException)
        {
            output.Error.WriteLine(ex.Message);
            return ExitCodes.BadInput;
        }
    }
}
