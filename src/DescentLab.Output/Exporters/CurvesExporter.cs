using DescentLab.Experiments.Results;
using DescentLab.Output.Csv;
using DescentLab.Output.Files;

namespace DescentLab.Output.Exporters;

/// <summary>curves/&lt;run_id&gt;.csv: one row per epoch (or step) of every run that produced a curve.</summary>
/// <remarks><c>run</c> streams each curve to its file as the run finishes; this exporter writes the ones that are not in
/// the folder yet: a merged set's (read from the shards), or a curve whose streamed write failed (a full disk), so the
/// failure becomes this exporter's.</remarks>
public sealed class CurvesExporter : IExporter
{
    /// <inheritdoc/>
    public string Name => "curves";

    /// <inheritdoc/>
    public IReadOnlyList<string> Export(RunSet set, RunFolder folder)
    {
        var runIds = set.Rows.Select(r => r.RunId).Where(set.Curves.Contains).ToList();
        var missing = runIds.Where(id => set.Curves.FileOf(id) != folder.PathOf(CurveCsv.RelativePath(id))).ToList();

        // Files are independent and each is flushed to disk; writing them in parallel hides that latency, within the
        // run set's configured parallelism.
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, set.Manifest.Parallel) };
        Parallel.ForEach(missing, options, runId =>
        {
            set.Curves.TryRead(runId, out var curve);
            folder.WriteText(CurveCsv.RelativePath(runId), w => CurveCsv.Write(w, curve!));
        });
        return [.. runIds.Select(CurveCsv.RelativePath)];
    }
}
