using DescentLab.Core.Training;
using DescentLab.Experiments.Planning;
using DescentLab.Experiments.Running;
using DescentLab.Output;
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
            journal.Record([result]);
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

    [Test]
    public void Record_ThenFinished_GivesBackEveryValueOfARun()
    {
        // Every property of a run, its training result and its curve holds a value that is not its type's default, so a
        // property added to any of them but not journaled fails here (the first assertion makes sure of that).
        using var temp = new TempFolder();
        var (plan, results, journal) = Journal(temp);
        var curve = new Curve(["w", "b"], [0, 1], [0L, 7L], [2.5, -0.0], [1.25, 1e-300], [3.0, 0.1], [0.5, -1.5, 0.25, double.Epsilon], [0.5, 0.75]);
        var training = new TrainingResult(RunStatus.Diverged, "grew", curve, 1, 7L, 70L, 1, 35L, 0.125, 1e-300, [0.25, double.Epsilon], 0.75);
        var run = new RunResult(results[1].Spec, training, RunStatus.Diverged, "the loss grew", 12.5);
        Assert.That(Defaults(run).Concat(Defaults(training)).Concat(Defaults(curve)), Is.Empty, "the sample sets every property");

        journal.Record([run]);
        var back = journal.Finished(plan)[run.Spec.RunId];

        Assert.That(back.Spec, Is.SameAs(run.Spec));
        Assert.That(back.Status, Is.EqualTo(run.Status));
        Assert.That(back.Message, Is.EqualTo(run.Message));
        Assert.That(Bits.Of([back.WallMs]), Is.EqualTo(Bits.Of([run.WallMs])));
        Assert.That(Bits.Of(back.Training!), Is.EqualTo(Bits.Of(training)));
    }

    [Test]
    public void Record_RunWithoutTraining_ReadsBackWithoutTraining()
    {
        using var temp = new TempFolder();
        var (plan, results, journal) = Journal(temp);
        var failed = new RunResult(results[0].Spec, null, RunStatus.Failed, "no answer", 3.0);

        journal.Record([failed]);

        var back = journal.Finished(plan)[failed.Spec.RunId];

        Assert.That((back.Training, back.Status, back.Message, back.WallMs), Is.EqualTo(((TrainingResult?)null, RunStatus.Failed, "no answer", 3.0)));
    }

    [Test]
    public void Finished_JournalOfVersion2_IsRefusedWithAMessage()
    {
        // Version 2 wrote a run field by field and lost the accuracy; its records are refused, not read half.
        using var temp = new TempFolder();
        var (plan, _, journal) = Journal(temp);
        string file = temp.PathOf("set", RunJournal.FolderName, RunJournal.FileName);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        using (var writer = new BinaryWriter(File.Create(file)))
        {
            writer.Write(20);
            writer.Write(0x4e52_4c44);
            writer.Write(2);
            writer.Write(0L);
            writer.Write(0x2e444e45);
        }

        var error = Assert.Throws<RunFileException>(() => journal.Finished(plan))!;

        Assert.That(error.Message, Is.EqualTo($"{file}: this run folder cannot be resumed: it was written by an older DescentLab (journal version 2), which did not record every value of a run; run the config again without --resume (or resume it with the DescentLab that started it)"));
        Assert.Throws<RunFileException>(journal.Check);
    }

    [Test]
    public void Finished_JournalOfVersion3_IsRefusedWithAMessage()
    {
        // Version 3 journaled runs in the order they finished, next to a curve file per run; curves.csv needs plan order.
        using var temp = new TempFolder();
        var (plan, _, journal) = Journal(temp);
        string file = temp.PathOf("set", RunJournal.FolderName, RunJournal.FileName);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        using (var writer = new BinaryWriter(File.Create(file)))
        {
            writer.Write(16);
            writer.Write(0x4a52_4c44);
            writer.Write(3);
            writer.Write(0);
            writer.Write(0x2e444e45);
        }

        var error = Assert.Throws<RunFileException>(() => journal.Finished(plan))!;

        Assert.That(error.Message, Is.EqualTo($"{file}: this run folder cannot be resumed: it is journal version 3, and this DescentLab reads version 4; run the config again without --resume (or resume it with the DescentLab that started it)"));
    }

    [Test]
    public void Finished_HeaderWithAnUnknownValue_IsRefusedNamingIt()
    {
        using var temp = new TempFolder();
        var (plan, results, journal) = Journal(temp);
        journal.Record([results[0]]);
        string file = temp.PathOf("set", RunJournal.FolderName, RunJournal.FileName);
        byte[] bytes = File.ReadAllBytes(file);
        byte[] name = System.Text.Encoding.UTF8.GetBytes("run_id");
        int at = bytes.AsSpan().IndexOf(name);
        "run_xx"u8.CopyTo(bytes.AsSpan(at));
        File.WriteAllBytes(file, bytes);

        var error = Assert.Throws<RunFileException>(() => journal.Finished(plan))!;

        Assert.That(error.Detail, Does.StartWith("this run folder cannot be resumed: its records hold the value 'run_xx', which this DescentLab does not know"));
    }

    [TestCase(0, TestName = "Torn_Empty")]
    [TestCase(10, TestName = "Torn_Header")]
    [TestCase(-1, TestName = "Torn_LastByteMissing")]
    public void Finished_TornRecord_IsNotAFinishedRun(int keep)
    {
        using var temp = new TempFolder();
        var (plan, results, journal) = Journal(temp);
        journal.Record([results[0]]);
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
        journal.Record([results[0]]);
        journal.Record([results[1]]);
        string file = temp.PathOf("set", RunJournal.FolderName, RunJournal.FileName);
        byte[] bytes = File.ReadAllBytes(file);
        File.WriteAllBytes(file, bytes[..^3]);
        var resumed = new RunJournal(RunFolder.Open(temp.PathOf("set")));
        Assert.That(resumed.Finished(plan).Keys, Is.EquivalentTo(new[] { results[0].Spec.RunId }));

        resumed.Record([results[1]]);

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
            journal.Record([result]);
        }

        string file = temp.PathOf("set", RunJournal.FolderName, RunJournal.FileName);
        long once = new FileInfo(file).Length;
        foreach (var result in results)
        {
            journal.Record([result]);
        }

        long records = new FileInfo(file).Length - once;

        Parallel.For(0, 64 * results.Count, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => journal.Record([results[i % results.Count]]));

        Assert.That(journal.Finished(plan).Keys, Is.EquivalentTo(results.Select(r => r.Spec.RunId)));
        Assert.That(new FileInfo(file).Length, Is.EqualTo(once + (65 * records)), "no record lost or interleaved");
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

    /// <summary>The public properties of <paramref name="value"/> that hold their type's default (or NaN, or nothing).</summary>
    private static IEnumerable<string> Defaults(object value) =>
        value.GetType().GetProperties()
            .Where(p => p.GetIndexParameters().Length == 0)
            .Where(p => p.GetValue(value) switch
            {
                null => true,
                double d => d == 0 || double.IsNaN(d),
                System.Collections.ICollection c => c.Count == 0,
                string t => t.Length == 0,
                Enum e => Convert.ToInt32(e, System.Globalization.CultureInfo.InvariantCulture) == 0,
                var other when other.GetType().IsValueType => other.Equals(Activator.CreateInstance(other.GetType())),
                _ => false,
            })
            .Select(p => $"{value.GetType().Name}.{p.Name}");
}
