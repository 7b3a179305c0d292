using System.Security.Cryptography;

namespace DescentLab.Experiments.External;

/// <summary>Which command an external variant ran, and the files it consists of, as manifest.json records it.</summary>
/// <param name="Command">The program and its arguments, as written in the config.</param>
/// <param name="Files">Each argument that names a file (relative to the config file's folder) with its SHA-256: the script or
/// the executable. The program counts only when written as a path (with a '/'): a bare name is looked up on PATH, which
/// differs between machines.</param>
public sealed record ExternalOrigin(IReadOnlyList<string> Command, IReadOnlyList<FileDigest> Files)
{
    /// <summary>The origin of <paramref name="command"/>, hashing the files it names.</summary>
    public static ExternalOrigin Of(ExternalCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var files = new List<FileDigest>();
        for (int i = 0; i < command.Argv.Count; i++)
        {
            string argument = command.Argv[i];
            string path = System.IO.Path.Combine(command.WorkingDirectory, argument);
            if ((i > 0 || argument.Contains('/', StringComparison.Ordinal)) && File.Exists(path))
            {
                using var stream = File.OpenRead(path);
                files.Add(new FileDigest(argument, Convert.ToHexStringLower(SHA256.HashData(stream))));
            }
        }

        return new ExternalOrigin([.. command.Argv], files);
    }
}
