using System.CommandLine;
using System.Diagnostics;
using DescentLab.Experiments.Timing;
using DescentLab.Output;
using DescentLab.Output.Csv;
using DescentLab.Output.Exporters;
using DescentLab.Output.Files;

namespace DescentLab.Host.Commands;

/// <summary><c>descentlab report RUNDIR [--timings]</c>: re-renders plots, report.md and report.html from a finished run's files.</summary>
public static class ReportCommand
{
    /// <summary>The command.</summary>
    public static Command Create()
    {
        var runDir = new Argument<string>("RUNDIR") { Description = "A run folder (reports/<name>/<stamp> or reports/<name>/latest)." };
        var timings = TimingsOption.Create();
        var command = new Command("report", "Re-render plots and the report from the CSVs of a finished run.") { runDir, timings };
        command.SetAction(async (parseResult, _) =>
        {
            var stages = TimingsOption.Listen(parseResult.GetValue(timings));
            var output = DescentLabCommandLine.OutputOf(parseResult);
            int exitCode = await CommandHost.RunAsync(SettingsTokens.Of(parseResult), logToFile: false, (_, _) =>
            {
                stages?.HostStarted();
                return Task.FromResult(Execute(parseResult.GetRequiredValue(runDir), output));
            }, drawsPlots: true);
            stages?.Print(output.Error);
            return exitCode;
        });
        return command;
    }

    /// <summary>Reads <paramref name="runDir"/> and writes its report files again.</summary>
    public static int Execute(string runDir, CliOutput output)
    {
        if (!Directory.Exists(runDir))
        {
            output.Error.WriteLine($"{runDir}: the run folder does not exist");
            return ExitCodes.BadInput;
        }

        try
        {
            var folder = RunFolder.Open(runDir);
            if (folder.IsIncomplete)
            {
                output.Error.WriteLine($"{folder.FullPath} is an incomplete run set ({RunFolder.IncompleteMarker}); there is nothing to report.");
                return ExitCodes.BadInput;
            }

            long start = Stopwatch.GetTimestamp();
            var set = RunSetReader.Read(folder.FullPath);
            StageTimings.Record(TimingsOption.ReadStage, start);
            start = Stopwatch.GetTimestamp();
            var exporter = new ReportExporter();
            var files = exporter.Export(set, folder);
            StageTimings.Record($"exporter {exporter.Name}", start);
            foreach (string file in files)
            {
                output.Out.WriteLine(folder.PathOf(file));
            }

            return ExitCodes.Success;
        }
        catch (Exception ex) when (ex is RunFileException or OutputFolderException)
        {
            output.Error.WriteLine(ex.Message);
            return ExitCodes.BadInput;
        }
    }
}
