using DescentLab.Experiments.Results;

namespace DescentLab.Output.Plots;

/// <summary>A kind of plot: decides which images a run set needs and how each is drawn.</summary>
/// <remarks>Add one with a file <c>&lt;Name&gt;Plot.cs</c> and a line in <see cref="DefaultPlots"/>. Plots read only the
/// <see cref="RunSet"/>, so an old run folder re-renders from its files.</remarks>
public interface IPlot
{
    /// <summary>Short name, also the file-name prefix, e.g. <c>convergence</c>.</summary>
    string Name { get; }

    /// <summary>The images <paramref name="set"/> needs, in report order; none when the data don't call for this plot.</summary>
    IReadOnlyList<PlotRequest> Plan(RunSet set);

    /// <summary>Drawn when the config's <c>report.sections</c> does not choose; false for the course's figures, which
    /// cost more and teach one problem at a time, so a report shows them only when it names them.</summary>
    bool OnByDefault => true;
}
