using System.Text.Json;

namespace DescentLab.Experiments.Config;

/// <summary>Reads back the parts of a resolved config (<see cref="ResolvedConfigWriter"/>) that later commands need.</summary>
public static class ResolvedConfigReader
{
    /// <summary>The regression block of a resolved config, or null when it has none.</summary>
    /// <exception cref="JsonException">The text is not a resolved config.</exception>
    public static RegressionConfig? Regression(string resolvedConfigJson)
    {
        using var document = JsonDocument.Parse(resolvedConfigJson);
        if (!document.RootElement.TryGetProperty("regression", out var block) || block.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return new RegressionConfig(
            block.GetProperty("baseline").GetString() ?? throw new JsonException("regression.baseline is null"),
            block.GetProperty("gap_rel_tol").GetDouble(),
            block.GetProperty("gap_abs_tol").GetDouble(),
            block.GetProperty("epochs_tol").GetInt32(),
            block.GetProperty("fail").GetBoolean());
    }

    /// <summary>The report block of a resolved config; <see cref="ReportConfig.Default"/> for configs resolved before it existed.</summary>
    /// <exception cref="JsonException">The text is not a resolved config.</exception>
    public static ReportConfig Report(string resolvedConfigJson)
    {
        using var document = JsonDocument.Parse(resolvedConfigJson);
        if (!document.RootElement.TryGetProperty("report", out var block) || block.ValueKind != JsonValueKind.Object)
        {
            return ReportConfig.Default;
        }

        return new ReportConfig
        {
            Title = OptionalText(block, "title"),
            Description = OptionalText(block, "description"),
            Sections = block.TryGetProperty("sections", out var sections) && sections.ValueKind == JsonValueKind.Array
                ? [.. sections.EnumerateArray().Select(s => s.GetString() ?? throw new JsonException("report.sections holds a null"))]
                : null,
            Notes = block.TryGetProperty("notes", out var notes) && notes.ValueKind == JsonValueKind.Object
                ? notes.EnumerateObject().ToDictionary(n => n.Name, n => n.Value.GetString() ?? string.Empty, StringComparer.Ordinal)
                : new Dictionary<string, string>(StringComparer.Ordinal),
        };
    }

    private static string? OptionalText(JsonElement block, string name) =>
        block.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
