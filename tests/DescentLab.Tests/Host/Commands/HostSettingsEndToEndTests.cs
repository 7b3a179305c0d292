using System.Text.Json;
using DescentLab.Tests.Support;
using NUnit.Framework;

namespace DescentLab.Tests.Host.Commands;

/// <summary>Settings reach every command the same way, with the Generic Host's precedence: install folder's
/// appsettings.json &lt; working directory's appsettings.json &lt; DescentLab__Key environment &lt; --DescentLab:Key=value.</summary>
public sealed class HostSettingsEndToEndTests
{
    private const string Config = """
        name: limits
        seeds: [1]
        datasets:
          - recipe: beans1
            n: 40
        models: [origin]
        variants:
          - sgd: { lr: 0.05 }
        stop: { max_epochs: 3 }
        """;

    private const string TooMany = "n = 40 is more than the limit of 10 samples";

    [Test]
    public void Validate_ReadsTheWorkingDirectorySettings_TheEnvironmentOverridesThem_AndTheCommandLineOverridesBoth()
    {
        using var temp = new TempFolder();
        temp.Write("limits.yaml", Config);
        temp.Write("appsettings.json", """{ "DescentLab": { "MaxSamples": 10 } }""");
        var raised = new Dictionary<string, string?> { ["DescentLab__MaxSamples"] = "100" };

        var fromFile = DescentLabProcess.Run(temp.FullPath, "validate", "limits.yaml");
        var fromEnvironment = DescentLabProcess.Run(temp.FullPath, raised, "validate", "limits.yaml");
        var fromCommandLine = DescentLabProcess.Run(temp.FullPath, raised, "validate", "limits.yaml", "--DescentLab:MaxSamples=10");

        Assert.Multiple(() =>
        {
            Assert.That(fromFile.ExitCode, Is.EqualTo(2), fromFile.Error);
            Assert.That(fromFile.Error, Does.Contain(TooMany));
            Assert.That(fromEnvironment.ExitCode, Is.Zero, fromEnvironment.Error);
            Assert.That(fromEnvironment.Out, Does.Contain("limits.yaml: OK (limits)"));
            Assert.That(fromCommandLine.ExitCode, Is.EqualTo(2), fromCommandLine.Error);
            Assert.That(fromCommandLine.Error, Does.Contain(TooMany).And.Not.Contain("MaxSamples=10:"));
        });
    }

    [Test]
    public void ValidateAndRun_AgreeOnACommandLineLimit_AndNeitherReadsTheSettingAsAFile()
    {
        using var temp = new TempFolder();
        temp.Write("limits.yaml", Config);

        var validate = DescentLabProcess.Run(temp.FullPath, "validate", "--DescentLab:MaxSamples=10", "limits.yaml");
        var run = DescentLabProcess.Run(temp.FullPath, "run", "--DescentLab:MaxSamples=10", "limits.yaml");
        var merge = DescentLabProcess.Run(temp.FullPath, "merge", "missing-shard", "--out", "m", "--DescentLab:ReportsDir=r");

        Assert.Multiple(() =>
        {
            Assert.That(validate.ExitCode, Is.EqualTo(2));
            Assert.That(run.ExitCode, Is.EqualTo(2));
            Assert.That(validate.Error, Does.Contain(TooMany));
            Assert.That(run.Error, Does.Contain(TooMany));
            Assert.That(merge.Error, Does.Contain("missing-shard").And.Not.Contain("ReportsDir"));
        });
    }

    [Test]
    public void ConsoleLogJson_WritesOneJsonEventPerLine_AndSerilogWriteToAddsASink()
    {
        using var temp = new TempFolder();
        temp.Write("limits.yaml", Config);
        string extra = temp.PathOf("extra.log");
        var environment = new Dictionary<string, string?>
        {
            ["DescentLab__ConsoleLog"] = "Json",
            ["Serilog__WriteTo__0__Name"] = "File",
            ["Serilog__WriteTo__0__Args__path"] = extra,
        };

        var run = DescentLabProcess.Run(temp.FullPath, environment, "run", "limits.yaml", "--DescentLab:ReportsDir=r");
        string[] lines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.Zero, run.Error);
            Assert.That(lines, Is.Not.Empty);
            Assert.That(lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("@m").GetString()), Has.Some.Contains("1 runs: 0 converged"));
            Assert.That(File.ReadAllText(extra), Does.Contain("1 runs: 0 converged"));
        });
    }

    [Test]
    public void SerilogLevelsAndProperties_WithoutASinkNamed_AreRead()
    {
        using var temp = new TempFolder();
        temp.Write("limits.yaml", Config);
        var environment = new Dictionary<string, string?>
        {
            ["DescentLab__ConsoleLog"] = "Json",
            ["Serilog__Properties__Team"] = "optim",
            ["Serilog__MinimumLevel__Override__descentlab.run"] = "Warning",
        };

        var run = DescentLabProcess.Run(temp.FullPath, environment, "run", "limits.yaml", "--DescentLab:ReportsDir=r");
        var events = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.Zero, run.Error);
            Assert.That(events.Select(e => e.GetProperty("SourceContext").GetString()), Has.Some.EqualTo("DescentLab.Output.Pipeline.ExperimentPipeline")
                .And.None.EqualTo("descentlab.run"), "the override silences the run's progress lines, and only them");
            Assert.That(events.Select(e => (e.GetProperty("Application").GetString(), e.GetProperty("Team").GetString())), Is.All.EqualTo(("descentlab", "optim")));
        });
    }

    [Test]
    public void BadConsoleLog_IsRefusedAsABadSetting()
    {
        using var temp = new TempFolder();
        temp.Write("limits.yaml", Config);

        var result = DescentLabProcess.Run(temp.FullPath, "validate", "limits.yaml", "--DescentLab:ConsoleLog=Xml");

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(2));
            Assert.That(result.Error, Does.StartWith("invalid setting: ").And.Contain("DescentLab:ConsoleLog"));
        });
    }
}
