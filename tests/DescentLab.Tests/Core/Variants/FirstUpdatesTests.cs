using DescentLab.Core.Training;
using DescentLab.Core.Variants;
using DescentLab.Tests.Support;
using NUnit.Framework;

namespace DescentLab.Tests.Core.Variants;

/// <summary>The first two updates of every rule, hand-computed, driven through the catalogs and the real trainer.</summary>
/// <remarks>Data x = [1, 2, 3], y = [1.2, 2.5, 3.5]; origin starts at w = 0.1, affine at (0.1, 0); every hyper-parameter
/// is the catalog default (lr 0.1 for batch, sgd, minibatch and rosenblatt; the torch.optim defaults for the others).
/// The literals were printed by <c>python3 ReferenceUpdates.py</c> (this folder), which writes each update out from its
/// formula (torch.optim's single-tensor code, operation by operation, for momentum, nesterov, adagrad, rmsprop and adam)
/// without sharing code with DescentLab. E.g. batch on origin: r = [-1.1, -2.3, -3.2], g = 2·(-15.3)/3 = -10.2,
/// w = 0.1 + 0.1·10.2 = 1.12.</remarks>
public sealed class FirstUpdatesTests
{
    public static IEnumerable<TestCaseData> Rows()
    {
        return
        [
            Row("batch", "origin", 3, [1.1200000000000003], [1.188]),
            Row("batch", "affine", 3, [1.1200000000000003, 0.43999999999999995], [1.012, 0.3839999999999998]),
            Row("sgd", "origin", 1, [0.31999999999999995], [1.064]),
            Row("sgd", "affine", 1, [0.31999999999999995, 0.21999999999999997], [0.9760000000000001, 0.548]),
            Row("minibatch", "origin", 2, [0.6699999999999999], [1.564]),
            Row("minibatch", "affine", 2, [0.6699999999999999, 0.33999999999999997], [1.3600000000000003, 0.5700000000000001]),
            Row("fixed_step", "origin", 3, [0.11], [0.12]),
            Row("fixed_step", "affine", 3, [0.11, 0.01], [0.12, 0.02]),
            Row("rosenblatt", "origin", 1, [0.21], [0.626]),
            Row("rosenblatt", "affine", 1, [0.21, 0.10999999999999999], [0.604, 0.307]),
            Row("momentum", "origin", 3, [1.1200000000000003], [2.106]),
            Row("momentum", "affine", 3, [1.1200000000000003, 0.43999999999999995], [1.9300000000000002, 0.7799999999999998]),
            Row("nesterov", "origin", 3, [2.0380000000000003], [1.3654799999999998]),
            Row("nesterov", "affine", 3, [2.0380000000000003, 0.836], [0.7301199999999994, 0.2378399999999996]),
            Row("adagrad", "origin", 3, [0.10999999999990197], [0.11703849348472306]),
            Row("adagrad", "affine", 3, [0.10999999999990197, 0.009999999999772727], [0.11702439561351932, 0.017022359538732455]),
            Row("rmsprop", "origin", 3, [0.19999999901960783], [0.26742814688728783]),
            Row("rmsprop", "affine", 3, [0.19999999901960783, 0.09999999772727275], [0.2657933003562951, 0.1655499822588392]),
            Row("adam", "origin", 3, [0.10099999999901961], [0.10199997603142746]),
            Row("adam", "affine", 3, [0.10099999999901961, 0.0009999999977272727], [0.10199996568911394, 0.001999964194354964]),
            Row("line_search", "origin", 3, [1.3750000000000002], [1.1624999999999999]),
            Row("line_search", "affine", 3, [1.3750000000000002, 0.5499999999999999], [0.8875, 0.32499999999999984]),
        ];
    }

    [TestCaseSource(nameof(Rows))]
    public void FirstTwoUpdates_MatchHandComputedValues(string variant, string model, int batch, double[] first, double[] second)
    {
        var handle = CoreRuns.Model(model);
        var options = CoreRuns.Options(handle.ParameterNames.Count, batch, maxEpochs: 2, record: RecordMode.Step);

        var curve = CoreRuns.Train(variant, handle, CoreRuns.ThreeBeans(), options).Curve;

        Assert.Multiple(() =>
        {
            Assert.That(curve.ParametersAt(0).ToArray(), Is.EqualTo(options.InitialTheta));
            Assert.That(curve.ParametersAt(1).ToArray(), Is.EqualTo(first));
            Assert.That(curve.ParametersAt(2).ToArray(), Is.EqualTo(second));
            Assert.That(curve.Step[1..3], Is.EqualTo(new long[] { 1, 2 }));
        });
    }

    [Test]
    public void FixedStep_ZeroGradientComponent_DoesNotMove()
    {
        // Rosenblatt's rule takes sign(0) = 0. x = [1, 2, 3], y = [2, 1, 3], (w, b) = (1, 0): residuals [-1, 1, 0] sum to exactly 0, so the
        // first step moves w by -0.25·sign(2/3) and leaves b; then r = [-1.25, 0.5, -0.75] moves both up by 0.25.
        var data = CoreRuns.OneD([1.0, 2.0, 3.0], [2.0, 1.0, 3.0]);
        var options = CoreRuns.Options(2, 3, maxEpochs: 2, init: [1.0, 0.0]);

        var curve = CoreRuns.Train("fixed_step", CoreRuns.Model("affine"), data, options, new Dictionary<string, double> { ["step"] = 0.25 }).Curve;

        Assert.Multiple(() =>
        {
            Assert.That(curve.ParametersAt(1).ToArray(), Is.EqualTo(new[] { 0.75, 0.0 }));
            Assert.That(curve.ParametersAt(2).ToArray(), Is.EqualTo(new[] { 1.0, 0.25 }));
        });
    }

    [Test]
    public void Catalog_EveryGradientVariant_HasHandComputedRowsForOriginAndAffine()
    {
        var covered = Rows().Select(r => $"{r.Arguments[0]}/{r.Arguments[1]}").ToArray();
        var expected = VariantCatalog.All
            .Where(v => v.Name != "closed_form")
            .SelectMany(v => new[] { $"{v.Name}/origin", $"{v.Name}/affine" })
            .ToArray();

        Assert.That(covered, Is.EquivalentTo(expected));
    }

    private static TestCaseData Row(string variant, string model, int batch, double[] first, double[] second) =>
        new TestCaseData(variant, model, batch, first, second).SetArgDisplayNames(variant, model);
}
