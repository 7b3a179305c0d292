using DescentLab.Core.Datasets;
using DescentLab.Core.Models;
using DescentLab.Tests.Support;
using NUnit.Framework;

namespace DescentLab.Tests.Core.Models;

/// <summary>IModel.SgdEpoch keeps θ in registers but must be bit-identical to per-sample LossGradient steps.</summary>
[Category("Kernels")]
public sealed class SgdEpochTests
{
    public static IEnumerable<ModelCase> Cases() => ModelCase.All();

    [TestCaseSource(nameof(Cases))]
    public void SgdEpoch_EqualsPerSampleLossGradientSteps_BitForBit(ModelCase model)
    {
        const double lr = 0.05;
        foreach (var start in model.Thetas)
        {
            var fast = (double[])start.Clone();
            var slow = (double[])start.Clone();
            var g = new double[slow.Length];
            for (int epoch = 0; epoch < 3; epoch++)
            {
                model.Model.SgdEpoch(model.Samples, fast, lr);
                for (int i = 0; i < model.Samples.Count; i++)
                {
                    model.Model.LossGradient(model.Samples, i, 1, slow, g);
                    for (int j = 0; j < slow.Length; j++)
                    {
                        slow[j] -= lr * g[j];
                    }
                }
            }

            Assert.That(Bits.Of(fast), Is.EqualTo(Bits.Of(slow)), model.Key);
        }
    }
}
