using DescentLab.Core.Training;
using DescentLab.Experiments.Analysis;
using DescentLab.Experiments.Results;
using DescentLab.Tests.Support;
using NUnit.Framework;

namespace DescentLab.Tests.Experiments.Analysis;

public sealed class VariantSettingTests
{
    [Test]
    public void From_FullBatch_BatchIsNullSoSettingsMatchAcrossSizes()
    {
        var small = VariantSetting.From(OutcomeRows.Row("momentum", 0.1, 1, RunStatus.Converged, 0, batch: 10));
        var large = VariantSetting.From(OutcomeRows.Row("momentum", 0.1, 1, RunStatus.Converged, 0, batch: 10) with { N = 50, Batch = 50 });
        Assert.Multiple(() =>
        {
            Assert.That(small.Batch, Is.Null);
            Assert.That(large, Is.EqualTo(small));
            Assert.That(small.Label, Is.EqualTo("momentum lr=0.1"));
        });
    }

    [Test]
    public void Label_ListsEverySettingButTheBatchOfOneSampleRules()
    {
        var minibatch = VariantSetting.From(OutcomeRows.Row("minibatch", 0.05, 1, RunStatus.Converged, 0, batch: 3) with { Shuffle = true });
        var sgd = VariantSetting.From(OutcomeRows.Row("sgd", 1e-5, 1, RunStatus.Converged, 0, batch: 1));
        var momentum = VariantSetting.From(OutcomeRows.Row("momentum", 0.1, 1, RunStatus.Converged, 0) with { HyperParameters = HyperValues.Of([new("momentum", 0.5), new("dampening", 0)]) });
        var fixedStep = VariantSetting.From(OutcomeRows.Row("fixed_step", null, 1, RunStatus.Converged, 0) with { Step = 0.01 });
        Assert.Multiple(() =>
        {
            Assert.That(minibatch.Label, Is.EqualTo("minibatch lr=0.05 batch=3 shuffle"));
            Assert.That(sgd.Label, Is.EqualTo("sgd lr=1e-5"));
            Assert.That(momentum.Label, Is.EqualTo("momentum lr=0.1 momentum=0.5 dampening=0"));
            Assert.That(fixedStep.Label, Is.EqualTo("fixed_step step=0.01"));
        });
    }

    [Test]
    public void Label_HyperParametersAtTheirCatalogDefaults_LeftOutButKeptInFullLabel()
    {
        var row = OutcomeRows.Row("adam", 0.1, 1, RunStatus.Converged, 0) with { HyperParameters = HyperValues.Of([new("beta1", 0.9), new("beta2", 0.999), new("eps", 1e-8)]) };
        var defaults = VariantSetting.From(row);
        var changed = defaults with { HyperParameters = HyperValues.Of([new("beta1", 0.8), new("beta2", 0.999), new("eps", 1e-8)]) };
        Assert.Multiple(() =>
        {
            Assert.That(defaults.Label, Is.EqualTo("adam lr=0.1"));
            Assert.That(defaults.FullLabel, Is.EqualTo("adam lr=0.1 beta1=0.9 beta2=0.999 eps=1e-8"));
            Assert.That(defaults.Defaults, Is.EqualTo("beta1=0.9 beta2=0.999 eps=1e-8"));
            Assert.That(changed.Label, Is.EqualTo("adam lr=0.1 beta1=0.8"));
            Assert.That(changed.Defaults, Is.EqualTo("beta2=0.999 eps=1e-8"));
        });
    }

    [Test]
    public void Label_ValuesThatDifferPastThreeDigits_StayApart()
    {
        var a = VariantSetting.From(OutcomeRows.Row("sgd", 0.01001, 1, RunStatus.Converged, 0, batch: 1));
        var b = VariantSetting.From(OutcomeRows.Row("sgd", 0.01002, 1, RunStatus.Converged, 0, batch: 1));
        Assert.That((a.Label, b.Label), Is.EqualTo(("sgd lr=0.01001", "sgd lr=0.01002")));
    }

    [Test]
    public void From_SeedsOfOneSetting_Equal_OtherLr_Differs()
    {
        var a = VariantSetting.From(OutcomeRows.Row("sgd", 0.1, 1, RunStatus.Converged, 0, batch: 1));
        var b = VariantSetting.From(OutcomeRows.Row("sgd", 0.1, 2, RunStatus.Diverged, 0, batch: 1));
        var c = VariantSetting.From(OutcomeRows.Row("sgd", 0.2, 1, RunStatus.Converged, 0, batch: 1));
        Assert.Multiple(() =>
        {
            Assert.That(b, Is.EqualTo(a));
            Assert.That(c, Is.Not.EqualTo(a));
            Assert.That(c.WithoutLr(), Is.EqualTo(a.WithoutLr()));
        });
    }
}
