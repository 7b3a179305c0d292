using DescentLab.Output.History;
using DescentLab.Tests.Support;
using NUnit.Framework;

namespace DescentLab.Tests.Output.History.Stores;

/// <summary>The built tool with <c>DescentLab:History</c> set to a PostgreSQL connection string and <c>DescentLab:Machine</c>
/// set: the run set lands in PostgreSQL, with the machine and its environment, and nothing in the reports root's history.db.</summary>
public sealed class HistorySettingsEndToEndTests
{
    [Test]
    public void Run_WithAPostgresHistoryAndAMachineName_RecordsThereWithTheEnvironment()
    {
        using var store = new StoreUnderTest(StoreUnderTest.Postgres);
        File.Copy(RepoFiles.Config("quick.json"), store.Folder.PathOf("quick.json"));

        var result = DescentLabProcess.Run(store.Folder.FullPath, "run", "quick.json", "--DescentLab:History=" + store.Location.Value, "--DescentLab:Machine=lab-1");

        Assert.That(result.ExitCode, Is.Zero, result.Error);
        using var history = store.Open();
        var recorded = history.LatestComplete("quick", null, "lab-1");
        Assert.That(recorded, Is.Not.Null);
        Assert.That(recorded!.Rows, Has.Count.EqualTo(6));
        Assert.That(recorded.Environment.Runtime, Does.StartWith(".NET "));
        Assert.That(recorded.Environment.Processors, Is.EqualTo(Environment.ProcessorCount));
        Assert.That(recorded.Environment.DescentLabVersion, Is.Not.Null.And.Not.Empty);
        Assert.That(File.Exists(store.Folder.PathOf("reports", HistoryStore.FileName)), Is.False, "nothing goes to the SQLite default");
    }

    [Test]
    public void FourProcesses_ThreeSetsEach_AtOnce_RecordTwelveCompleteSetsAndNothingTwice()
    {
        using var store = new StoreUnderTest(StoreUnderTest.Postgres);
        string quick = File.ReadAllText(RepoFiles.Config("quick.json"));
        string[] configs = ["a", "b", "c"];
        foreach (string name in configs)
        {
            File.WriteAllText(store.Folder.PathOf($"quick-{name}.json"), quick.Replace("\"name\": \"quick\"", $"\"name\": \"quick-{name}\"", StringComparison.Ordinal));
        }

        var processes = Enumerable.Range(1, 4).Select(k => Task.Run(() => DescentLabProcess.RunProcess(
            store.Folder.FullPath, ["run", .. configs.Select(n => $"quick-{n}.json"), "--DescentLab:History=" + store.Location.Value, $"--DescentLab:Machine=lab-{k}"]))).ToArray();
        Task.WaitAll(processes);

        using var history = store.Open();
        var sets = history.ReadAll();
        Assert.Multiple(() =>
        {
            foreach (var process in processes)
            {
                Assert.That(process.Result.ExitCode, Is.Zero, process.Result.Error);
            }

            Assert.That(sets, Has.Count.EqualTo(12));
            Assert.That(sets.Select(s => (s.ConfigName, s.Environment.Machine)).Distinct().Count(), Is.EqualTo(12), "each process's three sets, once each");
            Assert.That(sets.Select(s => s.RunDir).Distinct().Count(), Is.EqualTo(12));
            Assert.That(sets, Has.All.Matches<HistoryRecord>(s => s is { Complete: true, Rows.Count: 6 }));
        });
    }
}
