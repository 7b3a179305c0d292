namespace DescentLab.Tests.Support;

/// <summary>A fresh temporary folder, deleted with its contents when disposed.</summary>
public sealed class ScratchFolder : IDisposable
{
    /// <summary>Creates the folder.</summary>
    public ScratchFolder()
    {
        Path = Directory.CreateTempSubdirectory("descentlab-tests-").FullName;
    }

    /// <summary>Full path of the folder.</summary>
    public string Path { get; }

    /// <summary>A path inside the folder.</summary>
    public string File(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    /// <summary>Writes <paramref name="text"/> (UTF-8, no BOM) to a file inside the folder, creating sub-folders.</summary>
    public string Write(string relativePath, string text)
    {
        string path = File(relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    /// <inheritdoc/>
    public void Dispose() => Directory.Delete(Path, recursive: true);
}
