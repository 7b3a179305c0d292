using DescentLab.Experiments.Results;

namespace DescentLab.Output.Pipeline;

/// <summary>What <c>run</c> keeps of a finished run once its curve is handed to the writers: the summary row and where
/// the curve reached the runtime ECDF's targets, not the curve.</summary>
/// <param name="Row">The summary row.</param>
/// <param name="HasCurve">Whether the run produced a curve.</param>
/// <param name="Hits">Hits of the ECDF's target ladder; empty without a curve.</param>
internal sealed record StreamedRun(SummaryRow Row, bool HasCurve, CurveHit[] Hits);
