using System.Text;
using DescentLab.Experiments.External;
using NUnit.Framework;

namespace DescentLab.Tests.Experiments.External;

/// <summary>Numbers cross the pipe bit for bit, including Python's NaN and Infinity tokens.</summary>
public sealed class ExternalMessagesTests
{
    [TestCase(0.1)]
    [TestCase(1e-300)]
    [TestCase(5e-324)]
    [TestCase(-0.0)]
    [TestCase(0.30000000000000004)]
    [TestCase(double.NaN)]
    [TestCase(double.PositiveInfinity)]
    [TestCase(double.NegativeInfinity)]
    public void Numbers_WrittenThenRead_RoundTripBitForBit(double value)
    {
        string line = new StringBuilder("{\"params\":").Numbers([value, 1.5]).Append('}').ToString();
        var read = new double[2];

        using var document = ExternalMessages.Parse(line);
        string? error = ExternalMessages.TryReadNumbers(document.RootElement.GetProperty("params"), read, "params");

        Assert.That(error, Is.Null);
        Assert.That(BitConverter.DoubleToInt64Bits(read[0]), Is.EqualTo(BitConverter.DoubleToInt64Bits(value)));
    }

    [Test]
    public void Parse_TokensInsideStrings_AreLeftAlone()
    {
        using var document = ExternalMessages.Parse("{\"note\":\"NaN and \\\"Infinity\\\"\",\"params\":[-Infinity]}");

        Assert.That(document.RootElement.GetProperty("note").GetString(), Is.EqualTo("NaN and \"Infinity\""));
        Assert.That(document.RootElement.GetProperty("params")[0].GetString(), Is.EqualTo("-Infinity"));
    }
}
