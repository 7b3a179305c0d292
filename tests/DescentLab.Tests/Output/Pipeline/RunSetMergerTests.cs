using DescentLab.Experiments.Results;
using DescentLab.Output.Pipeline;
using DescentLab.Tests.Support;
using NUnit.Framework;

namespace DescentLab.Tests.Output.Pipeline;

/// <summary>Merging refuses shards that ran different code (the same-code merge is the end-to-end tests'.)</summary>
public sealed class RunSetMergerTests
{
    [Test]
    public void Merge_ShardsThatRanAnotherBuildOfAPlugin_IsRefusedNamingTheVariant()
    {
        var whole = AwkwardRuns.Set();
        var second = Shard(whole, 2);
        var variants = second.Manifest.ResolvedConfig.Variants.Select(v => v.Plugin is null ? v : v with { Plugin = v.Plugin with { Sha256 = "ffff" } }).ToList();
        second = second with { Manifest = second.Manifest with { ResolvedConfig = second.Manifest.ResolvedConfig with { Variants = variants } } };
        string sha = AwkwardRuns.Manifest([]).ResolvedConfig.Variants.Single(v => v.Plugin is not null).Plugin!.Sha256;

        Assert.That(
            () => RunSetMerger.Merge([Shard(whole, 1), second]),
            Throws.TypeOf<MergeException>().With.Message.EqualTo(
                $"the folders ran different code for variant 'lion': plug-in Lion/bin/Lion.dll (SHA-256 {sha}) in shard 1/2, plug-in Lion/bin/Lion.dll (SHA-256 ffff) in shard 2/2"));
    }

    /// <summary>Shard <paramref name="index"/> of 2 of <paramref name="whole"/>: plan indices index-1, index+1, ...</summary>
    private static RunSet Shard(RunSet whole, int index)
    {
        var rows = whole.Rows.Where((_, i) => i % 2 == index - 1).ToList();
        return whole with { Manifest = whole.Manifest with { Shard = $"{index}/2" }, Rows = rows };
    }
}
