using DescentLab.Experiments.Results;
using DescentLab.Output.Files;

namespace DescentLab.Output.Exporters;

/// <summary>Writes one part of a run folder from the run set alone (BenchmarkDotNet's exporter seam).</summary>
/// <remarks>Add an exporter with one file and one line in <see cref="DefaultExporters"/>; the pipeline takes the list
/// registered in the service collection. Files go through <see cref="RunFolder"/>, which writes atomically.</remarks>
public interface IExporter
{
    /// <summary>Short name for logs.</summary>
    string Name { get; }

    /// <summary>Writes this exporter's files; returns their paths relative to the folder.</summary>
    IReadOnlyList<string> Export(RunSet set, RunFolder folder);

    /// <summary>True for the exporter whose file says the folder is complete (the manifest): it runs after every other
    /// exporter, and not at all when one of them, or recording the set in history, failed.</summary>
    bool MarksComplete => false;
}
