using DescentLab.Experiments.Config;
using DescentLab.Experiments.Results;
using DescentLab.Output.Plots;

namespace DescentLab.Output.Report;

/// <summary>The names <c>report.sections</c> may list: the report's own parts and every plot kind.</summary>
public static class ReportSections
{
    /// <summary>The answer first: winner per problem, counts, what differs from the baseline.</summary>
    public const string Headline = "headline";

    /// <summary>Headline counts and how to read them.</summary>
    public const string Summary = "summary";

    /// <summary>The ranking table of each problem (its plots follow it whatever this says).</summary>
    public const string Leaderboards = "leaderboards";

    /// <summary>The comparison with the baseline.</summary>
    public const string Regression = "regression";

    /// <summary>The tables across problems: tuned leaderboard and ERT (the shared plots follow whatever this says).</summary>
    public const string Analysis = "analysis";

    /// <summary>Unattained optima, skipped pairs, failed plots and runs (shown whenever there is a failure to report).</summary>
    public const string Notes = "notes";

    /// <summary>The resolved config, the machine and the command that reproduces the run.</summary>
    public const string Environment = "environment";

    /// <summary>Every name, in report order: headline, regression, summary, leaderboards, the plot kinds of
    /// <see cref="DefaultPlots"/>, analysis, notes, environment.</summary>
    public static IReadOnlyList<string> Names { get; } = NamesWith(DefaultPlots.All);

    /// <summary>The names with <paramref name="plots"/> as the plot kinds (two plots of one kind, such as the 1-D and 2-D
    /// animations, share a name).</summary>
    public static IReadOnlyList<string> NamesWith(IReadOnlyList<IPlot> plots) =>
        [Headline, TunedComparisonSection.Name, Regression, Summary, Leaderboards, .. plots.Select(p => p.Name).Distinct(StringComparer.Ordinal), Analysis, Notes, Environment];

    /// <summary>The report block of <paramref name="set"/>'s resolved config; every section for a run folder written
    /// before the block existed.</summary>
    public static ReportConfig ConfigOf(RunSet set) => set.Manifest.ResolvedConfig.Report ?? ReportConfig.Default;

    /// <summary>Whether <paramref name="plot"/> is drawn: listed in <c>report.sections</c>, or on by default when the
    /// config lists none (and, for the profile and the trend, when the run set has more than one problem).</summary>
    public static bool Draws(RunSet set, IPlot plot)
    {
        var report = ConfigOf(set);
        if (report.Sections is not null)
        {
            return report.Includes(plot.Name);
        }

        return plot.OnByDefault && !(plot is PerformanceProfilePlot or TrendPlot && OneProblem(set));
    }

    /// <summary>Whether <paramref name="section"/> (a report part) is shown: listed in <c>report.sections</c>, or, when the
    /// config lists none, always, except the regression check of a one-problem run set without a baseline.</summary>
    public static bool Shows(RunSet set, string section)
    {
        var report = ConfigOf(set);
        if (report.Sections is not null)
        {
            return report.Includes(section);
        }

        return section != Regression || !OneProblem(set) || set.Regression is not null || set.Manifest.ResolvedConfig.Regression is not null;
    }

    /// <summary>A run set of a single dataset × model: comparisons across problems and nights tell it nothing.</summary>
    private static bool OneProblem(RunSet set) => set.Rows.Select(r => (r.Dataset, r.N, r.Model, r.Loss)).Distinct().Take(2).Count() < 2;
}
