namespace DescentLab.Experiments.Config;

/// <summary>A "try it" exercise of a lesson (<c>report.exercises</c>): a change a student makes with <c>--set</c>, and
/// what it predicts, checked on the runs whenever the run's config carries the change.</summary>
/// <param name="Try">The changes, each as <c>--set</c> takes it (<c>variants.sgd.lr=0.9</c>).</param>
/// <param name="Says">The prediction in words (Markdown).</param>
/// <param name="Expect">The prediction as claims, checked only on a run whose config carries every change.</param>
public sealed record Exercise(IReadOnlyList<ConfigAssignment> Try, string Says, IReadOnlyList<NoteClaim> Expect)
{
    /// <summary>The section name the exercises' claims are listed under.</summary>
    public const string Section = "exercises";

    /// <summary>Whether <paramref name="config"/> carries every change of the exercise.</summary>
    public bool AppliesTo(ResolvedConfig config) => Try.All(change => change.Holds(config));

    /// <summary>The prediction as a note (every problem of the run set), for the claim evaluator.</summary>
    public ReportNote AsNote() => new() { Section = Section, Text = Says, Expect = Expect };
}
