using System.Globalization;
using DescentLab.Experiments.Analysis;
using DescentLab.Experiments.Results;
using DescentLab.Output.Files;
using ScottPlot;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Gif;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing.Processors.Quantization;

namespace DescentLab.Output.Plots;

/// <summary>The course's animation: for 1-D data, every setting's fit redrawn over the beans as training goes, an
/// animated GIF of at most <see cref="MaxFrames"/> frames at the epochs where the fits move.</summary>
/// <remarks>ScottPlot draws each frame; ImageSharp encodes the GIF (a palette of at most 32 colours per frame from its
/// octree quantizer, no dithering: flat plot colours compress well, and the bytes are the same on every render).</remarks>
public sealed class FitAnimationPlot : IPlot
{
    /// <summary>Most frames a GIF holds.</summary>
    public const int MaxFrames = 60;

    /// <summary>Largest GIF in bytes; a busier animation drops every other frame until it fits.</summary>
    public const int MaxBytes = 1 << 20;

    /// <summary>Frame width in pixels.</summary>
    public const int FrameWidth = 640;

    /// <summary>Frame height in pixels.</summary>
    public const int FrameHeight = 400;

    /// <summary>Time a frame is shown, in hundredths of a second; the last one stays longer.</summary>
    private const int FrameDelay = 12;
    private const int LastFrameDelay = 200;
    private const int Points = 200;

    /// <inheritdoc/>
    public string Name => "animation";

    /// <inheritdoc/>
    public bool OnByDefault => false;

    /// <inheritdoc/>
    public IReadOnlyList<PlotRequest> Plan(RunSet set) =>
        ProblemContext.All(set)
            .Where(c => c.Dataset is { Dimension: 1 } && c.Model is not null)
            .Select(c => Request(set, c))
            .ToList();

    private PlotRequest Request(RunSet set, ProblemContext context)
    {
        var file = new PlotFile(
            "plots/" + $"{Name}-{context.Problem.Slug}.gif",
            $"The fit during training (animation): {context.Problem.Label}",
            $"Animated GIF: the beans of {context.DatasetKey} (x against y) with every setting's fitted model redrawn after each "
                + $"shown {(set.Manifest.ResolvedConfig.Record == "step" ? "update" : "epoch")} of the first seed, at most {MaxFrames} frames chosen where the fits move most; the title counts the {(set.Manifest.ResolvedConfig.Record == "step" ? "updates" : "epochs")}. "
                + $"Settings: {string.Join(", ", context.Runs.Settings.Select(context.FirstSeedLabel))}.",
            context.Problem);
        var frames = new Lazy<Frames>(() => Frames.Of(set, context));
        return new PlotRequest(file, () => Draw(context, frames.Value, frames.Value.Epochs[^1]))
        {
            Write = path => AtomicFile.WriteAllBytes(path, Encode(context, frames.Value)),
        };
    }

    /// <summary>The GIF's bytes: one frame per chosen epoch, or per every other one (keeping the last) until it fits
    /// in <see cref="MaxBytes"/>.</summary>
    internal static byte[] Encode(ProblemContext context, Frames frames) =>
        Encode(frames.Epochs, epoch => Draw(context, frames, epoch), FrameWidth, FrameHeight);

    /// <summary>An animated GIF of <paramref name="draw"/> at each of <paramref name="epochs"/>, or at every other one
    /// (keeping the last) until it fits in <see cref="MaxBytes"/>; every course animation is encoded here.</summary>
    internal static byte[] Encode(IReadOnlyList<int> epochs, Func<int, PlotFigure> draw, int width, int height)
    {
        var chosen = epochs;
        byte[] bytes = EncodeOnce(chosen, draw, width, height);
        while (bytes.Length > MaxBytes && chosen.Count > 2)
        {
            chosen = [.. chosen.Where((_, i) => i % 2 == 0 || i == chosen.Count - 1)];
            bytes = EncodeOnce(chosen, draw, width, height);
        }

        return bytes;
    }

    private static byte[] EncodeOnce(IReadOnlyList<int> chosen, Func<int, PlotFigure> draw, int width, int height)
    {
        using var gif = new Image<Rgba32>(width, height);
        for (int i = 0; i < chosen.Count; i++)
        {
            using var figure = draw(chosen[i]);
            using var frame = SixLabors.ImageSharp.Image.Load<Rgba32>(figure.RenderPng(width, height));
            var added = gif.Frames.AddFrame(frame.Frames.RootFrame);
            added.Metadata.GetGifMetadata().FrameDelay = i == chosen.Count - 1 ? LastFrameDelay : FrameDelay;
        }

        gif.Frames.RemoveFrame(0);
        gif.Metadata.GetGifMetadata().RepeatCount = 0;
        var encoder = new GifEncoder
        {
            ColorTableMode = GifColorTableMode.Local,
            Quantizer = new OctreeQuantizer(new QuantizerOptions { Dither = null, MaxColors = 32 }),
        };
        using var stream = new MemoryStream();
        gif.SaveAsGif(stream, encoder);
        return stream.ToArray();
    }

    /// <summary>The beans and every setting's fit after <paramref name="epoch"/>, on axes fixed for the whole animation.</summary>
    private static PlotFigure Draw(ProblemContext context, Frames frames, int epoch)
    {
        var data = context.Dataset!;
        var figure = PlotFigure.Create(1);
        var plot = figure.Panels[0];
        // The same bounded, evenly spaced sample of the beans as the fit plot: frames do not grow with n.
        var sample = EvenSample.Indices(data.Count, FittedLinesPlot.MaxBeans);
        var beans = plot.Add.ScatterPoints(sample.Select(i => data.X1[i]).ToArray(), sample.Select(i => data.Y[i]).ToArray(), Colors.Gray.WithAlpha(0.7));
        beans.MarkerSize = 5;
        var colours = context.Runs.Settings.ToDictionary(s => s, s => context.Palette.ColourOf(s.Setting));
        var xs = Enumerable.Range(0, Points).Select(i => frames.Left + (frames.Right - frames.Left) * i / (Points - 1)).ToArray();
        foreach (var setting in context.Runs.Settings)
        {
            string label = context.FirstSeedLabel(setting);
            if (frames.ThetaAt(setting, epoch) is not { } theta)
            {
                PlotFigure.LegendOnly(plot, label, colours[setting]);
                continue;
            }

            var line = plot.Add.ScatterLine(xs, xs.Select(x => context.Model!.Predict(theta, x, 0)).ToArray(), colours[setting]);
            line.LineWidth = 2.5f;
            line.LegendText = label;
        }

        string clock = frames.BySteps ? "Step" : "Epoch";
        plot.Title(string.Create(CultureInfo.InvariantCulture, $"{clock} {epoch} of {frames.Epochs[^1]}: {context.Problem.Label}"));
        plot.XLabel("x (bean size)");
        plot.YLabel("y (toxicity)");
        plot.Axes.SetLimits(frames.Left, frames.Right, frames.Bottom, frames.Top);
        PlotFigure.LegendBelow(plot);
        return figure;
    }

    /// <summary>Each setting's parameters at the end of every epoch, and the epochs to show.</summary>
    internal sealed class Frames
    {
        private readonly Dictionary<SettingRuns, (RunPath Path, int[] RowAt)> _runs;

        private Frames(Dictionary<SettingRuns, (RunPath, int[])> runs, IReadOnlyList<int> epochs, bool bySteps, (double, double, double, double) area)
        {
            _runs = runs;
            Epochs = epochs;
            BySteps = bySteps;
            (Left, Right, Bottom, Top) = area;
        }

        /// <summary>The epochs (or steps, see <see cref="BySteps"/>) shown, ascending, first 0 and last the longest run's last one.</summary>
        public IReadOnlyList<int> Epochs { get; }

        /// <summary>Whether the frames count updates rather than epochs: the curves record every step (<c>record: step</c>),
        /// so the animation can show the fit moving sample by sample.</summary>
        public bool BySteps { get; }

        /// <summary>Axis limits shared by every frame.</summary>
        public double Left { get; }

        /// <summary>Axis limits shared by every frame.</summary>
        public double Right { get; }

        /// <summary>Axis limits shared by every frame.</summary>
        public double Bottom { get; }

        /// <summary>Axis limits shared by every frame.</summary>
        public double Top { get; }

        /// <summary>The first-seed runs of <paramref name="context"/> and the frames chosen for them.</summary>
        public static Frames Of(RunSet set, ProblemContext context)
        {
            bool bySteps = set.Manifest.ResolvedConfig.Record == "step";
            var runs = new Dictionary<SettingRuns, (RunPath, int[])>();
            int lastEpoch = 0;
            foreach (var setting in context.Runs.Settings)
            {
                if (RunPath.Of(set, context, setting) is { Rows: > 0 } path)
                {
                    lastEpoch = Math.Max(lastEpoch, Clock(path, path.Rows - 1, bySteps));
                    runs.Add(setting, (path, null!));
                }
            }

            foreach (var setting in runs.Keys.ToList())
            {
                var path = runs[setting].Item1;
                runs[setting] = (path, RowAt(path, lastEpoch, bySteps));
            }

            var progress = Progress(runs.Values, lastEpoch);
            return new Frames(runs, AnimationFrames.Choose(progress, MaxFrames), bySteps, context.FitFrame());
        }

        /// <summary>The parameters of <paramref name="setting"/>'s run after <paramref name="epoch"/> (its last finite state
        /// once it stopped or diverged), or null when it has no curve.</summary>
        public double[]? ThetaAt(SettingRuns setting, int epoch) =>
            _runs.TryGetValue(setting, out var run) ? run.Path.Curve.ParametersAt(run.RowAt[epoch]).ToArray() : null;

        /// <summary>The epoch of <paramref name="row"/>, or its step when the frames count steps.</summary>
        private static int Clock(RunPath path, int row, bool bySteps) => bySteps ? (int)Math.Min(path.Curve.Step[row], int.MaxValue) : path.Curve.Epoch[row];

        /// <summary>For each epoch (or step), the last finite row recorded by its end (step records hold many rows per epoch).</summary>
        private static int[] RowAt(RunPath path, int lastEpoch, bool bySteps)
        {
            var rowAt = new int[lastEpoch + 1];
            int row = 0;
            for (int epoch = 0; epoch <= lastEpoch; epoch++)
            {
                while (row + 1 < path.Rows && Clock(path, row + 1, bySteps) <= epoch)
                {
                    row++;
                }

                rowAt[epoch] = row;
            }

            return rowAt;
        }

        /// <summary>Per epoch, the mean over runs of the share of its whole parameter path walked by then.</summary>
        private static double[] Progress(IEnumerable<(RunPath Path, int[] RowAt)> runs, int lastEpoch)
        {
            var progress = new double[lastEpoch + 1];
            int count = 0;
            foreach (var (path, rowAt) in runs)
            {
                var walked = new double[lastEpoch + 1];
                for (int epoch = 1; epoch <= lastEpoch; epoch++)
                {
                    var before = path.Curve.ParametersAt(rowAt[epoch - 1]);
                    var after = path.Curve.ParametersAt(rowAt[epoch]);
                    double step = 0;
                    for (int j = 0; j < before.Length; j++)
                    {
                        step += (after[j] - before[j]) * (after[j] - before[j]);
                    }

                    walked[epoch] = walked[epoch - 1] + Math.Sqrt(step);
                }

                double total = walked[lastEpoch];
                for (int epoch = 0; epoch <= lastEpoch; epoch++)
                {
                    progress[epoch] += total > 0 ? walked[epoch] / total : 1;
                }

                count++;
            }

            return count == 0 ? progress : [.. progress.Select(p => p / count)];
        }
    }
}
