using DescentLab.Core.Training;
using DescentLab.Experiments.Planning;
using DescentLab.Experiments.Running;

namespace DescentLab.Output.Files;

/// <summary>The finished runs of an unfinished run set, one file each in <c>.runs/</c>, so <c>run --resume</c> reruns
/// only what is missing.</summary>
/// <remarks>A run is complete exactly when its journal file reads back whole: the file is written under a temporary name
/// and renamed, starts with a magic and the run id, and ends with an end mark, so a torn or empty file (a crash before
/// the data reached the disk) is simply not a finished run and runs again. Doubles are stored as their bits, so a resumed
/// set is byte-identical to an uninterrupted one. The folder is deleted once the set is complete.</remarks>
public sealed class RunJournal
{
    /// <summary>The journal folder inside a run folder.</summary>
    public const string FolderName = ".runs";

    private const int Magic = 0x4e52_4c44; // "DLRN"
    private const int Version = 1;
    private const int EndMark = 0x2e444e45; // "END."
    private readonly string _folder;

    /// <summary>The journal of <paramref name="runFolder"/>.</summary>
    public RunJournal(RunFolder runFolder) => _folder = Path.Combine(runFolder.FullPath, FolderName);

    /// <summary>Records a finished run (not flushed to disk: a lost record only means the run runs again).</summary>
    public void Record(RunResult result)
    {
        Directory.CreateDirectory(_folder);
        string path = PathOf(result.Spec.RunId);
        string temp = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        try
        {
            using (var writer = new BinaryWriter(new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None)))
            {
                Write(writer, result);
            }

            CrashPoint.Reached();
            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    /// <summary>The finished runs of <paramref name="plan"/> found in the journal, by run id.</summary>
    public IReadOnlyDictionary<string, RunResult> Finished(ExperimentPlan plan) => Finished(plan, result => result);

    /// <summary>What <paramref name="keep"/> makes of each finished run of <paramref name="plan"/> found in the journal,
    /// by run id; each record is read and handed over one at a time, so the journal's curves are never all in memory.</summary>
    public IReadOnlyDictionary<string, T> Finished<T>(ExperimentPlan plan, Func<RunResult, T> keep)
    {
        var finished = new Dictionary<string, T>(StringComparer.Ordinal);
        if (!Directory.Exists(_folder))
        {
            return finished;
        }

        foreach (var spec in plan.Runs)
        {
            if (TryRead(PathOf(spec.RunId), spec) is { } result)
            {
                finished.Add(spec.RunId, keep(result));
            }
        }

        return finished;
    }

    /// <summary>Removes the journal (the set is complete).</summary>
    public void Delete()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static void Write(BinaryWriter writer, RunResult result)
    {
        writer.Write(Magic);
        writer.Write(Version);
        writer.Write(result.Spec.RunId);
        writer.Write((int)result.Status);
        writer.Write(result.Message);
        writer.Write(result.WallMs);
        var training = result.Training;
        writer.Write(training is not null);
        if (training is not null)
        {
            writer.Write((int)training.Status);
            writer.Write(training.Message);
            writer.Write(training.Epochs);
            writer.Write(training.Steps);
            writer.Write(training.GradEvals);
            writer.Write(training.EpochsToTarget ?? -1);
            writer.Write(training.GradEvalsToTarget ?? -1);
            writer.Write(training.FinalLoss);
            writer.Write(training.FinalGap);
            WriteDoubles(writer, training.FinalTheta);
            var curve = training.Curve;
            writer.Write(curve.ParameterNames.Count);
            foreach (string name in curve.ParameterNames)
            {
                writer.Write(name);
            }

            writer.Write(curve.Count);
            foreach (int epoch in curve.Epoch)
            {
                writer.Write(epoch);
            }

            foreach (long step in curve.Step)
            {
                writer.Write(step);
            }

            WriteDoubles(writer, curve.Loss);
            WriteDoubles(writer, curve.Gap);
            WriteDoubles(writer, curve.GradNorm);
            WriteDoubles(writer, curve.Parameters);
        }

        writer.Write(EndMark);
    }

    private static RunResult? TryRead(string path, RunSpec spec)
    {
        try
        {
            using var reader = new BinaryReader(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read));
            if (reader.ReadInt32() != Magic || reader.ReadInt32() != Version || reader.ReadString() != spec.RunId)
            {
                return null;
            }

            var status = (RunStatus)reader.ReadInt32();
            string message = reader.ReadString();
            double wallMs = reader.ReadDouble();
            TrainingResult? training = reader.ReadBoolean() ? ReadTraining(reader) : null;
            return reader.ReadInt32() == EndMark && reader.BaseStream.Position == reader.BaseStream.Length
                ? new RunResult(spec, training, status, message, wallMs)
                : null;
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException or ArgumentException or OverflowException)
        {
            // Missing, torn or garbled: the run is not finished.
            return null;
        }
    }

    private static TrainingResult ReadTraining(BinaryReader reader)
    {
        var status = (RunStatus)reader.ReadInt32();
        string message = reader.ReadString();
        int epochs = reader.ReadInt32();
        long steps = reader.ReadInt64();
        long gradEvals = reader.ReadInt64();
        int epochsToTarget = reader.ReadInt32();
        long gradEvalsToTarget = reader.ReadInt64();
        double finalLoss = reader.ReadDouble();
        double finalGap = reader.ReadDouble();
        double[] finalTheta = ReadDoubles(reader);
        string[] names = new string[Count(reader)];
        for (int i = 0; i < names.Length; i++)
        {
            names[i] = reader.ReadString();
        }

        int rows = Count(reader);
        int[] epoch = new int[rows];
        for (int i = 0; i < rows; i++)
        {
            epoch[i] = reader.ReadInt32();
        }

        long[] step = new long[rows];
        for (int i = 0; i < rows; i++)
        {
            step[i] = reader.ReadInt64();
        }

        var curve = new Curve(names, epoch, step, ReadDoubles(reader), ReadDoubles(reader), ReadDoubles(reader), ReadDoubles(reader));
        return new TrainingResult(
            status,
            message,
            curve,
            epochs,
            steps,
            gradEvals,
            epochsToTarget < 0 ? null : epochsToTarget,
            gradEvalsToTarget < 0 ? null : gradEvalsToTarget,
            finalLoss,
            finalGap,
            finalTheta);
    }

    private static void WriteDoubles(BinaryWriter writer, double[] values)
    {
        writer.Write(values.Length);
        foreach (double value in values)
        {
            writer.Write(value);
        }
    }

    private static double[] ReadDoubles(BinaryReader reader)
    {
        double[] values = new double[Count(reader)];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = reader.ReadDouble();
        }

        return values;
    }

    /// <summary>A length that a torn file could garble: bounded by what is left, so garbage never allocates gigabytes.</summary>
    private static int Count(BinaryReader reader)
    {
        int count = reader.ReadInt32();
        long left = reader.BaseStream.Length - reader.BaseStream.Position;
        return count >= 0 && count <= left ? count : throw new InvalidDataException("bad length");
    }

    private string PathOf(string runId) => Path.Combine(_folder, runId + ".run");
}
