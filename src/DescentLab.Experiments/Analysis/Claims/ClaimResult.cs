using DescentLab.Experiments.Config;

namespace DescentLab.Experiments.Analysis.Claims;

/// <summary>A note's claim checked on the runs: whether it holds, what it says and what was measured, in words.</summary>
/// <param name="Note">The note that makes the claim.</param>
/// <param name="Claim">The claim.</param>
/// <param name="Holds">True when the runs bear the claim out.</param>
/// <param name="Statement">The claim in words, e.g. <c>fixed_step final_gap &gt; 0.001 on every seed</c>.</param>
/// <param name="Measured">What the runs show, e.g. <c>0.0105</c> or <c>sgd —, batch 84</c>.</param>
public sealed record ClaimResult(ReportNote Note, NoteClaim Claim, bool Holds, string Statement, string Measured)
{
    /// <summary>The mark shown next to the claim: ✓ or ✗.</summary>
    public string Mark => Holds ? "✓" : "✗";
}
