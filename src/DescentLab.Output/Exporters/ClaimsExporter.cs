using DescentLab.Experiments.Analysis.Claims;
using DescentLab.Experiments.Results;
using DescentLab.Output.Csv;
using DescentLab.Output.Files;

namespace DescentLab.Output.Exporters;

/// <summary>claims.csv: the report notes' claims checked on the run set, when the config makes any.</summary>
public sealed class ClaimsExporter : IExporter
{
    /// <inheritdoc/>
    public string Name => "claims";

    /// <inheritdoc/>
    public IReadOnlyList<string> Export(RunSet set, RunFolder folder)
    {
        var results = ClaimEvaluator.Evaluate(set);
        if (results.Count == 0)
        {
            return [];
        }

        folder.WriteText(ClaimsCsv.FileName, w => ClaimsCsv.Write(w, results));
        return [ClaimsCsv.FileName];
    }
}
