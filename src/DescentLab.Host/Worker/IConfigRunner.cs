namespace DescentLab.Host.Worker;

/// <summary>Runs one config file through the pipeline (the worker's only way to start work).</summary>
public interface IConfigRunner
{
    /// <summary>Runs <paramref name="configPath"/>; returns the exit code it would have as <c>descentlab run</c>.</summary>
    Task<int> RunAsync(string configPath, CancellationToken cancellationToken);
}
