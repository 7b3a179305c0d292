using DescentLab.Output.Report;
using DescentLab.Tests.Support;
using NUnit.Framework;

namespace DescentLab.Tests.Output.Report;

/// <summary>report.md's tables stay readable: no line wider than 160 characters (wider tables are split by columns).</summary>
public sealed class TableWidthTests
{
    [Test]
    public void NightlyReport_EveryTableLine_AtMost160Characters()
    {
        var lines = MarkdownReport.ToMarkdown(TestRunSets.Nightly, []).Split('\n').Where(l => l.StartsWith('|')).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(lines, Has.Count.GreaterThan(50));
            Assert.That(lines.Where(l => l.Length > 160), Is.Empty);
        });
    }
}
