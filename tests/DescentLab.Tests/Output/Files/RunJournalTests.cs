using DescentLab.Experiments.Planning;
using DescentLab.Experiments.Running;
using DescentLab.Output.Files;
using DescentLab.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using NUnit.Framework;

namespace DescentLab.Tests.Output.Files;

/// <summary>The journal of finished runs: exact round trip, and a torn or foreign record is simply not a finished run.</summary>
public sealed class RunJournalTests
{
    [Test]
    public void Record_ThenFinished_GivesTheSameResultsBitForBit()
    {
        using var temp = new TempFolder();
        var (plan, results, journal) = Journal(temp);
        foreach (var result in results)
        {
            journal.Record(result);
        }

        var finished = journal.Finished(plan);

        Assert.That(finished.Keys, Is.EquivalentTo(results.Select(r => r.Spec.RunId)));
        foreach (var result in results)
        {
            var back = finished[result.Spec.RunId];
            Assert.That(back.Status, Is.EqualTo(result.Status));
            Assert.That(back.Message, Is.EqualTo(result.Message));
            Assert.That(back.Training!.FinalTheta, Is.EqualTo(result.Training!.FinalTheta));
            Assert.That(Bits.Of(back.Training.Curve.Loss), Is.EqualTo(Bits.Of(result.Training.Curve.Loss)));
            Assert.That(Bits.Of(back.Training.Curve.Parameters), Is.EqualTo(Bits.Of(result.Training.Curve.Parameters)));
            Assert.That(back.Training.EpochsToTarget, Is.EqualTo(result.Training.EpochsToTarget));
        }
    }

    [TestCase(0, TestName = "Torn_Empty")]
    [TestCase(10, TestName = "Torn_Header")]
    [TestCase(-1, TestName = "Torn_LastByteMissing")]
    public void Finished_TornRecord_IsNotAFinishedRun(int keep)
    {
        using var temp = new TempFolder();
        var (plan, results, journal) = Journal(temp);
        journal.Record(results[0]);
        string file = Directory.GetFiles(temp.PathOf("set", RunJournal.FolderName)).Single();
        byte[] bytes = File.ReadAllBytes(file);
        File.WriteAllBytes(file, bytes[..(keep >= 0 ? keep : bytes.Length - 1)]);

        Assert.That(journal.Finished(plan), Is.Empty);
    }

    [Test]
    public void Record_AfterATornRecord_CutsItOffFirst()
    {
        // A crash tore the last record; the resumed process appends after the last whole one, so what it records is read.
        using var temp = new TempFolder();
        var (plan, results, journal) = Journal(temp);
        journal.Record(results[0]);
        journal.Record(results[1]);
        string file = temp.PathOf("set", RunJournal.FolderName, RunJournal.FileName);
        byte[] bytes = File.ReadAllBytes(file);
        File.WriteAllBytes(file, bytes[..^3]);
        var resumed = new RunJournal(RunFolder.Open(temp.PathOf("set")));
        Assert.That(resumed.Finished(plan).Keys, Is.EquivalentTo(new[] { results[0].Spec.RunId }));

        resumed.Record(results[1]);

        Assert.That(resumed.Finished(plan).Keys, Is.EquivalentTo(results.Select(r => r.Spec.RunId)));
        Assert.That(new FileInfo(file).Length, Is.EqualTo(bytes.Length), "the torn bytes are gone, the record is whole again");
    }

    [Test]
    public void Record_FromManyThreads_KeepsEveryRecordWhole()
    {
        using var temp = new TempFolder();
        var (plan, results, journal) = Journal(temp);

        foreach (var result in results)
        {
            journal.Record(result);
        }

        string file = temp.PathOf("set", RunJournal.FolderName, RunJournal.FileName);
        long single = new FileInfo(file).Length;

        Parallel.For(0, 64 * results.Count, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => journal.Record(results[i % results.Count]));

        Assert.That(journal.Finished(plan).Keys, Is.EquivalentTo(results.Select(r => r.Spec.RunId)));
        Assert.That(new FileInfo(file).Length, Is.EqualTo(65 * single), "no record lost or interleaved");
    }

    private static (ExperimentPlan Plan, IReadOnlyList<RunResult> Results, RunJournal Journal) Journal(TempFolder temp)
    {
        var config = TestConfigs.Create(
            datasets: [TestConfigs.Recipe("beans1", 20, 1, TestConfigs.Model("origin"))],
            variants: [TestConfigs.Variant("closed_form"), TestConfigs.Variant("sgd", ("lr", [0.1]))]);
        var plan = Planner.Create(config, null, _ => throw new InvalidOperationException("no files"));
        var results = new ExperimentRunner(NullLogger<ExperimentRunner>.Instance).Run(plan, 1, null, CancellationToken.None);
        var folder = RunFolder.CreateExplicit(temp.PathOf("set"));
        return (plan, results, new RunJournal(folder));
    }
}
