using DescentLab.Experiments.Results;
using DescentLab.Output.Csv;
using DescentLab.Output.Files;

namespace DescentLab.Output.Exporters;

/// <summary>curves/&lt;run_id&gt;.csv: one row per epoch (or step) of every run that produced a curve.</summary>
public sealed class CurvesExporter : IExporter
{
    /// <inheritdoc/>
    public string Name => "curves";

    /// <inheritdoc/>
    public IReadOnlyList<string> Export(RunSet set, RunFolder folder)
    {
        var runIds = set.Rows.Select(r => r.RunId).Where(set.Curves.ContainsKey).ToList();

        // Files are independent and each is flushed to disk; writing them in parallel hides that latency, within the
        // run set's configured parallelism.
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, set.Manifest.Parallel) };
        Parallel.ForEach(runIds, options, runId => folder.WriteText(CurveCsv.RelativePath(runId), w => CurveCsv.Write(w, set.Curves[runId])));
        return [.. runIds.Select(CurveCsv.RelativePath)];
    }
}
