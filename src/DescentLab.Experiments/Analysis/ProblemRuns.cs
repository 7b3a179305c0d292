using DescentLab.Experiments.Results;

namespace DescentLab.Experiments.Analysis;

/// <summary>The runs of one problem grouped by variant setting, both in plan order (first appearance).</summary>
/// <param name="Problem">The problem.</param>
/// <param name="Settings">Its variant settings with their runs.</param>
public sealed record ProblemRuns(ProblemKey Problem, IReadOnlyList<SettingRuns> Settings)
{
    /// <summary>Groups <paramref name="rows"/> by problem, then by variant setting, keeping plan order.</summary>
    /// <remarks>The runs of a tuned set's trials (<see cref="TrialPhase.Tune"/>) are left out: they chose each variant's
    /// setting, and only the chosen settings' runs on the held-out seeds are ranked.</remarks>
    public static IReadOnlyList<ProblemRuns> Group(IReadOnlyList<SummaryRow> rows)
    {
        var problems = new Dictionary<ProblemKey, Dictionary<VariantSetting, List<SummaryRow>>>();
        var problemOrder = new List<ProblemKey>();
        var settingOrder = new Dictionary<ProblemKey, List<VariantSetting>>();
        foreach (var row in rows.Where(r => r.Phase != TrialPhase.Tune))
        {
            var problem = ProblemKey.From(row);
            if (!problems.TryGetValue(problem, out var settings))
            {
                settings = [];
                problems.Add(problem, settings);
                problemOrder.Add(problem);
                settingOrder.Add(problem, []);
            }

            var setting = VariantSetting.From(row);
            if (!settings.TryGetValue(setting, out var runs))
            {
                runs = [];
                settings.Add(setting, runs);
                settingOrder[problem].Add(setting);
            }

            runs.Add(row);
        }

        return problemOrder
            .Select(p => new ProblemRuns(p, settingOrder[p].Select(s => new SettingRuns(s, problems[p][s])).ToList()))
            .ToList();
    }
}
