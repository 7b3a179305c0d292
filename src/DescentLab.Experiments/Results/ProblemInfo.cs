namespace DescentLab.Experiments.Results;

/// <summary>One dataset instance × model: its reference optimum (SPEC §5).</summary>
/// <param name="DatasetKey">Key of the dataset instance.</param>
/// <param name="Model">Model key.</param>
/// <param name="Loss"><c>mse</c> or <c>cross_entropy</c>.</param>
/// <param name="OptimumLoss">L*.</param>
/// <param name="Attained">False where the infimum is not attained.</param>
/// <param name="Method"><c>closed_form</c> or <c>newton</c>.</param>
/// <param name="OptimumParameters">Parameters at L*, by name.</param>
public sealed record ProblemInfo(
    string DatasetKey,
    string Model,
    string Loss,
    double OptimumLoss,
    bool Attained,
    string Method,
    IReadOnlyList<KeyValuePair<string, double>> OptimumParameters);
