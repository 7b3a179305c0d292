namespace DescentLab.Tests.Support;

/// <summary>A fresh folder under the system temp folder, deleted on dispose.</summary>
public sealed class TempFolder : IDisposable
{
    /// <summary>Creates the folder.</summary>
    public TempFolder()
    {
        FullPath = Path.Combine(Path.GetTempPath(), "descentlab-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(FullPath);
    }

    /// <summary>Absolute path.</summary>
    public string FullPath { get; }

    /// <summary>A path inside the folder.</summary>
    public string PathOf(params string[] parts) => Path.Combine([FullPath, .. parts]);

    /// <summary>Writes a text file inside the folder and returns its path.</summary>
    public string Write(string relative, string text)
    {
        string path = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (Directory.Exists(FullPath))
        {
            Directory.Delete(FullPath, recursive: true);
        }
    }
}
