using System.Globalization;
using DescentLab.Experiments.Results;
using DescentLab.Output;
using DescentLab.Output.Csv;
using DescentLab.Tests.Support;
using NUnit.Framework;

namespace DescentLab.Tests.Output.Csv;

public sealed class SummaryCsvTests
{
    [TestCase("")]
    [TestCase("de-DE")]
    public void Write_SampleRows_MatchesGoldenFile(string culture)
    {
        using var scope = new CultureScope(culture);

        GoldenFile.AssertMatches("summary.csv", WriteText(AwkwardRuns.Rows()));
    }

    [TestCase("")]
    [TestCase("de-DE")]
    public void Read_WhatWriteWrote_GivesIdenticalRowsBitForBit(string culture)
    {
        using var scope = new CultureScope(culture);
        using var folder = new TempFolder();
        string path = folder.Write("summary.csv", WriteText(AwkwardRuns.Rows()));

        var rows = SummaryCsv.Read(path);

        Assert.That(Bits.OfEach(rows), Is.EqualTo(Bits.OfEach(AwkwardRuns.Rows())));
    }

    [Test]
    public void Write_SampleRows_UsesInvariantSpellingsAndLineFeeds()
    {
        using var scope = new CultureScope("de-DE");

        string text = WriteText(AwkwardRuns.Rows());

        Assert.That(0.5.ToString(CultureInfo.CurrentCulture), Is.EqualTo("0,5"), "de-DE is really in effect");
        Assert.That(text, Does.Not.Contain("\r"));
        Assert.That(text, Does.Contain(",0.30000000000000004,"));
        Assert.That(text, Does.Contain(",NaN,"));
        Assert.That(text, Does.Contain(",Infinity,"));
        Assert.That(text, Does.Contain(",-Infinity,"));
        Assert.That(text, Does.Contain(",-0,"));
        Assert.That(text, Does.Contain(",true,"));
        Assert.That(text, Does.Contain("\"slow, \"\"very\"\" slow\nsecond line\""));
    }

    [Test]
    public void ParameterColumns_ModelsWithDifferentParameters_KeepEveryModelsOrder()
    {
        var columns = SummaryCsv.ParameterColumns(AwkwardRuns.Rows());

        Assert.That(columns, Is.EqualTo(new[] { "w", "w1", "w2", "b" }));
    }

    [Test]
    public void Write_Header_HasTheContractColumnsInOrder()
    {
        string header = WriteText(AwkwardRuns.Rows()).Split('\n')[0];

        Assert.That(header, Is.EqualTo(
            "run_id,dataset,dataset_key,recipe,n,seed,model,loss,variant,lr,step,batch,shuffle,hyper,trial,phase,status,epochs,steps,final_loss," +
            "optimum_loss,optimum_kind,optimum_attained,final_gap,accuracy,epochs_to_target,grad_evals_to_target,grad_evals,w,w1,w2,b,message,wall_ms"));
    }

    [Test]
    public void Read_NoRows_GivesEmptyList()
    {
        using var folder = new TempFolder();
        string path = folder.Write("summary.csv", WriteText([]));

        Assert.That(SummaryCsv.Read(path), Is.Empty);
    }

    private static readonly object[] MalformedCases =
    [
        new object[] { 0, "run_id", "id", ":1: expected column 'run_id' at position 1 but found 'id'" },
        new object[] { 2, "final_gap", "abc", ":3: column final_gap: expected a number but found 'abc'" },
        new object[] { 1, "final_gap", "\"0,5\"", ":2: column final_gap: expected a number but found '0,5'" },
        new object[] { 1, "n", "2.5", ":2: column n: expected an integer but found '2.5'" },
        new object[] { 1, "seed", "-1", ":2: column seed: expected a non-negative integer but found '-1'" },
        new object[] { 4, "status", "exploded", ":5: column status: expected converged, not_converged, lost_target, diverged or failed but found 'exploded'" },
        new object[] { 1, "shuffle", "True", ":2: column shuffle: expected true or false but found 'True'" },
        new object[] { 4, "w2", "x", ":5: column w2: expected a number but found 'x'" },
        new object[] { 1, "run_id", "", ":2: column run_id: expected a value but found ''" },
        new object[] { 2, "run_id", "beans1-n20-s1/origin/sgd-lr0.1", ":3: run_id 'beans1-n20-s1/origin/sgd-lr0.1' appears twice" },
    ];

    [TestCaseSource(nameof(MalformedCases))]
    public void Read_MalformedCell_NamesFileLineAndColumn(int line, string column, string value, string expected)
    {
        using var folder = new TempFolder();
        string path = folder.Write("summary.csv", ReplaceCell(WriteText(AwkwardRuns.Rows()), line, column, value));

        var error = Assert.Throws<RunFileException>(() => SummaryCsv.Read(path));

        Assert.That(error.Message, Is.EqualTo(path + expected));
    }

    [Test]
    public void Read_RecordWithMissingField_NamesItsLine()
    {
        using var folder = new TempFolder();
        var lines = WriteText([AwkwardRuns.Origin(), AwkwardRuns.Failed()]).Split('\n');
        lines[2] = lines[2][..lines[2].LastIndexOf(',')];
        string path = folder.Write("summary.csv", string.Join('\n', lines));

        var error = Assert.Throws<RunFileException>(() => SummaryCsv.Read(path));

        Assert.That(error.Path, Is.EqualTo(path));
        Assert.That(error.Line, Is.EqualTo(3));
    }

    [Test]
    public void Read_EmptyFile_SaysSo()
    {
        using var folder = new TempFolder();
        string path = folder.Write("summary.csv", string.Empty);

        var error = Assert.Throws<RunFileException>(() => SummaryCsv.Read(path));

        Assert.That(error.Message, Does.StartWith(path + ":1: the file is empty"));
    }

    [Test]
    public void Read_MissingFile_NamesIt()
    {
        using var folder = new TempFolder();
        string path = folder.PathOf("summary.csv");

        var error = Assert.Throws<RunFileException>(() => SummaryCsv.Read(path));

        Assert.That(error.Message, Is.EqualTo(path + ": file not found"));
    }

    internal static string WriteText(IReadOnlyList<SummaryRow> rows)
    {
        using var writer = new StringWriter();
        SummaryCsv.Write(writer, rows);
        return writer.ToString();
    }

    /// <summary>Replaces one cell on text line <paramref name="line"/> (0 is the header). The sample affine row spans lines 2
    /// and 3 because its message holds a line break, so the logistic row is line 4 and the failed row line 5.</summary>
    private static string ReplaceCell(string text, int line, string column, string value)
    {
        var table = text.Split('\n').ToList();
        int index = table[0].Split(',').ToList().IndexOf(column);
        var cells = table[line].Split(',');
        cells[index] = value;
        table[line] = string.Join(',', cells);
        return string.Join('\n', table);
    }
}
