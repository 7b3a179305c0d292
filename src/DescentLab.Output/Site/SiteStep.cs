using DescentLab.Experiments.Analysis;

namespace DescentLab.Output.Site;

/// <summary>A step the trend analysis found in one setting of one problem, between two nights.</summary>
/// <param name="Problem">The problem's page.</param>
/// <param name="Setting">Setting label.</param>
/// <param name="Before">Level of the metric before the step.</param>
/// <param name="After">Level from <paramref name="NightAfter"/> on.</param>
/// <param name="NightBefore">The last night the setting was measured before the step.</param>
/// <param name="NightAfter">The first night after it.</param>
public sealed record SiteStep(SiteProblem Problem, string Setting, double Before, double After, SiteNight NightBefore, SiteNight NightAfter)
{
    /// <summary>The step made the setting worse: a larger gap or more epochs, or a lower accuracy.</summary>
    public bool Worse => Problem.Metric == TrendMetric.Accuracy ? After < Before : After > Before;

    /// <summary>How many times worse or better, on the scale steps are found on (error rates for accuracy).</summary>
    public double Factor
    {
        get
        {
            double before = Problem.Metric == TrendMetric.Accuracy ? 1 - Before : Before;
            double after = Problem.Metric == TrendMetric.Accuracy ? 1 - After : After;
            return Math.Max(before, after) / Math.Min(before, after);
        }
    }

    /// <summary>The commits between which it happened, asv style: <c>before..after</c> (short commits).</summary>
    public string CommitRange => TrendAnalysis.Short(NightBefore.Commit) + ".." + TrendAnalysis.Short(NightAfter.Commit);
}
