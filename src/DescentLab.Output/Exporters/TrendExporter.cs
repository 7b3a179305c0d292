using DescentLab.Experiments.Results;
using DescentLab.Output.Csv;
using DescentLab.Output.Files;

namespace DescentLab.Output.Exporters;

/// <summary>trend.csv: the history trend the report shows, when history has one.</summary>
public sealed class TrendExporter : IExporter
{
    /// <inheritdoc/>
    public string Name => "trend";

    /// <inheritdoc/>
    public IReadOnlyList<string> Export(RunSet set, RunFolder folder)
    {
        if (set.Trend.Count == 0)
        {
            return [];
        }

        folder.WriteText(TrendCsv.FileName, w => TrendCsv.Write(w, set.Trend));
        return [TrendCsv.FileName];
    }
}
