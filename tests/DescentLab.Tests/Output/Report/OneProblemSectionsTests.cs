using DescentLab.Experiments.Config;
using DescentLab.Output.Plots;
using DescentLab.Output.Report;
using DescentLab.Tests.Support;
using NUnit.Framework;

namespace DescentLab.Tests.Output.Report;

/// <summary>A one-problem config (configs/lesson.yaml) gets no regression check, profile or trend unless its report
/// block lists them.</summary>
public sealed class OneProblemSectionsTests
{
    [Test]
    public void LessonConfig_NoSectionsListed_NoRegressionProfileOrTrend()
    {
        var config = ConfigLoader.Load(RepoFiles.Config("lesson.yaml"), ConfigLimits.Default, ReportSections.Names).Config!;
        var set = TestRunSets.Run(config, resolveConfig: true);

        string markdown = MarkdownReport.ToMarkdown(set, []);

        Assert.Multiple(() =>
        {
            Assert.That(markdown, Does.Not.Contain("## Regression check"));
            Assert.That(markdown, Does.Contain("## Leaderboards"));
            Assert.That(ReportSections.Draws(set, new PerformanceProfilePlot()), Is.False);
            Assert.That(ReportSections.Draws(set, new TrendPlot()), Is.False);
            Assert.That(ReportSections.Draws(set, new ConvergencePlot()), Is.True);
        });
    }

    [Test]
    public void LessonConfig_SectionsListed_RegressionAndProfileShown()
    {
        var config = ConfigLoader.Load(RepoFiles.Config("lesson.yaml"), ConfigLimits.Default, ReportSections.Names).Config!;
        var listed = config with { Report = config.Report with { Sections = [ReportSections.Regression, "profile", "trend"] } };
        var set = TestRunSets.Run(listed, resolveConfig: true);

        Assert.Multiple(() =>
        {
            Assert.That(MarkdownReport.ToMarkdown(set, []), Does.Contain("## Regression check"));
            Assert.That(ReportSections.Draws(set, new PerformanceProfilePlot()), Is.True);
            Assert.That(ReportSections.Draws(set, new TrendPlot()), Is.True);
        });
    }

    [Test]
    public void TwoProblems_NoSectionsListed_ProfileDrawnAndRegressionShown()
    {
        var set = TestRunSets.SmallWithoutBaseline;

        Assert.Multiple(() =>
        {
            Assert.That(MarkdownReport.ToMarkdown(set, []), Does.Contain("## Regression check"));
            Assert.That(ReportSections.Draws(set, new PerformanceProfilePlot()), Is.True);
        });
    }
}
