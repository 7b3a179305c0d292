namespace DescentLab.Host.Worker;

/// <summary>Runs a config, then republishes the history site (<c>serve</c> with <c>DescentLab:ServeSite</c>).</summary>
/// <remarks>Publishing never changes the run's exit code.</remarks>
public sealed class PublishingConfigRunner(IConfigRunner inner, SiteRefresher site) : IConfigRunner
{
    /// <inheritdoc/>
    public async Task<int> RunAsync(string configPath, CancellationToken cancellationToken)
    {
        int exitCode = await inner.RunAsync(configPath, cancellationToken);
        if (!cancellationToken.IsCancellationRequested)
        {
            site.Refresh();
        }

        return exitCode;
    }
}
