using System.Diagnostics;
using DescentLab.Experiments.Config;
using DescentLab.Experiments.Datasets;
using DescentLab.Tests.Support;
using NUnit.Framework;

namespace DescentLab.Tests.Experiments.Inputs;

/// <summary>Configs and dataset files that are not regular files (a FIFO, /dev/zero, /proc) are refused at once with
/// a message, never read forever or into memory; invalid UTF-8 is a located error.</summary>
public sealed class InputFileTests
{
    [Test]
    public void Dataset_DevZero_IsRefusedAsNotARegularFile()
    {
        RequireLinux();
        var ex = Assert.Throws<DatasetFileException>(() => DatasetFileReader.Probe("/dev/zero", "zero.csv"));
        Assert.That(ex!.Message, Is.EqualTo("zero.csv: cannot read the file: not a regular file (it yields more bytes than its size, like a device or a /proc file)"));
    }

    [Test]
    public void Dataset_ProcEnviron_IsRefusedWithoutEchoingIt()
    {
        RequireLinux();
        var ex = Assert.Throws<DatasetFileException>(() => DatasetFileReader.Probe("/proc/self/environ", "env.csv"));
        Assert.That(ex!.Message, Is.EqualTo("env.csv: cannot read the file: not a regular file (it yields more bytes than its size, like a device or a /proc file)"));
    }

    [Test]
    public void Dataset_Fifo_IsRefusedWithoutBlocking()
    {
        using var temp = new TempFolder();
        string fifo = MakeFifo(temp, "beans.csv");
        var ex = Assert.Throws<DatasetFileException>(() => DatasetFileReader.Probe(fifo, "beans.csv"));
        Assert.That(ex!.Message, Is.EqualTo("beans.csv: cannot read the file: not a regular file (a pipe, socket or terminal cannot be read as input)"));
    }

    [Test]
    public void Config_SymlinkToDevZero_IsALocatedError()
    {
        RequireLinux();
        using var temp = new TempFolder();
        string config = temp.PathOf("zero.yaml");
        File.CreateSymbolicLink(config, "/dev/zero");

        var result = ConfigLoader.Load(config, ConfigLimits.Default);

        Assert.That(result.Errors.Select(e => e.ToString()), Is.EqualTo(new[] { $"{config}:1:1: cannot read the file: not a regular file (it yields more bytes than its size, like a device or a /proc file)" }));
    }

    [Test]
    public void Config_Fifo_IsALocatedError()
    {
        using var temp = new TempFolder();
        string fifo = MakeFifo(temp, "c.json");

        var result = ConfigLoader.Load(fifo, ConfigLimits.Default);

        Assert.That(result.Errors.Select(e => e.ToString()), Is.EqualTo(new[] { $"{fifo}:1:1: cannot read the file: not a regular file (a pipe, socket or terminal cannot be read as input)" }));
    }

    [TestCase("c.json", TestName = "Config_InvalidUtf8_Json")]
    [TestCase("c.yaml", TestName = "Config_InvalidUtf8_Yaml")]
    public void Config_InvalidUtf8_IsALocatedError(string name)
    {
        using var temp = new TempFolder();
        string config = temp.PathOf(name);
        File.WriteAllBytes(config, [.. "{\"name\": \"q"u8, 0xff, .. "\", \"seeds\": [1]}"u8]);

        var result = ConfigLoader.Load(config, ConfigLimits.Default);

        Assert.That(result.Errors.Select(e => e.ToString()), Is.EqualTo(new[] { $"{config}:1:12: the file is not valid UTF-8 text (byte 0xFF)" }));
    }

    [Test]
    public void Config_TooLarge_IsRefusedBeforeReading()
    {
        using var temp = new TempFolder();
        string config = temp.PathOf("big.yaml");
        using (var stream = File.Create(config))
        {
            stream.SetLength(DescentLab.Experiments.Inputs.InputFile.MaxConfigBytes + 1);
        }

        var result = ConfigLoader.Load(config, ConfigLimits.Default);

        Assert.That(result.Errors.Select(e => e.ToString()), Is.EqualTo(new[] { $"{config}:1:1: cannot read the file: the file has 16777217 bytes, more than the limit of 16777216" }));
    }

    [Test]
    public void Validate_BrokenJsonFirst_StillChecksTheOtherFiles()
    {
        using var temp = new TempFolder();
        string bad = temp.PathOf("bad.json");
        File.WriteAllBytes(bad, [.. "{\"name\": \"q"u8, 0xff, .. "\"}"u8]);
        string surrogate = temp.Write("surrogate.json", """{ "name": "\ud800" }""");
        string good = temp.Write("good.yaml", "name: g\nseeds: [1]\ndatasets: [{recipe: beans1, n: 10}]\nmodels: [origin]\nvariants: [batch]\n");
        using var output = new StringWriter();
        using var error = new StringWriter();

        int exitCode = DescentLab.Host.Commands.ValidateCommand.Validate([bad, surrogate, good], ConfigLimits.Default, new(output, error));

        Assert.That(exitCode, Is.EqualTo(2));
        Assert.That(error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries), Is.EqualTo(new[]
        {
            $"{bad}:1:12: the file is not valid UTF-8 text (byte 0xFF)",
            $"{surrogate}:1:11: a string holds an escape that is not a character (a lone UTF-16 surrogate such as \\ud800)",
        }));
        Assert.That(output.ToString(), Is.EqualTo($"{good}: OK (g)\n"));
    }

    private static string MakeFifo(TempFolder temp, string name)
    {
        RequireLinux();
        string path = temp.PathOf(name);
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })!;
        mkfifo.WaitForExit();
        Assert.That(mkfifo.ExitCode, Is.Zero);
        return path;
    }

    private static void RequireLinux()
    {
        if (!OperatingSystem.IsLinux())
        {
            Assert.Ignore("Linux device and FIFO semantics");
        }
    }
}
