using DescentLab.Core.Training;
using DescentLab.Core.Variants;

namespace DescentLab.TestPlugins;

/// <summary>How <see cref="FaultyRule"/> misbehaves.</summary>
public enum Fault
{
    /// <summary>Throws on the given step.</summary>
    Throws,

    /// <summary>Writes NaN into θ on the given step.</summary>
    Nan,

    /// <summary>Never returns from the given step.</summary>
    Hangs,
}

/// <summary>A gradient step that fails on step <c>at</c> (1-based) in the way <see cref="Fault"/> says.</summary>
public struct FaultyRule : IUpdateRule
{
    private readonly Fault _fault;
    private readonly double _at;
    private int _step;

    /// <summary>A rule failing at step <paramref name="at"/>.</summary>
    public FaultyRule(Fault fault, double at)
    {
        _fault = fault;
        _at = at;
        _step = 0;
    }

    /// <summary>Hyper-parameters: the step the fault happens at.</summary>
    public static IReadOnlyList<HyperParameter> Parameters { get; } =
        [new HyperParameter("at", 3, 1, true, double.PositiveInfinity, false, "step the fault happens at")];

    /// <inheritdoc/>
    public readonly double PlainStepSize => double.NaN;

    /// <inheritdoc/>
    public void Init(int parameterCount) => _step = 0;

    /// <inheritdoc/>
    public void Apply<TProbe>(Span<double> theta, ReadOnlySpan<double> gradient, double loss, ref TProbe probe)
        where TProbe : struct, ILossProbe
    {
        _step++;
        bool now = _step == (int)_at;
        if (now && _fault == Fault.Throws)
        {
            throw new InvalidOperationException($"the rule gave up at step {_step}");
        }

        while (now && _fault == Fault.Hangs)
        {
            Thread.Sleep(50);
        }

        for (int j = 0; j < theta.Length; j++)
        {
            theta[j] = now ? double.NaN : theta[j] - (0.1 * gradient[j]);
        }
    }
}
