using DescentLab.Experiments.Analysis;
using DescentLab.Output.Plots;
using DescentLab.Output.Report;
using DescentLab.Tests.Support;
using NUnit.Framework;

namespace DescentLab.Tests.Output.Report;

/// <summary>The "Tuned comparison" section on hand-made trials and held-out runs: the winner and its margin in the headline's
/// words, a tie within noise, the tunability table with its range-edge flags, in Markdown and HTML.</summary>
public sealed class TunedComparisonSectionTests
{
    private static readonly PlotFile Figure = new PlotFile(
        "plots/budget-beans1-n10-origin-mse.png", "Expected best vs budget: beans1 n=10, origin, mse", "the figure", TunedRuns.ClearWin[0].Problem)
    { Kind = BudgetPlot.Kind };

    [Test]
    public void ToMarkdown_ClearWin_NamesTheHeldOutWinner_WithItsStatusAndMargin()
    {
        string md = TunedComparisonSection.ToMarkdown(TunedRuns.Trials, TunedRuns.ClearWin, [Figure]);
        var winner = ProblemWinner.From(TunedRuns.ClearWin).Single();

        Assert.Multiple(() =>
        {
            Assert.That(md, Does.StartWith("## Tuned comparison\n\nEach variant ran its budget of trials (settings drawn from its search space) on the "
                + "2 tuning seeds (1, 2); its best trial by the leader rule was re-run on the 5 held-out evaluation seeds (101, 102, 103, 104, 105), "
                + "and only those runs rank here, so no variant is judged on the seeds it was tuned on.\n\n"));
            Assert.That(md, Does.Contain(
                "| problem | budget | winner on held-out seeds | status | runner-up |\n|---|---|---|---|---|\n"
                + "| beans1 n=10, origin, mse | 3 trials each | `adam lr=0.5` | converged 5/5 | `sgd lr=0.001` |\n"));
            Assert.That(winner.Margin, Is.EqualTo(WinMargin.FewerEpochs));
            Assert.That(md, Does.Contain("- beans1 n=10, origin, mse: converged 5/5 vs 3/5; epochs to target 42 vs 62"));
            Assert.That(md, Does.Not.Contain("tie within noise:"));
            Assert.That(md, Does.Contain("![the figure](plots/budget-beans1-n10-origin-mse.png)"));
        });
    }

    [Test]
    public void ToMarkdown_CloseCall_IsATieWithinNoise()
    {
        string md = TunedComparisonSection.ToMarkdown(TunedRuns.Trials, TunedRuns.CloseCall, []);
        var winner = ProblemWinner.From(TunedRuns.CloseCall).Single();

        Assert.Multiple(() =>
        {
            Assert.That((winner.Margin, winner.Difference!.WithinNoise), Is.EqualTo((WinMargin.SmallerGap, true)));
            Assert.That(md, Does.Contain("- beans1 n=10, origin, mse: converged 0/5 vs 0/5; tie within noise: final gap 0.001 vs 0.0012 (difference -2e-4, 95 % interval "));
        });
    }

    [Test]
    public void ToMarkdown_Tunability_ExactTable_FlagsTheRangesToWiden()
    {
        string md = TunedComparisonSection.ToMarkdown(TunedRuns.Trials, TunedRuns.ClearWin, []);

        Assert.That(md, Does.Contain(
            "| variant | converged trials | converged runs | best trial | best trial's setting | position in range | widen range |\n"
            + "|---|---:|---:|---:|---|---|---|\n"
            + "| `adam` | 1/3 | 2/6 | 1 | `adam lr=0.5` | lr 0.95 | lr above |\n"
            + "| `sgd` | 0/3 | 0/6 | 1 | `sgd lr=0.001` | lr 0.05 | lr below |\n"));
    }

    [Test]
    public void ToMarkdown_ExpectedBestAtTheFullBudget_BestFirst_CensoredCurvesNamed()
    {
        string md = TunedComparisonSection.ToMarkdown(TunedRuns.Trials, TunedRuns.ClearWin, []);

        // adam's median gaps 1.5e-3, 1e-5, 1e-9 (worst first); best of 3: weights 1/27, 7/27, 19/27 → (1.5e-3 + 7e-5 + 1.9e-8) / 27 = 5.81e-5.
        // sgd's 1.5e-3 (diverged: adam's worst finished), 6e-4, 2e-4 → (1.5e-3 + 4.2e-3 + 3.8e-3) / 27 = 3.52e-4.
        Assert.That(md, Does.Contain("Expected best median final gap of k trials drawn at random (with replacement) from a variant's trials "
            + "(Dodge et al. 2019), at the full budget, best first: `adam` 5.81e-5 (sd "));
        Assert.That(md, Does.Contain("`sgd` 3.52e-4 (sd "));
        Assert.That(md, Does.Contain("Trials that diverged or failed count as the problem's worst finished trial (0.0015): `sgd` 1 of 3; "
            + "those curves are a bound on the good side."));
    }

    [Test]
    public void ToMarkdown_EveryTableLine_FitsTheWidth_AndRendersAsHtml()
    {
        string md = TunedComparisonSection.ToMarkdown(TunedRuns.Trials, TunedRuns.ClearWin, [Figure]);
        string html = HtmlReport.ToHtml(md);

        Assert.Multiple(() =>
        {
            Assert.That(md.Split('\n').Where(l => l.StartsWith('|')), Has.All.Length.LessThanOrEqualTo(160));
            Assert.That(html, Does.Contain("<h2 id=\"tuned-comparison\">Tuned comparison</h2>"));
            Assert.That(html, Does.Contain("<td><code>adam lr=0.5</code></td>"));
            Assert.That(html, Does.Contain("<td>lr above</td>"));
        });
    }

    [Test]
    public void ToMarkdown_ProblemWithoutHeldOutRuns_SaysSo()
    {
        string md = TunedComparisonSection.ToMarkdown(TunedRuns.Trials, [], []);

        Assert.That(md, Does.Contain("| beans1 n=10, origin, mse | 3 trials each | — | no held-out runs | — |"));
    }

    [Test]
    public void ToMarkdown_FigureNotRendered_SaysWhy_AndNoFiniteScoreIsSaid()
    {
        var failed = Figure with { Error = "IOException: disk full" };
        string md = TunedComparisonSection.ToMarkdown(
            [MadeTrials.Trial("adam", 0, 1, 0.9, [double.NaN])], TunedRuns.ClearWin, [failed]);

        Assert.Multiple(() =>
        {
            Assert.That(md, Does.Contain("*Not rendered:* IOException: disk full"));
            Assert.That(md, Does.Contain("No trial ended with a finite median final gap, so no expected best can be computed."));
        });
    }
}
