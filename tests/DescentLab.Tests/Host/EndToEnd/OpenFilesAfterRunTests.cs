using DescentLab.Tests.Support;
using NUnit.Framework;

namespace DescentLab.Tests.Host.EndToEnd;

/// <summary>A process that goes on after a run set (the <c>serve</c> worker) holds none of its files open: a folder pruned
/// later frees its space at once, and a disk it was written to can be unmounted.</summary>
public sealed class OpenFilesAfterRunTests
{
    private const string Quick = """
        name: quick
        seeds: [1, 2]
        datasets:
          - recipe: beans3
            n: 30
            models: [logistic]
        variants: [batch, sgd, adam]
        stop: { max_epochs: 5 }
        """;

    [Test]
    public void Run_InThisProcess_LeavesNoFileOfTheFolderOpen()
    {
        Assume.That(Directory.Exists("/proc/self/fd"), "needs /proc (Linux)");
        using var temp = new TempFolder();
        string config = temp.Write("quick.yaml", Quick);

        var result = InProcessCommand.Run(temp.FullPath, ["run", config, "--out", "out"], TimeSpan.FromMinutes(2));

        Assert.That(result.ExitCode, Is.Zero, result.Error);
        Assert.That(File.ReadLines(temp.PathOf("out", "curves.csv")).Count(), Is.GreaterThan(1), "the report read curves.csv");
        Assert.That(OpenFilesUnder(temp.PathOf("out")), Is.Empty);
    }

    // The files this process has open under folder, from the links in /proc/self/fd.
    private static List<string> OpenFilesUnder(string folder) =>
        [.. Directory.GetFileSystemEntries("/proc/self/fd")
            .Select(fd => { try { return File.ResolveLinkTarget(fd, returnFinalTarget: false)?.FullName; } catch (IOException) { return null; } })
            .OfType<string>()
            .Where(target => target.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal))];
}
