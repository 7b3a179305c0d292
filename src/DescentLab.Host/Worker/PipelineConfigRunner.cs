using DescentLab.Host.Commands;
using DescentLab.Output.Pipeline;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DescentLab.Host.Worker;

/// <summary>Runs a config for the worker exactly as <c>descentlab run CONFIG</c> would.</summary>
public sealed partial class PipelineConfigRunner : IConfigRunner
{
    private readonly IServiceProvider _services;
    private readonly IConfiguration _configuration;
    private readonly DescentLabSettings _settings;
    private readonly ILogger<PipelineConfigRunner> _logger;
    private readonly WorkerProgress _progress;

    /// <summary>A runner resolving the pipeline from <paramref name="services"/>; <paramref name="progress"/> hears of each
    /// run set and finished run (it feeds the systemd watchdog).</summary>
    public PipelineConfigRunner(IServiceProvider services, IConfiguration configuration, IOptions<DescentLabSettings> settings, ILogger<PipelineConfigRunner> logger, WorkerProgress progress)
    {
        _services = services;
        _progress = progress;
        _configuration = configuration;
        _settings = settings.Value;
        _logger = logger;
    }

    /// <inheritdoc/>
    public Task<int> RunAsync(string configPath, CancellationToken cancellationToken)
    {
        var request = new RunRequest(
            [configPath],
            HostSetup.ReportsRoot(_configuration),
            null,
            _settings.Parallel > 0 ? _settings.Parallel : Environment.ProcessorCount,
            null,
            false,
            _settings.DataFileMaxSamples);

        // Parallel.For blocks; keep the worker's loop responsive to the stop signal. Errors go to the structured log (at
        // Error, with the config's path), where an operator of a service looks, not only to stderr.
        return Task.Run(
            () =>
            {
                using var errors = new StringWriter();
                using var inFlight = _progress.Begin();
                int exitCode = RunCommand.Execute(_services, request, _settings.Limits, new CliOutput(TextWriter.Null, errors), cancellationToken, _progress);
                string text = errors.ToString().Trim();
                if (text.Length > 0)
                {
                    LogErrors(configPath, text);
                }

                return exitCode;
            },
            cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Config}: {Errors}")]
    private partial void LogErrors(string config, string errors);
}
