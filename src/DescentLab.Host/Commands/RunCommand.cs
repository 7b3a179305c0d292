using System.CommandLine;
using System.Globalization;
using DescentLab.Experiments.Config;
using DescentLab.Experiments.Planning;
using DescentLab.Experiments.Running;
using DescentLab.Host.Logging;
using DescentLab.Output.Ci;
using DescentLab.Output.Pipeline;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DescentLab.Host.Commands;

/// <summary><c>descentlab run CONFIG... [--set KEY=VALUE]... [--out DIR] [--parallel N] [--shard K/N] [--fail-on-regression] [--junit FILE] [--timings]</c>.</summary>
public static class RunCommand
{
    /// <summary>The command; tokens of the form <c>--DescentLab:Key=value</c> are settings, as for every command.</summary>
    public static Command Create()
    {
        var configs = new Argument<string[]>("CONFIG") { Arity = ArgumentArity.ZeroOrMore, Description = "Config files (YAML or JSON), or folders of them (their configs in file-name order)." };
        var outDir = new Option<string?>("--out") { Description = "This run's folder (with several configs: one subfolder per config name)." };
        var parallel = new Option<string?>("--parallel") { Description = "Runs at once; 0 = the processor count (default: the Parallel setting)." };
        var shard = new Option<string?>("--shard") { Description = "Run only shard K of N of the run matrix, e.g. 2/4; join the shards with 'merge'." };
        var failOnRegression = new Option<bool>("--fail-on-regression") { Description = "Exit with code 3 when a run regressed against the baseline." };
        var writeData = new Option<bool>("--write-data") { Description = "Write every dataset to data/, even those above DescentLab:DataFileMaxSamples." };
        var junit = CiOptions.Junit();
        var resume = new Option<string?>("--resume") { Description = "Finish the interrupted run set in this folder, rerunning only the runs it lacks." };
        var timings = TimingsOption.Create();
        var set = SetOption.Create();
        var command = new Command("run", "Run the configs once and exit.") { configs, set, outDir, parallel, shard, failOnRegression, writeData, junit, resume, timings };
        command.SetAction(async (parseResult, _) =>
        {
            var stages = TimingsOption.Listen(parseResult.GetValue(timings));
            var output = DescentLabCommandLine.OutputOf(parseResult);
            string[] settings = SettingsTokens.Of(parseResult);
            string[] paths = parseResult.GetValue(configs) ?? [];
            if (Usage(parseResult.GetValue(resume), paths, parseResult.GetValue(outDir), parseResult.GetValue(shard), parseResult.GetValue(set)) is { } usage)
            {
                output.Error.WriteLine(usage);
                return ExitCodes.BadInput;
            }

            if (SetOption.Parse(parseResult, set, output) is not { } overrides)
            {
                return ExitCodes.BadInput;
            }

            ShardSpec? shardSpec = null;
            if (parseResult.GetValue(shard) is { } shardText && (shardSpec = ShardSpec.TryParse(shardText, out string shardError)) is null)
            {
                output.Error.WriteLine(shardError);
                return ExitCodes.BadInput;
            }

            int? parallelRuns = null;
            if (parseResult.GetValue(parallel) is { } parallelText)
            {
                if (!int.TryParse(parallelText, NumberStyles.None, CultureInfo.InvariantCulture, out int value))
                {
                    output.Error.WriteLine($"--parallel expects a whole number >= 0 (0 = the processor count), got '{parallelText}'");
                    return ExitCodes.BadInput;
                }

                parallelRuns = value;
            }

            // Git runs while the host starts up; a resumed set's config path is known only once its folder is read.
            var commits = parseResult.GetValue(resume) is null ? GitCommits.Prefetch(paths) : GitCommits.OnDemand;
            int exitCode = await CommandHost.RunAsync(settings, logToFile: true, (services, cancellationToken) =>
            {
                stages?.HostStarted();
                var hostSettings = services.GetRequiredService<IOptions<DescentLabSettings>>().Value;
                int runsAtOnce = parallelRuns ?? hostSettings.Parallel;
                var request = new RunRequest(
                    paths,
                    HostSetup.ReportsRoot(services.GetRequiredService<IConfiguration>()),
                    parseResult.GetValue(outDir),
                    runsAtOnce > 0 ? runsAtOnce : Environment.ProcessorCount,
                    shardSpec,
                    parseResult.GetValue(failOnRegression),
                    parseResult.GetValue(writeData) ? long.MaxValue : hostSettings.DataFileMaxSamples)
                {
                    Ci = CiOptions.Outputs(parseResult.GetValue(junit)),
                    Overrides = overrides,
                };
                return Task.FromResult(parseResult.GetValue(resume) is { } runDir
                    ? Resume(services, runDir, request.Parallel, request.DataFileMaxSamples, request.Ci, hostSettings.Limits, output, cancellationToken)
                    : Execute(services, request, hostSettings.Limits, output, cancellationToken, commits: commits));
            }, drawsPlots: true);
            stages?.Print(output.Error);
            return exitCode;
        });
        return command;
    }

    /// <summary>Finishes the interrupted run set in <paramref name="runDir"/> and maps its outcome to an exit code; the CI
    /// files are <paramref name="ci"/>'s where given, else those the set was started with.</summary>
    public static int Resume(IServiceProvider services, string runDir, int parallel, long dataFileMaxSamples, CiOutputs ci, ConfigLimits limits, CliOutput output, CancellationToken cancellationToken)
    {
        var pipeline = services.GetRequiredService<ExperimentPipeline>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("descentlab.run");
        var result = pipeline.Resume(
            runDir,
            parallel,
            ci,
            (config, path) => RunEnvironmentFactory.Create(config, path, $"descentlab run {Quote(path)}", parallel, dataFileMaxSamples, MachineName(services), GitCommits.OnDemand),
            limits,
            ProgressReporter.ForConsole(logger),
            cancellationToken);
        return Report(result, output);
    }

    /// <summary>Runs <paramref name="request"/> and maps its outcome to an exit code; <paramref name="progress"/> also hears
    /// of each finished run, and <paramref name="commits"/> has the configs' git commits looked up in advance (else each
    /// is looked up when its manifest needs it).</summary>
    public static int Execute(IServiceProvider services, RunRequest request, ConfigLimits limits, CliOutput output, CancellationToken cancellationToken, IProgress<RunProgress>? progress = null, GitCommits? commits = null)
    {
        var pipeline = services.GetRequiredService<ExperimentPipeline>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("descentlab.run");
        var result = pipeline.Run(
            request,
            (config, path) => RunEnvironmentFactory.Create(config, path, ReproduceCommand(path, request), request.Parallel, request.DataFileMaxSamples, MachineName(services), commits ?? GitCommits.OnDemand),
            limits,
            progress is null ? ProgressReporter.ForConsole(logger) : new BothProgress(ProgressReporter.ForConsole(logger), progress),
            cancellationToken);
        return Report(result, output);
    }

    private static string MachineName(IServiceProvider services) => services.GetRequiredService<IOptions<DescentLabSettings>>().Value.MachineName;

    private static int Report(PipelineResult result, CliOutput output)
    {
        foreach (string error in result.Errors)
        {
            output.Error.WriteLine(error);
        }

        foreach (string folder in result.RunFolders)
        {
            output.Out.WriteLine(folder);
        }

        return ExitCodes.Of(result.Outcome);
    }

    private static string? Usage(string? resume, IReadOnlyList<string> paths, string? outDir, string? shard, string[]? set) => resume is not null
        ? (paths.Count > 0 || outDir is not null || shard is not null || set is { Length: > 0 } ? "--resume RUNDIR takes no CONFIG, --set, --out or --shard: the folder records them" : null)
        : (paths.Count == 0 ? "run expects at least one CONFIG file (or --resume RUNDIR)" : null);

    private static string ReproduceCommand(string configPath, RunRequest request)
    {
        string command = $"descentlab run {Quote(configPath)}{SetOption.CommandLine(request.Overrides)}";
        if (request.Shard is { } shard)
        {
            command += string.Create(CultureInfo.InvariantCulture, $" --shard {shard}");
        }

        return command;
    }

    private static string Quote(string text) => text.Contains(' ', StringComparison.Ordinal) ? $"\"{text}\"" : text;

    /// <summary>Tells two listeners of each finished run.</summary>
    private sealed class BothProgress(IProgress<RunProgress> first, IProgress<RunProgress> second) : IProgress<RunProgress>
    {
        public void Report(RunProgress value)
        {
            first.Report(value);
            second.Report(value);
        }
    }
}
