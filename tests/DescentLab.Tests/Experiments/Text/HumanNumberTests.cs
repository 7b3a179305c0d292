using DescentLab.Experiments.Text;
using NUnit.Framework;

namespace DescentLab.Tests.Experiments.Text;

/// <summary>The human number form, against strings written by hand from its rule.</summary>
public sealed class HumanNumberTests
{
    // Expected strings written by hand from the rule: 3 significant digits, plain in [1e-3, 1e4), else m.mme±x.
    [TestCase(0.0, "0")]
    [TestCase(0.11, "0.11")]
    [TestCase(0.1, "0.1")]
    [TestCase(1e-6, "1e-6")]
    [TestCase(1.2345e-7, "1.23e-7")]
    [TestCase(-1.08e-18, "-1.08e-18")]
    [TestCase(0.001, "0.001")]
    [TestCase(0.00099949, "9.99e-4")]
    [TestCase(0.0009999, "0.001")]
    [TestCase(1.0, "1")]
    [TestCase(1.26666, "1.27")]
    [TestCase(0.955, "0.955")]
    [TestCase(9999.0, "1e4")]
    [TestCase(1234.5, "1230")]
    [TestCase(12345.0, "1.23e4")]
    [TestCase(1e6, "1e6")]
    [TestCase(double.NaN, "NaN")]
    [TestCase(double.PositiveInfinity, "∞")]
    [TestCase(double.NegativeInfinity, "-∞")]
    public void Format_ThreeDigits_WritesTheHumanForm(double value, string expected) =>
        Assert.That(HumanNumber.Format(value), Is.EqualTo(expected));

    [Test]
    public void Format_NeverWritesDotNetExponentForm()
    {
        for (int p = -300; p <= 300; p += 7)
        {
            string text = HumanNumber.Format(1.5 * Math.Pow(10, p));
            Assert.That(text, Does.Not.Contain("E").And.Not.Contain("+"), text);
        }
    }

    [TestCase(0.123456, 5, "0.12346")]
    [TestCase(2.6e-9, 1, "3e-9")]
    public void Format_OtherDigits_RoundsToThem(double value, int digits, string expected) =>
        Assert.That(HumanNumber.Format(value, digits), Is.EqualTo(expected));
}
