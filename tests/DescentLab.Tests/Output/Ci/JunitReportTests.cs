using System.Xml.Linq;
using DescentLab.Core.Training;
using DescentLab.Experiments.Planning;
using DescentLab.Experiments.Results;
using DescentLab.Output.Ci;
using DescentLab.Tests.Support;
using NUnit.Framework;

namespace DescentLab.Tests.Output.Ci;

/// <summary>The JUnit XML parsed back with System.Xml: one testcase per setting, failures for regressions and failed runs.</summary>
public sealed class JunitReportTests
{
    [Test]
    public void Write_SmallRunSet_OneTestcasePerSettingWithFailuresThatCarryBaselineNowAndTolerance()
    {
        var set = TestRunSets.Small;
        var failedRun = set.Rows[0].RunId;
        set = set with { Rows = [.. set.Rows.Select(r => r.RunId == failedRun ? r with { Status = RunStatus.Failed, Message = "boom <&>" } : r)] };

        var suite = Parse(set).Root!.Element("testsuite")!;
        var cases = suite.Elements("testcase").ToList();
        var failures = cases.Where(c => c.Element("failure") is not null).ToDictionary(c => (string)c.Attribute("name")!, c => c.Element("failure")!);

        var settings = set.Rows.Select(r => RunIds.Setting(r.RunId)).Distinct().Append("beans1-n30_origin_rmsprop_lr0.01").ToList();
        var regressed = set.Regression!.SettingRegressions.ToList();
        Assert.Multiple(() =>
        {
            Assert.That(cases.Select(c => (string)c.Attribute("name")!), Is.EqualTo(settings), "settings in row order, then those only in the baseline");
            Assert.That((string)suite.Attribute("name")!, Is.EqualTo("small"));
            Assert.That((int)suite.Attribute("tests")!, Is.EqualTo(settings.Count));
            Assert.That((int)suite.Attribute("failures")!, Is.EqualTo(failures.Count));
            Assert.That(failures.Keys, Is.EquivalentTo(regressed.Select(r => r.Setting).Append(RunIds.Setting(failedRun)).Distinct()));
            Assert.That((string)failures[RunIds.Setting(failedRun)].Attribute("message")!, Is.EqualTo($"run {failedRun} failed: boom <&>"));
            Assert.That((string)failures[RunIds.Setting(failedRun)].Attribute("type")!, Is.EqualTo("failed_run"));
            var gap = failures[regressed[0].Setting];
            Assert.That((string)gap.Attribute("type")!, Is.EqualTo("regression"));
            Assert.That((string)gap.Attribute("message")!, Is.EqualTo(
                "regression in final_gap: baseline median 1.5E-07, worst 2E-07; now median 3.25E-07, worst 4E-07; ratio 2.167; tolerance 1E-09 relative, 1E-12 absolute"));
            Assert.That((string)failures["beans1-n30_origin_rmsprop_lr0.01"].Attribute("message")!, Does.StartWith("regression in runs: baseline median 1 seed"));
        });
    }

    [Test]
    public void Write_NoBaseline_PassingTestcasesAndTheSameBytesTwice()
    {
        var set = TestRunSets.SmallWithoutBaseline;
        set = set with { Rows = [.. set.Rows.Select(r => r.Status == RunStatus.Failed ? r with { Status = RunStatus.Diverged } : r)] };

        var document = Parse(set);

        Assert.That(document.Descendants("failure"), Is.Empty);
        Assert.That((int)document.Root!.Attribute("tests")!, Is.EqualTo(set.Rows.Select(r => RunIds.Setting(r.RunId)).Distinct().Count()));
        byte[] again = Bytes(set);
        Assert.That(Bytes(set), Is.EqualTo(again));
    }

    private static XDocument Parse(RunSet set)
    {
        using var stream = new MemoryStream(Bytes(set));
        return XDocument.Load(stream);
    }

    private static byte[] Bytes(RunSet set)
    {
        using var stream = new MemoryStream();
        JunitReport.Write(stream, [(set.Manifest.Name, set)]);
        return stream.ToArray();
    }
}
