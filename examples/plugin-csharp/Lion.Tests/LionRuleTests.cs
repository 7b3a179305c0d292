using DescentLab.Core.Training;
using NUnit.Framework;

namespace Lion.Tests;

/// <summary>The first updates of the rule, computed by hand.</summary>
public sealed class LionRuleTests
{
    [Test]
    public void Apply_TwoSteps_MatchesHandComputedValues()
    {
        // lr 0.1, beta1 0.9, beta2 0.99, weight_decay 0; m starts at 0.
        var rule = new LionRule(0.1, 0.9, 0.99, 0);
        rule.Init(2);
        double[] theta = [1.0, -2.0];
        var probe = default(NoProbe);

        // Step 1, g = (0.5, -3): c = 0.1*g, so theta -= 0.1*sign(g) = (0.9, -1.9); m = 0.01*g = (0.005, -0.03).
        rule.Apply(theta, [0.5, -3.0], 0, ref probe);
        Assert.That(theta, Is.EqualTo(new[] { 0.9, -1.9 }));

        // Step 2, g = (-0.01, 1): c = 0.9*m + 0.1*g = (0.0045 - 0.001, -0.027 + 0.1) = (0.0035, 0.073), both positive,
        // so theta -= 0.1 in both: (0.8, -2.0) (0.9 - 0.1 rounds to 0.8 exactly as written; -1.9 - 0.1 to -2.0).
        rule.Apply(theta, [-0.01, 1.0], 0, ref probe);
        Assert.That(theta, Is.EqualTo(new[] { 0.9 - 0.1, -1.9 - 0.1 }));
    }

    [Test]
    public void Apply_WeightDecay_ShrinksBeforeTheSignStep()
    {
        // lr 0.1, weight_decay 0.5: theta = 2*(1 - 0.05) - 0.1*sign(g) = 1.9 - 0.1 = 1.8 for g = 4.
        var rule = new LionRule(0.1, 0.9, 0.99, 0.5);
        rule.Init(1);
        double[] theta = [2.0];
        var probe = default(NoProbe);

        rule.Apply(theta, [4.0], 0, ref probe);

        Assert.That(theta[0], Is.EqualTo((2.0 * 0.95) - 0.1));
    }

    [Test]
    public void Plugin_Lists_Lion_WithItsDefaults()
    {
        var variant = new LionPlugin().Variants.Single();

        Assert.That(variant.Name, Is.EqualTo("lion"));
        Assert.That(variant.Parameters.Select(p => (p.Name, p.Default)), Is.EqualTo(new[] { ("lr", 1e-4), ("beta1", 0.9), ("beta2", 0.99), ("weight_decay", 0.0) }));
    }

    /// <summary>Lion never probes the loss.</summary>
    private struct NoProbe : ILossProbe
    {
        public readonly double LossAt(ReadOnlySpan<double> theta) => throw new AssertionException("Lion probed the loss");
    }
}
