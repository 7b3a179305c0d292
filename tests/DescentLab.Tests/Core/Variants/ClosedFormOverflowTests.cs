using DescentLab.Core.Training;
using DescentLab.Tests.Support;
using NUnit.Framework;

namespace DescentLab.Tests.Core.Variants;

/// <summary>closed_form on x ≈ 1e154: the sums of x² overflow, which must be a diverged run with a message, never a
/// "converged" w = 0.</summary>
public sealed class ClosedFormOverflowTests
{
    [TestCase("origin")]
    [TestCase("affine")]
    public void ClosedForm_OverflowingSums_IsDivergedNotConverged(string model)
    {
        var data = CoreRuns.OneD([1e154, 2e154, 3e154], [1e154, 2e154, 3e154]);
        var handle = CoreRuns.Model(model);

        var result = CoreRuns.Train("closed_form", handle, data, CoreRuns.Options(handle.ParameterNames.Count, 3, 1, optimumLoss: 0));

        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo(RunStatus.Diverged));
            Assert.That(result.Message, Is.EqualTo("the normal equations overflowed: sums of x*x or x*y are not finite in double precision"));
            Assert.That(result.Curve.Count, Is.EqualTo(1), "only the initial state is recorded");
        });
    }

    [Test]
    public void ClosedForm_LargeButFiniteSums_StillSolvesExactly()
    {
        var data = CoreRuns.OneD([1e150, 2e150], [2e150, 4e150]);
        var handle = CoreRuns.Model("origin");

        var result = CoreRuns.Train("closed_form", handle, data, CoreRuns.Options(1, 2, 1, optimumLoss: 0));

        Assert.That(result.Status, Is.Not.EqualTo(RunStatus.Diverged));
        Assert.That(result.FinalTheta[0], Is.EqualTo(2.0).Within(1e-12));
    }
}
