using DescentLab.Core.Metrics;

namespace DescentLab.Experiments.Results;

/// <summary>One dataset instance × model: its reference optimum and the targets that judge its runs.</summary>
/// <param name="DatasetKey">Key of the dataset instance.</param>
/// <param name="Model">Model key.</param>
/// <param name="Loss"><c>mse</c> or <c>cross_entropy</c>.</param>
/// <param name="OptimumLoss">L*.</param>
/// <param name="Attained">True only for a verified stationary point.</param>
/// <param name="Method"><c>closed_form</c> or <c>newton</c>.</param>
/// <param name="OptimumParameters">Parameters at L*, by name.</param>
/// <param name="Kind">exact, infimum or best_known; null in manifests written before kinds were recorded.</param>
/// <param name="Targets">The targets that decide "converged", e.g. <c>target_gap 1E-06</c>; null in older manifests.</param>
public sealed record ProblemInfo(
    string DatasetKey,
    string Model,
    string Loss,
    double OptimumLoss,
    bool Attained,
    string Method,
    IReadOnlyList<KeyValuePair<string, double>> OptimumParameters,
    ReferenceKind? Kind = null,
    string? Targets = null);
