using System.Globalization;
using System.Numerics;
using DescentLab.Core.Training;
using DescentLab.Experiments.Config.Nodes;

namespace DescentLab.Experiments.Config.Validation;

/// <summary>Refuses configs whose total work or curve rows exceed <see cref="ConfigLimits"/>, before anything is allocated.</summary>
/// <remarks>Runs are counted as the planner makes them: datasets × seeds × models × variant settings (sweeps × batches),
/// without variants that do not support a model. Counts use <see cref="BigInteger"/> because sweeps multiply.</remarks>
internal static class WorkloadCheck
{
    /// <summary>Reports the totals that exceed the limits, with the numbers.</summary>
    public static void Check(
        ValidationContext context,
        IReadOnlyList<ParsedProblem> problems,
        IReadOnlyList<ParsedVariant> variants,
        int seedCount,
        StopConfig stop,
        RecordMode record,
        ConfigLimits limits,
        ConfigNode? stopNode,
        MappingNode root)
    {
        BigInteger runs = 0, work = 0, rows = 0;
        foreach (var problem in problems)
        {
            int n = problem.Dataset.Config.N;
            foreach (var variant in variants.Where(v => v.Variant.Supports(problem.Handle)))
            {
                BigInteger runsPerBatch = seedCount;
                foreach (var sweep in variant.Config.Sweeps)
                {
                    runsPerBatch *= sweep.Value.Count;
                }

                foreach (int batch in VariantBatches.Of(variant.Variant, variant.Config).Select(b => b ?? n))
                {
                    long updatesPerEpoch = record == RecordMode.Step ? (n + (long)batch - 1) / batch : 1;
                    var rowsPerRun = 1 + (BigInteger)stop.MaxEpochs * updatesPerEpoch;

                    // Each recorded row evaluates loss and gradient over all n samples, which dominates with record: step.
                    runs += runsPerBatch;
                    work += runsPerBatch * ((BigInteger)stop.MaxEpochs * n + rowsPerRun * n);
                    rows += runsPerBatch * rowsPerRun;
                }
            }
        }

        var (at, atPath) = Culprit(problems, stopNode, root);
        string runCount = runs == 1 ? "1 run" : string.Create(CultureInfo.InvariantCulture, $"{runs} runs");
        if (work > limits.MaxWork)
        {
            context.Error(at, atPath, string.Create(CultureInfo.InvariantCulture, $"the config asks for {work} gradient evaluations (max_epochs × n for the updates plus n per curve row, summed over {runCount}), more than the limit of {limits.MaxWork}"));
        }

        if (rows > limits.MaxCurveRows)
        {
            context.Error(at, atPath, string.Create(CultureInfo.InvariantCulture, $"the config asks for {rows} curve rows over {runCount} (record: {(record == RecordMode.Step ? "step" : "epoch")}), more than the limit of {limits.MaxCurveRows}"));
        }
    }

    /// <summary>Where a size error points: <c>stop.max_epochs</c> when the config sets it, else the <c>n</c> (or
    /// <c>file</c>) of the largest dataset, the two knobs that scale every total.</summary>
    private static (ConfigNode Node, string Path) Culprit(IReadOnlyList<ParsedProblem> problems, ConfigNode? stopNode, MappingNode root)
    {
        if (stopNode is MappingNode stop && stop.Entries.FirstOrDefault(e => e.Key.Text == "max_epochs") is { } maxEpochs)
        {
            return (maxEpochs.Value, "stop.max_epochs");
        }

        if (problems.Count > 0)
        {
            var largest = problems.MaxBy(p => p.Dataset.Config.N)!.Dataset;
            string key = largest.Config.File is null ? "n" : "file";
            var node = largest.Node is MappingNode mapping && mapping.Entries.FirstOrDefault(e => e.Key.Text == key) is { } entry ? entry.Value : largest.Node;
            return (node, KeyPath.Child(largest.Path, key));
        }

        return (root, "stop.max_epochs");
    }
}
