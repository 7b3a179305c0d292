using DescentLab.Output.Plots;
using DescentLab.Output.Report;
using DescentLab.Tests.Support;
using NUnit.Framework;

namespace DescentLab.Tests.Output.Report;

/// <summary>A problem whose L* is an infimum is shown by the measures that judge it (loss and accuracy), never by its gap.</summary>
public sealed class InfimumReportTests
{
    [Test]
    public void Leaderboard_Infimum_ShowsFinalLossAndAccuracy_NotTheGap()
    {
        string markdown = MarkdownReport.ToMarkdown(InfimumRuns.Set(), []);
        string table = markdown[markdown.IndexOf("| rank |", StringComparison.Ordinal)..];
        string header = table[..table.IndexOf('\n', StringComparison.Ordinal)];

        Assert.Multiple(() =>
        {
            Assert.That(header, Is.EqualTo("| rank | variant setting | epochs to target | grad evals to target | final loss | accuracy | converged | not converged | diverged | failed |"));
            // momentum: median loss (0.2 + 0.3) / 2, median accuracy (0.9 + 1) / 2.
            Assert.That(table, Does.Contain("| 2 | `momentum lr=0.1` | — | — | 0.25 | 0.95 | 0 | 2 | 0 | 0 |"));
        });
    }

    [Test]
    public void Headline_Infimum_MarginInAccuracyAndLoss_TunedLeaderboardNamesTheMeasure()
    {
        string markdown = MarkdownReport.ToMarkdown(InfimumRuns.Set(), []);

        Assert.Multiple(() =>
        {
            Assert.That(markdown, Does.Contain(": converged 2/2 vs 0/2; epochs to target 30 vs never; runner-up ends at accuracy 0.95, loss 0.25\n"));
            Assert.That(markdown, Does.Contain("on a problem with an infimum reference, whose gap decides nothing, highest median accuracy, then smallest median final loss"));
            Assert.That(markdown, Does.Contain("| `adam` | 1: `adam lr=0.1` (30 epochs) |"));
            Assert.That(markdown, Does.Contain("| `batch` | 4: `batch lr=0.1` (accuracy 0.85, loss 0.015) |"));
        });
    }

    [TestCase("target_accuracy 1", "Loss (log scale) against epoch", "no target is drawn", "judged by target_accuracy 1, drawn in the accuracy figure")]
    [TestCase("target_loss 0.05, target_accuracy 1", "Loss (log scale) against epoch", "the dashed line is target_loss 0.05", "judged by target_accuracy 1, drawn in the accuracy figure")]
    [TestCase("target_loss 0.05", "Loss (log scale) against epoch", "the dashed line is target_loss 0.05", null)]
    public void ConvergencePlot_Infimum_DrawsTheLossAndItsJudgingTarget(string targets, string measure, string line, string? note)
    {
        // An accuracy target gives the problem an accuracy figure first; the loss figure is the last.
        var file = new ConvergencePlot().Plan(InfimumRuns.Set(targets)).Last().File;

        Assert.Multiple(() =>
        {
            Assert.That(file.AltText, Does.StartWith(measure));
            Assert.That(file.AltText, Does.Contain(line));
            Assert.That(file.AltText, Does.Not.Contain("target_gap"));
            Assert.That(file.AltText, note is null ? Does.Not.Contain("L* is an infimum:") : Does.Contain("L* is an infimum: " + note));
        });
    }

    [Test]
    public void ConvergencePlot_ExactProblem_KeepsTheGapAndTargetGap()
    {
        var file = new ConvergencePlot().Plan(TestRunSets.SmallWithoutBaseline).First().File;

        Assert.That(file.AltText, Does.StartWith("Gap to the optimum (loss minus L*, log scale) against epoch").And.Contain("the dashed line is target_gap 1e-6"));
    }

    [Test]
    public void ConvergencePlot_Infimum_Renders()
    {
        foreach (var request in new ConvergencePlot().Plan(InfimumRuns.Set("target_loss 0.05, target_accuracy 1")))
        {
            using var figure = request.Draw();
            Assert.That(figure.Panels, Is.Not.Empty, request.File.RelativePath);
        }
    }
}
