using DescentLab.Experiments.Config;
using DescentLab.Host.Commands;
using DescentLab.Output.Json;
using DescentLab.Tests.Support;
using NUnit.Framework;

namespace DescentLab.Tests.Host.Commands;

/// <summary><c>--set</c> on the command line, in process: <c>validate</c> and <c>run</c> read overrides the same way, and a
/// run's manifest and report carry them.</summary>
[NonParallelizable]
public sealed class SetOptionTests
{
    private const string Config =
        """
        name: tiny
        seeds: [1]
        datasets:
          - recipe: beans1
            n: 20
        models: [origin]
        variants:
          - sgd: { lr: 0.1 }
          - batch: { lr: 0.1 }
        stop: { max_epochs: 3 }

        """;

    private TempFolder _temp = null!;

    [SetUp]
    public void CreateFolder() => _temp = new TempFolder();

    [TearDown]
    public void DeleteFolder() => _temp.Dispose();

    [Test]
    public async Task ValidateAndRun_ReportTheSameOverrideErrors_AndRunWritesNothing()
    {
        string config = _temp.Write("tiny.yaml", Config);
        string[] sets = ["--set", "variants.sgd.lr=abc", "--set", "stop.max_ep=5"];

        var (validateCode, _, validateErrors) = await Invoke(["validate", config, .. sets]);
        var (runCode, _, runErrors) = await Invoke(["run", config, .. sets, "--out", _temp.PathOf("out"), $"--DescentLab:ReportsDir={_temp.PathOf("reports")}"]);

        string[] expected =
        [
            $"{config}: --set variants.sgd.lr=abc: expected a number > 0 (range (0, inf)), got 'abc'",
            $"{config}: --set stop.max_ep=5: unknown key; did you mean 'max_epochs'?",
        ];
        Assert.Multiple(() =>
        {
            Assert.That(validateCode, Is.EqualTo(ExitCodes.BadInput));
            Assert.That(runCode, Is.EqualTo(ExitCodes.BadInput));
            Assert.That(Lines(validateErrors), Is.EqualTo(expected));
            Assert.That(Lines(runErrors), Is.EqualTo(expected));
            Assert.That(Directory.Exists(_temp.PathOf("out")), Is.False);
        });
    }

    [Test]
    public async Task NotKeyEqualsValue_IsBadInputBeforeTheConfigIsRead()
    {
        var (code, _, errors) = await Invoke(["validate", _temp.PathOf("missing.yaml"), "--set", "stop.max_epochs"]);

        Assert.That(code, Is.EqualTo(ExitCodes.BadInput));
        Assert.That(Lines(errors), Is.EqualTo(new[] { "--set stop.max_epochs: expected KEY=VALUE, e.g. --set variants.sgd.lr=0.9" }));
    }

    [Test]
    public async Task Run_RecordsTheOverridesInTheManifestAndTheReproduceCommand()
    {
        string config = _temp.Write("tiny.yaml", Config);
        string[] sets = ["--set", "stop.max_epochs=2", "--set", "variants.sgd.lr=[0.1, 0.5]"];

        var (validateCode, validateOut, _) = await Invoke(["validate", config, .. sets]);
        var (code, _, errors) = await Invoke(["run", config, .. sets, "--out", _temp.PathOf("out"), $"--DescentLab:ReportsDir={_temp.PathOf("reports")}"]);

        Assert.That(validateCode, Is.EqualTo(ExitCodes.Success));
        Assert.That(validateOut.Trim(), Is.EqualTo($"{config}: OK (tiny)"));
        Assert.That(code, Is.EqualTo(ExitCodes.Success), errors);
        var manifest = ManifestJson.Read(_temp.PathOf("out", ManifestJson.FileName));
        string command = $"descentlab run {config} --set stop.max_epochs=2 --set 'variants.sgd.lr=[0.1, 0.5]'";
        Assert.Multiple(() =>
        {
            Assert.That(manifest.Overrides, Is.EqualTo(new[] { "stop.max_epochs=2", "variants.sgd.lr=[0.1, 0.5]" }));
            Assert.That(manifest.ResolvedConfig.Stop.MaxEpochs, Is.EqualTo(2));
            Assert.That(manifest.Command, Is.EqualTo(command));
            Assert.That(File.ReadLines(_temp.PathOf("out", "summary.csv")).Count(), Is.EqualTo(1 + 3), "sgd's two rates and batch, one seed");
            Assert.That(File.ReadAllText(_temp.PathOf("out", "report.md")), Does.Contain("```sh\n" + command + "\n```"));
        });
    }

    [TestCase("stop.max_epochs=50", " --set stop.max_epochs=50")]
    [TestCase("variants.sgd.lr=[0.1, 0.5]", " --set 'variants.sgd.lr=[0.1, 0.5]'")]
    [TestCase("report.title=It's mine", " --set 'report.title=It'\\''s mine'")]
    [TestCase("init.w=", " --set init.w=")]
    public void CommandLine_QuotesEachOverrideForAShell(string given, string expected)
    {
        Assert.That(SetOption.CommandLine([ConfigOverride.TryParse(given, out _)!]), Is.EqualTo(expected));
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static async Task<(int Code, string Out, string Error)> Invoke(string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int code = await DescentLabCommandLine.InvokeAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
