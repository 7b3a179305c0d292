using DescentLab.Core.Datasets;
using DescentLab.Core.Models;
using DescentLab.Core.Training;
using DescentLab.Experiments.Analysis;
using DescentLab.Experiments.Results;

namespace DescentLab.Output.Plots;

/// <summary>What the per-problem plots share: the runs, the first seed's dataset and its reference optimum.</summary>
internal sealed class ProblemContext
{
    private ProblemContext(RunSet set, ProblemRuns runs, VariantStyles styles, SettingPalette palette)
    {
        Runs = runs;
        Styles = styles;
        Palette = palette;
        DatasetKey = runs.Settings[0].Rows[0].DatasetKey;
        Dataset = set.Datasets.GetValueOrDefault(DatasetKey);
        Optimum = set.Manifest.Problems.FirstOrDefault(p => p.DatasetKey == DatasetKey && p.Model == Problem.Model && p.Loss == Problem.Loss);
        Model = Dataset is null ? null : CreateModel(Problem, Dataset.Dimension);
    }

    /// <summary>The problem.</summary>
    public ProblemKey Problem => Runs.Problem;

    /// <summary>Its runs by variant setting.</summary>
    public ProblemRuns Runs { get; }

    /// <summary>Each variant's family and colour.</summary>
    public VariantStyles Styles { get; }

    /// <summary>Each setting's colour and marker, the same in every figure of the run set.</summary>
    public SettingPalette Palette { get; }

    /// <summary>Key of the first seed's dataset (the dataset of the first run in plan order).</summary>
    public string DatasetKey { get; }

    /// <summary>That dataset, or null if the run set lacks it.</summary>
    public Dataset? Dataset { get; }

    /// <summary>Its reference optimum, or null if the manifest lacks it.</summary>
    public ProblemInfo? Optimum { get; }

    /// <summary>A handle on the model for evaluating losses and predictions, or null for a model this build does not know.</summary>
    public IModelHandle? Model { get; }

    /// <summary>Whether the loss is a surface over two parameters of 1-D data, drawable as contours with the paths on it
    /// (the paths and error-surface plots).</summary>
    public bool HasTwoParameterSurface => Dataset is { Dimension: 1 } && Model is { ParameterNames.Count: 2 };

    /// <summary>Whether the model's line is pinned to the origin (one parameter, and 0 predicted at x = 0): its fit
    /// figures must show (0, 0), the point that explains why it cannot fit.</summary>
    public bool PinnedToOrigin => Dataset is { Dimension: 1 } && Model is { ParameterNames.Count: 1 } model && model.Predict([1.0], 0, 0) == 0;

    /// <summary>The frame of a 1-D fit figure (x against y): the beans padded by 5 % in x and 10 % in y, widened to hold
    /// (0, 0) when the model is <see cref="PinnedToOrigin"/>.</summary>
    public (double Left, double Right, double Bottom, double Top) FitFrame()
    {
        var data = Dataset ?? throw new InvalidOperationException("The run set has no dataset " + DatasetKey + ".");
        double left = data.X1.Min();
        double right = data.X1.Max();
        double bottom = data.Y.Min();
        double top = data.Y.Max();
        if (PinnedToOrigin)
        {
            (left, right, bottom, top) = (Math.Min(left, 0), Math.Max(right, 0), Math.Min(bottom, 0), Math.Max(top, 0));
        }

        double padX = Math.Max(right - left, 1e-3) * 0.05;
        double padY = Math.Max(top - bottom, 1e-3) * 0.1;
        return (left - padX, right + padX, bottom - padY, top + padY);
    }

    /// <summary>One context per problem of <paramref name="set"/>, in plan order.</summary>
    public static IReadOnlyList<ProblemContext> All(RunSet set) => OfSets.Of(set);

    private static readonly PerRunSet<IReadOnlyList<ProblemContext>> OfSets = new(set =>
    {
        var styles = VariantStyles.From(set);
        var palette = SettingPalette.From(set);
        return RunSetAnalyses.Problems(set).Select(r => new ProblemContext(set, r, styles, palette)).ToList();
    });

    /// <summary>The run of <paramref name="setting"/> on the first seed's dataset, if there is one.</summary>
    public SummaryRow? FirstSeedRun(SettingRuns setting) => setting.Rows.FirstOrDefault(r => r.DatasetKey == DatasetKey);

    /// <summary>The setting's label with the outcome of its first-seed run, e.g. <c>sgd lr=10 (diverged)</c>.</summary>
    public string FirstSeedLabel(SettingRuns setting) =>
        setting.Setting.Label + (FirstSeedRun(setting) is { } run ? Outcome([run]) : " (no run)");

    /// <summary>The setting's label with its outcome when not every seed ended normally, e.g. <c>sgd lr=10 (diverged)</c>.</summary>
    public static string Label(SettingRuns setting) => setting.Setting.Label + Outcome(setting.Rows);

    /// <summary>" (diverged)", " (1/2 diverged)", " (failed)" or empty.</summary>
    public static string Outcome(IReadOnlyList<SummaryRow> rows)
    {
        int diverged = rows.Count(r => r.Status == RunStatus.Diverged);
        int failed = rows.Count(r => r.Status == RunStatus.Failed);
        return (diverged, failed) switch
        {
            (0, 0) => string.Empty,
            _ when diverged == rows.Count => " (diverged)",
            _ when failed == rows.Count => " (failed)",
            ( > 0, 0) => $" ({diverged}/{rows.Count} diverged)",
            (0, > 0) => $" ({failed}/{rows.Count} failed)",
            _ => $" ({diverged}/{rows.Count} diverged, {failed} failed)",
        };
    }

    /// <summary>The parameter vector named in <paramref name="parameters"/>, in the model's order; null if one is missing.</summary>
    public double[]? Theta(IReadOnlyList<KeyValuePair<string, double>> parameters)
    {
        if (Model is null)
        {
            return null;
        }

        var byName = new Dictionary<string, double>(parameters, StringComparer.Ordinal);
        var theta = new double[Model.ParameterNames.Count];
        for (int j = 0; j < theta.Length; j++)
        {
            if (!byName.TryGetValue(Model.ParameterNames[j], out theta[j]))
            {
                return null;
            }
        }

        return theta;
    }

    private static IModelHandle? CreateModel(ProblemKey problem, int dimension)
    {
        LossKind? loss = problem.Loss switch
        {
            "mse" => LossKind.Mse,
            "cross_entropy" => LossKind.CrossEntropy,
            _ => null,
        };
        return loss is null ? null : ModelCatalog.FromKey(problem.Model, dimension, loss.Value);
    }
}
