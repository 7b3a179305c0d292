using DescentLab.Core.Datasets;
using DescentLab.Output;
using DescentLab.Output.Csv;
using DescentLab.Tests.Support;
using NUnit.Framework;

namespace DescentLab.Tests.Output.Csv;

public sealed class DatasetCsvTests
{
    [TestCase("beans1", "")]
    [TestCase("beans1", "de-DE")]
    [TestCase("beans5", "")]
    [TestCase("beans5", "de-DE")]
    public void Read_WhatWriteWrote_GivesTheSameSamplesAndIdentity(string recipe, string culture)
    {
        using var scope = new CultureScope(culture);
        using var folder = new TempFolder();
        var data = recipe == "beans1" ? AwkwardRuns.Beans1() : AwkwardRuns.Beans5();
        string path = folder.Write("data.csv", WriteText(data));

        var read = DatasetCsv.Read(path, data.Identity);

        Assert.That(read.Identity, Is.EqualTo(data.Identity));
        Assert.That(read.Dimension, Is.EqualTo(data.Dimension));
        Assert.That(Bits.Of(read.Samples), Is.EqualTo(Bits.Of(data.Samples)));
    }

    [Test]
    public void Write_Header_IsXyOrX1X2y()
    {
        Assert.That(WriteText(AwkwardRuns.Beans1()), Does.StartWith("x,y\n"));
        Assert.That(WriteText(AwkwardRuns.Beans5()), Does.StartWith("x1,x2,y\n"));
    }

    [Test]
    public void Read_ChangedValue_FailsTheContentHash()
    {
        using var folder = new TempFolder();
        var data = AwkwardRuns.Beans1();
        var lines = WriteText(data).Split('\n');
        lines[1] = "0.5,0.5";
        string path = folder.Write("data.csv", string.Join('\n', lines));

        var error = Assert.Throws<RunFileException>(() => DatasetCsv.Read(path, data.Identity));

        Assert.That(error.Message, Does.StartWith($"{path}: the samples do not match the content hash {data.Identity.ContentHash}"));
    }

    [Test]
    public void Read_MissingSample_SaysHowManyWereExpected()
    {
        using var folder = new TempFolder();
        var data = AwkwardRuns.Beans1();
        var lines = WriteText(data).Split('\n');
        string path = folder.Write("data.csv", string.Join('\n', lines[..^2]));

        var error = Assert.Throws<RunFileException>(() => DatasetCsv.Read(path, data.Identity));

        Assert.That(error.Message, Is.EqualTo($"{path}: expected 20 samples for dataset beans1 but found 19"));
    }

    [Test]
    public void Read_UnknownHeader_IsAnError()
    {
        using var folder = new TempFolder();
        string path = folder.Write("data.csv", "x,y,z,w\n1,2,3,4\n");

        var error = Assert.Throws<RunFileException>(() => DatasetCsv.Read(path, AwkwardRuns.Beans1().Identity));

        Assert.That(error.Message, Is.EqualTo(path + ":1: unknown column 'z'; expected the header x,y or x1,x2,y"));
    }

    private static string WriteText(Dataset data)
    {
        using var writer = new StringWriter();
        DatasetCsv.Write(writer, data);
        return writer.ToString();
    }
}
