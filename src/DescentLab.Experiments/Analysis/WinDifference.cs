namespace DescentLab.Experiments.Analysis;

/// <summary>Winner minus runner-up in the measure that decided, over the seeds both ran, with its bootstrap interval.</summary>
/// <param name="Measure">What is compared, e.g. <c>epochs to target</c>.</param>
/// <param name="Winner">The winner's median.</param>
/// <param name="RunnerUp">The runner-up's median.</param>
/// <param name="Low">Lower end of the 95 % interval of the difference (<see cref="Bootstrap"/>, paired by seed).</param>
/// <param name="High">Upper end.</param>
/// <param name="Seeds">Seeds both ran.</param>
public sealed record WinDifference(string Measure, double Winner, double RunnerUp, double Low, double High, int Seeds)
{
    /// <summary>Winner minus runner-up (0 when equal, infinities included).</summary>
    public double Estimate => Difference(Winner, RunnerUp);

    /// <summary>The interval includes no difference: the ranking is a tie within the noise over seeds.</summary>
    public bool WithinNoise => Low <= 0 && High >= 0;

    /// <summary><paramref name="a"/> − <paramref name="b"/>, but 0 when equal (so ∞ vs ∞ is no difference).</summary>
    public static double Difference(double a, double b) => a == b ? 0 : a - b;
}
