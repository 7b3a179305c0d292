using DescentLab.Output.Plots;
using DescentLab.Tests.Support;
using NUnit.Framework;
using ScottPlot.Plottables;

namespace DescentLab.Tests.Output.Plots;

/// <summary>A problem judged by accuracy gets accuracy against epochs, with its target lines labelled, as its convergence
/// figure; its loss figure follows it.</summary>
public sealed class ConvergenceAccuracyTests
{
    [Test]
    public void Nightly_Beans4Logistic_AccuracyFigureFirst_TargetsLabelled_LossFigureSecond()
    {
        var requests = new ConvergencePlot().Plan(TestRunSets.Nightly).Where(r => r.File.Problem!.Dataset == "beans4" && r.File.Problem.Model == "logistic").ToList();
        var targets = TestRunSets.Nightly.Manifest.Problems
            .Where(p => p.DatasetKey.StartsWith("beans4", StringComparison.Ordinal) && p.Model == "logistic")
            .Select(p => DescentLab.Experiments.Planning.ConvergenceTargets.Parse(p.Targets)!.Accuracy)
            .Distinct()
            .Order()
            .ToList();

        Assert.That(requests.Select(r => r.File.RelativePath), Is.EqualTo(new[]
        {
            "plots/convergence-beans4-n100-logistic-mse.png",
            "plots/convergence-beans4-n100-logistic-mse-loss.png",
        }));
        using var figure = requests[0].Draw();
        foreach (var panel in figure.Panels)
        {
            var limits = panel.Axes.GetLimits();
            var dashed = panel.GetPlottables<Scatter>().Where(s => s.LegendText.Length == 0 && s.LinePattern.Equals(ScottPlot.LinePattern.Dashed)).ToList();
            var labels = panel.GetPlottables<Text>().Select(t => t.LabelText).ToList();
            Assert.Multiple(() =>
            {
                Assert.That(panel.Axes.Left.Label.Text, Is.EqualTo("accuracy"));
                Assert.That(dashed.Select(d => d.Data.GetScatterPoints()[0].Y), Is.EqualTo(targets), "one dashed line per target of the seeds");
                Assert.That(labels.Count(l => l.StartsWith("target_accuracy ", StringComparison.Ordinal)), Is.EqualTo(targets.Count), "every target line labelled in the image");
                Assert.That(limits.Top, Is.GreaterThanOrEqualTo(1).And.LessThan(1.1));
                Assert.That(limits.Bottom, Is.LessThan(targets[0]));
                Assert.That(panel.GetPlottables<Scatter>().Where(s => s.LegendText.Length > 0).SelectMany(s => s.Data.GetScatterPoints()).Select(p => p.Y),
                    Has.All.InRange(0.0, 1.0), "accuracies, not losses");
            });
        }

        Assert.That(requests[1].File.AltText, Does.StartWith("Gap to the optimum").Or.StartWith("Loss (log scale)"));
    }

    [Test]
    public void Nightly_RegressionProblem_SingleGapFigure()
    {
        var requests = new ConvergencePlot().Plan(TestRunSets.Nightly).Where(r => r.File.Problem!.Dataset == "beans1" && r.File.Problem.Model == "origin").ToList();

        Assert.That(requests.Select(r => r.File.RelativePath), Is.EqualTo(new[] { "plots/convergence-beans1-n100-origin-mse.png" }));
    }
}
