using System.Diagnostics;
using System.Text.Json;
using DescentLab.Host;
using DescentLab.Tests.Support;
using NUnit.Framework;

namespace DescentLab.Tests.Host;

/// <summary>The git commit a manifest records, looked up in the background from the command's start: the same answer as
/// git's own, for a config file's folder and for a folder of configs, with local changes marked, and none outside a
/// repository.</summary>
public sealed class GitCommitsTests
{
    private const string Config = """
        name: committed
        seeds: [1]
        datasets:
          - recipe: beans1
            n: 30
            models: [affine]
        variants:
          - sgd: { lr: 0.1 }
        stop: { max_epochs: 3 }
        """;

    [Test]
    public void Prefetch_OfAConfigFile_IsHeadOfItsRepository_AndDirtyOnceATrackedFileChanges()
    {
        using var temp = new TempFolder();
        string config = temp.Write("configs/committed.yaml", Config);
        string head = Commit(temp.FullPath);

        Assert.That(GitCommits.Prefetch([config]).Of(temp.PathOf("configs")), Is.EqualTo(head));

        File.AppendAllText(config, "# changed\n");
        Assert.That(GitCommits.Prefetch([config]).Of(temp.PathOf("configs")), Is.EqualTo(head + "-dirty"));
    }

    [Test]
    public void Prefetch_OfAFolderOfConfigs_AnswersForThatFolder_WithWhatGitSaidWhenTheCommandStarted()
    {
        using var temp = new TempFolder();
        string config = temp.Write("configs/committed.yaml", Config);
        string head = Commit(temp.FullPath);
        string folder = temp.PathOf("configs");
        var commits = GitCommits.Prefetch([folder + Path.DirectorySeparatorChar]);
        Assert.That(commits.Of(folder), Is.EqualTo(head));

        File.AppendAllText(config, "# changed\n");

        Assert.Multiple(() =>
        {
            Assert.That(commits.Of(folder), Is.EqualTo(head), "the prefetched answer, not a new lookup");
            Assert.That(GitCommits.OnDemand.Of(folder), Is.EqualTo(head + "-dirty"));
            Assert.That(GitCommits.Prefetch([temp.PathOf("elsewhere.yaml")]).Of(folder), Is.EqualTo(head + "-dirty"), "a folder not prefetched is looked up when asked");
        });
    }

    [Test]
    public void Of_OutsideARepository_IsNull()
    {
        using var temp = new TempFolder();
        string config = temp.Write("loose.yaml", Config);

        Assert.That(GitCommits.Prefetch([config]).Of(temp.FullPath), Is.Null);
    }

    [Test]
    public void Run_RecordsTheConfigsCommitInTheManifest()
    {
        using var temp = new TempFolder();
        string config = temp.Write("configs/committed.yaml", Config);
        string head = Commit(temp.FullPath);

        var result = DescentLabProcess.Run(temp.FullPath, "run", config, "--out", temp.PathOf("out"));

        Assert.That(result.ExitCode, Is.EqualTo(0), result.Error);
        using var manifest = JsonDocument.Parse(File.ReadAllText(temp.PathOf("out", "manifest.json")));
        Assert.That(manifest.RootElement.GetProperty("git_commit").GetString(), Is.EqualTo(head));
    }

    /// <summary>Makes <paramref name="folder"/> a repository with everything in it committed; returns HEAD.</summary>
    private static string Commit(string folder)
    {
        Git(folder, "init", "--quiet");
        Git(folder, "add", ".");
        Git(folder, "-c", "user.name=DescentLab tests", "-c", "user.email=tests@descentlab.invalid", "commit", "--quiet", "-m", "configs");
        return Git(folder, "rev-parse", "HEAD");
    }

    private static string Git(string folder, params string[] arguments)
    {
        using var git = Process.Start(new ProcessStartInfo("git", ["-C", folder, .. arguments]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        string output = git.StandardOutput.ReadToEnd();
        string error = git.StandardError.ReadToEnd();
        git.WaitForExit();
        Assert.That(git.ExitCode, Is.EqualTo(0), $"git {string.Join(' ', arguments)}: {error}");
        return output.Trim();
    }
}
