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
        var written = new List<string>();
        foreach (var row in set.Rows)
        {
            if (set.Curves.TryGetValue(row.RunId, out var curve))
            {
                string path = CurveCsv.RelativePath(row.RunId);
                folder.WriteText(path, w => CurveCsv.Write(w, curve));
                written.Add(path);
            }
        }

        return written;
    }
}
