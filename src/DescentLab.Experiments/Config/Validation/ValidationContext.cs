using System.Globalization;
using System.Text.RegularExpressions;
using DescentLab.Experiments.Config.Nodes;
using DescentLab.Experiments.Config.Schema;

namespace DescentLab.Experiments.Config.Validation;

/// <summary>Collects every error of one config and reads typed values out of nodes, reporting what was expected.</summary>
/// <remarks>Readers return null after reporting, so validation goes on and every mistake is found in one pass.</remarks>
internal sealed partial class ValidationContext(string file)
{
    private readonly List<ConfigError> _errors = [];

    /// <summary>Errors so far, in the order found.</summary>
    public IReadOnlyList<ConfigError> Errors => _errors;

    /// <summary>An error at <paramref name="node"/>; a node an override wrote names the override instead of a position.</summary>
    public void Error(ConfigNode node, string path, string message) => _errors.Add(node.Override is { } source
        ? new ConfigError(file, 0, 0, path == source.KeyPath ? string.Empty : path, message) { Override = source.Text }
        : new ConfigError(file, node.Line, node.Column, path, message));

    /// <summary>An error about the config as a whole, placed at its start (line 1, column 1).</summary>
    public void FileError(string message) => _errors.Add(new ConfigError(file, 1, 1, string.Empty, message));

    /// <summary>
    /// Checks the keys of <paramref name="mapping"/> against <paramref name="validKeys"/>: unknown keys get a did-you-mean,
    /// repeated keys an error. Returns the first entry of each valid key, in file order.
    /// </summary>
    public IReadOnlyDictionary<string, MappingEntry> Keys(MappingNode mapping, string path, IReadOnlyList<string> validKeys)
    {
        var found = new OrderedDictionary<string, MappingEntry>(StringComparer.Ordinal);
        foreach (var entry in mapping.Entries)
        {
            string key = entry.Key.Text;
            string keyPath = KeyPath.Child(path, key);
            if (found.TryGetValue(key, out var first))
            {
                Error(entry.Key, keyPath, $"duplicate key (first given at line {first.Key.Line})");
            }
            else if (!validKeys.Contains(key))
            {
                string? hint = Suggestions.Closest(key, validKeys);
                Error(entry.Key, keyPath, hint is null ? $"unknown key; valid keys: {string.Join(", ", validKeys)}" : $"unknown key; did you mean '{hint}'?");
            }
            else
            {
                found.Add(key, entry);
            }
        }

        return found;
    }

    /// <summary>The value of a required key, or null after reporting it missing at <paramref name="mapping"/>.</summary>
    public ConfigNode? Required(IReadOnlyDictionary<string, MappingEntry> keys, string key, MappingNode mapping, string path, string? why = null)
    {
        if (keys.TryGetValue(key, out var entry))
        {
            return entry.Value;
        }

        Error(mapping, path, why is null ? $"missing required key '{key}'" : $"missing required key '{key}' ({why})");
        return null;
    }

    /// <summary><paramref name="node"/> as a mapping, or null after an error naming <paramref name="expected"/>.</summary>
    public MappingNode? Mapping(ConfigNode node, string path, string expected)
    {
        if (node is MappingNode mapping)
        {
            return mapping;
        }

        Error(node, path, $"expected {expected}, got {node.Describe()}");
        return null;
    }

    /// <summary><paramref name="node"/> as a non-empty list, or null after an error naming <paramref name="expected"/>.</summary>
    public SequenceNode? NonEmptyList(ConfigNode node, string path, string expected)
    {
        if (node is SequenceNode { Items.Count: > 0 } list)
        {
            return list;
        }

        Error(node, path, $"expected {expected}, got {node.Describe()}");
        return null;
    }

    /// <summary>A finite number that <paramref name="accepts"/>; otherwise null after an error naming <paramref name="expected"/>.</summary>
    public double? Number(ConfigNode node, string path, string expected, Func<double, bool> accepts)
    {
        if (node is ScalarNode { Kind: ScalarKind.Number } scalar)
        {
            double value = ParseNumber(scalar.Text);
            if (double.IsFinite(value) && accepts(value))
            {
                return value;
            }
        }

        Error(node, path, $"expected {expected}, got {Got(node)}");
        return null;
    }

    /// <summary>A number in the range of <paramref name="key"/>; otherwise null after an error naming what it expected.</summary>
    public double? Number(ConfigNode node, string path, ConfigKey key) => Number(node, path, key.Expected, key.Accepts);

    /// <summary>An integer in the range of <paramref name="key"/>; otherwise null after an error naming what it expected.</summary>
    public long? Integer(ConfigNode node, string path, ConfigKey key) =>
        Integer(node, path, key.Expected, (long)(key.Min ?? long.MinValue), (long)(key.Max ?? long.MaxValue));

    /// <summary>An integer in [<paramref name="min"/>, <paramref name="max"/>]; otherwise null after an error naming <paramref name="expected"/>.</summary>
    /// <remarks>Exponent notation that denotes a whole number (<c>1e9</c>) is an integer too.</remarks>
    public long? Integer(ConfigNode node, string path, string expected, long min, long max)
    {
        if (node is ScalarNode { Kind: ScalarKind.Number } scalar
            && ParseInteger(scalar.Text) is { } value
            && value >= min && value <= max)
        {
            return value;
        }

        Error(node, path, $"expected {expected}, got {Got(node)}");
        return null;
    }

    /// <summary>A non-negative 64-bit integer (a seed); otherwise null after an error.</summary>
    public ulong? Unsigned(ConfigNode node, string path, string expected)
    {
        if (node is ScalarNode { Kind: ScalarKind.Number } scalar
            && IntegerText().IsMatch(scalar.Text)
            && ulong.TryParse(scalar.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out ulong value))
        {
            return value;
        }

        Error(node, path, $"expected {expected}, got {Got(node)}");
        return null;
    }

    /// <summary><c>true</c> or <c>false</c>; otherwise null after an error.</summary>
    public bool? Boolean(ConfigNode node, string path)
    {
        if (node is ScalarNode { Kind: ScalarKind.Boolean } scalar)
        {
            return scalar.Text.Equals("true", StringComparison.OrdinalIgnoreCase);
        }

        Error(node, path, $"expected true or false, got {Got(node)}");
        return null;
    }

    /// <summary>The text of a non-empty scalar (a YAML plain <c>2024</c> counts as text here); otherwise null after an error.</summary>
    public string? Text(ConfigNode node, string path, string expected)
    {
        if (node is ScalarNode { Kind: not ScalarKind.Null, Text.Length: > 0 } scalar)
        {
            return scalar.Text;
        }

        Error(node, path, $"expected {expected}, got {node.Describe()}");
        return null;
    }

    /// <summary>How a wrong value is named: a quoted number or boolean is called a string, with the fix, since
    /// <c>lr: "0.1"</c> looks right to the eye.</summary>
    private static string Got(ConfigNode node) =>
        node is ScalarNode { Kind: ScalarKind.String } scalar
        && ((double.TryParse(scalar.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out double number) && double.IsFinite(number)) || scalar.Text is "true" or "false")
            ? $"the string \"{scalar.Text}\"; write {scalar.Text} without quotes"
            : node.Describe();

    private static long? ParseInteger(string text)
    {
        if (IntegerText().IsMatch(text))
        {
            return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value) ? value : null;
        }

        // Whole doubles up to 2^53 are exact, so 1e9 or 2.5e3 are read without rounding.
        const double ExactLimit = 9007199254740992.0;
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double number)
            && Math.Abs(number) <= ExactLimit && number == Math.Floor(number) ? (long)number : null;
    }

    /// <summary>The value of a number scalar: YAML's <c>.inf</c> and <c>.nan</c> included, so they can be refused as not finite.</summary>
    private static double ParseNumber(string text) => text.TrimStart('+', '-').ToLowerInvariant() switch
    {
        ".inf" => text.StartsWith('-') ? double.NegativeInfinity : double.PositiveInfinity,
        ".nan" => double.NaN,
        _ => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
    };

    [GeneratedRegex("^[-+]?[0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex IntegerText();
}
