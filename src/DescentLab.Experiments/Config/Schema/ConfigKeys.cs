using DescentLab.Core.Models;
using DescentLab.Experiments.External;
using DescentLab.Experiments.Plugins;

namespace DescentLab.Experiments.Config.Schema;

/// <summary>The one table of config keys and their constraints. The validator reads its ranges and key lists, the JSON
/// Schema and docs/config.md's key reference are generated from it; adding a key is one entry here plus its reader.</summary>
/// <remarks>Keys of a mapping are listed in the order the validator names them in "valid keys: …". Names, defaults and
/// ranges of models, recipes and variants' hyper-parameters come from their catalogs, not from this table.</remarks>
public static class ConfigKeys
{
    private static readonly StopConfig Stop = new();
    private static readonly RegressionConfig Regression = new(string.Empty);

    /// <summary>The path prefix of a dataset entry's keys.</summary>
    public const string Dataset = "datasets[]";

    /// <summary>The path prefix of a model's settings (any model).</summary>
    public const string ModelSettings = "models[].<model>";

    /// <summary>The path prefix of a variant's settings (any variant).</summary>
    public const string VariantSettings = "variants[].<variant>";

    /// <summary>The path prefix of a plug-in entry's keys (its mapping form).</summary>
    public const string Plugin = "plugins[]";

    /// <summary>The path prefix of an external variant's settings.</summary>
    public const string External = "variants[].external";

    /// <summary>The path prefix of one report note's keys (a note in its mapping form).</summary>
    public const string Note = "report.notes.<section>";

    /// <summary>The path prefix of one exercise's keys.</summary>
    public const string Exercise = "report.exercises[]";

    /// <summary><c>report.course.order</c>.</summary>
    public static readonly ConfigKey CourseOrder = new("report.course.order", ConfigKeyKind.Integer, "the lesson's place in the course: the index lists lessons by it, then by config name") { Min = 1, Max = 10000, Required = true, Noun = "a position, an integer" };


    /// <summary>Longest config name: a folder name may have 255 bytes, and the run folder's stamp and temporary names need room.</summary>
    public const int MaxNameLength = 100;

    /// <summary><c>name</c>.</summary>
    public static readonly ConfigKey Name = new("name", ConfigKeyKind.Text, $"letters, digits, `.`, `_`, `-` (not `.` or `..`, at most {MaxNameLength} characters); it names the output folder `reports/<name>/`") { Required = true };

    /// <summary><c>datasets[].n</c>: at most int.MaxValue, the length of an array (the MaxSamples setting may lower it).</summary>
    public static readonly ConfigKey SampleCount = new($"{Dataset}.n", ConfigKeyKind.Integer, "samples to generate (also at most the DescentLab:MaxSamples setting); not allowed with `file`") { Min = 1, Max = int.MaxValue, Required = true, DefaultText = "required with `recipe`" };

    /// <summary><c>models[].mlp.hidden</c>.</summary>
    public static readonly ConfigKey Hidden = new($"{ModelSettings}.hidden", ConfigKeyKind.Integer, "hidden sigmoid units (mlp only)") { Min = 1, Max = Mlp.MaxHidden, Default = 2, Noun = "a number of hidden units, an integer" };

    /// <summary><c>variants[].&lt;variant&gt;.batch</c> (one value of it; <c>all</c> is also accepted).</summary>
    public static readonly ConfigKey Batch = new($"{VariantSettings}.batch", ConfigKeyKind.Integer, "samples per update: an integer or `all`, or a list of them to sweep; only for variants whose batch is configurable, and at most the dataset's n") { Min = 1, Max = int.MaxValue, DefaultText = "the variant's (`descentlab variants`)", Noun = "a batch size: an integer" };

    /// <summary><c>variants[].external.timeout_seconds</c>.</summary>
    public static readonly ConfigKey ExternalTimeout = new($"{External}.timeout_seconds", ConfigKeyKind.Number, "the longest wait for each answer of the process after its first") { Min = 0, MinInclusive = false, Max = 86400, Default = ExternalCommand.DefaultTimeoutSeconds, Noun = "a number of seconds" };

    /// <summary><c>variants[].external.start_timeout_seconds</c>.</summary>
    public static readonly ConfigKey ExternalStartTimeout = new($"{External}.start_timeout_seconds", ConfigKeyKind.Number, "the longest wait from starting the process to its first answer (interpreter start-up, imports)") { Min = 0, MinInclusive = false, Max = 86400, Default = ExternalCommand.DefaultStartTimeoutSeconds, Noun = "a number of seconds" };

    /// <summary>Trials per variant when <c>tune.trials</c> is not given.</summary>
    public const int DefaultTrials = 16;

    /// <summary>The sampler's seed when <c>tune.seed</c> is not given.</summary>
    public const ulong DefaultTuneSeed = 1;

    /// <summary><c>tune.trials</c>.</summary>
    public static readonly ConfigKey Trials = new("tune.trials", ConfigKeyKind.Integer, "settings tried per variant: the tuning budget, the same for every variant") { Min = 1, Max = 10000, Default = DefaultTrials, Noun = "a number of trials, an integer" };

    /// <summary><c>stop.max_epochs</c>.</summary>
    public static readonly ConfigKey MaxEpochs = new("stop.max_epochs", ConfigKeyKind.Integer, "epochs to run at most") { Min = 0, Max = int.MaxValue, Default = Stop.MaxEpochs };

    /// <summary><c>stop.target_gap</c>.</summary>
    public static readonly ConfigKey TargetGap = new("stop.target_gap", ConfigKeyKind.Number, "the gap to the optimum's loss that counts as reaching the target (exact and best_known problems only)") { Min = 0, Default = Stop.TargetGap };

    /// <summary><c>stop.stop_at_target</c>.</summary>
    public static readonly ConfigKey StopAtTarget = new("stop.stop_at_target", ConfigKeyKind.Boolean, "stop a run when it reaches the targets that decide convergence") { Default = Stop.StopAtTarget };

    /// <summary><c>stop.diverge_factor</c>.</summary>
    public static readonly ConfigKey DivergeFactor = new("stop.diverge_factor", ConfigKeyKind.Number, "a run diverges when its loss exceeds this factor times the initial loss (or is not finite)") { Min = 1, MinInclusive = false, Default = Stop.DivergeFactor };

    /// <summary><c>stop.target_loss</c>.</summary>
    public static readonly ConfigKey TargetLoss = new("stop.target_loss", ConfigKeyKind.Number, "a loss at or below which a run has reached the target (every problem)") { Min = 0 };

    /// <summary><c>stop.target_accuracy</c>.</summary>
    public static readonly ConfigKey TargetAccuracy = new("stop.target_accuracy", ConfigKeyKind.Number, "an accuracy (predictions thresholded at 0.5) at or above which a run has reached the target (classification problems only)") { Min = 0, MinInclusive = false, Max = 1, Noun = "a fraction of samples" };

    /// <summary><c>stop.max_seconds</c>.</summary>
    public static readonly ConfigKey MaxSeconds = new("stop.max_seconds", ConfigKeyKind.Number, "per-run wall-clock limit: a run still going after it is `failed`") { Min = 0, MinInclusive = false, Max = 1e6, Noun = "a number of seconds" };

    /// <summary><c>regression.gap_rel_tol</c>.</summary>
    public static readonly ConfigKey GapRelTol = new("regression.gap_rel_tol", ConfigKeyKind.Number, "relative tolerance on final_gap") { Min = 0, Default = Regression.GapRelTol };

    /// <summary><c>regression.gap_abs_tol</c>.</summary>
    public static readonly ConfigKey GapAbsTol = new("regression.gap_abs_tol", ConfigKeyKind.Number, "absolute tolerance on final_gap") { Min = 0, Default = Regression.GapAbsTol };

    /// <summary><c>regression.epochs_tol</c>.</summary>
    public static readonly ConfigKey EpochsTol = new("regression.epochs_tol", ConfigKeyKind.Integer, "extra epochs to target that still pass") { Min = 0, Max = int.MaxValue, Default = Regression.EpochsTol };

    /// <summary>Every key, in reference order: each mapping's keys in the order the validator lists them.</summary>
    public static IReadOnlyList<ConfigKey> All { get; } =
    [
        Name,
        new("seeds", ConfigKeyKind.List, "distinct integers in [0, 2^64 - 1]; every run is repeated once per seed") { Required = true },
        new("datasets", ConfigKeyKind.List, "datasets, each generated (`recipe` and `n`) or read from a CSV `file`, with optional `models` of its own") { Required = true },
        new("models", ConfigKeyKind.List, "models to fit, each a name or a one-key mapping from the name to its settings (`{ mlp: { hidden: 3 } }`); used by datasets without their own `models`") { DefaultText = "required unless every dataset lists its own" },
        new("variants", ConfigKeyKind.List, "descent variants, each a name or a one-key mapping from the name to its settings (`sgd: { lr: [0.1, 0.01] }`)") { Required = true },
        new("plugins", ConfigKeyKind.List, ".NET plug-in assemblies (paths relative to the config) whose variants the config may use ([plugins.md](plugins.md))"),
        new("init", ConfigKeyKind.Mapping, "starting parameter values by name (`w`, `b`, `w1`, `w2`, `h1.w`, `out.b`, …; see below); names must belong to the models in use"),
        new("stop", ConfigKeyKind.Mapping, "stopping rules"),
        new("record", ConfigKeyKind.Choice, "`epoch`: one curve row per epoch; `step`: one row per update") { Choices = ["epoch", "step"] },
        new("regression", ConfigKeyKind.Mapping, "the regression check against a baseline ([gate.md](gate.md))"),
        new("report", ConfigKeyKind.Mapping, "what report.md shows ([lessons.md](lessons.md), [report.md](report.md))"),
        new("tune", ConfigKeyKind.Mapping, "tune every variant under the same budget, then rank each one's best trial on held-out seeds ([tuning.md](tuning.md))"),

        new($"{Plugin}.path", ConfigKeyKind.Text, "the plug-in .dll, relative to the config (a plain string entry is this path, run in process)") { Required = true },
        new($"{Plugin}.isolation", ConfigKeyKind.Choice, "`in_process`: the plug-in's rules run inside descentlab; `process`: each run in a plug-in host process that `stop.max_seconds` can kill ([plugins.md](plugins.md))") { Choices = [.. PluginIsolation.All], Default = PluginIsolation.InProcess },

        new($"{Dataset}.recipe", ConfigKeyKind.Text, "a generated dataset: one of the recipes of `descentlab datasets` ([recipes.md](recipes.md))") { DefaultText = "`recipe` or `file` is required" },
        SampleCount,
        new($"{Dataset}.file", ConfigKeyKind.Text, "a CSV file with header `x,y` (1-D) or `x1,x2,y` (2-D), relative to the config; its n is its row count"),
        new($"{Dataset}.models", ConfigKeyKind.List, "this dataset's own models, instead of the top-level `models`"),
        TargetLoss with { Path = $"{Dataset}.target_loss", Description = "`stop.target_loss` for this dataset", DefaultText = "`stop.target_loss`" },
        TargetAccuracy with { Path = $"{Dataset}.target_accuracy", Description = "`stop.target_accuracy` for this dataset", DefaultText = "`stop.target_accuracy`" },

        new($"{ModelSettings}.loss", ConfigKeyKind.Choice, "the loss to minimise, one the model allows (`descentlab datasets`; [losses.md](losses.md))") { Choices = [.. Enum.GetValues<LossKind>().Select(LossNames.ToKey)], DefaultText = "the model's first loss" },
        Hidden,

        new($"{VariantSettings}.<hyper-parameter>", ConfigKeyKind.Number, "a hyper-parameter of the variant (`descentlab variants`), a list of distinct values to sweep, or under `tune` a range to sample: `{ log_uniform: [low, high] }`, `{ uniform: [low, high] }`, `{ int_uniform: [low, high] }` or `{ choice: [a, b, ...] }` ([tuning.md](tuning.md))") { DefaultText = "the variant's" },
        Batch,
        new($"{VariantSettings}.shuffle", ConfigKeyKind.Boolean, "reshuffle the samples every epoch with a generator seeded by the run's seed") { Default = false },
        new($"{External}.command", ConfigKeyKind.List, "the program and its arguments of an optimizer in another process, run in the config's folder ([plugins.md](plugins.md))") { Required = true },
        ExternalTimeout,
        ExternalStartTimeout,

        MaxEpochs,
        TargetGap,
        StopAtTarget,
        DivergeFactor,
        TargetLoss,
        TargetAccuracy,
        MaxSeconds,

        new("regression.baseline", ConfigKeyKind.Text, $"a baseline summary.csv (relative to the config; made by `descentlab baseline accept RUNDIR`) or `{RegressionConfig.Previous}` (the last complete run set of this config in history.db)") { Required = true },
        GapRelTol,
        GapAbsTol,
        EpochsTol,
        new("regression.fail", ConfigKeyKind.Boolean, "exit with code 3 on a regression (as `--fail-on-regression` does), and 2 when the baseline file is missing") { Default = Regression.Fail },
        new("regression.allow_missing", ConfigKeyKind.Boolean, "runs of the baseline that are really gone (seeds, a removed variant or problem) are listed, excused, not regressions; a changed setting is never excused") { Default = Regression.AllowMissing },
        new("regression.machine", ConfigKeyKind.Text, $"with `baseline: {RegressionConfig.Previous}`: compare with the last complete run set of this machine (the `DescentLab:Machine` setting of the machine that ran it) instead of this machine's own"),

        Trials,
        new("tune.sampler", ConfigKeyKind.Choice, "`quasi_random`: a scrambled Halton sequence; `grid`: a regular grid of exactly `trials` points; `random`: independent uniform draws") { Choices = [.. TuneConfig.SamplerNames] },
        new("tune.seed", ConfigKeyKind.Integer, "seeds the sampler (the scramble of `quasi_random`, the draws of `random`)") { Min = 0, Default = (int)DefaultTuneSeed },
        new("tune.tune_seeds", ConfigKeyKind.List, "distinct seeds every trial runs on") { DefaultText = "`seeds`" },
        new("tune.eval_seeds", ConfigKeyKind.List, "distinct held-out seeds each variant's best trial runs on; none may be a tuning seed") { Required = true },

        new("report.title", ConfigKeyKind.Text, "the heading of report.md") { DefaultText = "the config's name" },
        new("report.description", ConfigKeyKind.Text, "a paragraph (Markdown) under the heading"),
        new("report.sections", ConfigKeyKind.List, "the sections and plots to show, by name (summary, leaderboards, regression, notes, environment and the plot kinds)") { DefaultText = "all" },
        new("report.notes", ConfigKeyKind.Mapping, "notes per section name: a text (Markdown), a note with its problem and checked claims, or a list of them; each shown once, in its section, at the problem it names ([report.md](report.md))"),
        new($"{Note}.text", ConfigKeyKind.Text, "the note (Markdown)") { Required = true },
        new($"{Note}.dataset", ConfigKeyKind.Text, "show the note only at this dataset's problems (a dataset name of the config)"),
        new($"{Note}.model", ConfigKeyKind.Text, "show the note only at this model's problems (a model name of the config)"),
        new($"{Note}.expect", ConfigKeyKind.List, "claims about the note's runs, each checked on the run set and shown as ✓ or ✗ ([report.md](report.md))"),
        new("report.cost_at", ConfigKeyKind.List, "values of a one-parameter model's parameter (origin's `w`) whose cost J the cost figure marks: hand-picked points on the bowl ([lessons.md](lessons.md))"),
        new("report.course", ConfigKeyKind.Mapping, "the config's place in a course: two or more configs with this block given to one `run` command form a course, with an index page and links between the reports ([lessons.md](lessons.md#the-course-page))"),
        CourseOrder,
        new("report.course.summary", ConfigKeyKind.Text, "one sentence on what the lesson shows, for the course index") { Required = true },
        new("report.course.thumbnail", ConfigKeyKind.Text, "the plot kind whose first image is the lesson's picture on the course index") { DefaultText = "the report's first image" },
        new("report.exercises", ConfigKeyKind.List, "\"try it\" exercises at the end of the report, each a change made with `--set` and its predicted outcome, checked whenever a run carries the change ([lessons.md](lessons.md#exercises))"),
        new($"{Exercise}.try", ConfigKeyKind.List, "the changes, each `KEY=VALUE` as `--set` takes it: KEY one of `variants.<variant>.<hyper-parameter>`, `init.<parameter>` or `stop.max_epochs`, VALUE a number") { Required = true },
        new($"{Exercise}.says", ConfigKeyKind.Text, "the predicted outcome in words (Markdown)") { Required = true },
        new($"{Exercise}.expect", ConfigKeyKind.List, "the prediction as claims (the vocabulary of note claims), checked on a run whose config carries every change") { Required = true },
        new("report.x", ConfigKeyKind.Choice, "the convergence plots' x axis: epochs, per-sample gradient evaluations, or each run's wall time spread evenly over its gradient evaluations ([report.md](report.md#x-axis-of-the-convergence-plots))") { Choices = ["epochs", "grad_evals", "wall_ms"] },
        new("report.formats", ConfigKeyKind.List, "image formats of the plots: `png` (always; the reports show it) and `svg` for vector copies next to them (slides, print); animations stay GIF") { DefaultText = "[png]" },
    ];

    /// <summary>The key at <paramref name="path"/>.</summary>
    public static ConfigKey At(string path) => All.FirstOrDefault(k => k.Path == path) ?? throw new ArgumentException($"no config key '{path}'", nameof(path));

    /// <summary>The names of the keys of the mapping at <paramref name="parent"/> ("" for the top level), in table order.</summary>
    public static IReadOnlyList<string> NamesUnder(string parent) => [.. All.Where(k => k.Parent == parent && !k.Name.StartsWith('<')).Select(k => k.Name)];
}
