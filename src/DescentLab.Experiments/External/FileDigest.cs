namespace DescentLab.Experiments.External;

/// <summary>A file as a command names it, and the SHA-256 of its bytes.</summary>
/// <param name="Path">As written in the command (relative to the config file's folder).</param>
/// <param name="Sha256">Lower-case hex SHA-256.</param>
public sealed record FileDigest(string Path, string Sha256);
