using System.Text.Json;
using System.Text.RegularExpressions;
using DescentLab.Core.Tuning;
using DescentLab.Core.Variants;
using DescentLab.Experiments.Plugins;

namespace DescentLab.Experiments.External;

/// <summary>What an external process says about itself in answer to <c>{"type":"describe"}</c>.</summary>
/// <param name="Name">Variant name.</param>
/// <param name="Description">One line for listings.</param>
/// <param name="Parameters">Its hyper-parameters; <c>min</c>/<c>max</c> are inclusive and optional.</param>
/// <param name="Family">The plot family it declares, or null (<see cref="ExternalVariant.ExternalFamily"/>).</param>
/// <param name="Colour">The colour it declares (<c>#rrggbb</c>), or null for one of <see cref="FallbackColours"/>.</param>
/// <param name="ManyRuns">It declared <c>"runs":"many"</c> (protocol version 2): one process serves run after run.</param>
/// <param name="Space">Its default search space for <c>tune:</c> (<c>"space": {"lr": {"log_uniform": [1e-4, 1]}}</c>), or null.</param>
public sealed partial record ExternalDescription(
    string Name,
    string Description,
    IReadOnlyList<HyperParameter> Parameters,
    string? Family = null,
    string? Colour = null,
    bool ManyRuns = false,
    IReadOnlyList<SearchDimension>? Space = null)
{
    /// <summary>Starts <paramref name="command"/>, asks it to describe itself and lets it exit.</summary>
    /// <exception cref="ExternalProtocolException">It cannot start, answers late or wrongly, or exits without answering.</exception>
    public static ExternalDescription Ask(ExternalCommand command)
    {
        using var process = ExternalProcess.Start(command);
        process.Send("{\"type\":\"describe\"}");
        process.CloseInput();
        string line = process.Receive("describe");
        try
        {
            using var document = ExternalMessages.Parse(line);
            return Read(document.RootElement);
        }
        catch (Exception ex) when (ex is JsonException or FormatException)
        {
            throw process.Failure($"malformed description {Quote(line)}: {ex.Message}");
        }
    }

    private static ExternalDescription Read(JsonElement root)
    {
        string name = root.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()! : throw new FormatException("'name' must be a string");
        if (!NamePattern().IsMatch(name))
        {
            throw new FormatException($"name '{name}' must be lower-case letters, digits and '_'");
        }

        string description = root.TryGetProperty("description", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString()! : string.Empty;
        var parameters = new List<HyperParameter>();
        if (root.TryGetProperty("hyper", out var hyper))
        {
            if (hyper.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException("'hyper' must be an object of {\"default\":..., \"min\":..., \"max\":...}");
            }

            foreach (var property in hyper.EnumerateObject())
            {
                parameters.Add(Parameter(property));
            }
        }

        return new ExternalDescription(name, description, parameters, Style(root, "family", DeclaredStyle.FamilyError), Style(root, "colour", DeclaredStyle.ColourError), Runs(root), ReadSpace(root, parameters));
    }

    /// <summary>The optional <c>space</c>: each described hyper-parameter to one range, <c>{"log_uniform": [low, high]}</c>.</summary>
    private static IReadOnlyList<SearchDimension>? ReadSpace(JsonElement root, IReadOnlyList<HyperParameter> parameters)
    {
        if (!root.TryGetProperty("space", out var space))
        {
            return null;
        }

        const string Shape = "'space' must be an object of {\"<hyper-parameter>\": {\"log_uniform\": [low, high]}}";
        if (space.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException(Shape);
        }

        var dimensions = new List<SearchDimension>();
        foreach (var property in space.EnumerateObject())
        {
            string where = $"space.{property.Name}";
            var parameter = parameters.FirstOrDefault(p => p.Name == property.Name)
                ?? throw new FormatException($"{where}: '{property.Name}' is not a hyper-parameter of 'hyper'");
            var entries = property.Value.ValueKind == JsonValueKind.Object ? property.Value.EnumerateObject().ToList() : [];
            int kind = entries.Count == 1 ? SearchRange.Keys.ToList().IndexOf(entries[0].Name) : -1;
            if (kind < 0 || entries[0].Value.ValueKind != JsonValueKind.Array)
            {
                throw new FormatException($"{where} must be one of {string.Join(", ", SearchRange.Keys.Select(k => $"{{\"{k}\": [...]}}"))}");
            }

            var values = entries[0].Value.EnumerateArray().Select(v => ExternalMessages.TryGetNumber(v, out double x) ? x : throw new FormatException($"{where}: {v.GetRawText()} is not a number")).ToList();
            var range = SearchRange.TryCreate((SearchRangeKind)kind, values, out string error) ?? throw new FormatException($"{where}: {error}");
            var outside = range.Ends.Where(v => !parameter.Accepts(v)).ToList();
            if (outside.Count > 0)
            {
                throw new FormatException($"{where}: {outside[0].ToString("R", System.Globalization.CultureInfo.InvariantCulture)} is outside {parameter.Range}");
            }

            dimensions.Add(new SearchDimension(property.Name, range));
        }

        return dimensions;
    }

    /// <summary>The optional <c>runs</c>: <c>"one"</c> (version 1, the default) or <c>"many"</c> (version 2).</summary>
    private static bool Runs(JsonElement root) =>
        !root.TryGetProperty("runs", out var runs) ? false
        : runs.ValueKind == JsonValueKind.String && runs.GetString() is "one" or "many" ? runs.GetString() == "many"
        : throw new FormatException($"'runs' must be \"one\" or \"many\", got {runs.GetRawText()}");

    /// <summary>The optional <c>family</c> or <c>colour</c>: absent is null, anything else must pass <paramref name="check"/>.</summary>
    private static string? Style(JsonElement root, string key, Func<string?, string?> check)
    {
        if (!root.TryGetProperty(key, out var value))
        {
            // American spelling is the likely slip; without this hint it would be ignored and the colour silently missing.
            return key == "colour" && root.TryGetProperty("color", out _) ? throw new FormatException("'color' is not a key of the description; write 'colour'") : null;
        }

        string? text = value.ValueKind == JsonValueKind.String ? value.GetString() : throw new FormatException($"'{key}' must be a string");
        return check(text) is { } error ? throw new FormatException(error) : text;
    }

    private static HyperParameter Parameter(JsonProperty property)
    {
        string where = $"hyper.{property.Name}";
        if (property.Value.ValueKind != JsonValueKind.Object || !property.Value.TryGetProperty("default", out var d) || !ExternalMessages.TryGetNumber(d, out double value))
        {
            throw new FormatException($"{where} must be an object with a numeric 'default'");
        }

        double min = Bound(property.Value, "min", double.NegativeInfinity, where);
        double max = Bound(property.Value, "max", double.PositiveInfinity, where);
        var parameter = new HyperParameter(property.Name, value, min, true, max, true, "described by the process");
        return parameter.Accepts(value) ? parameter : throw new FormatException($"{where}: default {d.GetRawText()} is outside {parameter.Range}");
    }

    private static double Bound(JsonElement parameter, string key, double absent, string where) =>
        !parameter.TryGetProperty(key, out var bound) ? absent
        : ExternalMessages.TryGetNumber(bound, out double value) ? value
        : throw new FormatException($"{where}.{key} must be a number");

    private static string Quote(string line) => line.Length > 200 ? $"'{line[..200]}...'" : $"'{line}'";

    [GeneratedRegex("^[a-z][a-z0-9_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}
