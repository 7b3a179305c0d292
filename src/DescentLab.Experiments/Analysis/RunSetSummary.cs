using DescentLab.Core.Training;
using DescentLab.Experiments.Results;

namespace DescentLab.Experiments.Analysis;

/// <summary>Headline counts of a run set.</summary>
/// <param name="Runs">Runs in the set.</param>
/// <param name="Converged">Runs whose final state meets the targets.</param>
/// <param name="NotConverged">Runs that never reached the target.</param>
/// <param name="Diverged">Runs that diverged.</param>
/// <param name="Failed">Runs that could not be carried out.</param>
/// <param name="Problems">Problems (dataset × n × model × loss).</param>
/// <param name="Settings">Distinct variant settings.</param>
/// <param name="WallTime">Finished minus started, from the manifest.</param>
public sealed record RunSetSummary(int Runs, int Converged, int NotConverged, int Diverged, int Failed, int Problems, int Settings, TimeSpan WallTime)
{
    /// <summary>Runs that reached the target and ended outside it (reached, then lost).</summary>
    public int LostTarget { get; init; }

    /// <summary>The counts of <paramref name="set"/>.</summary>
    public static RunSetSummary From(RunSet set)
    {
        var rows = set.Rows;
        return new RunSetSummary(
            rows.Count,
            rows.Count(r => r.Status == RunStatus.Converged),
            rows.Count(r => r.Status == RunStatus.NotConverged),
            rows.Count(r => r.Status == RunStatus.Diverged),
            rows.Count(r => r.Status == RunStatus.Failed),
            rows.Select(ProblemKey.From).Distinct().Count(),
            rows.Select(VariantSetting.From).Distinct().Count(),
            set.Manifest.FinishedUtc - set.Manifest.StartedUtc)
        {
            LostTarget = rows.Count(r => r.Status == RunStatus.LostTarget),
        };
    }
}
