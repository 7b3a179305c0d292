using BenchmarkDotNet.Attributes;
using DescentLab.Core.Datasets;
using DescentLab.Core.Models;
using DescentLab.Core.Training;
using DescentLab.Core.Variants;

namespace DescentLab.Benchmarks;

/// <summary>Full-batch Adam epochs on affine at n = 10^6: what one epoch costs and that it allocates nothing.</summary>
/// <remarks><see cref="AdamEpoch"/> does exactly the trainer's per-epoch work (one full-data loss and gradient, which serves
/// both the curve row and the update, and the rule) on state set up once, so MemoryDiagnoser sees only
/// the epoch. The two <c>Trainer.Run</c> benchmarks differ by ten epochs: their allocation difference is the ten extra curve
/// rows, which the trainer reserves up front, never inside the loop.</remarks>
[MemoryDiagnoser]
[Config(typeof(QuickConfig))]
public class TrainerEpochBenchmarks
{
    private const int N = 1_000_000;
    private Dataset _data = null!;
    private Samples _samples;
    private readonly double[] _theta = [0.1, 0.0];
    private readonly double[] _gradient = new double[2];
    private AdamRule _rule;

    /// <summary>Builds the data and the rule's state once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _samples = BenchData.Beans(N);
        _data = Dataset.Create("bench", null, null, null, _samples.X1, null, _samples.Y);
        _rule = new AdamRule(1e-3, 0.9, 0.999, 1e-8);
        _rule.Init(2);
    }

    /// <summary>One epoch of the trainer's loop for full-batch Adam: the recorder's full-data loss and gradient (the curve
    /// row of θ_k), which also drive update k+1.</summary>
    [Benchmark(Baseline = true)]
    public double AdamEpoch()
    {
        double loss = default(Affine).LossGradient(_samples, 0, N, _theta, _gradient);
        var probe = new BatchProbe<Affine>(default, _samples, 0, N);
        _rule.Apply(_theta, _gradient, loss, ref probe);
        return loss;
    }

    /// <summary>Trainer.Run for one epoch (setup, initial row, one epoch, result).</summary>
    [Benchmark]
    public TrainingResult TrainerOneEpoch() => Train(1);

    /// <summary>Trainer.Run for eleven epochs: ten more than <see cref="TrainerOneEpoch"/>.</summary>
    [Benchmark]
    public TrainingResult TrainerElevenEpochs() => Train(11);

    private TrainingResult Train(int epochs)
    {
        var options = new TrainingOptions([0.1, 0.0], N, false, 0, epochs, 1e-6, false, 1e6, RecordMode.Epoch, double.NaN);
        return Trainer.Run(default(Affine), _data, new AdamRule(1e-3, 0.9, 0.999, 1e-8), options, CancellationToken.None);
    }
}
