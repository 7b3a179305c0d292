using DescentLab.Experiments.Config;
using DescentLab.Tests.Support;
using NUnit.Framework;

namespace DescentLab.Tests.Config;

public sealed class ResolvedConfigReaderTests
{
    [TestCase(true)]
    [TestCase(false)]
    public void Regression_WhatTheWriterWrote_ReadsBackEqual(bool allowMissing)
    {
        var regression = new RegressionConfig("/b/gate.csv", 1e-3, 1e-9, 2, Fail: true, AllowMissing: allowMissing);
        var config = TestConfigs.Create([TestConfigs.Recipe("beans1", 10)], [TestConfigs.Variant("batch")]) with { Regression = regression };

        Assert.That(ResolvedConfigReader.Regression(ResolvedConfigWriter.ToJson(config)), Is.EqualTo(regression));
    }

    [Test]
    public void Regression_ManifestFromBeforeAllowMissing_ReadsAsFalse()
    {
        const string Old = """{ "regression": { "baseline": "previous", "gap_rel_tol": 1e-9, "gap_abs_tol": 1e-12, "epochs_tol": 0, "fail": true } }""";

        Assert.That(ResolvedConfigReader.Regression(Old), Is.EqualTo(new RegressionConfig(RegressionConfig.Previous, Fail: true)));
    }
}
