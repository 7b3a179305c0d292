using BenchmarkDotNet.Running;
using DescentLab.Benchmarks;

// `dotnet run -c Release --project tests/DescentLab.Benchmarks -- --filter '*'` runs everything (docs/benchmarks.md).
BenchmarkSwitcher.FromAssembly(typeof(LossGradientBenchmarks).Assembly).Run(args);
