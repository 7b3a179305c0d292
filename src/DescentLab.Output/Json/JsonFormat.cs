using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DescentLab.Output.Json;

/// <summary>The one set of System.Text.Json options for the JSON DescentLab writes (manifest.json and the resolved config).</summary>
/// <remarks>snake_case keys in declaration order, indented with "\n" line endings, invariant round-trip numbers (NaN and
/// infinities as the strings "NaN", "Infinity", "-Infinity"), parameter lists as objects in parameter order, batch lists
/// with "all", enums as snake_case names (<c>best_known</c>).</remarks>
internal static class JsonFormat
{
    /// <summary>The options.</summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        NewLine = "\n",
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        // The files are read by people and tools, never embedded in HTML: keep '+', '<' and non-ASCII readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new ParameterListConverter(), new BatchListConverter(), new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        TypeInfoResolver = OutputJsonContext.Default,
    };
}
