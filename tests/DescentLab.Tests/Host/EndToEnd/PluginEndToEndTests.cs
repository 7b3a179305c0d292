using DescentLab.Tests.Support;
using NUnit.Framework;

namespace DescentLab.Tests.Host.EndToEnd;

/// <summary>The shipped C# example and the test plug-in through the command line: determinism and failure isolation.</summary>
public sealed class PluginEndToEndTests
{
    [Test]
    public void CSharpExample_RunsAsItStands_IdenticalAtParallel1And2AndAcrossShards()
    {
        using var temp = new TempFolder();
        string config = Path.Combine(PluginPaths.CSharpExample, "example.yaml");

        RunFolders.AssertSameAcrossParallelShardsAndResume(temp, config);

        Assert.That(File.ReadAllText(temp.PathOf("p1", "summary.csv")), Does.Contain(",lion,0.01,"));
    }

    [Test]
    public void Run_PluginThrowsWritesNaNOrHangs_ThoseRunsFailOrDivergeAndTheBatchGoesOn()
    {
        using var temp = new TempFolder();
        string config = temp.Write("faults.yaml", $"""
            name: faults
            seeds: [1]
            plugins: [{PluginPaths.TestPlugins}]
            datasets:
              - recipe: beans1
                n: 20
            models: [origin]
            variants: [faulty_throws, faulty_nan, faulty_hangs, batch]
            stop: {"{ max_epochs: 5, max_seconds: 2 }"}
            """);

        var result = DescentLabProcess.Run(temp.FullPath, "run", config, "--out", "out");

        Assert.That(result.ExitCode, Is.EqualTo(1), result.Error);
        var rows = File.ReadAllLines(temp.PathOf("out", "summary.csv"));
        Assert.That(rows[1], Does.StartWith("beans1-n20_origin_faulty_throws_s1,").And.Contain(",failed,").And.Contain("the rule gave up at step 3"));
        Assert.That(rows[2], Does.StartWith("beans1-n20_origin_faulty_nan_s1,").And.Contain(",diverged,").And.Contain("loss became NaN at epoch 3"));
        Assert.That(rows[3], Does.StartWith("beans1-n20_origin_faulty_hangs_s1,").And.Contain(",failed,").And.Contain("exceeded stop.max_seconds = 2 s"));
        Assert.That(rows[4], Does.StartWith("beans1-n20_origin_batch_s1,").And.Contain(",not_converged,"));
        Assert.That(File.ReadAllText(temp.PathOf("out", "report.md")), Does.Contain("the rule gave up at step 3"));
    }

    [Test]
    public void Variants_GivenThePluginOrTheConfig_ListsItsVariantsAfterTheBuiltIns()
    {
        using var temp = new TempFolder();

        var fromPlugin = DescentLabProcess.Run(temp.FullPath, "variants", PluginPaths.Lion);
        var fromConfig = DescentLabProcess.Run(temp.FullPath, "variants", Path.Combine(PluginPaths.CSharpExample, "example.yaml"));
        var missing = DescentLabProcess.Run(temp.FullPath, "variants", "Missing.dll");

        Assert.That(fromPlugin.ExitCode, Is.EqualTo(0), fromPlugin.Error);
        Assert.That(fromPlugin.Out, Does.Contain("line_search").And.Contain("\nlion         Lion (Chen et al. 2023)"));
        Assert.That(fromPlugin.Out, Does.Contain("weight_decay: default 0, range [0, inf) - decoupled weight decay lambda"));
        Assert.That(fromConfig.Out, Is.EqualTo(fromPlugin.Out));
        Assert.That(missing.ExitCode, Is.EqualTo(2));
        Assert.That(missing.Error.Trim(), Is.EqualTo($"Missing.dll: plug-in not found: {temp.PathOf("Missing.dll")}"));
    }
}
