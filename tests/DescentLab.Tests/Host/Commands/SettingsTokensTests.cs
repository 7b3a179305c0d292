using DescentLab.Host.Commands;
using NUnit.Framework;

namespace DescentLab.Tests.Host.Commands;

public sealed class SettingsTokensTests
{
    [TestCase("--DescentLab:MaxSamples=10", true)]
    [TestCase("--DescentLab:Schedule=", true)]
    [TestCase("--Serilog:MinimumLevel:Default=Debug", true)]
    [TestCase("--now=2027-03-15T02:00:00Z", false)]
    [TestCase("--shard=2/4", false)]
    [TestCase("--DescentLab:MaxSamples", false)]
    [TestCase("configs/a:b=c.yaml", false)]
    [TestCase("--=x:y", false)]
    public void IsSetting_OnlyDashDashKeyWithAColonBeforeTheEquals(string token, bool expected) =>
        Assert.That(SettingsTokens.IsSetting(token), Is.EqualTo(expected));

    [Test]
    public void Carry_MovesSettingsIntoTheHiddenOption_AndLeavesEverythingAfterADoubleDash()
    {
        string[] carried = SettingsTokens.Carry(["validate", "a.yaml", "--DescentLab:MaxSamples=10", "--", "--DescentLab:X=1"]);

        Assert.That(carried, Is.EqualTo(new[] { "validate", "a.yaml", "--setting", "DescentLab:MaxSamples=10", "--", "--DescentLab:X=1" }));
    }
}
