namespace DescentLab.Host.Commands;

/// <summary>Where a command prints its results (stdout) and its complaints (stderr).</summary>
public sealed record CliOutput(TextWriter Out, TextWriter Error);
