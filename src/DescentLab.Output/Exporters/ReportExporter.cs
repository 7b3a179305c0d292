using DescentLab.Experiments.Results;
using DescentLab.Output.Files;
using DescentLab.Output.Report;

namespace DescentLab.Output.Exporters;

/// <summary>plots/*.png, report.md and report.html, rendered from the run set alone, with at most the run set's
/// configured parallelism (<c>--parallel</c>, kept in the manifest) images at once.</summary>
public sealed class ReportExporter : IExporter
{
    /// <inheritdoc/>
    public string Name => "report";

    /// <inheritdoc/>
    public IReadOnlyList<string> Export(RunSet set, RunFolder folder) =>
        ReportRenderer.Render(set, folder.FullPath, set.Manifest.Parallel).Written;
}
