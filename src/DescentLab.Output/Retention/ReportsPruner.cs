using System.Globalization;
using System.Text.RegularExpressions;
using DescentLab.Experiments.Results;
using DescentLab.Output.Files;
using DescentLab.Output.History;
using DescentLab.Output.Json;
using Microsoft.Data.Sqlite;

namespace DescentLab.Output.Retention;

/// <summary>Applies a <see cref="RetentionPolicy"/> to a reports root: old complete run sets, stale incomplete folders and
/// stale temporary files go; <c>latest</c>'s target and each config's baseline set (the run set <c>baseline: previous</c>
/// compares with next) always stay.</summary>
/// <remarks>Only folders named like run sets (<c>yyyyMMdd-HHmmss[-k]</c>) directly under a config folder and files named
/// <c>*.tmp</c> are ever touched; symbolic links are never followed. A dated folder without a manifest of its own that
/// holds run folders is a sharded run set (<c>shard-1</c> .. <c>shard-N</c> and the merge's output): it is complete, and
/// kept or removed as one set, when one of them is a complete run set that is not a shard (the merged output); until
/// then it is incomplete. A complete set's age comes from its folder name, an incomplete folder's from its newest write,
/// so a run still writing is never taken. history.db keeps the rows of a pruned set, so trends and
/// <c>baseline: previous</c> are unaffected.</remarks>
public sealed partial class ReportsPruner(TimeProvider time)
{
    private const string LatestLink = "latest";
    private const string TemporarySuffix = ".tmp";

    /// <summary>Prunes <paramref name="reportsRoot"/>; with <paramref name="dryRun"/> nothing is removed, only listed.</summary>
    /// <exception cref="ArgumentException">The policy is unusable (<see cref="RetentionPolicy.Problem"/>).</exception>
    public PruneOutcome Prune(string reportsRoot, RetentionPolicy policy, bool dryRun) => Prune(reportsRoot, policy, dryRun, time.GetUtcNow());

    /// <summary>Prunes <paramref name="reportsRoot"/> as if the clock read <paramref name="now"/> (<c>prune --now</c>, to see
    /// what a policy will do on a later day).</summary>
    /// <exception cref="ArgumentException">The policy is unusable (<see cref="RetentionPolicy.Problem"/>).</exception>
    public PruneOutcome Prune(string reportsRoot, RetentionPolicy policy, bool dryRun, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (policy.Problem() is { } problem)
        {
            throw new ArgumentException(problem, nameof(policy));
        }

        string root = Path.GetFullPath(reportsRoot);
        var notes = new List<string>();
        if (!Directory.Exists(root))
        {
            notes.Add($"{root} does not exist; nothing to prune");
            return new PruneOutcome([], [], notes);
        }

        var grace = TimeSpan.FromHours(policy.GraceHours);
        var configFolders = Subfolders(root).ToArray();
        var baselines = Baselines(root, configFolders.Select(Path.GetFileName).ToArray()!, notes);
        bool limitComplete = policy.LimitsCompleteSets && baselines is not null;
        var items = new List<PruneItem>();
        foreach (string configFolder in configFolders)
        {
            items.AddRange(PruneConfig(configFolder, policy, limitComplete, baselines ?? [], now, grace));
        }

        var removedFolders = items.Select(i => i.Path).ToHashSet(StringComparer.Ordinal);
        items.AddRange(StaleTemporaryFiles(root, removedFolders, now, grace));
        if (dryRun)
        {
            return new PruneOutcome(items, [], notes);
        }

        var removed = new List<PruneItem>();
        var failed = new List<(PruneItem, string)>();
        foreach (var item in items)
        {
            try
            {
                if (item.Kind == PruneKind.TemporaryFile)
                {
                    File.Delete(item.Path);
                }
                else
                {
                    Directory.Delete(item.Path, recursive: true);
                }

                removed.Add(item);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                failed.Add((item, ex.Message));
            }
        }

        return new PruneOutcome(removed, failed, notes);
    }

    private static IEnumerable<PruneItem> PruneConfig(
        string configFolder, RetentionPolicy policy, bool limitComplete, IReadOnlySet<string> baselines, DateTimeOffset now, TimeSpan grace)
    {
        string? latest = LatestTarget(configFolder);
        var complete = new List<(string Path, DateTimeOffset Started, int K)>();
        foreach (string folder in Subfolders(configFolder))
        {
            if (RunSetStamp().Match(Path.GetFileName(folder)) is not { Success: true } match)
            {
                continue;
            }

            bool hasManifest = File.Exists(Path.Combine(folder, ManifestJson.FileName));
            bool marked = File.Exists(Path.Combine(folder, RunFolder.IncompleteMarker));
            if ((hasManifest && !marked) || (!hasManifest && !marked && HoldsMergedSet(folder)))
            {
                var started = DateTimeOffset.ParseExact(match.Groups["stamp"].Value, "yyyyMMdd-HHmmss", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
                int k = match.Groups["k"].Success ? int.Parse(match.Groups["k"].Value, CultureInfo.InvariantCulture) : 1;
                complete.Add((folder, started, k));
                continue;
            }

            var idle = now - LastWrite(folder);
            if (idle > grace && folder != latest)
            {
                string why = marked ? $"marked {RunFolder.IncompleteMarker}" : HoldsRunFolders(folder) ? "shards without a complete merge" : $"no {ManifestJson.FileName}";
                yield return new PruneItem(folder, PruneKind.IncompleteFolder, $"incomplete ({why}), no write for {Hours(idle)}", SizeOf(folder));
            }
        }

        if (!limitComplete)
        {
            yield break;
        }

        // Newest first: the stamp, then the same-second suffix.
        var ordered = complete.OrderByDescending(s => s.Started).ThenByDescending(s => s.K).ToArray();
        for (int i = 0; i < ordered.Length; i++)
        {
            var (path, started, _) = ordered[i];
            double ageDays = (now - started).TotalDays;
            bool beyondCount = policy.KeepLast == 0 || i >= policy.KeepLast;
            bool beyondAge = policy.KeepDays == 0 || ageDays > policy.KeepDays;
            if (!beyondCount || !beyondAge || path == latest || baselines.Any(b => IsSameOrInside(b, path)))
            {
                continue;
            }

            var reasons = new List<string>();
            if (policy.KeepLast > 0)
            {
                reasons.Add(string.Create(CultureInfo.InvariantCulture, $"not among the newest {policy.KeepLast}"));
            }

            if (policy.KeepDays > 0)
            {
                reasons.Add(string.Create(CultureInfo.InvariantCulture, $"{ageDays:0.0} days old (keep {policy.KeepDays})"));
            }

            yield return new PruneItem(path, PruneKind.CompleteSet, $"complete, {string.Join(", ", reasons)}", SizeOf(path));
        }
    }

    /// <summary>True when a subfolder of <paramref name="folder"/> is a complete run set of the whole matrix (a merge's
    /// output): its manifest exists, says complete and names no shard, and no INCOMPLETE marker lies beside it.</summary>
    private static bool HoldsMergedSet(string folder) =>
        Subfolders(folder).Any(sub =>
            !File.Exists(Path.Combine(sub, RunFolder.IncompleteMarker))
            && ManifestOf(Path.Combine(sub, ManifestJson.FileName)) is { Complete: true, Shard: null });

    /// <summary>True when a subfolder of <paramref name="folder"/> is (or was becoming) a run folder.</summary>
    private static bool HoldsRunFolders(string folder) =>
        Subfolders(folder).Any(sub =>
            File.Exists(Path.Combine(sub, ManifestJson.FileName)) || File.Exists(Path.Combine(sub, RunFolder.IncompleteMarker)));

    /// <summary>The manifest at <paramref name="path"/>, or null when it is missing or unreadable (then it is not a
    /// complete set, and the grace period decides).</summary>
    private static RunManifest? ManifestOf(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return ManifestJson.Read(path);
        }
        catch (Exception ex) when (ex is RunFileException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static bool IsSameOrInside(string path, string folder) =>
        path == folder || path.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    /// <summary>Each config's baseline run folder from history.db; null (keep every complete set) when it cannot be read.</summary>
    private static HashSet<string>? Baselines(string root, IReadOnlyList<string> configNames, List<string> notes)
    {
        var baselines = new HashSet<string>(StringComparer.Ordinal);
        string database = Path.Combine(root, HistoryStore.FileName);
        if (!File.Exists(database))
        {
            return baselines;
        }

        try
        {
            using var history = new HistoryStore(database);
            foreach (string name in configNames)
            {
                if (history.LatestComplete(name, null) is { } previous)
                {
                    baselines.Add(Path.GetFullPath(previous.RunDir));
                }
            }

            return baselines;
        }
        catch (Exception ex) when (ex is HistoryException or SqliteException or IOException)
        {
            notes.Add($"{database} could not be read ({ex.Message}); every complete run set is kept");
            return null;
        }
    }

    private static IEnumerable<PruneItem> StaleTemporaryFiles(string root, IReadOnlySet<string> removedFolders, DateTimeOffset now, TimeSpan grace)
    {
        var pending = new Stack<DirectoryInfo>();
        pending.Push(new DirectoryInfo(root));
        while (pending.Count > 0)
        {
            foreach (var entry in pending.Pop().EnumerateFileSystemInfos())
            {
                if (entry is DirectoryInfo directory && entry.LinkTarget is null)
                {
                    if (!removedFolders.Contains(directory.FullName))
                    {
                        pending.Push(directory);
                    }

                    continue;
                }

                if (!entry.Name.EndsWith(TemporarySuffix, StringComparison.Ordinal))
                {
                    continue;
                }

                var idle = now - new DateTimeOffset(entry.LastWriteTimeUtc, TimeSpan.Zero);
                if (idle > grace)
                {
                    long bytes = entry is FileInfo { LinkTarget: null } file ? file.Length : 0;
                    yield return new PruneItem(entry.FullName, PruneKind.TemporaryFile, $"temporary file, no write for {Hours(idle)}", bytes);
                }
            }
        }
    }

    private static IEnumerable<string> Subfolders(string folder) =>
        new DirectoryInfo(folder).EnumerateDirectories()
            .Where(d => d.LinkTarget is null)
            .Select(d => d.FullName)
            .Order(StringComparer.Ordinal);

    private static string? LatestTarget(string configFolder)
    {
        var link = new FileInfo(Path.Combine(configFolder, LatestLink));
        return link.LinkTarget is { } target ? Path.GetFullPath(target, configFolder) : null;
    }

    /// <summary>The newest write to the folder or anything below it (not following links).</summary>
    private static DateTimeOffset LastWrite(string folder)
    {
        var info = new DirectoryInfo(folder);
        var newest = info.LastWriteTimeUtc;
        foreach (var entry in info.EnumerateFileSystemInfos("*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }))
        {
            if (entry.LinkTarget is null && entry.LastWriteTimeUtc > newest)
            {
                newest = entry.LastWriteTimeUtc;
            }
        }

        return new DateTimeOffset(newest, TimeSpan.Zero);
    }

    private static long SizeOf(string folder) =>
        new DirectoryInfo(folder)
            .EnumerateFiles("*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
            .Where(f => f.LinkTarget is null)
            .Sum(f => f.Length);

    private static string Hours(TimeSpan idle) => string.Create(CultureInfo.InvariantCulture, $"{idle.TotalHours:0.0} h");

    [GeneratedRegex(@"^(?<stamp>[0-9]{8}-[0-9]{6})(-(?<k>[0-9]{1,3}))?$", RegexOptions.CultureInvariant)]
    private static partial Regex RunSetStamp();
}
