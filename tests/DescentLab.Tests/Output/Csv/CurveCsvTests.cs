using DescentLab.Core.Models;
using DescentLab.Core.Training;
using DescentLab.Experiments.Results;
using DescentLab.Output;
using DescentLab.Output.Csv;
using DescentLab.Tests.Support;
using NUnit.Framework;

namespace DescentLab.Tests.Output.Csv;

public sealed class CurveCsvTests
{
    [TestCase("")]
    [TestCase("de-DE")]
    public void Write_SampleCurve_MatchesGoldenFile(string culture)
    {
        using var scope = new CultureScope(culture);

        GoldenFile.AssertMatches("curve.csv", WriteText(AwkwardRuns.Curve()));
    }

    [TestCase("")]
    [TestCase("de-DE")]
    public void Read_WhatWriteWrote_GivesIdenticalCurveBitForBit(string culture)
    {
        using var scope = new CultureScope(culture);
        using var folder = new TempFolder();
        string path = folder.Write("curve.csv", WriteText(AwkwardRuns.Curve()));

        var curve = CurveCsv.Read(path);

        Assert.That(Bits.Of(curve), Is.EqualTo(Bits.Of(AwkwardRuns.Curve())));
    }

    [Test]
    public void Read_TrainedCurve_RoundTrips()
    {
        using var folder = new TempFolder();
        var config = TestConfigs.Create(
            [TestConfigs.Recipe("beans1", 20, 1, TestConfigs.Model("affine"))], [TestConfigs.Variant("sgd") with { Shuffle = true }], maxEpochs: 5, record: RecordMode.Step);
        var trained = Single(TestRunSets.Run(config));
        string path = folder.Write("curve.csv", WriteText(trained));

        Assert.That(Bits.Of(CurveCsv.Read(path)), Is.EqualTo(Bits.Of(trained)));
    }

    [Test]
    public void Read_ClassificationCurve_RoundTripsItsAccuracyColumn()
    {
        using var folder = new TempFolder();
        var config = TestConfigs.Create(
            [TestConfigs.Recipe("beans5", 20, 2)], [TestConfigs.Variant("batch")], models: [TestConfigs.Model("logistic", LossKind.CrossEntropy)], maxEpochs: 5);
        var trained = Single(TestRunSets.Run(config));
        string text = WriteText(trained);
        string path = folder.Write("curve.csv", text);

        Assert.Multiple(() =>
        {
            Assert.That(text, Does.StartWith("epoch,step,loss,gap,grad_norm,accuracy,w1,w2,b\n"));
            Assert.That(trained.Accuracy, Has.Length.EqualTo(6));
            Assert.That(Bits.Of(CurveCsv.Read(path)), Is.EqualTo(Bits.Of(trained)));
        });
    }

    [Test]
    public void Read_BadStep_NamesFileLineAndColumn()
    {
        using var folder = new TempFolder();
        string path = folder.Write("curve.csv", "epoch,step,loss,gap,grad_norm,w\n0,0,1,1,1,0.1\n1,x,1,1,1,0.2\n");

        var error = Assert.Throws<RunFileException>(() => CurveCsv.Read(path));

        Assert.That(error.Message, Is.EqualTo(path + ":3: column step: expected an integer but found 'x'"));
    }

    [Test]
    public void Read_WrongHeader_NamesTheColumn()
    {
        using var folder = new TempFolder();
        string path = folder.Write("curve.csv", "epoch,loss,step,gap,grad_norm\n");

        var error = Assert.Throws<RunFileException>(() => CurveCsv.Read(path));

        Assert.That(error.Message, Is.EqualTo(path + ":1: expected column 'step' at position 2 but found 'loss'"));
    }

    [Test]
    public void Read_RepeatedParameterColumn_IsAnError()
    {
        using var folder = new TempFolder();
        string path = folder.Write("curve.csv", "epoch,step,loss,gap,grad_norm,w,w\n");

        var error = Assert.Throws<RunFileException>(() => CurveCsv.Read(path));

        Assert.That(error.Message, Is.EqualTo(path + ":1: column 7: 'w' is not a valid parameter column (empty or repeated)"));
    }

    [Test]
    public void Read_ExtraField_NamesItsLine()
    {
        using var folder = new TempFolder();
        string path = folder.Write("curve.csv", "epoch,step,loss,gap,grad_norm,w\n0,0,1,1,1,0.1\n1,1,1,1,1,0.2\n2,2,1,1,1,0.3,9\n");

        var error = Assert.Throws<RunFileException>(() => CurveCsv.Read(path));

        Assert.That(error.Message, Does.StartWith(path + ":4: "));
    }

    private static string WriteText(Curve curve)
    {
        using var writer = new StringWriter();
        CurveCsv.Write(writer, curve);
        return writer.ToString();
    }

    private static Curve Single(RunSet set)
    {
        set.Curves.TryRead(set.Rows.Single().RunId, out var curve);
        return curve!;
    }
}
