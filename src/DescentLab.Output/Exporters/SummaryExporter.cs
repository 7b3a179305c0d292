using DescentLab.Experiments.Results;
using DescentLab.Output.Csv;
using DescentLab.Output.Files;

namespace DescentLab.Output.Exporters;

/// <summary>summary.csv: one row per run, in plan order.</summary>
public sealed class SummaryExporter : IExporter
{
    /// <summary>File name in the run folder.</summary>
    public const string FileName = "summary.csv";

    /// <inheritdoc/>
    public string Name => "summary";

    /// <inheritdoc/>
    public IReadOnlyList<string> Export(RunSet set, RunFolder folder)
    {
        folder.WriteText(FileName, w => SummaryCsv.Write(w, set.Rows));
        return [FileName];
    }
}
