using DescentLab.Experiments.Results;
using DescentLab.Output.Files;

namespace DescentLab.Output.Exporters;

/// <summary>Writes one part of a run folder from the run set alone (BenchmarkDotNet's exporter seam).</summary>
/// <remarks>Add an exporter with one file and one line in <see cref="DefaultExporters"/>. Files go through
/// <see cref="RunFolder"/>, which writes atomically.</remarks>
public interface IExporter
{
    /// <summary>Short name for logs.</summary>
    string Name { get; }

    /// <summary>Writes this exporter's files; returns their paths relative to the folder.</summary>
    IReadOnlyList<string> Export(RunSet set, RunFolder folder);
}
