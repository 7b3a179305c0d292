using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using DescentLab.Core.Training;
using DescentLab.Core.Variants;

namespace DescentLab.Experiments.Config;

/// <summary>Writes a resolved config as indented snake_case JSON for manifest.json, every default filled in.</summary>
/// <remarks>Deterministic: the same config gives the same text (invariant round-trip numbers, init sorted by name,
/// hyper-parameters in the variant's own order, "\n" line ends).</remarks>
public static class ResolvedConfigWriter
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The JSON text of <paramref name="config"/>.</summary>
    public static string ToJson(ExperimentConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteString("name", config.Name);
            json.WriteString("source_path", config.SourcePath);
            json.WriteString("source_hash", config.SourceHash);
            json.WriteStartArray("seeds");
            foreach (ulong seed in config.Seeds)
            {
                json.WriteNumberValue(seed);
            }

            json.WriteEndArray();
            json.WriteStartArray("datasets");
            foreach (var dataset in config.Datasets)
            {
                WriteDataset(json, dataset, dataset.Models ?? config.Models);
            }

            json.WriteEndArray();
            WriteModels(json, "models", config.Models);
            json.WriteStartArray("variants");
            foreach (var variant in config.Variants)
            {
                WriteVariant(json, variant);
            }

            json.WriteEndArray();
            json.WriteStartObject("init");
            foreach (var (name, value) in config.Init.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                json.WriteNumber(name, value);
            }

            json.WriteEndObject();
            json.WriteStartObject("stop");
            json.WriteNumber("max_epochs", config.Stop.MaxEpochs);
            json.WriteNumber("target_gap", config.Stop.TargetGap);
            json.WriteBoolean("stop_at_target", config.Stop.StopAtTarget);
            json.WriteNumber("diverge_factor", config.Stop.DivergeFactor);
            json.WriteEndObject();
            json.WriteString("record", config.Record == RecordMode.Step ? "step" : "epoch");
            WriteRegression(json, config.Regression);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>A dataset with the models it will be fitted with (its own list or the top-level one).</summary>
    private static void WriteDataset(Utf8JsonWriter json, DatasetConfig dataset, IReadOnlyList<ModelConfig> models)
    {
        json.WriteStartObject();
        json.WriteString("name", dataset.Name);
        json.WriteString("recipe", dataset.Recipe);
        json.WriteString("file", dataset.File);
        json.WriteString("full_path", dataset.FullPath);
        json.WriteNumber("n", dataset.N);
        json.WriteNumber("dimension", dataset.Dimension);
        WriteModels(json, "models", models);
        json.WriteEndObject();
    }

    private static void WriteModels(Utf8JsonWriter json, string property, IReadOnlyList<ModelConfig> models)
    {
        json.WriteStartArray(property);
        foreach (var model in models)
        {
            json.WriteStartObject();
            json.WriteString("name", model.Name);
            json.WriteString("loss", LossNames.ToKey(model.Loss));
            if (model.Hidden != 0)
            {
                json.WriteNumber("hidden", model.Hidden);
            }
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    /// <summary>Every hyper-parameter (a default as a one-value list) and the samples per update of each setting.</summary>
    private static void WriteVariant(Utf8JsonWriter json, VariantConfig config)
    {
        var variant = config.Variant;
        json.WriteStartObject();
        json.WriteString("name", config.Name);
        json.WriteStartObject("parameters");
        foreach (var parameter in variant.Parameters)
        {
            var values = config.Sweeps.FirstOrDefault(s => s.Key == parameter.Name).Value ?? [parameter.Default];
            json.WriteStartArray(parameter.Name);
            foreach (double value in values)
            {
                json.WriteNumberValue(value);
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
        json.WriteStartArray("batch");
        foreach (int? batch in VariantBatches.Of(variant, config))
        {
            if (batch is { } size)
            {
                json.WriteNumberValue(size);
            }
            else
            {
                json.WriteStringValue("all");
            }
        }

        json.WriteEndArray();
        json.WriteBoolean("shuffle", config.Shuffle);
        json.WriteEndObject();
    }

    private static void WriteRegression(Utf8JsonWriter json, RegressionConfig? regression)
    {
        if (regression is null)
        {
            json.WriteNull("regression");
            return;
        }

        json.WriteStartObject("regression");
        json.WriteString("baseline", regression.Baseline);
        json.WriteNumber("gap_rel_tol", regression.GapRelTol);
        json.WriteNumber("gap_abs_tol", regression.GapAbsTol);
        json.WriteNumber("epochs_tol", regression.EpochsTol);
        json.WriteBoolean("fail", regression.Fail);
        json.WriteEndObject();
    }
}
