using System.Xml.Linq;
using DescentLab.Tests.Support;
using NUnit.Framework;

namespace DescentLab.Tests.Host.EndToEnd;

/// <summary><c>compare</c>, <c>run --junit</c> and GITHUB_STEP_SUMMARY through the command line.</summary>
public sealed class CompareEndToEndTests
{
    private const string Config = """
        name: cmp
        seeds: [1, 2, 3]
        datasets:
          - recipe: beans1
            n: 30
        models: [origin]
        variants:
          - sgd: { lr: [0.05, 0.01] }
          - batch: { lr: 0.2 }
        stop: { max_epochs: EPOCHS, target_gap: 1.0e-6 }
        regression: { baseline: previous }
        """;

    private TempFolder _temp = null!;
    private DescentLabProcess.Result _first = null!;
    private DescentLabProcess.Result _second = null!;

    [OneTimeSetUp]
    public void RunTwice()
    {
        _temp = new TempFolder();
        string good = _temp.Write("good/cmp.yaml", Config.Replace("EPOCHS", "30", StringComparison.Ordinal));
        string worse = _temp.Write("worse/cmp.yaml", Config.Replace("EPOCHS", "10", StringComparison.Ordinal));
        _first = DescentLabProcess.Run(_temp.FullPath, "run", good, "--out", "a", "--junit", "a.xml");
        _second = DescentLabProcess.Run(
            _temp.FullPath,
            new Dictionary<string, string?> { ["GITHUB_STEP_SUMMARY"] = _temp.PathOf("summary.md") },
            "run", worse, "--out", "b", "--junit", "b.xml");
    }

    [OneTimeTearDown]
    public void Cleanup() => _temp.Dispose();

    [Test]
    public void Run_FirstWithPreviousAndEmptyHistory_SaysItIsTheBaselineForTheNext()
    {
        Assert.That(_first.ExitCode, Is.EqualTo(0), _first.Error);
        Assert.That(_first.Error, Does.Contain("cmp: No earlier run set to compare with; this one is the baseline for the next."));
        Assert.That(XDocument.Load(_temp.PathOf("a.xml")).Descendants("testcase").Count(), Is.EqualTo(3));
        Assert.That(XDocument.Load(_temp.PathOf("a.xml")).Descendants("failure"), Is.Empty);
    }

    [Test]
    public void Run_Worse_WritesJunitFailuresAndTheStepSummary()
    {
        Assert.That(_second.ExitCode, Is.EqualTo(0), "no fail: true, no flag: " + _second.Error);
        var failures = XDocument.Load(_temp.PathOf("b.xml")).Descendants("failure").ToList();
        Assert.That(failures, Has.Count.EqualTo(3), "fewer epochs: every setting ends with a larger gap");
        Assert.That(failures.Select(f => (string)f.Attribute("message")!), Has.All.Contain("baseline median").And.All.Contain("now median").And.All.Contain("tolerance"));
        string summary = File.ReadAllText(_temp.PathOf("summary.md"));
        Assert.That(summary, Does.StartWith("## DescentLab cmp: 9 runs: 0 converged, 3 regressions, 0 improvements, 0 failed, 0 diverged\n"));
        Assert.That(summary, Does.Contain("**Config changed:**"));
        Assert.That(summary, Does.Contain("| `beans1-n30_origin_batch_lr0.2` | final\\_gap |"));
    }

    [Test]
    public void Compare_SameFolder_NothingChangesAndExitsZero()
    {
        var result = DescentLabProcess.Run(_temp.FullPath, "compare", "a", "a", "--fail-on-regression");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.Error);
        Assert.That(result.Out, Does.Contain("0 regressions, 0 improvements, 9 unchanged (setting × metric); 0 new runs, 0 missing runs."));
        Assert.That(result.Out, Does.Not.Contain("config differs"));
    }

    [Test]
    public void Compare_Worse_FlagsEachRegressedSettingAndExitsThreeWithTheFlag()
    {
        var withFlag = DescentLabProcess.Run(_temp.FullPath, "compare", "a", "b", "--fail-on-regression", "--junit", "cmp.xml");
        var withoutFlag = DescentLabProcess.Run(_temp.FullPath, "compare", "a", "b");

        Assert.That(withFlag.ExitCode, Is.EqualTo(3), withFlag.Error);
        Assert.That(withoutFlag.ExitCode, Is.EqualTo(0), withoutFlag.Error);
        var lines = withFlag.Out.Split('\n');
        Assert.That(lines[0], Is.EqualTo("Comparing a (before) with b (after); tolerances: gap 1E-09 relative, 1E-12 absolute; epochs 0; allow_missing false."));
        Assert.That(lines[1], Does.StartWith("The config differs from the baseline's"));
        Assert.That(lines.Where(l => l.StartsWith("regression ", StringComparison.Ordinal)).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1]),
            Is.EqualTo(new[] { "beans1-n30_origin_sgd_lr0.05", "beans1-n30_origin_sgd_lr0.01", "beans1-n30_origin_batch_lr0.2" }));
        Assert.That(withFlag.Out, Does.Contain("3 regressions, 0 improvements, 6 unchanged (setting × metric)"));
        Assert.That(XDocument.Load(_temp.PathOf("cmp.xml")).Descendants("failure").Count(), Is.EqualTo(3));
    }

    [TestCase("nowhere", "compare: nowhere: run folder not found")]
    [TestCase("good", "compare: good/manifest.json")]
    public void Compare_BadFolder_ExitsTwoWithAClearMessage(string folder, string message)
    {
        var result = DescentLabProcess.Run(_temp.FullPath, "compare", "a", folder);

        Assert.That(result.ExitCode, Is.EqualTo(2), result.Out);
        Assert.That(result.Error, Does.StartWith(message));
    }
}
