using DescentLab.Core.Datasets;
using DescentLab.Core.Metrics;
using DescentLab.Core.Models;
using NUnit.Framework;

namespace DescentLab.Tests.Core.Metrics;

/// <summary>Accuracy against hand-counted cases.</summary>
public sealed class AccuracyTests
{
    [Test]
    public void Of_LogisticOnFourBeans_CountsTheSamplesOnTheRightSide()
    {
        // sigmoid(x1 - x2): class 1 where x1 > x2. Labels: right, right, wrong, right -> 3/4.
        var data = Dataset.Create("t", null, null, null, [2, 0, 3, 1], [1, 2, 0, 0], [1, 0, 0, 1]);
        var model = ModelCatalog.FromKey("logistic", 2, LossKind.CrossEntropy)!;

        double accuracy = Accuracy.Of(model, data, [1, -1, 0]);

        Assert.That(accuracy, Is.EqualTo(0.75));
    }
}
