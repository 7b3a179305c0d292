using DescentLab.Output.Report;
using NUnit.Framework;

namespace DescentLab.Tests.Output.Report;

public sealed class ReportFormatTests
{
    [TestCase(1.23456e-7, "1.23e-7")]
    [TestCase(0.0, "0")]
    [TestCase(-2.5e-12, "-2.5e-12")]
    [TestCase(123456.0, "1.23e5")]
    [TestCase(0.010546, "0.0105")]
    [TestCase(double.PositiveInfinity, "∞")]
    [TestCase(double.NaN, "NaN")]
    public void Gap_TheHumanNumberForm_Invariant(double value, string expected)
    {
        Assert.That(ReportFormat.Gap(value), Is.EqualTo(expected));
    }

    [Test]
    public void Count_NullIsADash()
    {
        Assert.Multiple(() =>
        {
            Assert.That(ReportFormat.Count(null), Is.EqualTo("—"));
            Assert.That(ReportFormat.Count(1234567), Is.EqualTo("1234567"));
        });
    }

    [Test]
    public void Targets_ManifestText_NumbersInTheHumanForm()
    {
        Assert.That(ReportFormat.Targets("target_loss 0.01, target_accuracy 1, target_gap 1E-06"), Is.EqualTo("target_loss 0.01, target_accuracy 1, target_gap 1e-6"));
    }

    [TestCase(3.5, "3.5 s")]
    [TestCase(123.4, "2 min 3.4 s")]
    [TestCase(3725, "1 h 02 min")]
    public void Duration_Compact(double seconds, string expected)
    {
        Assert.That(ReportFormat.Duration(TimeSpan.FromSeconds(seconds)), Is.EqualTo(expected));
    }
}
