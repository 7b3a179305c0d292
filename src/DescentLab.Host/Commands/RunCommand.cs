using System.CommandLine;
using System.Globalization;
using DescentLab.Experiments.Config;
using DescentLab.Experiments.Planning;
using DescentLab.Host.Logging;
using DescentLab.Output.Pipeline;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DescentLab.Host.Commands;

/// <summary><c>descentlab run CONFIG... [--out DIR] [--parallel N] [--shard K/N] [--fail-on-regression] [--junit FILE]</c>.</summary>
public static class RunCommand
{
    /// <summary>The command.</summary>
    public static Command Create()
    {
        var configs = new Argument<string[]>("CONFIG") { Arity = ArgumentArity.OneOrMore, Description = "Config files (YAML or JSON)." };
        var outDir = new Option<string?>("--out") { Description = "This run's folder (with several configs: one subfolder per config name)." };
        var parallel = new Option<int?>("--parallel") { Description = "Runs at once (default: the processor count)." };
        var shard = new Option<string?>("--shard") { Description = "Run only shard K of N of the run matrix, e.g. 2/4; join the shards with 'merge'." };
        var failOnRegression = new Option<bool>("--fail-on-regression") { Description = "Exit with code 3 when a run regressed against the baseline." };
        var junit = CiOptions.Junit();
        var command = new Command("run", "Run the configs once and exit.") { configs, outDir, parallel, shard, failOnRegression, junit };
        command.SetAction((parseResult, _) =>
        {
            var output = DescentLabCommandLine.OutputOf(parseResult);
            ShardSpec? shardSpec = null;
            if (parseResult.GetValue(shard) is { } shardText && (shardSpec = ShardSpec.TryParse(shardText, out string shardError)) is null)
            {
                output.Error.WriteLine(shardError);
                return Task.FromResult(ExitCodes.BadInput);
            }

            if (parseResult.GetValue(parallel) is < 1)
            {
                output.Error.WriteLine("--parallel expects a number >= 1");
                return Task.FromResult(ExitCodes.BadInput);
            }

            return CommandHost.RunAsync([], logToFile: true, (services, cancellationToken) =>
            {
                var settings = services.GetRequiredService<IOptions<DescentLabSettings>>().Value;
                var request = new RunRequest(
                    parseResult.GetRequiredValue(configs),
                    HostSetup.ReportsRoot(services.GetRequiredService<IConfiguration>()),
                    parseResult.GetValue(outDir),
                    parseResult.GetValue(parallel) ?? (settings.Parallel > 0 ? settings.Parallel : Environment.ProcessorCount),
                    shardSpec,
                    parseResult.GetValue(failOnRegression))
                {
                    Ci = CiOptions.Outputs(parseResult.GetValue(junit)),
                };
                return Task.FromResult(Execute(services, request, settings.Limits, output, cancellationToken));
            });
        });
        return command;
    }

    /// <summary>Runs <paramref name="request"/> and maps its outcome to an exit code.</summary>
    public static int Execute(IServiceProvider services, RunRequest request, ConfigLimits limits, CliOutput output, CancellationToken cancellationToken)
    {
        var pipeline = services.GetRequiredService<ExperimentPipeline>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("descentlab.run");
        var result = pipeline.Run(
            request,
            (config, path) => RunEnvironmentFactory.Create(config, path, ReproduceCommand(path, request), request.Parallel),
            limits,
            ProgressReporter.ForConsole(logger),
            cancellationToken);
        foreach (string error in result.Errors)
        {
            output.Error.WriteLine(error);
        }

        foreach (string folder in result.RunFolders)
        {
            output.Out.WriteLine(folder);
        }

        return result.Outcome switch
        {
            PipelineOutcome.Success => ExitCodes.Success,
            PipelineOutcome.Regression => ExitCodes.Regression,
            PipelineOutcome.BadInput => ExitCodes.BadInput,
            _ => ExitCodes.Failure,
        };
    }

    private static string ReproduceCommand(string configPath, RunRequest request)
    {
        string command = $"descentlab run {Quote(configPath)}";
        if (request.Shard is { } shard)
        {
            command += string.Create(CultureInfo.InvariantCulture, $" --shard {shard}");
        }

        return command;
    }

    private static string Quote(string text) => text.Contains(' ', StringComparison.Ordinal) ? $"\"{text}\"" : text;
}
