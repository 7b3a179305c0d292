using DescentLab.Core.Training;
using DescentLab.Core.Variants;
using DescentLab.Tests.Support;
using NUnit.Framework;

namespace DescentLab.Tests.Core.Variants;

/// <summary>Every variant reaches the closed-form optimum on beans1 (origin) and beans2 (affine), n = 100, seed 1.</summary>
/// <remarks>Truth from outside the trainer: L* is the normal equation's loss. Hyper-parameters are chosen per variant in
/// <see cref="Settings"/> so each really converges; the tolerance on the gap is stated there with the reason when it is
/// looser than 1e-8.</remarks>
public sealed class ConvergenceTests
{
    /// <summary>Per variant: hyper-parameters, batch (0 = all), the epoch budget and the gap tolerance, for both problems.</summary>
    /// <remarks>The run uses its whole budget (no early stop), so the gap must reach the tolerance and stay there. Constant-step
    /// rules that do not settle exactly (sgd, minibatch, rosenblatt, fixed_step, rmsprop) end on a limit cycle whose gap
    /// shrinks with the step (about as lr²: sgd's is 1.2e-5 at lr 0.01); their steps are chosen small enough for 1e-8.</remarks>
    private static readonly Dictionary<string, Setting> Settings = new()
    {
        ["closed_form"] = new(Hp(), 0, 1, 1e-15, "the normal equation: exact up to rounding"),
        ["batch"] = new(Hp(("lr", 0.5)), 0, 400, 1e-8, "linear rate 1 - lr·λmin; lr < 2/λmax ≈ 0.8 for affine"),
        ["sgd"] = new(Hp(("lr", 2e-4)), 1, 6000, 1e-8, "limit cycle of data-order SGD, gap ~ lr²"),
        ["minibatch"] = new(Hp(("lr", 2e-3)), 10, 6000, 1e-8, "limit cycle over 10 batches, gap ~ lr²"),
        ["fixed_step"] = new(Hp(("step", 3e-5)), 0, 60000, 1e-8, "ends oscillating within one step of θ*, gap ~ step²; ~1/step epochs to get there"),
        ["rosenblatt"] = new(Hp(("lr", 4e-4)), 1, 6000, 1e-8, "sgd at half the rate"),
        ["momentum"] = new(Hp(("lr", 0.1)), 0, 400, 1e-8, "heavy ball, linear rate"),
        ["nesterov"] = new(Hp(("lr", 0.1)), 0, 400, 1e-8, "linear rate"),
        ["adagrad"] = new(Hp(("lr", 0.5)), 0, 400, 1e-8, "the accumulated sum settles, then a linear rate"),
        ["rmsprop"] = new(Hp(("lr", 1e-4)), 0, 20000, 1e-8, "normalised steps of about lr end on a cycle around θ*: gap 6.2e-7 at lr 1e-3, 6.2e-9 at 1e-4"),
        ["adam"] = new(Hp(("lr", 1e-3)), 0, 12000, 1e-8, "steps of about lr, so ~1/lr epochs to cross the ~1.1 from init to θ*; then settles"),
        ["line_search"] = new(Hp(), 0, 400, 1e-8, "Armijo steps, linear rate"),
    };

    public static IEnumerable<TestCaseData> Cases() =>
        VariantCatalog.All.SelectMany(v => new[]
        {
            new TestCaseData(v.Name, "beans1", "origin").SetArgDisplayNames(v.Name, "beans1", "origin"),
            new TestCaseData(v.Name, "beans2", "affine").SetArgDisplayNames(v.Name, "beans2", "affine"),
        });

    [TestCaseSource(nameof(Cases))]
    public void Variant_OnItsProblem_ReachesTheClosedFormOptimum(string variant, string recipe, string model)
    {
        Assert.That(Settings.ContainsKey(variant), Is.True, $"add {variant} to ConvergenceTests.Settings");
        var setting = Settings[variant];
        var data = DescentLab.Core.Datasets.RecipeCatalog.Find(recipe)!.Generate(100, 1);
        var handle = CoreRuns.Model(model);
        var optimum = handle.SolveReference(data);
        var options = CoreRuns.Options(
            handle.ParameterNames.Count,
            setting.Batch == 0 ? data.Count : setting.Batch,
            setting.MaxEpochs,
            optimumLoss: optimum.Loss,
            targetGap: setting.Tolerance);

        var result = CoreRuns.Train(variant, handle, data, options, setting.HyperParameters);

        Assert.Multiple(() =>
        {
            Assert.That(optimum.Method, Is.EqualTo("closed_form"));
            Assert.That(result.Status, Is.EqualTo(RunStatus.Converged), $"final gap {result.FinalGap:R} after {result.Epochs} epochs ({setting.Why})");
            Assert.That(result.FinalGap, Is.LessThanOrEqualTo(setting.Tolerance), setting.Why);
            Assert.That(result.FinalGap, Is.GreaterThanOrEqualTo(-1e-15), "L* is the minimum");
            Assert.That(result.Epochs, Is.EqualTo(setting.MaxEpochs));
            TestContext.Out.WriteLine($"{variant} on {model}: target first met at epoch {result.EpochsToTarget}, final gap {result.FinalGap:R}");
        });
    }

    private static Dictionary<string, double> Hp(params (string Name, double Value)[] values) =>
        values.ToDictionary(v => v.Name, v => v.Value);

    private sealed record Setting(Dictionary<string, double> HyperParameters, int Batch, int MaxEpochs, double Tolerance, string Why);
}
