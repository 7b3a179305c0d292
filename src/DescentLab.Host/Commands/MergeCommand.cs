using System.CommandLine;
using System.Diagnostics;
using DescentLab.Experiments.Config;
using DescentLab.Experiments.Timing;
using DescentLab.Output;
using DescentLab.Output.Ci;
using DescentLab.Output.Csv;
using DescentLab.Output.Files;
using DescentLab.Output.History;
using DescentLab.Output.Pipeline;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DescentLab.Host.Commands;

/// <summary><c>descentlab merge RUNDIR... --out DIR [--timings]</c>: joins shard outputs into one run set, then reports it.</summary>
public static class MergeCommand
{
    /// <summary>The command.</summary>
    public static Command Create()
    {
        var runDirs = new Argument<string[]>("RUNDIR") { Arity = ArgumentArity.OneOrMore, Description = "Run folders of shards 1..N." };
        var outDir = new Option<string>("--out") { Description = "Folder for the merged run set.", Required = true };
        var failOnRegression = new Option<bool>("--fail-on-regression") { Description = "Exit with code 3 when a run regressed against the baseline." };
        var junit = CiOptions.Junit();
        var timings = TimingsOption.Create();
        var command = new Command("merge", "Merge shard outputs into one run, then report it.") { runDirs, outDir, failOnRegression, junit, timings };
        command.SetAction(async (parseResult, _) =>
        {
            var stages = TimingsOption.Listen(parseResult.GetValue(timings));
            var output = DescentLabCommandLine.OutputOf(parseResult);
            int exitCode = await CommandHost.RunAsync(SettingsTokens.Of(parseResult), logToFile: true, (services, _) =>
            {
                stages?.HostStarted();
                return Task.FromResult(Execute(
                    services,
                    parseResult.GetRequiredValue(runDirs),
                    parseResult.GetRequiredValue(outDir),
                    parseResult.GetValue(failOnRegression),
                    output,
                    CiOptions.Outputs(parseResult.GetValue(junit))));
            }, drawsPlots: true);
            stages?.Print(output.Error);
            return exitCode;
        });
        return command;
    }

    /// <summary>Merges, writes and records the run set; returns the exit code.</summary>
    public static int Execute(IServiceProvider services, IReadOnlyList<string> runDirs, string outDir, bool failOnRegression, CliOutput output, CiOutputs? ci = null)
    {
        try
        {
            long start = Stopwatch.GetTimestamp();
            var merged = RunSetMerger.Merge([.. runDirs.Select(RunSetReader.Read)]);
            StageTimings.Record(TimingsOption.ReadStage, start);
            var folder = RunFolder.CreateExplicit(outDir);
            var regression = merged.Manifest.ResolvedConfig.Regression;
            using var history = services.GetRequiredService<HistoryOptions>().Open(HostSetup.ReportsRoot(services.GetRequiredService<IConfiguration>()));
            var pipeline = services.GetRequiredService<ExperimentPipeline>();
            var published = pipeline.Publish(merged, folder, history, regression, failOnRegression, ci ?? CiOutputs.None);
            bool junitWritten = pipeline.WriteJunit(ci?.JunitPath, [published.Set]);
            output.Out.WriteLine(folder.FullPath);
            if (published.BaselineError is { } baselineError)
            {
                output.Error.WriteLine(baselineError);
            }

            foreach (string error in published.Errors)
            {
                output.Error.WriteLine(error);
            }

            return ExitCodes.Of(junitWritten ? published.Outcome : RunSetOutcome.Worst(published.Outcome, PipelineOutcome.Failure));
        }
        catch (Exception ex) when (ex is MergeException or RunFileException or OutputFolderException or HistoryException)
        {
            output.Error.WriteLine(ex.Message);
            return ExitCodes.BadInput;
        }
    }
}
