using System.Globalization;
using DescentLab.Experiments.Text;

namespace DescentLab.Experiments.Config.Schema;

/// <summary>One key of the config format: where it sits, what it takes, its default and what it means. The validator's
/// checks, the JSON Schema and docs/config.md's reference all read these.</summary>
/// <param name="Path">The key path: <c>stop.max_epochs</c>, <c>datasets[].n</c>, <c>variants[].external.command</c>.</param>
/// <param name="Kind">What the key takes.</param>
/// <param name="Description">One sentence for people (docs and editors).</param>
public sealed record ConfigKey(string Path, ConfigKeyKind Kind, string Description)
{
    /// <summary>The smallest value of a number or integer, or null for none.</summary>
    public double? Min { get; init; }

    /// <summary>Whether <see cref="Min"/> itself is allowed.</summary>
    public bool MinInclusive { get; init; } = true;

    /// <summary>The largest value of a number or integer, or null for none.</summary>
    public double? Max { get; init; }

    /// <summary>Whether <see cref="Max"/> itself is allowed.</summary>
    public bool MaxInclusive { get; init; } = true;

    /// <summary>The value used when the key is absent (a number, bool or text), or null when there is none.</summary>
    public object? Default { get; init; }

    /// <summary>The words of a <see cref="ConfigKeyKind.Choice"/>, the default first.</summary>
    public IReadOnlyList<string> Choices { get; init; } = [];

    /// <summary>Whether the key must be given (in its mapping).</summary>
    public bool Required { get; init; }

    /// <summary>When the key is required or its default is not a plain value, what the reference says instead of a default.</summary>
    public string? DefaultText { get; init; }

    /// <summary>The noun of the validator's message, e.g. "a number of seconds"; "a number" or "an integer" when null.</summary>
    public string? Noun { get; init; }

    /// <summary>The last segment of <see cref="Path"/>: the key as written in its mapping.</summary>
    public string Name => Path[(Path.LastIndexOf('.') + 1)..];

    /// <summary>The mapping the key belongs to: the path without its last segment ("" at the top).</summary>
    public string Parent => Path.LastIndexOf('.') is var dot and >= 0 ? Path[..dot] : string.Empty;

    /// <summary>Whether <paramref name="value"/> is in the key's range.</summary>
    public bool Accepts(double value) =>
        (Min is not { } min || (MinInclusive ? value >= min : value > min))
        && (Max is not { } max || (MaxInclusive ? value <= max : value < max));

    /// <summary>The range in words: <c>&gt;= 0</c>, <c>&gt; 1</c>, <c>in (0, 1e6]</c>; empty when unbounded.</summary>
    public string Range => (Min, Max) switch
    {
        ({ } min, null) => $"{(MinInclusive ? ">=" : ">")} {Bound(min)}",
        (null, { } max) => $"{(MaxInclusive ? "<=" : "<")} {Bound(max)}",
        ({ } min, { } max) => $"in {(MinInclusive ? '[' : '(')}{Bound(min)}, {Bound(max)}{(MaxInclusive ? ']' : ')')}",
        _ => string.Empty,
    };

    /// <summary>What the validator says it expected: the noun and the range, e.g. "an integer &gt;= 0".</summary>
    public string Expected
    {
        get
        {
            string noun = Noun ?? (Kind == ConfigKeyKind.Integer ? "an integer" : "a number");
            return Range.Length == 0 ? noun : $"{noun} {Range}";
        }
    }

    /// <summary>The default as the reference writes it: the value, <see cref="DefaultText"/>, "required" or "none".</summary>
    public string DefaultShown => DefaultText ?? Default switch
    {
        null when Kind == ConfigKeyKind.Choice => Choices[0],
        null => Required ? "required" : "none",
        bool flag => flag ? "true" : "false",
        double number => Exact(number),
        IConvertible other => Convert.ToString(other, CultureInfo.InvariantCulture) ?? string.Empty,
        _ => Default.ToString() ?? string.Empty,
    };

    /// <summary>Integers are written whole, other bounds exactly in the human number form (1e6, 0.001).</summary>
    private string Bound(double value) => Kind == ConfigKeyKind.Integer
        ? ((long)value).ToString(CultureInfo.InvariantCulture)
        : Exact(value);

    /// <summary><paramref name="value"/> in the human number form with as many significant digits as it needs to be exact.</summary>
    private static string Exact(double value)
    {
        // The shortest round-trip text has exactly the significant digits the value needs.
        string mantissa = value.ToString("R", CultureInfo.InvariantCulture).Split('E')[0].Replace(".", string.Empty, StringComparison.Ordinal);
        int significant = mantissa.TrimStart('-', '0').TrimEnd('0').Length;
        return HumanNumber.Format(value, Math.Clamp(significant, 1, 17));
    }
}
