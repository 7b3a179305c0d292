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
        var written = new List<string>();
        foreach (var info in set.Manifest.Datasets.Where(d => d.Stored))
        {
            string path = DatasetCsv.RelativePath(info.Key);
            folder.WriteText(path, w => DatasetCsv.Write(w, set.Datasets[info.Key]));
            written.Add(path);
        }

        return written;
    }
}
