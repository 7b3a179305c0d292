using DescentLab.Output;
using DescentLab.Output.Csv;
using DescentLab.Tests.Support;
using NUnit.Framework;

namespace DescentLab.Tests.Output.Csv;

/// <summary>curves/&lt;run_id&gt;.csv of run folders written before curves.csv: still read, bit for bit.</summary>
public sealed class CurveCsvTests
{
    [TestCase("")]
    [TestCase("de-DE")]
    public void Read_GoldenPerRunFile_GivesTheSampleCurveBitForBit(string culture)
    {
        using var scope = new CultureScope(culture);

        var curve = CurveCsv.Read(Path.Combine(TestContext.CurrentContext.TestDirectory, "Golden", "curve.csv"));

        Assert.That(Bits.Of(curve), Is.EqualTo(Bits.Of(AwkwardRuns.Curve())));
    }

    [Test]
    public void Read_ClassifierFileOfThePerRunLayout_KeepsItsAccuracyColumn()
    {
        var curve = CurveCsv.Read(Path.Combine(TestContext.CurrentContext.TestDirectory, "Golden", "per-run", "beans5-n12_logistic_adam_lr0.1_s1.csv"));

        Assert.Multiple(() =>
        {
            Assert.That(curve.ParameterNames, Is.EqualTo(new[] { "w1", "w2", "b" }));
            Assert.That(curve.Accuracy, Has.Length.EqualTo(4));
            Assert.That(curve.Accuracy![0], Is.EqualTo(0.75));
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
}
