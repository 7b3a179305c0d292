using DescentLab.Experiments.Scheduling;
using NUnit.Framework;

namespace DescentLab.Tests.Experiments.Scheduling;

/// <summary>Work over indices from one shared queue: every index once, and costly items after many cheap ones still
/// spread over the workers (the ranges of <see cref="Parallel.For(int, int, Action{int})"/> left them to one thread).</summary>
public sealed class OneAtATimeTests
{
    private static readonly ParallelOptions TwoWorkers = new() { MaxDegreeOfParallelism = 2 };

    [Test]
    public void EveryIndex_RunsExactlyOnce()
    {
        var calls = new int[1000];

        OneAtATime.For(calls.Length, TwoWorkers, i => Interlocked.Increment(ref calls[i]));

        Assert.That(calls, Is.All.EqualTo(1));
    }

    [Test]
    public void TwoCostlyItems_AfterManyCheapOnes_RunAtTheSameTime()
    {
        // Items 40 and 41 each wait for the other: they pass only if two workers hold them at once.
        using var both = new Barrier(2);
        var met = new bool[42];

        OneAtATime.For(met.Length, TwoWorkers, i => met[i] = i < 40 || both.SignalAndWait(TimeSpan.FromSeconds(10)));

        Assert.That(met[40] && met[41], Is.True, "the second costly item waited for a worker that was running the first");
    }

    [Test]
    public void AThrowingItem_IsReported_AndTheOthersRun()
    {
        var ran = new int[10];

        var error = Assert.Throws<AggregateException>(() => OneAtATime.For(ran.Length, new ParallelOptions { MaxDegreeOfParallelism = 1 }, i =>
        {
            ran[i] = 1;
            if (i == 9)
            {
                throw new InvalidOperationException("item 9");
            }
        }));

        Assert.Multiple(() =>
        {
            Assert.That(error!.InnerExceptions.Select(e => e.Message), Is.EqualTo(new[] { "item 9" }));
            Assert.That(ran, Is.All.EqualTo(1));
        });
    }
}
