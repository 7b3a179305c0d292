namespace DescentLab.Experiments.External;

/// <summary>How to start an external optimizer process.</summary>
/// <param name="Argv">Program and arguments; a program path with a '/' is resolved against <paramref name="WorkingDirectory"/>.</param>
/// <param name="WorkingDirectory">The config file's folder, so relative paths in the arguments work.</param>
/// <param name="Timeout">Longest wait for any answer after the first (<c>timeout_seconds</c>).</param>
/// <param name="StartTimeout">Longest wait from launch to the first answer (<c>start_timeout_seconds</c>): interpreter
/// start and imports, which for a PyTorch optimizer alone take several seconds.</param>
public sealed record ExternalCommand(IReadOnlyList<string> Argv, string WorkingDirectory, TimeSpan Timeout, TimeSpan StartTimeout)
{
    /// <summary>Default of <c>timeout_seconds</c>.</summary>
    public const double DefaultTimeoutSeconds = 10;

    /// <summary>Default of <c>start_timeout_seconds</c>: generous, since start-up is paid once per process.</summary>
    public const double DefaultStartTimeoutSeconds = 120;

    /// <summary>The command line as a user would type it, for messages.</summary>
    public string Display => string.Join(' ', Argv);
}
