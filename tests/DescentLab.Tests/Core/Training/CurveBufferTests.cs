using DescentLab.Core.Training;
using NUnit.Framework;

namespace DescentLab.Tests.Core.Training;

/// <summary>The preallocated curve columns.</summary>
public sealed class CurveBufferTests
{
    [Test]
    public void ToCurve_PartlyFilled_HasExactlyTheRowsWritten()
    {
        var buffer = new CurveBuffer(["w", "b"], 5);
        buffer.Add(0, 0, 1.5, 0.5, 2.0, [0.1, 0.2]);
        buffer.Add(1, 4, 1.25, 0.25, 1.0, [0.3, 0.4]);

        var curve = buffer.ToCurve();

        Assert.Multiple(() =>
        {
            Assert.That(curve.Count, Is.EqualTo(2));
            Assert.That(curve.Epoch, Is.EqualTo(new[] { 0, 1 }));
            Assert.That(curve.Step, Is.EqualTo(new long[] { 0, 4 }));
            Assert.That(curve.Loss, Is.EqualTo(new[] { 1.5, 1.25 }));
            Assert.That(curve.Gap, Is.EqualTo(new[] { 0.5, 0.25 }));
            Assert.That(curve.GradNorm, Is.EqualTo(new[] { 2.0, 1.0 }));
            Assert.That(curve.Parameters, Is.EqualTo(new[] { 0.1, 0.2, 0.3, 0.4 }));
            Assert.That(curve.ParametersAt(1).ToArray(), Is.EqualTo(new[] { 0.3, 0.4 }));
        });
    }

    [Test]
    public void ToCurve_Full_HasEveryRowAndTakesNoMore()
    {
        var buffer = new CurveBuffer(["w"], 2);
        buffer.Add(0, 0, 1, 1, 1, [1.0]);
        buffer.Add(1, 1, 2, 2, 2, [2.0]);

        var curve = buffer.ToCurve();

        Assert.That(curve.Parameters, Is.EqualTo(new[] { 1.0, 2.0 }));
        Assert.That(() => buffer.Add(2, 2, 3, 3, 3, [3.0]), Throws.InstanceOf<IndexOutOfRangeException>());
    }

    [Test]
    public void Curve_ColumnsOfDifferentLength_AreRejected()
    {
        Assert.That(() => new Curve(["w"], [0, 1], [0, 1], [1, 2], [1, 2], [1, 2], [1.0]), Throws.ArgumentException);
    }
}
