using BenchmarkDotNet.Attributes;
using DescentLab.Core.Datasets;
using DescentLab.Core.Models;
using DescentLab.Core.Training;
using DescentLab.Core.Variants;
using DescentLab.Experiments.Plugins;

namespace DescentLab.Benchmarks;

/// <summary>The built-in adam against a verbatim copy loaded as a .NET plug-in (tests/DescentLab.TestPlugins): five
/// epochs of minibatch 10 on affine at n = 10^5, so the rule runs 50,000 times per invocation.</summary>
/// <remarks>Both go through the model handle and the generic trainer; the plug-in's rule is a struct from another
/// load context, which the JIT specialises the same way.</remarks>
[MemoryDiagnoser]
[Config(typeof(QuickConfig))]
public class PluginAdamBenchmarks
{
    private const int N = 100_000;
    private Dataset _data = null!;
    private IModelHandle _model = null!;
    private IVariant _builtIn = null!;
    private IVariant _plugin = null!;
    private HyperParameters _builtInHyper = null!;
    private HyperParameters _pluginHyper = null!;
    private TrainingOptions _options = null!;

    /// <summary>Loads the plug-in and builds the data once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var samples = BenchData.Beans(N);
        _data = Dataset.Create("bench", null, null, null, samples.X1, null, samples.Y);
        _model = ModelCatalog.Find("affine")!.Create(1, LossKind.Mse);
        _builtIn = VariantCatalog.Find("adam")!;
        _plugin = PluginLoader.Load(TestPluginPath()).Single(v => v.Name == "adam_copy");
        var lr = new Dictionary<string, double> { ["lr"] = 1e-3 };
        _builtInHyper = HyperParameters.Resolve(_builtIn, lr);
        _pluginHyper = HyperParameters.Resolve(_plugin, lr);
        _options = new TrainingOptions([0.1, 0.0], 10, false, 0, 5, 1e-12, false, 1e6, RecordMode.Epoch, double.NaN);
    }

    /// <summary>The built-in.</summary>
    [Benchmark(Baseline = true)]
    public double BuiltInAdam() => _model.Train(_builtIn, _data, _builtInHyper, _options, CancellationToken.None).FinalLoss;

    /// <summary>The plug-in copy.</summary>
    [Benchmark]
    public double PluginAdam() => _model.Train(_plugin, _data, _pluginHyper, _options, CancellationToken.None).FinalLoss;

    /// <summary>The test plug-in's build output, found from the repository root above this benchmark's folder.</summary>
    private static string TestPluginPath()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "DescentLab.sln")))
        {
            folder = folder.Parent;
        }

        string root = folder?.FullName ?? throw new InvalidOperationException("DescentLab.sln not found above " + AppContext.BaseDirectory);
        return Path.Combine(root, "tests", "DescentLab.TestPlugins", "bin", "Release", "net10.0", "DescentLab.TestPlugins.dll");
    }
}
