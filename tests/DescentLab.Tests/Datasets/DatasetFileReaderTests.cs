using System.Globalization;
using DescentLab.Experiments.Datasets;
using DescentLab.Tests.Config;
using NUnit.Framework;

namespace DescentLab.Tests.Datasets;

/// <summary>User CSV datasets: exact errors with file and line, bit-exact values, nothing half-loaded.</summary>
public sealed class DatasetFileReaderTests
{
    private static IEnumerable<TestCaseData> BadFiles()
    {
        yield return Case("Empty", string.Empty, "beans.csv:1: the file is empty; expected the header x,y or x1,x2,y");
        yield return Case("HeaderOnly", "x,y\n", "beans.csv:1: no data rows after the header");
        yield return Case("MissingY", "x\n1\n", "beans.csv:1: missing column 'y'; expected the header x,y or x1,x2,y");
        yield return Case("MissingX2", "x1,y\n1,2\n", "beans.csv:1: missing column 'x2'; expected the header x,y or x1,x2,y");
        yield return Case("MissingX", "y\n1\n", "beans.csv:1: missing column 'x'; expected the header x,y or x1,x2,y");
        yield return Case("UnknownColumn", "x,y,z\n1,2,3\n", "beans.csv:1: unknown column 'z'; expected the header x,y or x1,x2,y");
        yield return Case("DuplicateColumn", "x,y,x\n1,2,3\n", "beans.csv:1: column 'x' appears twice; expected the header x,y or x1,x2,y");
        yield return Case("MixedX", "x,x1,y\n1,2,3\n", "beans.csv:1: column 'x' cannot go with 'x1' or 'x2'; expected the header x,y or x1,x2,y");
        yield return Case("NotANumber", "x,y\n1,2\n3,abc\n", "beans.csv:3: column 'y': expected a number, got 'abc'");
        yield return Case("DecimalComma", "x,y\n\"1,5\",2\n", "beans.csv:2: column 'x': expected a number, got '1,5'");
        yield return Case("EmptyField", "x1,x2,y\n1,,0\n", "beans.csv:2: column 'x2': expected a number, got an empty field");
        yield return Case("NaN", "x,y\n1,2\nNaN,1\n", "beans.csv:3: column 'x': expected a finite number, got 'NaN'");
        yield return Case("Infinity", "x,y\n1,-Infinity\n", "beans.csv:2: column 'y': expected a finite number, got '-Infinity'");
        yield return Case("Overflow", "x,y\n1e400,1\n", "beans.csv:2: column 'x': expected a finite number, got '1e400'");
        yield return Case("RaggedRow", "x,y\n1,2\n\n3,4,5\n", "beans.csv:4: expected 2 fields like the header, got 3");
        yield return Case("ShortRow", "x1,x2,y\n1,2,0\n3,4\n", "beans.csv:3: expected 3 fields like the header, got 2");
        yield return Case("NulInsideANumber", "x,y\n1\u00002,3\n", "beans.csv:2: column 'x': expected a number, got '1\\x002'");
        yield return Case("NulAfterANumber", "x,y\n1,3\u0000\n", "beans.csv:2: column 'y': expected a number, got '3\\x00'");
        yield return Case(
            "EnvironLikeHeader_ShortEscapedExcerpt",
            "x,y,HOME=/root\u0000PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin\n1,2,3\n",
            "beans.csv:1: unknown column 'HOME=/root\\x00PATH=/usr/local/sb...'; expected the header x,y or x1,x2,y");
        yield return Case("UnclosedQuote", "x,y\n1,\"2\n", "beans.csv:2: Malformed CSV in record 2 (line 2): a quoted field that is never closed (byte offset 9).");
    }

    [TestCaseSource(nameof(BadFiles))]
    public void Read_BadFile_ThrowsWithFileAndLine(string content, string expected)
    {
        using var folder = new TestFolder();
        string path = folder.Write("beans.csv", content);

        var read = Assert.Throws<DatasetFileException>(() => DatasetFileReader.Read(path, "beans.csv"));
        var probe = Assert.Throws<DatasetFileException>(() => DatasetFileReader.Probe(path, "beans.csv"));

        Assert.Multiple(() =>
        {
            Assert.That(read!.Message, Is.EqualTo(expected));
            Assert.That(probe!.Message, Is.EqualTo(expected));
            Assert.That(read.File, Is.EqualTo("beans.csv"));
            Assert.That($"{read.File}:{read.Line}: {read.Reason}", Is.EqualTo(expected));
        });
    }

    [Test]
    public void Read_MissingFile_SaysWhereItLooked()
    {
        using var folder = new TestFolder();
        string path = Path.Combine(folder.Root, "gone.csv");

        var ex = Assert.Throws<DatasetFileException>(() => DatasetFileReader.Read(path, "data/gone.csv"));

        Assert.Multiple(() =>
        {
            Assert.That(ex!.Message, Is.EqualTo($"data/gone.csv: file not found ({path})"));
            Assert.That(ex.Line, Is.Zero);
        });
    }

    [Test]
    [SetCulture("de-DE")]
    public void Read_ValuesWrittenRoundTrip_AreBitExact()
    {
        double[] x = [0.1, 1.0 / 3, 5e-324, -0.0, double.MaxValue, 0.30000000000000004, -123456789.12345679, 1e-300];
        double[] y = [Math.PI, -Math.E, 0, 1, double.Epsilon, 2.5e-8, double.MinValue, 7];
        var lines = x.Select((v, i) => $"{y[i].ToString("R", CultureInfo.InvariantCulture)},{v.ToString("R", CultureInfo.InvariantCulture)}");
        using var folder = new TestFolder();
        string path = folder.Write("data/exact.csv", "y,x\r\n" + string.Join("\r\n", lines) + "\r\n");

        var data = DatasetFileReader.Read(path, "data/exact.csv");

        Assert.Multiple(() =>
        {
            Assert.That(data.X1.Select(BitConverter.DoubleToInt64Bits), Is.EqualTo(x.Select(BitConverter.DoubleToInt64Bits)));
            Assert.That(data.Y.Select(BitConverter.DoubleToInt64Bits), Is.EqualTo(y.Select(BitConverter.DoubleToInt64Bits)));
            Assert.That(data.Dimension, Is.EqualTo(1));
            Assert.That(data.X2, Is.Empty);
            Assert.That(data.Identity.Name, Is.EqualTo("exact"));
            Assert.That(data.Identity.Source, Is.EqualTo("data/exact.csv"));
            Assert.That(data.Identity.Recipe, Is.Null);
            Assert.That(data.Identity.N, Is.EqualTo(x.Length));
        });
    }

    [Test]
    public void Read_TwoDimensionalFileInAnyColumnOrder_MapsColumnsByName()
    {
        using var folder = new TestFolder();
        string path = folder.Write("flat.csv", "y,x2,x1\n1,0.25,2\n0,0.5,3\n");

        var data = DatasetFileReader.Read(path, "flat.csv");
        var shape = DatasetFileReader.Probe(path, "flat.csv");

        Assert.Multiple(() =>
        {
            Assert.That(data.X1, Is.EqualTo(new[] { 2.0, 3.0 }));
            Assert.That(data.X2, Is.EqualTo(new[] { 0.25, 0.5 }));
            Assert.That(data.Y, Is.EqualTo(new[] { 1.0, 0.0 }));
            Assert.That(shape, Is.EqualTo(new DatasetFileShape(2, 2)));
        });
    }

    private static TestCaseData Case(string name, string content, string expected) => new TestCaseData(content, expected).SetName($"Read_BadFile_{name}");
}
