using DescentLab.Output.Retention;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DescentLab.Host.Worker;

/// <summary>Runs a config, then applies the retention policy to the reports root (<c>serve</c>'s housekeeping).</summary>
/// <remarks>Pruning never changes the run's exit code: a removal that fails is logged and left for the next run.</remarks>
public sealed partial class PruningConfigRunner : IConfigRunner
{
    private readonly IConfigRunner _inner;
    private readonly ReportsPruner _pruner;
    private readonly RetentionPolicy _policy;
    private readonly string _reportsRoot;
    private readonly ILogger<PruningConfigRunner> _logger;

    /// <summary>Wraps <paramref name="inner"/>.</summary>
    public PruningConfigRunner(
        IConfigRunner inner,
        ReportsPruner pruner,
        IOptions<DescentLabSettings> settings,
        IConfiguration configuration,
        ILogger<PruningConfigRunner> logger)
    {
        _inner = inner;
        _pruner = pruner;
        _policy = settings.Value.Retention;
        _reportsRoot = HostSetup.ReportsRoot(configuration);
        _logger = logger;
    }

    /// <inheritdoc/>
    public async Task<int> RunAsync(string configPath, CancellationToken cancellationToken)
    {
        int exitCode = await _inner.RunAsync(configPath, cancellationToken);
        if (!cancellationToken.IsCancellationRequested)
        {
            Prune();
        }

        return exitCode;
    }

    private void Prune()
    {
        if (_policy.Problem() is { } problem)
        {
            LogBadPolicy(problem);
            return;
        }

        try
        {
            var outcome = _pruner.Prune(_reportsRoot, _policy, dryRun: false);
            foreach (string note in outcome.Notes)
            {
                LogNote(note);
            }

            foreach (var item in outcome.Removed)
            {
                LogRemoved(item.Path, item.Reason, item.Bytes);
            }

            foreach (var (item, error) in outcome.Failed)
            {
                LogNotRemoved(item.Path, error);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            LogPruneFailed(ex, _reportsRoot);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Retention is not applied: {Problem}")]
    private partial void LogBadPolicy(string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Retention: {Note}")]
    private partial void LogNote(string note);

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention removed {Path} ({Reason}; {Bytes} bytes)")]
    private partial void LogRemoved(string path, string reason, long bytes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Retention could not remove {Path}: {Error}")]
    private partial void LogNotRemoved(string path, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Retention could not scan {ReportsRoot}")]
    private partial void LogPruneFailed(Exception exception, string reportsRoot);
}
