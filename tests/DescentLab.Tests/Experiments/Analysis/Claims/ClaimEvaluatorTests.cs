using DescentLab.Experiments.Analysis.Claims;
using DescentLab.Experiments.Config;
using DescentLab.Experiments.Results;
using DescentLab.Output.Report;
using DescentLab.Tests.Support;
using NUnit.Framework;

namespace DescentLab.Tests.Experiments.Analysis.Claims;

/// <summary>Note claims checked on real runs: every shipped config's claims hold (run in-process, as the run command
/// plans and runs them), and a false claim is marked ✗ in report.md and fails the same check.</summary>
public sealed class ClaimEvaluatorTests
{
    /// <summary>20 epochs of fixed-step descent from w = 0.1 by 0.01 end at w = 0.3 on every seed, far below beans1's
    /// w* (about 1.2, a little different per seed, as each seed draws its own beans).</summary>
    private const string Small =
        """
        name: claims
        seeds: [1, 2]
        datasets:
          - recipe: beans1
            n: 30
        models: [origin]
        variants:
          - closed_form
          - batch: { lr: 0.5 }
          - fixed_step: { step: 0.01 }
        init: { w: 0.1 }
        stop: { max_epochs: 20 }
        report:
          notes:
            fit:
              text: "Fixed-step descent walks 0.01 per epoch."
              model: origin
              expect:
                - { variant: fixed_step, w: "> 0.2999" }
                - { variant: fixed_step, w: "< 0.3001" }
                - { variant: fixed_step, w: "< optimum" }
                - { variant: fixed_step, status: not_converged }
                - { variant: closed_form, epochs_to_target: "<= 1", seeds: median }
                - { faster: closed_form, than: fixed_step }
                - { better: fixed_step, than: batch, by: final_gap, seeds: any }

        """;

    private static IEnumerable<string> ShippedConfigs() =>
        Directory.EnumerateFiles(Path.GetDirectoryName(RepoFiles.Config("lesson.yaml"))!, "*.*", SearchOption.AllDirectories)
            .Where(f => Path.GetExtension(f) is ".yaml" or ".json" && !f.Contains($"{Path.DirectorySeparatorChar}baselines{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(Path.GetDirectoryName(RepoFiles.Config("lesson.yaml"))!, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);

    [TestCaseSource(nameof(ShippedConfigs))]
    public void ShippedConfig_EveryClaimOfItsNotes_Holds(string file)
    {
        var config = Load(RepoFiles.Config(file));
        if (!config.Report.Notes.Any(n => n.Expect.Count > 0))
        {
            Assert.That(config.Report.Notes.SelectMany(n => n.Expect), Is.Empty);
            return;
        }

        var results = ClaimEvaluator.Evaluate(TestRunSets.Run(config, resolveConfig: true));

        Assert.That(Failures(results), Is.Empty);
    }

    [Test]
    public void Evaluate_HandMadeRuns_EachClaimJudgedWithWhatWasMeasured()
    {
        var results = Evaluate(Small);

        Assert.That(results.Select(r => (r.Mark, r.Statement, r.Measured)), Is.EqualTo(new[]
        {
            ("✓", "fixed_step w > 0.2999", "0.3"),
            ("✓", "fixed_step w < 0.3001", "0.3"),
            ("✓", "fixed_step w < optimum", "0.3"),
            ("✓", "fixed_step ends not_converged", "not_converged 2/2"),
            ("✓", "closed_form epochs_to_target <= 1 in the median", "1"),
            ("✓", "closed_form faster than fixed_step by epochs_to_target", "closed_form 1, fixed_step never; ahead on 2 of 2 seeds"),
            ("✗", "fixed_step better than batch by final_gap on some seed", results[^1].Measured),
        }));
    }

    [Test]
    public void FalseClaim_RendersACrossInReportMd_AndFailsTheShippedCheck()
    {
        using var folder = new TempFolder();
        var config = Load(folder.Write("claims.yaml", Small));
        var set = TestRunSets.Run(config, resolveConfig: true);

        string markdown = MarkdownReport.ToMarkdown(set, []);
        var failures = Failures(ClaimEvaluator.Evaluate(set));

        Assert.Multiple(() =>
        {
            Assert.That(markdown, Does.Contain("- ✗ `fixed_step better than batch by final_gap on some seed`: "));
            Assert.That(markdown, Does.Contain("(**does not hold**)"));
            Assert.That(markdown, Does.Contain("- ✓ `fixed_step w < optimum`: 0.3\n"));
            Assert.That(failures, Has.Count.EqualTo(1));
            Assert.That(failures.Single(), Does.StartWith("fit (model origin): fixed_step better than batch by final_gap on some seed: measured fixed_step "));
        });
    }

    [Test]
    public void Note_NamingAProblem_ShownOnceUnderThatProblemOnly()
    {
        using var folder = new TempFolder();
        string yaml = Small.Replace("models: [origin]", "models: [origin, affine]", StringComparison.Ordinal)
            .Replace("init: { w: 0.1 }", "init: { w: 0.1, b: 0.0 }", StringComparison.Ordinal)
            .Replace("report:\n", "report:\n  sections: [leaderboards, notes]\n", StringComparison.Ordinal)
            .Replace("    fit:\n", "    leaderboards:\n", StringComparison.Ordinal);
        var set = TestRunSets.Run(Load(folder.Write("claims.yaml", yaml)), resolveConfig: true);

        string markdown = MarkdownReport.ToMarkdown(set, []);
        int note = markdown.IndexOf("Fixed-step descent walks", StringComparison.Ordinal);
        int origin = markdown.IndexOf("### beans1 n=30, origin, mse", StringComparison.Ordinal);
        int next = markdown.IndexOf("\n### ", origin + 1, StringComparison.Ordinal);

        Assert.Multiple(() =>
        {
            Assert.That(markdown.Split("Fixed-step descent walks").Length - 1, Is.EqualTo(1), "shown once");
            Assert.That(origin, Is.GreaterThanOrEqualTo(0));
            Assert.That(note, Is.GreaterThan(origin), "after the origin problem's heading");
            Assert.That(next < 0 || note < next, Is.True, "before the next problem's heading");
        });
    }

    /// <summary>One line per claim that does not hold: where its note is, the claim and what was measured.</summary>
    private static List<string> Failures(IReadOnlyList<ClaimResult> results) =>
        [.. results.Where(r => !r.Holds).Select(r =>
            r.Note.Section + (r.Note.HasProblem ? $" ({string.Join(", ", new[] { ("dataset", r.Note.Dataset), ("model", r.Note.Model) }.Where(p => p.Item2 is not null).Select(p => p.Item1 + " " + p.Item2))})" : string.Empty)
            + ": " + r.Statement + ": measured " + r.Measured)];

    private static IReadOnlyList<ClaimResult> Evaluate(string yaml)
    {
        using var folder = new TempFolder();
        return ClaimEvaluator.Evaluate(TestRunSets.Run(Load(folder.Write("claims.yaml", yaml)), resolveConfig: true));
    }

    private static ExperimentConfig Load(string path)
    {
        var loaded = ConfigLoader.Load(path, ConfigLimits.Default, ReportSections.Names);
        Assert.That(loaded.Errors, Is.Empty, string.Join("\n", loaded.Errors));
        return loaded.Config!;
    }
}
