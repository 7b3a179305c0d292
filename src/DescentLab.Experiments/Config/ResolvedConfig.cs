using System.Text.Json.Serialization;
using DescentLab.Core.Training;

namespace DescentLab.Experiments.Config;

/// <summary>A validated config as manifest.json records it: every default filled in, each dataset with the models it is
/// fitted with, each variant with every hyper-parameter and the batch of each setting (serialised as snake_case JSON).</summary>
/// <param name="Name">Config name.</param>
/// <param name="SourcePath">Absolute path of the config file.</param>
/// <param name="SourceHash">SHA-256 of the config file's bytes.</param>
/// <param name="Seeds">Seeds, in config order.</param>
/// <param name="Datasets">Datasets, in config order.</param>
/// <param name="Models">The top-level model list.</param>
/// <param name="Variants">Variants, in config order.</param>
/// <param name="Init">Initial parameter values, by name in ordinal order.</param>
/// <param name="Stop">Stop rules.</param>
/// <param name="Record"><c>epoch</c> or <c>step</c>.</param>
/// <param name="Regression">The regression block, or null.</param>
/// <param name="Report">What report.md shows; null in manifests written before the block existed (every section).</param>
/// <param name="Tune">The tuning block, or null when the config tunes nothing.</param>
public sealed record ResolvedConfig(
    string Name,
    string SourcePath,
    string SourceHash,
    IReadOnlyList<ulong> Seeds,
    IReadOnlyList<ResolvedDataset> Datasets,
    IReadOnlyList<ResolvedModel> Models,
    IReadOnlyList<ResolvedVariant> Variants,
    IReadOnlyDictionary<string, double> Init,
    StopConfig Stop,
    string Record,
    RegressionConfig? Regression,
    ReportConfig? Report = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] TuneConfig? Tune = null)
{
    /// <summary>The resolved form of <paramref name="config"/>.</summary>
    public static ResolvedConfig From(ExperimentConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var init = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (name, value) in config.Init.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            init.Add(name, value);
        }

        return new ResolvedConfig(
            config.Name,
            config.SourcePath,
            config.SourceHash,
            config.Seeds,
            [.. config.Datasets.Select(d => ResolvedDataset.From(d, d.Models ?? config.Models))],
            [.. config.Models.Select(ResolvedModel.From)],
            [.. config.Variants.Select(v => ResolvedVariant.From(v, config.Plugins))],
            init,
            config.Stop,
            config.Record == RecordMode.Step ? "step" : "epoch",
            config.Regression,
            config.Report,
            config.Tune);
    }
}
