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
            17)
        {
            Settings =
            [
                new SettingComparison("a-setting", "final_gap", "0.1", "0.3", "0.2", "0.4", "2", "1E-09 relative, 1E-12 absolute", 1),
                new SettingComparison("b, setting", "epochs_to_target", "not reached", "not reached", "4", "6", "n/a", "0 epochs", -1),
                new SettingComparison("c", "status", "converged", "converged", "converged", "converged", "n/a", "any change", 0),
            ],
            ConfigHash = "abc",
        };
        string path = folder.Write("regression.csv", WriteText(report));

        var read = RegressionCsv.Read(path);

        Assert.That(read.Settings, Is.EqualTo(report.Settings));
        Assert.That(read.ConfigHash, Is.EqualTo("abc"));
        Assert.That(read.BaselineConfigHash, Is.Null, "an unknown baseline config stays unknown");
        Assert.That(read.NotCompared, Is.Null);
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
            "kind,run_id,metric,baseline,current,change,baseline_worst,current_worst,tolerance\n"
            + "source,,,previous: reports/nightly/20250101-000000,,,,,\nunchanged,,,,3,,,,\n"));
    }

    [Test]
    public void Read_NotCompared_KeepsTheReason()
    {
        using var folder = new TempFolder();
        var report = RegressionReport.Skipped("previous", "No earlier run set to compare with; this one is the baseline for the next.");

        var read = RegressionCsv.Read(folder.Write("regression.csv", WriteText(report)));

        Assert.That(read.NotCompared, Is.EqualTo(report.NotCompared));
        Assert.That(read.HasRegressions, Is.False);
    }

    [Test]
    public void Read_SixColumnFileOfAnOlderRun_StillReads()
    {
        using var folder = new TempFolder();
        string path = folder.Write("regression.csv", "kind,run_id,metric,baseline,current,change\nsource,,,b.csv,,\nunchanged,,,,3,\nregression,a_s1,final_gap,1,2,+100 %\n");

        var read = RegressionCsv.Read(path);

        Assert.That(read.Regressions, Is.EqualTo(new[] { new RegressionFinding("a_s1", "final_gap", "1", "2", "+100 %") }));
        Assert.That(read.Settings, Is.Empty);
    }

    [Test]
    public void Read_ColumnsInAnotherOrder_ReadsEachByItsHeaderName()
    {
        using var folder = new TempFolder();
        string path = folder.Write("regression.csv", "change,current,baseline,metric,run_id,kind\n,,b.csv,,,source\n,5,,,,unchanged\n+100 %,2,1,final_gap,a_s1,regression\n");

        var read = RegressionCsv.Read(path);

        Assert.That(read.BaselineSource, Is.EqualTo("b.csv"));
        Assert.That(read.Unchanged, Is.EqualTo(5));
        Assert.That(read.Regressions, Is.EqualTo(new[] { new RegressionFinding("a_s1", "final_gap", "1", "2", "+100 %") }));
    }

    [Test]
    public void Read_UnknownColumn_IsRefusedWithTheExpectedColumns()
    {
        using var folder = new TempFolder();
        string path = folder.Write("regression.csv", "kind,run_id,metric,baseline,current,change,ratio\nsource,,,b,,,\n");

        var error = Assert.Throws<RunFileException>(() => RegressionCsv.Read(path));

        Assert.That(error.Message, Is.EqualTo(path + ":1: unknown column 'ratio' (expected the columns " + string.Join(',', RegressionCsv.Columns) + ")"));
    }

    [Test]
    public void Read_UnchangedCountNotAnInteger_NamesLineAndColumn()
    {
        using var folder = new TempFolder();
        string path = folder.Write("regression.csv", "kind,run_id,metric,baseline,current,change\nsource,,,b,,\nunchanged,,,,three,\n");

        var error = Assert.Throws<RunFileException>(() => RegressionCsv.Read(path));

        Assert.That(error.Message, Is.EqualTo(path + ":3: column current: expected an integer but found 'three'"));
    }

    [Test]
    public void Read_UnknownKind_NamesLineAndColumn()
    {
        using var folder = new TempFolder();
        string path = folder.Write("regression.csv", "kind,run_id,metric,baseline,current,change\nsource,,,b,,\nworse,a,final_gap,1,2,+100 %\n");

        var error = Assert.Throws<RunFileException>(() => RegressionCsv.Read(path));

        Assert.That(error.Message, Is.EqualTo(path + ":3: column kind: expected source, unchanged, config, not_compared, setting_regression, setting_improvement, setting_unchanged, regression, improvement, new or missing but found 'worse'"));
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
