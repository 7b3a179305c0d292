using DescentLab.Experiments.Analysis;
using DescentLab.Experiments.Config;
using DescentLab.Experiments.Results;
using DescentLab.Output.Csv;
using DescentLab.Output.Json;

namespace DescentLab.Output.Compare;

/// <summary>Two finished run folders compared per problem × variant setting: what <c>descentlab compare</c> prints.</summary>
/// <param name="Before">The earlier run folder as given.</param>
/// <param name="After">The later run folder as given.</param>
/// <param name="Tolerances">The tolerances used: the later run's <c>regression</c> block, or the defaults.</param>
/// <param name="Set">The later run set (manifest and rows only) with the comparison as its regression report.</param>
public sealed record FolderComparison(string Before, string After, RegressionConfig Tolerances, RunSet Set)
{
    /// <summary>The comparison.</summary>
    public RegressionReport Report => Set.Regression!;

    /// <summary>The earlier run set's rows.</summary>
    public IReadOnlyList<SummaryRow> BeforeRows { get; init; } = [];

    /// <summary>Per problem (in the later run's order, then problems only in the earlier one), its leader by
    /// <see cref="LeaderRule"/> before and after; null where the problem did not run.</summary>
    public IReadOnlyList<(ProblemKey Problem, VariantSetting? Before, VariantSetting? After)> Leaders
    {
        get
        {
            var before = Leaderboard.Build(BeforeRows).ToDictionary(b => b.Problem, b => b.Entries[0].Setting);
            var after = Leaderboard.Build(Set.Rows).ToDictionary(b => b.Problem, b => b.Entries[0].Setting);
            return after.Keys.Concat(before.Keys.Where(p => !after.ContainsKey(p)))
                .Select(p => (p, before.GetValueOrDefault(p), after.GetValueOrDefault(p)))
                .ToList();
        }
    }

    /// <summary>Reads the manifest and summary of both folders and compares them.</summary>
    /// <exception cref="RunFileException">A folder is missing, or its manifest.json or summary.csv is missing or malformed.</exception>
    public static FolderComparison Create(string before, string after)
    {
        var (beforeManifest, beforeRows) = Read(before);
        var (afterManifest, afterRows) = Read(after);
        var configured = afterManifest.ResolvedConfig.Regression;
        var tolerances = (configured ?? new RegressionConfig(before)) with { Baseline = before };
        var report = RegressionComparer.Compare(beforeRows, afterRows, tolerances, before) with
        {
            BaselineConfigHash = beforeManifest.ConfigHash,
            ConfigHash = afterManifest.ConfigHash,
            BaselineMachine = beforeManifest.Machine.Name,
            Machine = afterManifest.Machine.Name,
        };
        var set = new RunSet
        {
            Manifest = afterManifest,
            Rows = afterRows,
            Curves = CurveMap.Empty,
            Datasets = new Dictionary<string, Core.Datasets.Dataset>(),
            Regression = report,
        };
        return new FolderComparison(before, after, tolerances, set) { BeforeRows = beforeRows };
    }

    private static (RunManifest Manifest, IReadOnlyList<SummaryRow> Rows) Read(string runDir)
    {
        if (!Directory.Exists(runDir))
        {
            throw new RunFileException(runDir, 0, "run folder not found");
        }

        var manifest = ManifestJson.Read(Path.Combine(runDir, ManifestJson.FileName));
        return (manifest, SummaryCsv.Read(Path.Combine(runDir, SummaryCsv.FileName)));
    }
}
