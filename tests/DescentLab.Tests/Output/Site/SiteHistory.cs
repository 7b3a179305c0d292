using DescentLab.Core.Training;
using DescentLab.Experiments.Results;
using DescentLab.Output.History;
using DescentLab.Tests.Support;

namespace DescentLab.Tests.Output.Site;

/// <summary>A reports root with a history of several nights, recorded through the store, each night with a small
/// report.html: config <c>nightly</c> (sgd lr=0.1 at a median final gap of 1e-3, three times that from night 5 on, the
/// planted step; adam at 1e-6; momentum flat at 1e-2) and config <c>weekly</c> (one sgd setting, flat).</summary>
internal static class SiteHistory
{
    /// <summary>The night the planted step shows first.</summary>
    public const int StepNight = 5;

    /// <summary>Nights of <c>nightly</c>.</summary>
    public const int NightlyNights = 8;

    /// <summary>Nights of <c>weekly</c>.</summary>
    public const int WeeklyNights = 3;

    /// <summary>The git commit of night <paramref name="night"/>; its short form is <c>c00000N</c>.</summary>
    public static string Commit(int night) => $"c{night:D6}" + new string('0', 33);

    /// <summary>Writes the history into <paramref name="reportsRoot"/>.</summary>
    public static void Build(string reportsRoot)
    {
        for (int night = 1; night <= NightlyNights; night++)
        {
            AddNight(reportsRoot, "nightly", night, night >= StepNight ? 3e-3 : 1e-3);
        }

        for (int night = 1; night <= WeeklyNights; night++)
        {
            AddNight(reportsRoot, "weekly", night, 2e-4);
        }
    }

    /// <summary>Records night <paramref name="night"/> of <paramref name="config"/> with sgd at <paramref name="sgdGap"/>.</summary>
    public static void AddNight(string reportsRoot, string config, int night, double sgdGap)
    {
        var started = new DateTimeOffset(2025, 3, 1, config == "nightly" ? 2 : 3, 0, 0, TimeSpan.Zero).AddDays(night);
        string runDir = Path.Combine(reportsRoot, config, started.UtcDateTime.ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture));
        Directory.CreateDirectory(runDir);
        File.WriteAllText(
            Path.Combine(runDir, "report.html"),
            $"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{config} night {night}</title></head><body><h1>{config} night {night}</h1></body></html>\n");
        SummaryRow[] rows = config == "nightly"
            ? [Run("sgd", 0.1, 1, sgdGap), Run("sgd", 0.1, 2, sgdGap), Run("adam", 0.05, 1, 1e-6), Run("adam", 0.05, 2, 1e-6), Run("momentum", 0.1, 1, 1e-2)]
            : [Run("sgd", 0.1, 1, sgdGap) with { Dataset = "beans2", Recipe = "beans2", DatasetKey = "beans2-n20-s1", Model = "affine" }];
        var manifest = AwkwardRuns.Manifest([], complete: true) with { Name = config, StartedUtc = started, GitCommit = Commit(night) };
        using var store = HistoryStore.OpenInReportsRoot(reportsRoot);
        store.Record(new RunSet { Manifest = manifest, Rows = rows, Curves = CurveMap.Empty, Datasets = new Dictionary<string, DescentLab.Core.Datasets.Dataset>() }, runDir);
    }

    private static SummaryRow Run(string variant, double lr, int seed, double gap) => AwkwardRuns.Origin($"beans1-n20-s{seed}/origin/{variant}") with
    {
        Variant = variant,
        Lr = lr,
        Seed = (ulong)seed,
        DatasetKey = $"beans1-n20-s{seed}",
        Status = RunStatus.NotConverged,
        EpochsToTarget = null,
        GradEvalsToTarget = null,
        FinalGap = gap,
    };
}
