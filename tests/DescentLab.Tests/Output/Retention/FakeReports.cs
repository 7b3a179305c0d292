using System.Globalization;
using DescentLab.Output.Files;
using DescentLab.Output.Json;
using DescentLab.Tests.Support;

namespace DescentLab.Tests.Output.Retention;

/// <summary>A reports root of hand-made run folders whose file times are set relative to a fixed "now".</summary>
internal sealed class FakeReports : IDisposable
{
    /// <summary>The clock every test reads: 2026-12-15 12:00 UTC.</summary>
    public static readonly DateTimeOffset Now = new(2026, 12, 15, 12, 0, 0, TimeSpan.Zero);

    private readonly TempFolder _folder = new();

    /// <summary>The reports root.</summary>
    public string Root => _folder.FullPath;

    /// <summary>A complete run set of <paramref name="config"/> started <paramref name="daysAgo"/> days before <see cref="Now"/>.</summary>
    public string Complete(string config, double daysAgo, int k = 1)
    {
        string path = Folder(config, daysAgo, k);
        WriteAged(Path.Combine(path, ManifestJson.FileName), "{}", Now.AddDays(-daysAgo));
        WriteAged(Path.Combine(path, "summary.csv"), "run_id\n", Now.AddDays(-daysAgo));
        Age(path, Now.AddDays(-daysAgo));
        return path;
    }

    /// <summary>An incomplete run folder whose last write was <paramref name="idleHours"/> ago.</summary>
    public string Incomplete(string config, double daysAgo, double idleHours, bool marked)
    {
        string path = Folder(config, daysAgo, 1);
        var written = Now.AddHours(-idleHours);
        WriteAged(Path.Combine(path, "curves", "a.csv"), "epoch\n", written);
        if (marked)
        {
            WriteAged(Path.Combine(path, RunFolder.IncompleteMarker), "cancelled\n", written);
        }

        Age(Path.Combine(path, "curves"), written);
        Age(path, written);
        return path;
    }

    /// <summary>Points <c>&lt;config&gt;/latest</c> at <paramref name="runFolder"/>, as the pipeline does.</summary>
    public void Latest(string config, string runFolder) =>
        System.IO.File.CreateSymbolicLink(Path.Combine(Root, config, "latest"), Path.GetFileName(runFolder));

    /// <summary>A file written <paramref name="hoursAgo"/> hours before <see cref="Now"/>.</summary>
    public string File(string relative, double hoursAgo)
    {
        string path = Path.Combine(Root, relative);
        WriteAged(path, "x", Now.AddHours(-hoursAgo));
        return path;
    }

    /// <summary>Names of the entries left in a config folder, sorted.</summary>
    public string[] Left(string config) =>
        [.. Directory.EnumerateFileSystemEntries(Path.Combine(Root, config)).Select(Path.GetFileName).Order(StringComparer.Ordinal)!];

    /// <inheritdoc/>
    public void Dispose() => _folder.Dispose();

    /// <summary>The folder name of a set started <paramref name="daysAgo"/> days before <see cref="Now"/>.</summary>
    public static string Stamp(double daysAgo, int k = 1)
    {
        string stamp = Now.AddDays(-daysAgo).ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        return k == 1 ? stamp : $"{stamp}-{k}";
    }

    private string Folder(string config, double daysAgo, int k)
    {
        string path = Path.Combine(Root, config, Stamp(daysAgo, k));
        Directory.CreateDirectory(path);
        return path;
    }

    private static void WriteAged(string path, string text, DateTimeOffset written)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllText(path, text);
        System.IO.File.SetLastWriteTimeUtc(path, written.UtcDateTime);
    }

    private static void Age(string folder, DateTimeOffset written) => Directory.SetLastWriteTimeUtc(folder, written.UtcDateTime);
}
