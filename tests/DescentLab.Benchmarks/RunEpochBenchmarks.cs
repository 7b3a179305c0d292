using BenchmarkDotNet.Attributes;
using DescentLab.Core.Datasets;
using DescentLab.Core.Models;
using DescentLab.Core.Training;
using DescentLab.Core.Variants;

namespace DescentLab.Benchmarks;

/// <summary>A full-batch epoch inside <c>Trainer.Run</c> measured in kernel passes: one origin loss + gradient pass over
/// all samples is the baseline, and a 20-epoch batch run is reported per epoch (OperationsPerInvoke = 20), so its ratio is
/// kernel passes per epoch (target ≤ 1.3). The ideal is 21/20 = 1.05: the initial curve row costs one pass, and each
/// epoch one more, since the recorder's loss and gradient at θ_k drive update k+1.</summary>
[MemoryDiagnoser]
[Config(typeof(QuickConfig))]
public class RunEpochBenchmarks
{
    private const int Epochs = 20;
    private Dataset _data = null!;
    private readonly double[] _theta = [0.7];
    private readonly double[] _gradient = new double[1];
    private TrainingOptions _options = null!;

    /// <summary>Samples per pass.</summary>
    [Params(1_000_000, 10_000_000)]
    public int N { get; set; }

    /// <summary>Builds the data once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var samples = BenchData.Beans(N);
        _data = Dataset.Create("bench", null, null, null, samples.X1, null, samples.Y);
        _options = new TrainingOptions([0.1], N, false, 0, Epochs, 1e-6, false, 1e6, RecordMode.Epoch, double.NaN);
    }

    /// <summary>One kernel pass: origin's full-data loss and gradient.</summary>
    [Benchmark(Baseline = true)]
    public double KernelPass() => default(Origin).LossGradient(_data.Samples, 0, N, _theta, _gradient);

    /// <summary>Trainer.Run of full-batch gradient descent for 20 epochs, per epoch.</summary>
    [Benchmark(OperationsPerInvoke = Epochs)]
    public TrainingResult TrainerEpoch() => Trainer.Run(default(Origin), _data, new GradientStep(0.1), _options, CancellationToken.None);
}
