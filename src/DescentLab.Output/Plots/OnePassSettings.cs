using DescentLab.Core.Training;
using DescentLab.Experiments.Analysis;
using DescentLab.Experiments.Results;

namespace DescentLab.Output.Plots;

/// <summary>Settings that solve in one update whenever they run (closed_form's normal equation): plots that compare
/// runtimes across settings show them as a labelled reference instead of a line that sits at the left edge and makes every
/// iterative setting look slow.</summary>
internal static class OnePassSettings
{
    /// <summary>The settings of <paramref name="set"/> whose every run that did not fail made at most one update.</summary>
    public static IReadOnlySet<VariantSetting> Of(RunSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        return set.Rows
            .Where(r => r.Status != RunStatus.Failed)
            .GroupBy(VariantSetting.From)
            .Where(g => g.All(r => r.Steps <= 1))
            .Select(g => g.Key)
            .ToHashSet();
    }
}
