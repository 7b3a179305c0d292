using System.Text;
using DescentLab.Core.Models;
using DescentLab.Core.Training;
using DescentLab.Experiments.Config;
using DescentLab.Experiments.Results;
using DescentLab.Experiments.Running;
using DescentLab.Output;
using DescentLab.Output.Columns;
using DescentLab.Output.Csv;
using DescentLab.Output.Exporters;
using DescentLab.Output.Pipeline;
using DescentLab.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using NUnit.Framework;

namespace DescentLab.Tests.Output.Csv;

/// <summary>curves.csv: one long table whose rows of a run, without run_id and the cells the run leaves empty, are the
/// per-run file earlier versions wrote, byte for byte; and that reads back bit for bit.</summary>
public sealed class CurveTableTests
{
    [TestCase("")]
    [TestCase("de-DE")]
    public void Rows_TwoModelsInOneTable_MatchGoldenFile(string culture)
    {
        using var scope = new CultureScope(culture);

        GoldenFile.AssertMatches("curves.csv", Text(TwoModels(), ("r1", AwkwardRuns.Curve()), ("r2", Classifier())));
    }

    [TestCase("")]
    [TestCase("de-DE")]
    public void Rows_OfRandomBitsAndEdgeNumbers_AreEachNumbersRoundTripText_JoinedByCommas(string culture)
    {
        // Rows formats numbers in place as UTF-8; the outside truth is the runtime's round-trip string of each.
        using var scope = new CultureScope(culture);
        var random = new Random(20261205);
        double[] edges =
        [
            0.0, -0.0, double.Epsilon, -double.Epsilon, double.MaxValue, double.MinValue, double.NaN, double.PositiveInfinity,
            double.NegativeInfinity, -2.2250738585072014E-308, 1e-5, 9.9999999999999991E-06, 1e15, 123456789012345.6, 1e16,
        ];
        int count = 20_000;
        double[] Numbers(int length) => [.. edges, .. Enumerable.Range(0, length - edges.Length)
            .Select(i => i % 2 == 0 ? BitConverter.Int64BitsToDouble(random.NextInt64(long.MinValue, long.MaxValue)) : random.NextDouble() * Math.Pow(10, random.Next(-12, 12)))];
        int[] epoch = [.. Enumerable.Range(0, count).Select(i => i == 1 ? int.MaxValue : i)];
        long[] step = [.. Enumerable.Range(0, count).Select(i => i == 1 ? long.MaxValue : 1_000_000_007L * i)];
        var curve = new Curve(["w1", "b"], epoch, step, Numbers(count), Numbers(count), Numbers(count), Numbers(2 * count), Numbers(count));
        var table = CurveTable.For([Problem("w1", "w2", "b")]);

        string R(double value) => value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        var expected = new System.Text.StringBuilder();
        for (int row = 0; row < count; row++)
        {
            expected.Append(string.Join(',', "run-1", epoch[row].ToString(System.Globalization.CultureInfo.InvariantCulture), step[row].ToString(System.Globalization.CultureInfo.InvariantCulture),
                R(curve.Loss[row]), R(curve.Gap[row]), R(curve.GradNorm[row]), R(curve.Accuracy![row]), R(curve.Parameters[2 * row]), string.Empty, R(curve.Parameters[(2 * row) + 1]))).Append('\n');
        }

        Assert.That(table.Rows("run-1", curve), Is.EqualTo(expected.ToString()));
    }

    [Test]
    public void Rows_OfTheSampleCurve_AreThePerRunGoldenFileWithoutRunIdAndEmptyCells()
    {
        string text = Text(TwoModels(), ("r1", AwkwardRuns.Curve()), ("r2", Classifier()));

        Assert.That(PerRun(text, "r1"), Is.EqualTo(File.ReadAllText(Golden("curve.csv"))));
    }

    [Test]
    public void Parse_WhatRowsWrote_GivesTheCurvesBitForBit()
    {
        var affine = Single(TestRunSets.Run(TestConfigs.Create(
            [TestConfigs.Recipe("beans1", 20, 1, TestConfigs.Model("affine"))], [TestConfigs.Variant("sgd") with { Shuffle = true }], maxEpochs: 5, record: RecordMode.Step)));
        var logistic = Single(TestRunSets.Run(TestConfigs.Create(
            [TestConfigs.Recipe("beans5", 20, 2)], [TestConfigs.Variant("batch")], models: [TestConfigs.Model("logistic", LossKind.CrossEntropy)], maxEpochs: 5)));
        var table = CurveTable.For([Problem("w", "b"), Problem("w1", "w2", "b"), Problem(AwkwardRuns.Curve().ParameterNames.ToArray())]);

        Assert.Multiple(() =>
        {
            foreach (var curve in new[] { affine, logistic, AwkwardRuns.Curve(), Classifier() })
            {
                var rows = Encoding.UTF8.GetBytes(table.Rows("run", curve));
                Assert.That(Bits.Of(table.Parse(rows, "curves.csv", 2)), Is.EqualTo(Bits.Of(curve)));
            }

            Assert.That(logistic.Accuracy, Has.Length.EqualTo(6), "the classifier tracks accuracy");
        });
    }

    [Test]
    public void EveryModelKindAndVariant_RunsIntoCurvesCsv_WhoseRowsAreTheOldPerRunFilesByteForByte()
    {
        // Golden/per-run holds the curves/<run_id>.csv files the per-run layout wrote for Golden/per-run-layouts.yaml
        // (origin, affine, logistic 1-D and 2-D with accuracy, mlp; every built-in variant family).
        using var temp = new TempFolder();
        string config = temp.Write("layouts.yaml", File.ReadAllText(Golden("per-run-layouts.yaml")));
        var pipeline = new ExperimentPipeline(
            new ExperimentRunner(NullLogger<ExperimentRunner>.Instance),
            TimeProvider.System,
            NullLogger<ExperimentPipeline>.Instance,
            DefaultExporters.All.Where(e => e is not ReportExporter));

        var result = pipeline.Run(new RunRequest([config], temp.PathOf("reports"), temp.PathOf("out"), 2, null, false), (_, _) => TestRunSets.Environment, ConfigLimits.Default, null, CancellationToken.None);

        Assert.That(result.Outcome, Is.EqualTo(PipelineOutcome.Success), string.Join("\n", result.Errors));
        string text = File.ReadAllText(temp.PathOf("out", CurveTable.FileName));
        var golden = Directory.GetFiles(Golden("per-run"), "*.csv");
        Assert.That(golden, Has.Length.EqualTo(57));
        Assert.That(RunFolders.CurveRows(temp.PathOf("out")).Keys, Is.EquivalentTo(golden.Select(Path.GetFileNameWithoutExtension)));
        Assert.Multiple(() =>
        {
            foreach (string file in golden)
            {
                Assert.That(PerRun(text, Path.GetFileNameWithoutExtension(file)), Is.EqualTo(File.ReadAllText(file)), Path.GetFileName(file));
            }
        });
    }

    [Test]
    public void ParameterColumns_KeepEachModelsOrder_WhateverTheOrderOfTheModels()
    {
        string[][] lists = [["w", "b"], ["w1", "w2", "b"], ["w"], ["h1.w", "h1.b", "out.w1", "out.b"]];
        var orders = new[] { lists, [.. lists.Reverse()], [lists[2], lists[0], lists[3], lists[1], lists[0]] }
            .Select(l => CurveColumns.ParameterColumns(l))
            .ToList();

        Assert.That(orders[0], Is.EqualTo(new[] { "h1.w", "h1.b", "out.w1", "out.b", "w", "w1", "w2", "b" }));
        Assert.That(orders[1], Is.EqualTo(orders[0]));
        Assert.That(orders[2], Is.EqualTo(orders[0]));
    }

    [Test]
    public void ParameterColumns_ModelsOrderingNamesDifferently_AreRefused()
    {
        var error = Assert.Throws<InvalidOperationException>(() => CurveColumns.ParameterColumns([["w", "b"], ["b", "w"]]));

        Assert.That(error!.Message, Does.StartWith("Models order the parameters b, w differently"));
    }

    [Test]
    public void ParseHeader_WrongLeadingColumn_NamesIt()
    {
        var error = Assert.Throws<RunFileException>(() => CurveTable.ParseHeader("run_id,epoch,loss,step,gap,grad_norm,accuracy,w", "c.csv"));

        Assert.That(error!.Message, Is.EqualTo("c.csv:1: expected column 'step' at position 3 but found 'loss'"));
    }

    [Test]
    public void ParseHeader_RepeatedParameterColumn_IsAnError()
    {
        var error = Assert.Throws<RunFileException>(() => CurveTable.ParseHeader("run_id,epoch,step,loss,gap,grad_norm,accuracy,w,w", "c.csv"));

        Assert.That(error!.Message, Is.EqualTo("c.csv:1: column 9: 'w' is not a valid parameter column (empty or repeated)"));
    }

    [Test]
    public void Parse_RowFillingOtherCellsThanTheFirst_NamesLineAndColumn()
    {
        var table = CurveTable.ParseHeader("run_id,epoch,step,loss,gap,grad_norm,accuracy,w,b", "c.csv");

        var error = Assert.Throws<RunFileException>(() => Parse(table, ["r,0,0,1,1,1,,0.1,", "r,1,1,1,1,1,,0.2,0.3"], "c.csv", 5));

        Assert.That(error!.Message, Is.EqualTo("c.csv:6: column b: run 'r' fills other accuracy or parameter cells than in its first row"));
    }

    [Test]
    public void Parse_RowOfAnotherRun_NamesItsLine()
    {
        var table = CurveTable.ParseHeader("run_id,epoch,step,loss,gap,grad_norm,accuracy,w", "c.csv");

        var error = Assert.Throws<RunFileException>(() => Parse(table, ["r,0,0,1,1,1,,0.1", "s,1,1,1,1,1,,0.2"], "c.csv", 2));

        Assert.That(error!.Message, Is.EqualTo("c.csv:3: a row of run 's' among the rows of run 'r'"));
    }

    [TestCase("\n", true)]
    [TestCase("\r\n", true)]
    [TestCase("\r\n", false)]
    public void ReadRunsAndReadRun_FileWithAnyLineEnd_GiveTheCurvesBitForBit_AndTheirRowsPlaces(string lineEnd, bool finalLineEnd)
    {
        using var temp = new TempFolder();
        var table = CurveTable.For([Problem("w", "b"), Problem("w1", "w2", "b")]);
        var curves = new[] { ("a", AwkwardRuns.Curve()), ("b", Classifier()), ("c", AwkwardRuns.Curve()) };
        string text = (table.HeaderLine + string.Concat(curves.Select(c => table.Rows(c.Item1, c.Item2)))).Replace("\n", lineEnd, StringComparison.Ordinal);
        string path = temp.Write(CurveTable.FileName, finalLineEnd ? text : text[..^lineEnd.Length]);

        var blocks = CurveTableReader.ReadRuns(path).ToList();
        using var file = CurveTableReader.OpenForRuns(path);

        Assert.Multiple(() =>
        {
            Assert.That(blocks.Select(b => b.RunId), Is.EqualTo(new[] { "a", "b", "c" }));
            long line = 2;
            for (int i = 0; i < curves.Length; i++)
            {
                Assert.That(Bits.Of(blocks[i].Curve), Is.EqualTo(Bits.Of(curves[i].Item2)), curves[i].Item1);
                Assert.That(blocks[i].Location.Line, Is.EqualTo(line), "the line its rows start at");
                Assert.That(Bits.Of(CurveTableReader.ReadRun(file, path, table, blocks[i].Location).Curve), Is.EqualTo(Bits.Of(curves[i].Item2)), "read at its place");
                line += curves[i].Item2.Count;
            }

            Assert.That(blocks[^1].Location.Offset + blocks[^1].Location.Length, Is.EqualTo(new FileInfo(path).Length), "the last run ends the file");
        });
    }

    [TestCase("r,0,0,1,1,1,,0.1,0.2,9", "c.csv:7: expected 9 fields but found 10")]
    [TestCase("r,0,0,1,1,1,,0.1", "c.csv:7: expected 9 fields but found 8")]
    [TestCase("", "c.csv:7: expected 9 fields but found 1")]
    [TestCase("r,0,0,1,abc,1,,0.1,0.2", "c.csv:7: column gap: expected a number but found 'abc'")]
    [TestCase("r,0,0,1,1,1,,0.1,0,2", "c.csv:7: expected 9 fields but found 10")]
    [TestCase("r,0.5,0,1,1,1,,0.1,0.2", "c.csv:7: column epoch: expected an integer but found '0.5'")]
    [TestCase("r,0,x,1,1,1,,0.1,0.2", "c.csv:7: column step: expected an integer but found 'x'")]
    [TestCase("r,0,0,1,1,1,1e400x,0.1,0.2", "c.csv:7: column accuracy: run 'r' fills other accuracy or parameter cells than in its first row")]
    public void Parse_MalformedRow_NamesItsLineAndWhat(string row, string message)
    {
        var table = CurveTable.ParseHeader("run_id,epoch,step,loss,gap,grad_norm,accuracy,w,b", "c.csv");

        var error = Assert.Throws<RunFileException>(() => Parse(table, ["r,0,0,1,1,1,,0.1,0.2", row], "c.csv", 6));

        Assert.That(error!.Message, Is.EqualTo(message));
    }

    [Test]
    public void Rows_ParameterWithoutAColumn_IsRefused()
    {
        var table = CurveTable.For([Problem("w")]);

        var error = Assert.Throws<ArgumentException>(() => table.Rows("r", AwkwardRuns.Curve()));

        Assert.That(error!.Message, Does.StartWith("Run r has the parameter 'b', which curves.csv has no column for."));
    }

    /// <summary>A run's rows as its per-run file had them: the header without run_id and without the columns the run
    /// leaves empty, then its rows the same way.</summary>
    private static string PerRun(string table, string runId)
    {
        var lines = table.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var rows = lines.Skip(1).Select(l => l.Split(',')).Where(cells => cells[0] == runId).ToList();
        var kept = Enumerable.Range(1, rows[0].Length - 1).Where(c => rows[0][c].Length > 0).ToList();
        var header = lines[0].Split(',');
        return string.Concat(new[] { header }.Concat(rows).Select(cells => string.Join(',', kept.Select(c => cells[c])) + "\n"));
    }

    private static string Text(CurveTable table, params (string RunId, Curve Curve)[] runs) =>
        table.HeaderLine + string.Concat(runs.Select(r => table.Rows(r.RunId, r.Curve)));

    private static CurveTable TwoModels() => CurveTable.For([Problem("w", "b"), Problem("w1", "w2", "b")]);

    /// <summary>The curve of <paramref name="rows"/>, each ending with a line end as in curves.csv.</summary>
    private static Curve Parse(CurveTable table, IEnumerable<string> rows, string path, long firstLine) =>
        table.Parse(Encoding.UTF8.GetBytes(string.Concat(rows.Select(row => row + "\n"))), path, firstLine);

    private static ProblemInfo Problem(params string[] names) =>
        new("d", "m", "mse", 0, true, "closed_form", [.. names.Select(n => new KeyValuePair<string, double>(n, 0))]);

    /// <summary>A two-input classifier's curve, with accuracy.</summary>
    private static Curve Classifier() => new(["w1", "w2", "b"], [0, 1], [0, 12], [0.7, 0.25], [0.5, 0.05], [1.25, 1E-05], [0.1, 0.1, 0, -2.5, 3.75, 1E+20], [0.5, 0.9166666666666666]);

    private static Curve Single(RunSet set)
    {
        set.Curves.TryRead(set.Rows.Single().RunId, out var curve);
        return curve!;
    }

    private static string Golden(string name) => Path.Combine(TestContext.CurrentContext.TestDirectory, "Golden", name);
}
