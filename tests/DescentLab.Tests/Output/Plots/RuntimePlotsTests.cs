using DescentLab.Output.Plots;
using DescentLab.Tests.Support;
using NUnit.Framework;
using ScottPlot.Plottables;

namespace DescentLab.Tests.Output.Plots;

/// <summary>profile.png and ecdf.png normalised as COCO does: budget from one epoch, closed_form a labelled reference
/// line, at most a handful of lines per panel.</summary>
public sealed class RuntimePlotsTests
{
    [TestCase("profile")]
    [TestCase("ecdf")]
    public void Nightly_ClosedFormIsALabelledReference_AxisFromOne_FewLinesPerPanel(string name)
    {
        var plot = DefaultPlots.All.Single(p => p.Name == name);
        using var figure = plot.Plan(TestRunSets.Nightly).Single().Draw();

        Assert.That(figure.Panels, Has.Count.GreaterThan(1), "one panel per family");
        foreach (var panel in figure.Panels)
        {
            var lines = panel.GetPlottables<Scatter>().Where(s => s.LegendText.Length > 0).ToList();
            var texts = panel.GetPlottables<Text>().Select(t => t.LabelText).ToList();
            Assert.Multiple(() =>
            {
                Assert.That(lines.Select(l => l.LegendText), Has.None.StartWith("closed_form"), "not a line flat at the left edge");
                Assert.That(texts, Has.One.StartWith("closed_form: one update, solves "), "its reference line is labelled");
                Assert.That(lines, Has.Count.InRange(1, 8));
                Assert.That(panel.Axes.GetLimits().Left, Is.EqualTo(0).Within(0.1), "the budget (or tau) axis starts at 1");
                Assert.That(lines.SelectMany(l => l.Data.GetScatterPoints()).Min(p => p.X), Is.GreaterThanOrEqualTo(0));
            });
        }
    }
}
