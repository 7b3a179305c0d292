using DescentLab.Host.Commands;
using DescentLab.Output.Pipeline;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace DescentLab.Host.Worker;

/// <summary>Runs a config for the worker exactly as <c>descentlab run CONFIG</c> would.</summary>
public sealed class PipelineConfigRunner : IConfigRunner
{
    private readonly IServiceProvider _services;
    private readonly IConfiguration _configuration;
    private readonly DescentLabSettings _settings;

    /// <summary>A runner resolving the pipeline from <paramref name="services"/>.</summary>
    public PipelineConfigRunner(IServiceProvider services, IConfiguration configuration, IOptions<DescentLabSettings> settings)
    {
        _services = services;
        _configuration = configuration;
        _settings = settings.Value;
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

        // Parallel.For blocks; keep the worker's loop responsive to the stop signal.
        return Task.Run(() => RunCommand.Execute(_services, request, _settings.Limits, new CliOutput(Console.Out, Console.Error), cancellationToken), cancellationToken);
    }
}
