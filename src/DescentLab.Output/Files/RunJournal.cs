using DescentLab.Core.Training;
using DescentLab.Experiments.Planning;
using DescentLab.Experiments.Running;

namespace DescentLab.Output.Files;

/// <summary>The finished runs of an unfinished run set, appended one record each to <c>.runs/journal</c>, so
/// <c>run --resume</c> reruns only what is missing.</summary>
/// <remarks>One file, appended to, because creating a file is the dearest thing a run does on some disks (0.65 ms on the
/// benchmark machine's ext4, against 0.3 ms for a small run). A record is a length, then the run (a magic, the run id,
/// every value, an end mark); a run is finished exactly when its record reads back whole. A torn record (a crash while
/// it was written) ends what is read: it and anything after it run again, and the next process to record cuts the file
/// back to its last whole record first. Doubles are stored as their bits, so a resumed set is byte-identical to an
/// uninterrupted one. Records are handed to the operating system at once (a kill -9 loses none) but not flushed to disk:
/// a record lost to a power cut only means the run runs again. The folder is deleted once the set is complete.</remarks>
public sealed class RunJournal
{
    /// <summary>The journal folder inside a run folder.</summary>
    public const string FolderName = ".runs";

    /// <summary>The journal file inside <see cref="FolderName"/>.</summary>
    public const string FileName = "journal";

    private const int Magic = 0x4e52_4c44; // "DLRN"
    private const int Version = 2;
    private const int EndMark = 0x2e444e45; // "END."
    private readonly string _folder;
    private readonly string _path;
    private readonly Lock _append = new();
    private bool _cutToWholeRecords;

    /// <summary>The journal of <paramref name="runFolder"/>.</summary>
    public RunJournal(RunFolder runFolder)
    {
        _folder = Path.Combine(runFolder.FullPath, FolderName);
        _path = Path.Combine(_folder, FileName);
    }

    /// <summary>Appends a finished run (safe from several threads).</summary>
    public void Record(RunResult result)
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(0);
            Write(writer, result);
        }

        byte[] bytes = buffer.GetBuffer();
        int length = (int)buffer.Length;
        BitConverter.TryWriteBytes(bytes.AsSpan(0, sizeof(int)), length - sizeof(int));
        lock (_append)
        {
            Directory.CreateDirectory(_folder);
            using var stream = new FileStream(_path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            if (!_cutToWholeRecords)
            {
                stream.SetLength(WholeLength(stream));
                _cutToWholeRecords = true;
            }

            CrashPoint.Reached();
            stream.Seek(0, SeekOrigin.End);
            stream.Write(bytes, 0, length);
        }
    }

    /// <summary>The finished runs of <paramref name="plan"/> found in the journal, by run id.</summary>
    public IReadOnlyDictionary<string, RunResult> Finished(ExperimentPlan plan) => Finished(plan, result => result);

    /// <summary>What <paramref name="keep"/> makes of each finished run of <paramref name="plan"/> found in the journal,
    /// by run id; each record is read and handed over one at a time, so the journal's curves are never all in memory.</summary>
    public IReadOnlyDictionary<string, T> Finished<T>(ExperimentPlan plan, Func<RunResult, T> keep)
    {
        var finished = new Dictionary<string, T>(StringComparer.Ordinal);
        if (!File.Exists(_path))
        {
            return finished;
        }

        var specs = plan.Runs.ToDictionary(s => s.RunId, StringComparer.Ordinal);
        try
        {
            using var stream = new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.Read);
            while (ReadRecord(stream) is { } record)
            {
                if (TryRead(record, specs) is { } result)
                {
                    finished[result.Spec.RunId] = keep(result);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Unreadable: what was read counts, the rest runs again.
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

    /// <summary>The next whole record's bytes, or null at the end or at a torn record.</summary>
    private static byte[]? ReadRecord(Stream stream)
    {
        Span<byte> prefix = stackalloc byte[sizeof(int)];
        if (stream.ReadAtLeast(prefix, prefix.Length, throwOnEndOfStream: false) < prefix.Length)
        {
            return null;
        }

        int length = BitConverter.ToInt32(prefix);
        if (length <= 0 || length > stream.Length - stream.Position)
        {
            return null;
        }

        byte[] record = new byte[length];
        stream.ReadExactly(record);
        return IsWhole(record) ? record : null;
    }

    /// <summary>How many leading bytes of the journal are whole records.</summary>
    private static long WholeLength(Stream stream)
    {
        stream.Position = 0;
        long whole = 0;
        while (ReadRecord(stream) is not null)
        {
            whole = stream.Position;
        }

        return whole;
    }

    private static bool IsWhole(byte[] record) =>
        record.Length >= 3 * sizeof(int)
        && BitConverter.ToInt32(record) == Magic
        && BitConverter.ToInt32(record.AsSpan(record.Length - sizeof(int))) == EndMark;

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

    private static RunResult? TryRead(byte[] record, Dictionary<string, RunSpec> specs)
    {
        try
        {
            using var reader = new BinaryReader(new MemoryStream(record, writable: false));
            if (reader.ReadInt32() != Magic || reader.ReadInt32() != Version || !specs.TryGetValue(reader.ReadString(), out var spec))
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
        catch (Exception ex) when (ex is IOException or InvalidDataException or ArgumentException or OverflowException)
        {
            // Garbled inside a whole frame: the run is not finished.
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
}
