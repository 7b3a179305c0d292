using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using DescentLab.Experiments.Results;

namespace DescentLab.Output.Json;

/// <summary>manifest.json: the <see cref="RunManifest"/> of a run folder (SPEC §7).</summary>
/// <remarks>snake_case keys in declaration order, indented with "\n" line endings, invariant round-trip numbers (NaN and
/// infinities as the strings "NaN", "Infinity", "-Infinity"). The resolved config is embedded as a JSON object, and
/// parameter lists as objects in parameter order. Reading gives back an equal manifest.</remarks>
public static class ManifestJson
{
    /// <summary>The file name in a run folder.</summary>
    public const string FileName = "manifest.json";

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        NewLine = "\n",
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        // The file is read by people and tools, never embedded in HTML: keep '+', '<' and non-ASCII readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new ParameterListConverter() },
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { EmbedResolvedConfig } },
    };

    /// <summary>Writes <paramref name="manifest"/>, ending with a line break.</summary>
    public static void Write(TextWriter writer, RunManifest manifest)
    {
        writer.Write(JsonSerializer.Serialize(manifest, Options));
        writer.Write('\n');
    }

    /// <summary>Reads a manifest written by <see cref="Write"/>.</summary>
    /// <exception cref="RunFileException">The file is missing or malformed (the message names file and line).</exception>
    public static RunManifest Read(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new RunFileException(path, 0, "file not found", ex);
        }

        try
        {
            return JsonSerializer.Deserialize<RunManifest>(text, Options)
                ?? throw new RunFileException(path, 1, "expected a manifest object but found null");
        }
        catch (JsonException ex)
        {
            throw new RunFileException(path, (ex.LineNumber ?? -1) + 1, ex.Message, ex);
        }
    }

    private static void EmbedResolvedConfig(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Type != typeof(RunManifest))
        {
            return;
        }

        foreach (var property in typeInfo.Properties)
        {
            if (property.Name == "resolved_config")
            {
                property.CustomConverter = new EmbeddedJsonConverter();
            }
        }
    }
}
