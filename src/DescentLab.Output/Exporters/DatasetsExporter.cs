using DescentLab.Experiments.Results;
using DescentLab.Output.Csv;
using DescentLab.Output.Files;

namespace DescentLab.Output.Exporters;

/// <summary>data/&lt;dataset_key&gt;.csv: the samples of every dataset the manifest marks as stored (those up to
/// <c>DataFileMaxSamples</c>), so the folder can be re-plotted alone; larger ones are regenerated or re-read by
/// <see cref="DatasetSource"/>.</summary>
public sealed class DatasetsExporter : IExporter
{
    /// <inheritdoc/>
    public string Name => "datasets";

    /// <inheritdoc/>
    public IReadOnlyList<string> Export(RunSet set, RunFolder folder)
    {
        var stored = set.Manifest.Datasets.Where(d => d.Stored).Select(d => d.Key).ToList();

        // As for curves: independent files, each flushed to disk, written within the run set's parallelism.
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, set.Manifest.Parallel) };
        Parallel.ForEach(stored, options, key => folder.WriteText(DatasetCsv.RelativePath(key), w => DatasetCsv.Write(w, set.Datasets[key])));
        return [.. stored.Select(DatasetCsv.RelativePath)];
    }
}
