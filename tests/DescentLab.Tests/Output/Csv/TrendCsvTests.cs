using DescentLab.Output.Csv;
using DescentLab.Output.Report;
using DescentLab.Tests.Support;
using NUnit.Framework;

namespace DescentLab.Tests.Output.Csv;

public sealed class TrendCsvTests
{
    [Test]
    public void WriteRead_SmallTrend_SamePoints_AndTheReportRendersTheSame()
    {
        using var folder = new TempFolder();
        var set = TestRunSets.Small;
        string path = folder.PathOf(TrendCsv.FileName);
        using (var writer = new StreamWriter(path))
        {
            TrendCsv.Write(writer, set.Trend);
        }

        var read = TrendCsv.Read(path);
        ReportRenderer.Render(set, folder.PathOf("a"), 2);
        ReportRenderer.Render(set with { Trend = read }, folder.PathOf("b"), 2);

        Assert.Multiple(() =>
        {
            Assert.That(read, Is.EqualTo(set.Trend));
            Assert.That(read.Select(p => p.Commit).Distinct().Count(), Is.EqualTo(3));
            Assert.That(
                File.ReadAllText(Path.Combine(folder.PathOf("b"), ReportRenderer.MarkdownFile)),
                Is.EqualTo(File.ReadAllText(Path.Combine(folder.PathOf("a"), ReportRenderer.MarkdownFile))));
        });
    }

    [Test]
    public void Read_FileWithThePerVariantColumns_StillReads()
    {
        using var folder = new TempFolder();
        string path = folder.Write(
            TrendCsv.FileName,
            "run_set_id,started_utc,variant,median_final_gap,median_epochs_to_target\n3,2025-01-02T03:04:05.0000000Z,adam,1E-09,42\n");

        var point = TrendCsv.Read(path).Single();

        Assert.Multiple(() =>
        {
            Assert.That((point.RunSetId, point.Variant, point.Setting, point.Problem, point.Commit), Is.EqualTo((3L, "adam", "adam", string.Empty, (string?)null)));
            Assert.That(point.MedianFinalGap, Is.EqualTo(1e-9));
            Assert.That(point.MedianEpochsToTarget, Is.EqualTo(42));
        });
    }

    [Test]
    public void Read_ColumnsInAnotherOrder_ReadsEachByItsName()
    {
        using var folder = new TempFolder();
        string path = folder.Write(
            TrendCsv.FileName,
            "median_epochs_to_target,setting,variant,problem,commit,median_final_gap,started_utc,run_set_id\n,adam lr=0.1,adam,p,abc,0.5,2025-01-02T03:04:05.0000000Z,7\n");

        var point = TrendCsv.Read(path).Single();

        Assert.That(
            (point.RunSetId, point.StartedUtc, point.Commit, point.Problem, point.Variant, point.Setting, point.MedianFinalGap, point.MedianEpochsToTarget),
            Is.EqualTo((7L, new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero), (string?)"abc", "p", "adam", "adam lr=0.1", 0.5, (double?)null)));
    }

    [Test]
    public void Read_FileWithoutLeaderAndAccuracy_StillReads_NoLeaderMarked()
    {
        using var folder = new TempFolder();
        string path = folder.Write(
            TrendCsv.FileName,
            "run_set_id,started_utc,commit,problem,variant,setting,median_final_gap,median_epochs_to_target\n"
            + "3,2025-01-02T03:04:05.0000000Z,abc,\"beans1 n=30, origin, mse\",adam,adam lr=0.1,1E-09,42\n");

        var point = TrendCsv.Read(path).Single();

        Assert.That((point.Setting, point.Leader, point.MedianAccuracy, point.MedianEpochsToTarget), Is.EqualTo(("adam lr=0.1", false, (double?)null, (double?)42)));
    }

    [Test]
    public void Write_LeaderAndAccuracy_AreTheLastColumns()
    {
        var point = new DescentLab.Experiments.Results.TrendPoint(3, new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero), "sgd", 0.25, null)
        {
            Commit = "abc",
            Problem = "beans5 n=40, logistic, mse",
            Setting = "sgd lr=0.1",
            Leader = true,
            MedianAccuracy = 0.975,
        };
        using var writer = new StringWriter();

        TrendCsv.Write(writer, [point]);

        Assert.That(writer.ToString().Split('\n')[1].TrimEnd('\r'), Is.EqualTo("3,2025-01-02T03:04:05.0000000Z,abc,\"beans5 n=40, logistic, mse\",sgd,sgd lr=0.1,0.25,,true,0.975"));
    }

    [TestCase("run_set_id,started_utc,variant,median_final_gap,median_epochs_to_target,colour", "unknown column 'colour'", TestName = "Read_UnknownColumn_IsRefusedNamingIt")]
    [TestCase("run_set_id,started_utc,median_final_gap,median_epochs_to_target", "missing column 'variant'", TestName = "Read_MissingColumn_IsRefusedNamingIt")]
    public void Read_BadHeader_IsRefusedNamingTheColumn(string header, string what)
    {
        using var folder = new TempFolder();
        string path = folder.Write(TrendCsv.FileName, header + "\n");

        var error = Assert.Throws<DescentLab.Output.RunFileException>(() => TrendCsv.Read(path))!;

        Assert.That(error.Message, Is.EqualTo($"{path}:1: {what} (expected the columns run_set_id,started_utc,commit,problem,variant,setting,median_final_gap,median_epochs_to_target,leader,median_accuracy)"));
    }
}
