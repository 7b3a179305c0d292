using DescentLab.Experiments.Results;
using DescentLab.Output;
using DescentLab.Output.Csv;
using DescentLab.Tests.Support;
using NUnit.Framework;

namespace DescentLab.Tests.Output.Csv;

public sealed class RegressionCsvTests
{
    [Test]
    public void Read_WhatWriteWrote_GivesAnEqualReport()
    {
        using var folder = new TempFolder();
        var report = new RegressionReport(
            "baselines/nightly.csv",
            [new("a", "final_gap", "0.1", "0.2", "+100 %"), new("a", "status", "converged", "diverged", "converged -> diverged")],
            [new("b", "epochs_to_target", "not reached", "4", "now reached")],
            ["c, with comma"],
            ["d", "e"],
            17);
        string path = folder.Write("regression.csv", WriteText(report));

        var read = RegressionCsv.Read(path);

        Assert.That(read.BaselineSource, Is.EqualTo(report.BaselineSource));
        Assert.That(read.Regressions, Is.EqualTo(report.Regressions));
        Assert.That(read.Improvements, Is.EqualTo(report.Improvements));
        Assert.That(read.NewRuns, Is.EqualTo(report.NewRuns));
        Assert.That(read.MissingRuns, Is.EqualTo(report.MissingRuns));
        Assert.That(read.Unchanged, Is.EqualTo(17));
    }

    [Test]
    public void Write_EmptyReport_KeepsSourceAndUnchangedCount()
    {
        string text = WriteText(new RegressionReport("previous: reports/nightly/20250101-000000", [], [], [], [], 3));

        Assert.That(text, Is.EqualTo(
            "kind,run_id,metric,baseline,current,change\nsource,,,previous: reports/nightly/20250101-000000,,\nunchanged,,,,3,\n"));
    }

    [Test]
    public void Read_UnknownKind_NamesLineAndColumn()
    {
        using var folder = new TempFolder();
        string path = folder.Write("regression.csv", "kind,run_id,metric,baseline,current,change\nsource,,,b,,\nworse,a,final_gap,1,2,+100 %\n");

        var error = Assert.Throws<RunFileException>(() => RegressionCsv.Read(path));

        Assert.That(error.Message, Is.EqualTo(path + ":3: column kind: expected source, unchanged, regression, improvement, new or missing but found 'worse'"));
    }

    [Test]
    public void Read_WithoutSourceRow_IsAnError()
    {
        using var folder = new TempFolder();
        string path = folder.Write("regression.csv", "kind,run_id,metric,baseline,current,change\nnew,a,,,,\n");

        var error = Assert.Throws<RunFileException>(() => RegressionCsv.Read(path));

        Assert.That(error.Message, Is.EqualTo(path + ": expected a 'source' row and an 'unchanged' row"));
    }

    private static string WriteText(RegressionReport report)
    {
        using var writer = new StringWriter();
        RegressionCsv.Write(writer, report);
        return writer.ToString();
    }
}
