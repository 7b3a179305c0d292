using DescentLab.Experiments.Results;
using DescentLab.Output.Csv;
using DescentLab.Output.Files;

namespace DescentLab.Output.Exporters;

/// <summary>curves.csv: one row per epoch (or step) of every run that produced a curve, runs in plan order.</summary>
/// <remarks><c>run</c> streams the file as the runs finish; this exporter writes it when the set's curves are elsewhere:
/// a merged set's (read from the shards one run at a time), or a folder written before curves.csv.</remarks>
public sealed class CurvesExporter : IExporter
{
    /// <inheritdoc/>
    public string Name => "curves";

    /// <inheritdoc/>
    public IReadOnlyList<string> Export(RunSet set, RunFolder folder)
    {
        string path = folder.PathOf(CurveTable.FileName);
        var runIds = set.Rows.Select(r => r.RunId).Where(set.Curves.Contains).ToList();
        if (runIds.Any(id => set.Curves.FileOf(id) != path) || !File.Exists(path))
        {
            var table = CurveTable.For(set.Manifest.Problems);
            folder.WriteText(CurveTable.FileName, writer =>
            {
                writer.Write(table.HeaderLine);
                foreach (string runId in runIds)
                {
                    set.Curves.TryRead(runId, out var curve);
                    writer.Write(table.Rows(runId, curve!));
                }
            });
        }

        return [CurveTable.FileName];
    }
}
