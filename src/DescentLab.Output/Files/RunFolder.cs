using System.Globalization;

namespace DescentLab.Output.Files;

/// <summary>The folder of one run set and the <c>latest</c> link next to it.</summary>
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

        string latest = Path.Combine(configFolder, "latest");
        CheckLatestIsLink(latest);
        CatchUpToNewestComplete(configFolder, latest);
        string stamp = startedUtc.UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        for (int k = 1; k < 1000; k++)
        {
            string candidate = Path.Combine(configFolder, k == 1 ? stamp : $"{stamp}-{k}");
            if (TryClaim(candidate))
            {
                return new RunFolder(candidate, latest);
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
            throw new OutputFolderException(path, "the folder does not exist");
        }

        return new RunFolder(path, null);
    }

    /// <summary>Takes over an interrupted run folder for <c>run --resume</c>; <paramref name="latestLink"/> as when it was claimed.</summary>
    /// <exception cref="OutputFolderException">The folder is missing, or its owner is still running.</exception>
    public static RunFolder Reopen(string folder, string? latestLink)
    {
        var opened = Open(folder);
        string ownerPath = Path.Combine(opened.FullPath, OwnerFile);
        try
        {
            string owner = File.Exists(ownerPath) ? File.ReadAllText(ownerPath).Trim() : string.Empty;
            if (int.TryParse(owner, NumberStyles.None, CultureInfo.InvariantCulture, out int pid) && pid != Environment.ProcessId && IsRunning(pid))
            {
                throw new OutputFolderException(opened.FullPath, $"process {pid} is still writing it; stop it first");
            }

            if (latestLink is not null)
            {
                CheckLatestIsLink(latestLink);
            }

            AtomicFile.WriteAllText(ownerPath, Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
            AtomicFile.WriteAllText(Path.Combine(opened.FullPath, IncompleteMarker), InProgressNote(opened.FullPath));

            // Temporary files of the dead writer: never renamed into place, so never part of the set.
            foreach (string temp in Directory.EnumerateFiles(opened.FullPath, "*.tmp", SearchOption.AllDirectories))
            {
                File.Delete(temp);
            }
            return new RunFolder(opened.FullPath, latestLink);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new OutputFolderException(opened.FullPath, ex.Message, ex);
        }
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

    /// <summary>Rewrites the incomplete mark with <paramref name="reason"/> if the disk allows; the mark written when
    /// the folder was claimed stays otherwise, so the folder is marked incomplete either way.</summary>
    public void TryMarkIncomplete(string reason)
    {
        try
        {
            MarkIncomplete(reason);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The claim's marker is still there.
        }
    }

    /// <summary>Clears the incomplete mark once every file of the set is written.</summary>
    public void MarkComplete() => File.Delete(Path.Combine(FullPath, IncompleteMarker));

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

    /// <summary>Points <paramref name="latestLink"/> at the complete folder <paramref name="folder"/> when it is missing or points
    /// at an earlier set (folder names are <c>yyyyMMdd-HHmmss[-k]</c>); true when it moved. A kill between a set completing
    /// and <c>latest</c> moving is caught up by <c>run --resume</c> this way, without moving <c>latest</c> back.</summary>
    public static bool CatchUpLatest(string folder, string latestLink)
    {
        CheckLatestIsLink(latestLink);
        string? target = new FileInfo(latestLink).LinkTarget;
        if (target is not null
            && string.CompareOrdinal(StartOrder(Path.GetFileName(Path.TrimEndingDirectorySeparator(target))), StartOrder(Path.GetFileName(Path.TrimEndingDirectorySeparator(folder)))) >= 0)
        {
            return false;
        }

        new RunFolder(Path.GetFullPath(folder), latestLink).PromoteToLatest();
        return true;
    }

    /// <summary>Removes <paramref name="folder"/> when it holds nothing but a claim whose process is gone (killed before it
    /// recorded anything else); true when it did.</summary>
    public static bool TryRemoveBareClaim(string folder)
    {
        string path = Path.GetFullPath(folder);
        try
        {
            if (!Directory.Exists(path) || Directory.EnumerateDirectories(path).Any()
                || Directory.EnumerateFiles(path).Select(Path.GetFileName).Any(f => f is not (OwnerFile or IncompleteMarker) && !f!.EndsWith(".tmp", StringComparison.Ordinal)))
            {
                return false;
            }

            string ownerPath = Path.Combine(path, OwnerFile);
            string owner = File.Exists(ownerPath) ? File.ReadAllText(ownerPath).Trim() : string.Empty;
            if (int.TryParse(owner, NumberStyles.None, CultureInfo.InvariantCulture, out int pid) && pid != Environment.ProcessId && IsRunning(pid))
            {
                return false;
            }

            Directory.Delete(path, recursive: true);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Moves <paramref name="latest"/> up to the newest complete set of <paramref name="configFolder"/>, so a kill
    /// between a set completing and <c>latest</c> moving is caught up by the next run, not only by a resume.</summary>
    private static void CatchUpToNewestComplete(string configFolder, string latest)
    {
        try
        {
            if (!Directory.Exists(configFolder))
            {
                return;
            }

            string? newest = Directory.EnumerateDirectories(configFolder)
                .Where(d => Path.GetFileName(d) != Path.GetFileName(latest)
                    && File.Exists(Path.Combine(d, Json.ManifestJson.FileName))
                    && !File.Exists(Path.Combine(d, IncompleteMarker)))
                .MaxBy(d => StartOrder(Path.GetFileName(d)), StringComparer.Ordinal);
            if (newest is not null)
            {
                CatchUpLatest(newest, latest);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Only a catch-up: this run moves latest itself when it completes.
        }
    }

    /// <summary>A key that sorts folders named <c>yyyyMMdd-HHmmss[-k]</c> by when they started (k = 1 when absent).</summary>
    private static string StartOrder(string name)
    {
        int dash = name.IndexOf('-', StringComparison.Ordinal);
        int second = dash < 0 ? -1 : name.IndexOf('-', dash + 1);
        int k = 1;
        if (second >= 0 && !int.TryParse(name.AsSpan(second + 1), NumberStyles.None, CultureInfo.InvariantCulture, out k))
        {
            k = 0;
        }

        return string.Create(CultureInfo.InvariantCulture, $"{(second < 0 ? name : name[..second])}|{k:D6}");
    }

    /// <summary>Claims <paramref name="path"/> by creating its <c>.owner</c> file; false only when another process owns it.</summary>
    /// <remarks>Only the exclusive create decides ownership. A failure to write the pid afterwards (a full disk leaves an
    /// empty <c>.owner</c>) is an error of this folder, never a reason to try the next one.</remarks>
    private static bool TryClaim(string path)
    {
        string ownerPath = Path.Combine(path, OwnerFile);
        bool created = !Directory.Exists(path);
        try
        {
            Directory.CreateDirectory(path);
            FileStream owner;
            try
            {
                owner = new FileStream(ownerPath, FileMode.CreateNew, FileAccess.Write, FileShare.None);
            }
            catch (IOException) when (File.Exists(ownerPath))
            {
                return false;
            }

            using (owner)
            {
                owner.Write(System.Text.Encoding.ASCII.GetBytes(Environment.ProcessId.ToString(CultureInfo.InvariantCulture)));
                owner.Flush(flushToDisk: true);
            }

            // Marked incomplete from the start, so a crash or kill -9 at any moment leaves a folder that says so.
            AtomicFile.WriteAllText(Path.Combine(path, IncompleteMarker), InProgressNote(path));
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A claim that could not be completed (a full disk) leaves no folder behind that this process made.
            if (created)
            {
                TryRemoveBareClaim(path);
            }

            throw new OutputFolderException(path, ex.Message, ex);
        }
    }

    private static string InProgressNote(string path) => string.Create(
        CultureInfo.InvariantCulture,
        $"in progress or interrupted (pid {Environment.ProcessId}); finish it with: descentlab run --resume {path}\n");

    /// <summary><c>latest</c> must be a link (or absent): a real folder there would be replaced by nothing or lost.</summary>
    private static void CheckLatestIsLink(string latest)
    {
        var info = new DirectoryInfo(latest);
        if (info.Exists && info.LinkTarget is null)
        {
            throw new OutputFolderException(latest, "it is a real folder, not the symbolic link DescentLab keeps there; move it away");
        }

        if (!info.Exists && File.Exists(latest) && new FileInfo(latest).LinkTarget is null)
        {
            throw new OutputFolderException(latest, "it is a file, not the symbolic link DescentLab keeps there; move it away");
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    private static bool IsInside(string root, string path)
    {
        string prefix = root.EndsWith(Path.DirectorySeparatorChar) ? root : root + Path.DirectorySeparatorChar;
        return path.StartsWith(prefix, StringComparison.Ordinal);
    }
}
