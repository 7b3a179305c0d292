using DescentLab.Core.Models;
using NUnit.Framework;

namespace DescentLab.Tests.Core.Models;

/// <summary>The saturating sigmoid keeps its complement, and cross-entropy its loss, where 1 - σ would round to 0.</summary>
public sealed class SigmoidMathTests
{
    [TestCase(0.0)]
    [TestCase(0.5)]
    [TestCase(-3.0)]
    [TestCase(40.0)]
    [TestCase(-40.0)]
    [TestCase(700.0)]
    public void Sigmoids_AreSigmaOfZAndOfMinusZ(double z)
    {
        SigmoidMath.Sigmoids(z, out double s, out double sc);

        Assert.Multiple(() =>
        {
            Assert.That(s, Is.EqualTo(1 / (1 + Math.Exp(-z))).Within(1e-13).Percent);
            Assert.That(sc, Is.EqualTo(1 / (1 + Math.Exp(z))).Within(1e-13).Percent);
            Assert.That(s + sc, Is.EqualTo(1.0).Within(4.5e-16));
        });
    }

    [Test]
    public void CrossEntropy_WellClassifiedSample_KeepsItsTinyLossAndGradient()
    {
        // z = 40 for a positive sample: loss log(1 + e^-40) ≈ 4.248e-18, gradient σ - 1 ≈ -4.248e-18. Computed as
        // softplus(z) - z or σ(z) - 1 both would be exactly 0.
        var model = new Logistic(1, LossKind.CrossEntropy);
        var samples = new DescentLab.Core.Datasets.Samples([1.0], [], [1.0]);
        var g = new double[2];

        double loss = model.LossGradient(samples, 0, 1, [40.0, 0.0], g);

        Assert.Multiple(() =>
        {
            Assert.That(loss, Is.EqualTo(Math.Exp(-40)).Within(1e-12).Percent);
            Assert.That(g[0], Is.EqualTo(-Math.Exp(-40)).Within(1e-12).Percent);
        });
    }
}
