using System.Runtime.InteropServices;
using DescentLab.Core.Training;
using DescentLab.Experiments.Running;

namespace DescentLab.Output.Files;

/// <summary>Every value of a journal record, in the order this version writes them: the one place a journaled value is
/// defined. The journal's header names them, so a reader finds each by name.</summary>
/// <remarks>A run without a training result (it failed before producing any) writes the training values as empty; the
/// <c>training</c> flag says which it was. A round-trip test compares every property of a run, so a value added to a run
/// but not here fails it.</remarks>
internal static class JournalColumns
{
    /// <summary>The columns, in write order.</summary>
    public static IReadOnlyList<JournalColumn> All { get; } =
    [
        Text("run_id", r => r.Spec.RunId, (e, v) => e.RunId = v),
        Int32("status", r => (int)r.Status, (e, v) => e.Status = (RunStatus)v),
        Text("message", r => r.Message, (e, v) => e.Message = v),
        Double("wall_ms", r => r.WallMs, (e, v) => e.WallMs = v),
        new("training", (w, r) => w.Write(r.Training is not null), (b, e) => e.HasTraining = b.ReadBoolean()),
        Int32("training_status", r => (int)(r.Training?.Status ?? default), (e, v) => e.TrainingStatus = (RunStatus)v),
        Text("training_message", r => r.Training?.Message ?? string.Empty, (e, v) => e.TrainingMessage = v),
        Int32("epochs", r => r.Training?.Epochs ?? 0, (e, v) => e.Epochs = v),
        Int64("steps", r => r.Training?.Steps ?? 0, (e, v) => e.Steps = v),
        Int64("grad_evals", r => r.Training?.GradEvals ?? 0, (e, v) => e.GradEvals = v),
        Int32("epochs_to_target", r => r.Training?.EpochsToTarget ?? -1, (e, v) => e.EpochsToTarget = v < 0 ? null : v),
        Int64("grad_evals_to_target", r => r.Training?.GradEvalsToTarget ?? -1, (e, v) => e.GradEvalsToTarget = v < 0 ? null : v),
        Double("final_loss", r => r.Training?.FinalLoss ?? double.NaN, (e, v) => e.FinalLoss = v),
        Double("final_gap", r => r.Training?.FinalGap ?? double.NaN, (e, v) => e.FinalGap = v),
        Doubles("final_theta", r => r.Training?.FinalTheta ?? [], (e, v) => e.FinalTheta = v),
        Double("final_accuracy", r => r.Training?.FinalAccuracy ?? double.NaN, (e, v) => e.FinalAccuracy = v),
        new("parameter_names", (w, r) => WriteTexts(w, r.Training?.Curve.ParameterNames ?? []), (b, e) => e.ParameterNames = ReadTexts(b)),
        new("epoch", (w, r) => WriteNumbers<int>(w, r.Training?.Curve.Epoch ?? [], w.Write), (b, e) => e.Epoch = ReadArray(b, sizeof(int), b.ReadInt32)),
        new("step", (w, r) => WriteNumbers<long>(w, r.Training?.Curve.Step ?? [], w.Write), (b, e) => e.Step = ReadArray(b, sizeof(long), b.ReadInt64)),
        Doubles("loss", r => r.Training?.Curve.Loss ?? [], (e, v) => e.Loss = v),
        Doubles("gap", r => r.Training?.Curve.Gap ?? [], (e, v) => e.Gap = v),
        Doubles("grad_norm", r => r.Training?.Curve.GradNorm ?? [], (e, v) => e.GradNorm = v),
        new(
            "accuracy",
            (w, r) =>
            {
                double[]? accuracy = r.Training?.Curve.Accuracy;
                w.Write(accuracy is not null);
                WriteNumbers<double>(w, accuracy ?? [], w.Write);
            },
            (b, e) =>
            {
                bool tracked = b.ReadBoolean();
                double[] accuracy = ReadArray(b, sizeof(double), b.ReadDouble);
                e.Accuracy = tracked ? accuracy : null;
            }),
        Doubles("parameters", r => r.Training?.Curve.Parameters ?? [], (e, v) => e.Parameters = v),
    ];

    private static JournalColumn Text(string name, Func<RunResult, string> get, Action<JournalEntry, string> set) =>
        new(name, (w, r) => w.Write(get(r)), (b, e) => set(e, b.ReadString()));

    private static JournalColumn Int32(string name, Func<RunResult, int> get, Action<JournalEntry, int> set) =>
        new(name, (w, r) => w.Write(get(r)), (b, e) => set(e, b.ReadInt32()));

    private static JournalColumn Int64(string name, Func<RunResult, long> get, Action<JournalEntry, long> set) =>
        new(name, (w, r) => w.Write(get(r)), (b, e) => set(e, b.ReadInt64()));

    // Doubles are stored as their bits, so a resumed set is byte-identical to an uninterrupted one.
    private static JournalColumn Double(string name, Func<RunResult, double> get, Action<JournalEntry, double> set) =>
        new(name, (w, r) => w.Write(get(r)), (b, e) => set(e, b.ReadDouble()));

    private static JournalColumn Doubles(string name, Func<RunResult, double[]> get, Action<JournalEntry, double[]> set) =>
        new(name, (w, r) => WriteNumbers<double>(w, get(r), w.Write), (b, e) => set(e, ReadArray(b, sizeof(double), b.ReadDouble)));

    private static void WriteArray<T>(BinaryWriter writer, IReadOnlyList<T> values, Action<T> write)
    {
        writer.Write(values.Count);
        foreach (T value in values)
        {
            write(value);
        }
    }

    // On a little-endian machine (every .NET target but s390x) the array's memory is the bytes BinaryWriter writes value
    // by value: one copy instead of a call per value (a sweep journals millions).
    private static void WriteNumbers<T>(BinaryWriter writer, T[] values, Action<T> write)
        where T : unmanaged
    {
        if (!BitConverter.IsLittleEndian)
        {
            WriteArray(writer, values, write);
            return;
        }

        writer.Write(values.Length);
        writer.Write(MemoryMarshal.AsBytes(values.AsSpan()));
    }

    private static T[] ReadArray<T>(BinaryReader reader, int size, Func<T> read)
    {
        var values = new T[Count(reader, size)];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = read();
        }

        return values;
    }

    private static void WriteTexts(BinaryWriter writer, IReadOnlyList<string> values) => WriteArray<string>(writer, values, writer.Write);

    private static string[] ReadTexts(BinaryReader reader) => ReadArray(reader, 1, reader.ReadString);

    /// <summary>A length that a torn file could garble: bounded by what is left, so garbage never allocates gigabytes.</summary>
    private static int Count(BinaryReader reader, int size)
    {
        int count = reader.ReadInt32();
        long left = reader.BaseStream.Length - reader.BaseStream.Position;
        return count >= 0 && (long)count * size <= left ? count : throw new InvalidDataException("bad length");
    }
}
