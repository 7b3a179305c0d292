using DescentLab.Core.Metrics;
using DescentLab.Core.Models;
using DescentLab.Tests.Support;
using NUnit.Framework;

namespace DescentLab.Tests.Core.Metrics;

/// <summary>Accuracy against hand-computed fractions.</summary>
public sealed class AccuracyTests
{
    [Test]
    public void Of_LogisticWithUnitWeight_CountsPredictionsThresholdedAtOneHalf()
    {
        // sigmoid(x) at x = -2, -0.5, 0, 1, 3 predicts 0, 0, 1 (0.5 counts as 1), 1, 1 against labels 0, 1, 1, 1, 0:
        // right, wrong, right, right, wrong = 3/5.
        var data = CoreRuns.OneD([-2, -0.5, 0, 1, 3], [0, 1, 1, 1, 0]);
        var model = new Logistic(1, LossKind.CrossEntropy);
        double[] theta = [1, 0];

        double accuracy = Accuracy.Of(model, data.Samples, theta);

        Assert.Multiple(() =>
        {
            Assert.That(accuracy, Is.EqualTo(0.6));
            Assert.That(CoreRuns.Model("logistic", 1, LossKind.CrossEntropy).Accuracy(data, theta), Is.EqualTo(0.6));
        });
    }

    [Test]
    public void Of_TwoDLogistic_UsesBothInputs()
    {
        // theta = (w1, w2, b) = (1, -1, 0): class 1 where x1 >= x2. Points (2,1), (1,2), (0,0), (0,3) -> 1, 0, 1, 0;
        // labels 1, 0, 0, 0: right, right, wrong, right = 3/4.
        var data = CoreRuns.TwoD([2, 1, 0, 0], [1, 2, 0, 3], [1, 0, 0, 0]);
        var handle = CoreRuns.Model("logistic", 2);

        Assert.That(handle.Accuracy(data, [1, -1, 0]), Is.EqualTo(0.75));
    }

    [TestCase(new[] { 0.0, 1.0, 1.0 }, true)]
    [TestCase(new[] { 0.0, 0.5 }, false)]
    [TestCase(new[] { 2.0 }, false)]
    [TestCase(new double[0], false)]
    public void HasBinaryLabels_OnlyZeroOrOne(double[] labels, bool expected)
    {
        var data = new global::DescentLab.Core.Datasets.Samples(new double[labels.Length], [], labels);

        Assert.That(Accuracy.HasBinaryLabels(data), Is.EqualTo(expected));
    }
}
