using System.Text;
using DescentLab.Output.Files;
using DescentLab.Output.Plots;

namespace DescentLab.Output.Site;

/// <summary>The site folder during one publish: writes only what changed and remembers every file it wrote or kept.</summary>
internal sealed class SiteFolder(string fullPath)
{
    private readonly HashSet<string> _kept = new(StringComparer.Ordinal);
    private readonly List<string> _written = [];
    private readonly List<string> _removed = [];
    private readonly List<string> _notes = [];

    /// <summary>The folder.</summary>
    public string FullPath { get; } = fullPath;

    /// <summary>Files written, relative with forward slashes.</summary>
    public IReadOnlyList<string> Written => _written;

    /// <summary>Files removed.</summary>
    public IReadOnlyList<string> Removed => _removed;

    /// <summary>What failed, with reasons.</summary>
    public IReadOnlyList<string> Notes => _notes;

    /// <summary>Whether <paramref name="relative"/> exists; an existing file is kept.</summary>
    public bool Exists(string relative)
    {
        bool exists = File.Exists(PathOf(relative));
        if (exists)
        {
            _kept.Add(relative);
        }

        return exists;
    }

    /// <summary>Writes <paramref name="text"/> (UTF-8) unless the file holds it already; true when written.</summary>
    public bool WriteIfChanged(string relative, string text) => WriteIfChanged(relative, Encoding.UTF8.GetBytes(text));

    /// <summary>Writes <paramref name="bytes"/> unless the file holds them already; true when written.</summary>
    public bool WriteIfChanged(string relative, byte[] bytes)
    {
        _kept.Add(relative);
        string path = PathOf(relative);
        if (File.Exists(path) && new FileInfo(path).Length == bytes.Length && File.ReadAllBytes(path).AsSpan().SequenceEqual(bytes))
        {
            return false;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        AtomicFile.WriteAllBytes(path, bytes);
        _written.Add(relative);
        return true;
    }

    /// <summary>Copies <paramref name="source"/> unless the copy has its size and time already.</summary>
    public void CopyIfChanged(string relative, string source)
    {
        _kept.Add(relative);
        string path = PathOf(relative);
        var from = new FileInfo(source);
        var to = new FileInfo(path);
        if (to.Exists && to.Length == from.Length && to.LastWriteTimeUtc == from.LastWriteTimeUtc)
        {
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        AtomicFile.WriteStream(path, stream =>
        {
            using var input = from.OpenRead();
            input.CopyTo(stream);
        });
        File.SetLastWriteTimeUtc(path, from.LastWriteTimeUtc);
        _written.Add(relative);
    }

    /// <summary>Draws a figure to <paramref name="relative"/> as PNG; false (and a note) when it cannot be drawn.</summary>
    public bool Draw(string relative, Func<PlotFigure> draw)
    {
        _kept.Add(relative);
        try
        {
            using var figure = draw();
            Directory.CreateDirectory(Path.GetDirectoryName(PathOf(relative))!);
            figure.SavePng(PathOf(relative));
            _written.Add(relative);
            return true;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            _kept.Remove(relative);
            _notes.Add($"{relative}: the image could not be drawn ({ex.GetType().Name}: {ex.Message}); its page shows the chart only with scripts");
            return false;
        }
    }

    /// <summary>Removes the files under <paramref name="folder"/> that this publish neither wrote nor kept, and emptied folders.</summary>
    public void RemoveOthers(string folder)
    {
        string root = PathOf(folder);
        if (!Directory.Exists(root))
        {
            return;
        }

        foreach (string file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList())
        {
            string relative = Path.GetRelativePath(FullPath, file).Replace('\\', '/');
            if (!_kept.Contains(relative))
            {
                File.Delete(file);
                _removed.Add(relative);
            }
        }

        foreach (string directory in Directory.EnumerateDirectories(root, "*", SearchOption.AllDirectories).OrderByDescending(d => d.Length).ToList())
        {
            if (!Directory.EnumerateFileSystemEntries(directory).Any())
            {
                Directory.Delete(directory);
            }
        }
    }

    private string PathOf(string relative) => Path.Combine(FullPath, relative);
}
