using System.Globalization;
using DescentLab.Experiments.Config;
using DescentLab.Tests.Support;
using NUnit.Framework;

namespace DescentLab.Tests.Config;

/// <summary>The configs shipped in configs/ load without errors and say what their comments say.</summary>
public sealed class DefaultConfigsTests
{
    [TestCase("nightly.yaml")]
    [TestCase("lesson.yaml")]
    [TestCase("quick.json")]
    [TestCase("gate.yaml")]
    [TestCase("lessons/lesson1.yaml")]
    [TestCase("lessons/lesson2.yaml")]
    [TestCase("lessons/lesson3.yaml")]
    [TestCase("lessons/lesson4.yaml")]
    [TestCase("lessons/lesson5.yaml")]
    [TestCase("lessons/lesson6.yaml")]
    [TestCase("lessons/lesson7.yaml")]
    public void Load_DefaultConfig_HasNoErrors(string file)
    {
        var result = ConfigLoader.Load(ConfigPath(file), ConfigLimits.Default, DescentLab.Output.Report.ReportSections.Names);

        Assert.Multiple(() =>
        {
            Assert.That(result.Errors, Is.Empty, string.Join("\n", result.Errors));
            Assert.That(result.Config!.Name, Is.EqualTo(Path.GetFileNameWithoutExtension(file)));
        });
    }

    [Test]
    public void Nightly_SweepsEighteenSettingsPerProblem()
    {
        var config = ConfigLoader.Load(ConfigPath("nightly.yaml"), ConfigLimits.Default).Config!;

        int settings = config.Variants.Sum(v => v.Sweeps.Aggregate(1, (product, sweep) => product * sweep.Value.Count) * Math.Max(1, v.Batches.Count));

        Assert.Multiple(() =>
        {
            Assert.That(settings, Is.EqualTo(18));
            Assert.That(config.Seeds, Is.EqualTo(new ulong[] { 1, 2, 3, 4, 5 }));
            Assert.That(config.Datasets.Select(d => $"{d.Recipe}:{d.N}:{string.Join("+", d.Models!.Select(m => m.Key))}"),
                Is.EqualTo(new[] { "beans1:100:origin+affine", "beans2:100:affine", "beans3:100:logistic", "beans4:100:logistic+mlp-h3" }));
            Assert.That(config.Regression, Is.EqualTo(new RegressionConfig(RegressionConfig.Previous, Fail: false)));
        });
    }

    [Test]
    public void Lesson_IsTheCourseExperiment()
    {
        var config = ConfigLoader.Load(ConfigPath("lesson.yaml"), ConfigLimits.Default).Config!;

        Assert.Multiple(() =>
        {
            Assert.That(config.Datasets.Single(), Is.EqualTo(new DatasetConfig("beans1", 100, null, null, 1, null)));
            Assert.That(config.Seeds, Is.EqualTo(new ulong[] { 1 }));
            Assert.That(config.Models.Select(m => m.Name), Is.EqualTo(new[] { "origin" }));
            Assert.That(config.Init["w"], Is.EqualTo(0.1));
            Assert.That(config.Stop.MaxEpochs, Is.EqualTo(100));
            Assert.That(config.Variants.Select(v => $"{v.Name}{string.Concat(v.Sweeps.Select(s => $" {s.Key}={s.Value.Single().ToString(CultureInfo.InvariantCulture)}"))}"),
                Is.EqualTo(new[] { "sgd lr=0.1", "batch lr=0.1", "fixed_step step=0.01", "closed_form" }));
        });
    }

    private static string ConfigPath(string file) => RepoFiles.Config(file);
}
