using System.Globalization;

namespace DescentLab.Output.Files;

/// <summary>The folder of one run set (SPEC §7) and the <c>latest</c> link next to it.</summary>
/// <remarks>Created before any run starts, which proves it writable. The folder is claimed by creating its <c>.owner</c>
/// file with CreateNew, so two processes started in the same second never share it: the loser takes the next suffix.
/// Files are written atomically; <c>INCOMPLETE</c> marks a set that was cancelled or crashed.</remarks>
public sealed class RunFolder
{
    /// <summary>Marker file of an incomplete run set.</summary>
    public const string IncompleteMarker = "INCOMPLETE";

    private const string OwnerFile = ".owner";

    private RunFolder(string path, string? latestLink)
    {
        FullPath = path;
        LatestLink = latestLink;
    }

    /// <summary>Absolute path of the folder.</summary>
    public string FullPath { get; }

    /// <summary>The <c>latest</c> link to move on completion, or null for an explicit <c>--out</c> folder.</summary>
    public string? LatestLink { get; }

    /// <summary>Claims <c>&lt;reportsRoot&gt;/&lt;name&gt;/&lt;UTC yyyyMMdd-HHmmss&gt;[-k]</c>.</summary>
    /// <exception cref="OutputFolderException">The folder cannot be created or written.</exception>
    public static RunFolder CreateUnderReports(string reportsRoot, string name, DateTimeOffset startedUtc)
    {
        string root = Path.GetFullPath(reportsRoot);
        string configFolder = Path.GetFullPath(Path.Combine(root, name));
        if (!IsInside(root, configFolder) || name is "." or ".." || name.Length == 0)
        {
            throw new OutputFolderException(configFolder, $"the run name '{name}' would leave the reports folder");
        }

        string stamp = startedUtc.UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        for (int k = 1; k < 1000; k++)
        {
            string candidate = Path.Combine(configFolder, k == 1 ? stamp : $"{stamp}-{k}");
            if (TryClaim(candidate))
            {
                return new RunFolder(candidate, Path.Combine(configFolder, "latest"));
            }
        }

        throw new OutputFolderException(configFolder, $"999 run folders already exist for {stamp}");
    }

    /// <summary>Claims an explicit folder (<c>--out DIR</c>); it must not hold another run.</summary>
    /// <exception cref="OutputFolderException">The folder holds a run already, or cannot be created or written.</exception>
    public static RunFolder CreateExplicit(string folder)
    {
        string path = Path.GetFullPath(folder);
        if (!TryClaim(path))
        {
            throw new OutputFolderException(path, "it already holds a run; choose an empty or new folder");
        }

        return new RunFolder(path, null);
    }

    /// <summary>Opens an existing run folder (for <c>report</c>, <c>baseline accept</c>).</summary>
    public static RunFolder Open(string folder)
    {
        string path = Path.GetFullPath(folder);
        if (!Directory.Exists(path))
        {
            throw new OutputFolderException(path, "no such folder");
        }

        return new RunFolder(path, null);
    }

    /// <summary>Absolute path of <paramref name="relativePath"/> inside the folder.</summary>
    /// <exception cref="OutputFolderException">The path would leave the folder.</exception>
    public string PathOf(string relativePath)
    {
        string full = Path.GetFullPath(Path.Combine(FullPath, relativePath));
        if (!IsInside(FullPath, full))
        {
            throw new OutputFolderException(full, "the path leaves the run folder");
        }

        return full;
    }

    /// <summary>Writes a text file atomically.</summary>
    public void WriteText(string relativePath, Action<TextWriter> write) => AtomicFile.WriteText(PathOf(relativePath), write);

    /// <summary>Marks the set incomplete (cancelled or crashed); <c>latest</c> is left alone.</summary>
    public void MarkIncomplete(string reason) => WriteText(IncompleteMarker, w => w.WriteLine(reason));

    /// <summary>True when the folder is marked incomplete.</summary>
    public bool IsIncomplete => File.Exists(Path.Combine(FullPath, IncompleteMarker));

    /// <summary>Points <c>latest</c> at this folder (a relative symbolic link, replaced by an atomic rename).</summary>
    public void PromoteToLatest()
    {
        if (LatestLink is null)
        {
            return;
        }

        string temp = $"{LatestLink}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        File.CreateSymbolicLink(temp, Path.GetFileName(FullPath));
        AtomicRename.Replace(temp, LatestLink);
    }

    private static bool TryClaim(string path)
    {
        try
        {
            Directory.CreateDirectory(path);
            using var owner = new FileStream(Path.Combine(path, OwnerFile), FileMode.CreateNew, FileAccess.Write, FileShare.None);
            owner.Write(System.Text.Encoding.ASCII.GetBytes(Environment.ProcessId.ToString(CultureInfo.InvariantCulture)));
            return true;
        }
        catch (IOException) when (File.Exists(Path.Combine(path, OwnerFile)))
        {
            return false;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new OutputFolderException(path, ex.Message, ex);
        }
    }

    private static bool IsInside(string root, string path)
    {
        string prefix = root.EndsWith(Path.DirectorySeparatorChar) ? root : root + Path.DirectorySeparatorChar;
        return path.StartsWith(prefix, StringComparison.Ordinal);
    }
}
