using System.Diagnostics;
using DescentLab.Tests.Support;
using NUnit.Framework;

namespace DescentLab.Tests.Host.Faults;

/// <summary>Full disks, read-only roots and bad command lines: each a clean message, the documented exit code, no stack
/// trace, and a folder that says it is incomplete.</summary>
/// <remarks>Disk and read-only cases mount a small tmpfs (needs root on Linux); where that is refused they are ignored.</remarks>
[NonParallelizable]
public sealed class BadSurroundingsTests
{
    private const string Tiny = """
        name: tiny
        seeds: [1, 2]
        datasets:
          - recipe: beans1
            n: 20
        models: [origin, affine]
        variants: [closed_form, batch, sgd]
        stop: { max_epochs: 10 }
        """;

    [TestCase("64k", 2, TestName = "DiskFull_AtTheClaim_NoFolderLeftAndExitTwo")]
    [TestCase("100k", 1, TestName = "DiskFull_DuringRuns_ExitOneIncomplete")]
    [TestCase("320k", 1, TestName = "DiskFull_DuringExport_ExitOneIncomplete")]
    public void DiskFull_CleanErrorIncompleteFolderThenResume(string size, int exitCode)
    {
        using var temp = new TempFolder();
        string config = temp.Write("tiny.yaml", Tiny);
        string root = temp.PathOf("disk");
        using var disk = Tmpfs.Mount(root, size);

        var result = DescentLabProcess.Run(temp.FullPath, "run", config, $"--DescentLab:ReportsDir={root}");

        Assert.That(result.ExitCode, Is.EqualTo(exitCode), result.Error);
        Assert.That(result.Error, Does.Contain("No space left on device").Or.Contain("database or disk is full"));
        Assert.That(result.Error, Does.Not.Contain("   at "), "no stack trace");
        Assert.That(result.Error, Does.Not.Contain("Unhandled exception"));
        string[] folders = Directory.Exists(Path.Combine(root, "tiny")) ? Directory.GetDirectories(Path.Combine(root, "tiny")) : [];
        Assert.That(folders, Has.Length.EqualTo(exitCode == 2 ? 0 : 1), "one folder, never a claim loop; none left behind by a claim that failed");
        Assert.That(File.Exists(Path.Combine(root, "tiny", "latest")), Is.False);
        Assert.That(Directory.Exists(Path.Combine(root, "tiny", "latest")), Is.False);
        if (exitCode == 1)
        {
            Assert.That(File.Exists(Path.Combine(folders[0], "INCOMPLETE")), Is.True);
            Assert.That(File.Exists(Path.Combine(folders[0], "manifest.json")), Is.False, "never a manifest next to INCOMPLETE");
            disk.Resize("16m");
            var resumed = DescentLabProcess.Run(temp.FullPath, "run", "--resume", folders[0]);
            Assert.That(resumed.ExitCode, Is.EqualTo(0), resumed.Error);
            Assert.That(File.Exists(Path.Combine(folders[0], "manifest.json")), Is.True);
            Assert.That(File.Exists(Path.Combine(folders[0], "INCOMPLETE")), Is.False);
            Assert.That(new FileInfo(Path.Combine(root, "tiny", "latest")).LinkTarget, Is.EqualTo(Path.GetFileName(folders[0])));
        }
    }

    [Test]
    public void ReadOnlyRoot_ExitsTwoWithTheFolder()
    {
        using var temp = new TempFolder();
        string config = temp.Write("tiny.yaml", Tiny);
        string root = temp.PathOf("disk");
        using var disk = Tmpfs.Mount(root, "1m");
        disk.ReadOnly();

        var result = DescentLabProcess.Run(temp.FullPath, "run", config, $"--DescentLab:ReportsDir={root}");

        Assert.That(result.ExitCode, Is.EqualTo(2), result.Error);
        Assert.That(result.Error, Does.Contain(root));
        Assert.That(result.Error, Does.Not.Contain("   at "));
    }

    [TestCase("reportsfile", TestName = "ReportsRootIsAFile_ExitsTwo")]
    [TestCase("latestdir", TestName = "LatestIsARealFolder_ExitsTwo")]
    public void BadReportsRoot_ExitsTwoWithAMessage(string kind)
    {
        using var temp = new TempFolder();
        string config = temp.Write("tiny.yaml", Tiny);
        string expected;
        if (kind == "reportsfile")
        {
            temp.Write("reports", "a file where the reports folder should be");
            expected = $"{temp.PathOf("reports", "history.db")}: cannot create the reports folder";
        }
        else
        {
            Directory.CreateDirectory(temp.PathOf("reports", "tiny", "latest"));
            expected = $"Cannot write output to '{temp.PathOf("reports", "tiny", "latest")}': it is a real folder, not the symbolic link DescentLab keeps there; move it away";
        }

        var result = DescentLabProcess.Run(temp.FullPath, "run", config);

        Assert.That(result.ExitCode, Is.EqualTo(2), result.Error);
        Assert.That(result.Error, Does.Contain(expected));
        Assert.That(result.Error, Does.Not.Contain("   at "));
    }

    [TestCase(new[] { "run", "tiny.yaml", "--parallel", "abc" }, "--parallel expects a whole number >= 0 (0 = the processor count), got 'abc'", TestName = "ParallelNotANumber")]
    [TestCase(new[] { "serve", "--DescentLab:DebounceSeconds=abc" }, "invalid setting: Failed to convert configuration value 'abc' at 'DescentLab:DebounceSeconds' to type 'System.Double'.", TestName = "ServeSettingNotANumber")]
    [TestCase(new[] { "report", "reports/nosuch" }, "reports/nosuch: the run folder does not exist", TestName = "ReportOfAMissingFolder")]
    [TestCase(new[] { "run", "--resume", "nosuch" }, "the run folder does not exist", TestName = "ResumeOfAMissingFolder")]
    public void BadCommandLine_ExitsTwoWithTheMessage(string[] args, string message)
    {
        using var temp = new TempFolder();
        temp.Write("tiny.yaml", Tiny);

        var result = DescentLabProcess.Run(temp.FullPath, args);

        Assert.That(result.ExitCode, Is.EqualTo(2), result.Error);
        Assert.That(result.Error, Does.Contain(message));
    }

    [Test]
    public void Run_SettingOnTheCommandLine_IsASettingNotAConfig()
    {
        using var temp = new TempFolder();
        temp.Write("tiny.yaml", Tiny);

        var result = DescentLabProcess.Run(temp.FullPath, "run", "tiny.yaml", "--DescentLab:ReportsDir=elsewhere", "--parallel", "0");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.Error);
        Assert.That(result.Out.Trim(), Does.StartWith(temp.PathOf("elsewhere", "tiny") + Path.DirectorySeparatorChar));
    }

    [Test]
    public void ServeHelp_ListsEverySetting()
    {
        using var temp = new TempFolder();

        var result = DescentLabProcess.Run(temp.FullPath, "serve", "--help");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.Error);
        foreach (string setting in new[] { "ConfigDir", "Schedule", "RunOnStart", "WatchConfigs", "DebounceSeconds", "Parallel", "ReportsDir", "MaxSamples" })
        {
            Assert.That(result.Out, Does.Contain($"--DescentLab:{setting}="), setting);
        }
    }

    /// <summary>A tmpfs mounted for one test, unmounted on dispose.</summary>
    private sealed class Tmpfs : IDisposable
    {
        private readonly string _path;

        private Tmpfs(string path) => _path = path;

        public static Tmpfs Mount(string path, string size)
        {
            Directory.CreateDirectory(path);
            if (!OperatingSystem.IsLinux() || Sh($"mount -t tmpfs -o size={size} tmpfs '{path}'") != 0)
            {
                Assert.Ignore("cannot mount a tmpfs here (needs root on Linux)");
            }

            return new Tmpfs(path);
        }

        public void Resize(string size) => Assert.That(Sh($"mount -o remount,size={size} '{_path}'"), Is.EqualTo(0));

        public void ReadOnly() => Assert.That(Sh($"mount -o remount,ro '{_path}'"), Is.EqualTo(0));

        public void Dispose() => Sh($"umount '{_path}'");

        private static int Sh(string command)
        {
            using var process = Process.Start(new ProcessStartInfo("sh", ["-c", command + " 2>/dev/null"]) { UseShellExecute = false })!;
            process.WaitForExit();
            return process.ExitCode;
        }
    }
}
