using DescentLab.Experiments.Results;
using DescentLab.Output.Csv;
using DescentLab.Output.Files;

namespace DescentLab.Output.Exporters;

/// <summary>regression.csv: the comparison with the baseline, when there is one.</summary>
public sealed class RegressionExporter : IExporter
{
    /// <inheritdoc/>
    public string Name => "regression";

    /// <inheritdoc/>
    public IReadOnlyList<string> Export(RunSet set, RunFolder folder)
    {
        if (set.Regression is not { } regression)
        {
            return [];
        }

        folder.WriteText(RegressionCsv.FileName, w => RegressionCsv.Write(w, regression));
        return [RegressionCsv.FileName];
    }
}
