using System.Globalization;
using DescentLab.Experiments.Analysis;
using DescentLab.Experiments.Results;
using DescentLab.Output.Files;

namespace DescentLab.Output.Plots;

/// <summary>The course's animation for 2-D beans: every setting's probability map and learned boundary redrawn as
/// training goes, an animated GIF chosen and encoded by the rules of <see cref="FitAnimationPlot"/> (at most
/// <see cref="FitAnimationPlot.MaxFrames"/> frames at the epochs where the parameters move, at most
/// <see cref="FitAnimationPlot.MaxBytes"/>, the same bytes on every render).</summary>
/// <remarks>It is the <c>animation</c> plot kind too: a report that names <c>animation</c> animates 1-D fits and 2-D maps alike.</remarks>
public sealed class MapAnimationPlot : IPlot
{
    /// <summary>Frame width in pixels: wider than the 1-D animation's, as each panel carries a colour bar.</summary>
    public const int FrameWidth = 800;

    /// <summary>Frame height in pixels.</summary>
    public const int FrameHeight = 440;

    /// <inheritdoc/>
    public string Name => "animation";

    /// <inheritdoc/>
    public bool OnByDefault => false;

    /// <inheritdoc/>
    public IReadOnlyList<PlotRequest> Plan(RunSet set) =>
        ProblemContext.All(set)
            .Where(c => c.Dataset is { Dimension: 2 } && c.Model is not null)
            .Select(c => Request(set, c))
            .ToList();

    private PlotRequest Request(RunSet set, ProblemContext context)
    {
        var settings = context.Runs.Settings.Take(ProbabilityMapPlot.MaxPanels).ToList();
        int left = context.Runs.Settings.Count - settings.Count;
        var file = new PlotFile(
            "plots/" + $"{Name}-{context.Problem.Slug}.gif",
            $"The probability map during training (animation): {context.Problem.Label}",
            $"Animated GIF, one panel per setting ({string.Join(", ", settings.Select(context.FirstSeedLabel))}"
                + (left > 0 ? $"; {left} more settings not shown" : string.Empty)
                + $"): the probability map and learned boundary of the probability figure redrawn after each shown epoch of the first seed on {context.DatasetKey}, "
                + $"at most {FitAnimationPlot.MaxFrames} frames chosen where the parameters move most; each title counts the epochs.",
            context.Problem);
        var frames = new Lazy<FitAnimationPlot.Frames>(() => FitAnimationPlot.Frames.Of(set, context));
        return new PlotRequest(file, () => Draw(context, settings, frames.Value, frames.Value.Epochs[^1]))
        {
            Write = path => AtomicFile.WriteAllBytes(path, Encode(context, settings, frames.Value)),
        };
    }

    /// <summary>The GIF's bytes.</summary>
    internal static byte[] Encode(ProblemContext context, IReadOnlyList<SettingRuns> settings, FitAnimationPlot.Frames frames) =>
        FitAnimationPlot.Encode(frames.Epochs, epoch => Draw(context, settings, frames, epoch), FrameWidth, FrameHeight);

    private static PlotFigure Draw(ProblemContext context, IReadOnlyList<SettingRuns> settings, FitAnimationPlot.Frames frames, int epoch) =>
        ProbabilityMapPlot.Draw(
            context,
            settings,
            s => frames.ThetaAt(s, epoch),
            string.Create(CultureInfo.InvariantCulture, $"{(frames.BySteps ? "step" : "epoch")} {epoch} of {frames.Epochs[^1]}"));
}
