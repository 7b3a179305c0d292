using System.Globalization;
using System.Text.Json.Serialization;

namespace DescentLab.Experiments.Config;

/// <summary>One exercise change, <c>KEY=VALUE</c> as <c>--set</c> takes it, for the keys a lesson's exercise may change:
/// a variant's hyper-parameter (<c>variants.&lt;variant&gt;.&lt;hyper-parameter&gt;</c>, every entry of that variant), a
/// starting value (<c>init.&lt;parameter&gt;</c>) or <c>stop.max_epochs</c>; the value is one number.</summary>
/// <param name="Key">The dotted key.</param>
/// <param name="Value">The number it is set to.</param>
public sealed record ConfigAssignment(string Key, double Value)
{
    /// <summary>The key forms an exercise may change, for error messages.</summary>
    public const string Forms = "variants.<variant>.<hyper-parameter>, init.<parameter> or stop.max_epochs";

    /// <summary>The assignment as <c>--set</c> takes it.</summary>
    public override string ToString() => Key + "=" + Value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Parses <c>KEY=VALUE</c>; null with <paramref name="error"/> when it is not one of <see cref="Forms"/> with a number.</summary>
    public static ConfigAssignment? TryParse(string text, out string error)
    {
        int equals = text.IndexOf('=', StringComparison.Ordinal);
        string key = equals < 0 ? text : text[..equals].Trim();
        // The key's syntax is --set's own; an exercise then allows only the keys below.
        if (equals >= 0 && ConfigOverride.TryParse(key + "=" + text[(equals + 1)..].Trim(), out _) is null)
        {
            equals = -1;
        }

        string[] parts = key.Split('.');
        bool shaped = parts.Length == 3 && parts[0] == "variants" && parts.All(p => p.Length > 0)
            || parts.Length == 2 && parts[0] == "init" && parts[1].Length > 0
            || key == "stop.max_epochs";
        if (equals < 0 || !shaped)
        {
            error = $"expected KEY=VALUE with KEY one of {Forms}, got '{text}'";
            return null;
        }

        if (!double.TryParse(text[(equals + 1)..].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value))
        {
            error = $"expected a number after '=' in '{text}'";
            return null;
        }

        error = string.Empty;
        return new ConfigAssignment(key, value);
    }

    /// <summary>The variant named by a <c>variants.</c> key, or null.</summary>
    [JsonIgnore]
    public string? Variant => Key.StartsWith("variants.", StringComparison.Ordinal) ? Key.Split('.')[1] : null;

    /// <summary>Whether <paramref name="config"/> has this value (every entry of the named variant, for a hyper-parameter).</summary>
    public bool Holds(ResolvedConfig config)
    {
        string[] parts = Key.Split('.');
        return parts[0] switch
        {
            "variants" => config.Variants.Where(v => v.Name == parts[1]).ToList() is { Count: > 0 } entries
                && entries.All(v => v.Parameters.TryGetValue(parts[2], out var values) && values is [double only] && only.Equals(Value)),
            "init" => config.Init.TryGetValue(parts[1], out double start) && start.Equals(Value),
            _ => config.Stop.MaxEpochs == Value,
        };
    }
}
