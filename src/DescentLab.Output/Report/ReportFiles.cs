using DescentLab.Output.Plots;

namespace DescentLab.Output.Report;

/// <summary>What <see cref="ReportRenderer"/> produced.</summary>
/// <param name="Plots">Every planned image in report order, with its error if it could not be rendered.</param>
/// <param name="Written">Files written, relative to the run folder with forward slashes: the images, report.md, report.html.</param>
public sealed record ReportFiles(IReadOnlyList<PlotFile> Plots, IReadOnlyList<string> Written);
