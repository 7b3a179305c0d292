using System.Runtime.CompilerServices;
using DescentLab.Experiments.Results;

namespace DescentLab.Output.Plots;

/// <summary>A value computed once per run set and shared by every plot that asks for it, on any thread: the plots of a set
/// plan from the same styles, palette and problems, which for a sweep of thousands of settings took longer to compute
/// than to draw (about 0.15 s per plot kind at 20,000 runs).</summary>
/// <remarks>Keyed by the set's identity (a run set is immutable; a changed copy is another set) and held only as long as
/// the set is.</remarks>
/// <typeparam name="T">The value.</typeparam>
internal sealed class PerRunSet<T>(Func<RunSet, T> compute)
    where T : class
{
    private readonly ConditionalWeakTable<RunSet, Lazy<T>> _values = [];

    /// <summary>The value of <paramref name="set"/>, computed on first use, once: plots planned at the same time wait
    /// for it instead of computing it twice.</summary>
    public T Of(RunSet set) => _values.GetValue(set, s => new Lazy<T>(() => compute(s))).Value;
}
