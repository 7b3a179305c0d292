using DescentLab.Core.Training;

namespace DescentLab.Core.Variants;

/// <summary>line_search: backtracking Armijo along -g, full batch unless <c>batch</c> is given. The Armijo backtracking update; state: a buffer for the trial point.</summary>
/// <remarks>T starts at lr (default 1) and halves until <c>L(θ - t·g) &lt;= L(θ) - 1e-4·t·|g|²</c>. After 60
/// halvings without success (rounding near the optimum) θ stays put for that update.</remarks>
public struct LineSearchRule : IUpdateRule
{
    /// <summary>Hyper-parameters with defaults and ranges.</summary>
    public static IReadOnlyList<HyperParameter> Parameters { get; } =
    [HyperParameter.Positive("lr", 1.0, "first trial step t")];

    private const double Armijo = 1e-4;
    private const int MaxHalvings = 60;
    private readonly double _initialStep;
    private double[] _trial;

    /// <summary>An update whose first trial step is <paramref name="initialStep"/>.</summary>
    public LineSearchRule(double initialStep)
    {
        _initialStep = initialStep;
        _trial = [];
    }

    /// <inheritdoc/>
    public readonly double PlainStepSize => double.NaN;

    /// <inheritdoc/>
    public void Init(int parameterCount) => _trial = new double[parameterCount];

    /// <inheritdoc/>
    public readonly void Apply<TProbe>(Span<double> theta, ReadOnlySpan<double> gradient, double loss, ref TProbe probe)
        where TProbe : struct, ILossProbe
    {
        double squaredNorm = 0;
        foreach (double g in gradient)
        {
            squaredNorm += g * g;
        }

        if (squaredNorm == 0)
        {
            return;
        }

        double t = _initialStep;
        for (int halvings = 0; halvings <= MaxHalvings; halvings++, t *= 0.5)
        {
            for (int j = 0; j < theta.Length; j++)
            {
                _trial[j] = theta[j] - t * gradient[j];
            }

            if (probe.LossAt(_trial) <= loss - Armijo * t * squaredNorm)
            {
                _trial.CopyTo(theta);
                return;
            }
        }
    }
}
