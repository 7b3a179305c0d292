namespace DescentLab.Experiments.External;

/// <summary>How to start an external optimizer process.</summary>
/// <param name="Argv">Program and arguments; a program path with a '/' is resolved against <paramref name="WorkingDirectory"/>.</param>
/// <param name="WorkingDirectory">The config file's folder, so relative paths in the arguments work.</param>
/// <param name="Timeout">Longest wait for any one answer.</param>
public sealed record ExternalCommand(IReadOnlyList<string> Argv, string WorkingDirectory, TimeSpan Timeout)
{
    /// <summary>The command line as a user would type it, for messages.</summary>
    public string Display => string.Join(' ', Argv);
}
