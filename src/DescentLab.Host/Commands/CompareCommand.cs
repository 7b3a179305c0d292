using System.CommandLine;
using DescentLab.Output;
using DescentLab.Output.Ci;
using DescentLab.Output.Compare;

namespace DescentLab.Host.Commands;

/// <summary><c>descentlab compare RUN_A RUN_B [--fail-on-regression] [--junit FILE]</c>: what changed between two run folders.</summary>
public static class CompareCommand
{
    /// <summary>The command.</summary>
    public static Command Create()
    {
        var before = new Argument<string>("RUN_A") { Description = "The earlier run folder (the baseline)." };
        var after = new Argument<string>("RUN_B") { Description = "The later run folder." };
        var failOnRegression = new Option<bool>("--fail-on-regression") { Description = "Exit with code 3 when a setting got worse beyond tolerance." };
        var junit = CiOptions.Junit();
        var command = new Command("compare", "Compare two run folders per problem × variant setting: before, after, ratio.") { before, after, failOnRegression, junit };
        command.SetAction((parseResult, _) => CommandHost.RunAsync(SettingsTokens.Of(parseResult), logToFile: false, (_, _) => Task.FromResult(Execute(
            parseResult.GetRequiredValue(before),
            parseResult.GetRequiredValue(after),
            parseResult.GetValue(failOnRegression),
            parseResult.GetValue(junit),
            DescentLabCommandLine.OutputOf(parseResult)))));
        return command;
    }

    /// <summary>Compares, prints the table, writes the JUnit file if asked; returns the exit code.</summary>
    public static int Execute(string before, string after, bool failOnRegression, string? junitPath, CliOutput output)
    {
        FolderComparison comparison;
        try
        {
            comparison = FolderComparison.Create(before, after);
        }
        catch (RunFileException ex)
        {
            output.Error.WriteLine("compare: " + ex.Message);
            return ExitCodes.BadInput;
        }

        ComparisonTable.Write(output.Out, comparison);
        if (junitPath is not null)
        {
            try
            {
                JunitReport.Write(junitPath, [(comparison.Set.Manifest.Name, comparison.Set)]);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                output.Error.WriteLine($"compare: cannot write {junitPath}: {ex.Message}");
                return ExitCodes.Failure;
            }
        }

        return failOnRegression && comparison.Report.HasRegressions ? ExitCodes.Regression : ExitCodes.Success;
    }
}
