using DescentLab.Experiments.Results;
using DescentLab.Host.Commands;
using DescentLab.Output;
using DescentLab.Output.Csv;
using DescentLab.Tests.Support;
using NUnit.Framework;

namespace DescentLab.Tests.Output.Csv;

/// <summary>Datasets above the data/ threshold are identified in the manifest and regenerated when a folder is read.</summary>
public sealed class DatasetSourceTests
{
    [Test]
    public void Report_RerendersAFolderWhoseDataWasNotWritten_FromTheRecipe()
    {
        var set = Unstored(TestRunSets.Run(TestConfigs.Create(
            datasets: [TestConfigs.Recipe("beans1", 40, 1, TestConfigs.Model("origin"))],
            variants: [TestConfigs.Variant("batch", ("lr", [0.1]))],
            maxEpochs: 5)));
        using var temp = new TempFolder();
        string folder = RunFolders.Write(set, temp.PathOf("run"));
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        int exit = ReportCommand.Execute(folder, new CliOutput(stdout, stderr));
        var read = RunSetReader.Read(folder);

        Assert.Multiple(() =>
        {
            Assert.That(Directory.Exists(Path.Combine(folder, "data")) && Directory.EnumerateFiles(Path.Combine(folder, "data")).Any(), Is.False, "nothing in data/");
            Assert.That(exit, Is.EqualTo(0), stderr.ToString());
            Assert.That(Directory.GetFiles(Path.Combine(folder, "plots"), "fit-*.png"), Has.Length.EqualTo(1));
            Assert.That(read.Manifest.Datasets.Select(d => d.Stored), Has.All.False);
            foreach (var (key, data) in set.Datasets)
            {
                Assert.That(Bits.Of(read.Datasets[key].X1), Is.EqualTo(Bits.Of(data.X1)));
                Assert.That(Bits.Of(read.Datasets[key].Y), Is.EqualTo(Bits.Of(data.Y)));
            }
        });
    }

    [Test]
    public void UnstoredDataset_WhoseRecipeGivesOtherSamples_IsRefusedWithTheHashes()
    {
        var set = TestRunSets.Run(TestConfigs.Create(
            datasets: [TestConfigs.Recipe("beans2", 20, 1, TestConfigs.Model("affine"))],
            variants: [TestConfigs.Variant("batch", ("lr", [0.1]))],
            maxEpochs: 2));
        var info = set.Manifest.Datasets[0];
        var wrong = info with { Stored = false, Identity = info.Identity with { Seed = 99 } };
        using var temp = new TempFolder();

        var ex = Assert.Throws<RunFileException>(() => DatasetSource.Load(temp.FullPath, set.Manifest, wrong));

        Assert.That(ex!.Message, Does.Contain($"dataset {info.Key} regenerated from beans2 (n = 20, seed 99) does not match the content hash {info.Identity.ContentHash}"));
    }

    [Test]
    public void UnstoredUserFile_IsReadAgainFromItsPathNextToTheConfig()
    {
        using var temp = new TempFolder();
        string csv = temp.Write("data/mine.csv", "x,y\n0.5,1\n1.5,2\n2.5,2.75\n");
        var x = new[] { 0.5, 1.5, 2.5 };
        var y = new[] { 1.0, 2.0, 2.75 };
        var identity = DescentLab.Core.Datasets.Dataset.Create("mine.csv", null, null, "data/mine.csv", x, null, y).Identity;
        var small = TestRunSets.Small.Manifest;
        var manifest = small with { ResolvedConfig = small.ResolvedConfig with { SourcePath = temp.PathOf("config.yaml") } };

        var data = DatasetSource.Load(temp.PathOf("run"), manifest, new DatasetInfo("mine", identity, Stored: false));

        Assert.Multiple(() =>
        {
            Assert.That(File.Exists(csv), Is.True);
            Assert.That(data.Y, Is.EqualTo(y));
            Assert.That(data.Identity, Is.EqualTo(identity));
        });
    }

    private static RunSet Unstored(RunSet set) => set with
    {
        Manifest = set.Manifest with { Datasets = [.. set.Manifest.Datasets.Select(d => d with { Stored = false })] },
    };
}
