using System.Globalization;
using System.Text.Json.Serialization;

namespace DescentLab.Core.Tuning;

/// <summary>Where a tuned hyper-parameter may lie: a range (<c>log_uniform</c>, <c>uniform</c>, <c>int_uniform</c>) or a
/// list of values (<c>choice</c>). It maps a point of the unit interval to a value, and a value back to its position.</summary>
/// <param name="Kind">How values are spread.</param>
/// <param name="Low">Lower end (ranges; the first value of a choice).</param>
/// <param name="High">Upper end (ranges; the last value of a choice).</param>
/// <param name="Choices">The values of a choice, in the order given; empty for a range.</param>
public sealed record SearchRange(SearchRangeKind Kind, double Low, double High, IReadOnlyList<double> Choices)
{
    /// <summary>The config keys of the kinds, in <see cref="SearchRangeKind"/> order.</summary>
    public static IReadOnlyList<string> Keys { get; } = ["log_uniform", "uniform", "int_uniform", "choice"];

    /// <summary><c>log_uniform: [low, high]</c>.</summary>
    public static SearchRange LogUniform(double low, double high) => new(SearchRangeKind.LogUniform, low, high, []);

    /// <summary><c>uniform: [low, high]</c>.</summary>
    public static SearchRange Uniform(double low, double high) => new(SearchRangeKind.Uniform, low, high, []);

    /// <summary><c>int_uniform: [low, high]</c>.</summary>
    public static SearchRange IntUniform(long low, long high) => new(SearchRangeKind.IntUniform, low, high, []);

    /// <summary><c>choice: [a, b, ...]</c>.</summary>
    public static SearchRange Choice(params double[] values) => new(SearchRangeKind.Choice, values[0], values[^1], values);

    /// <summary>The range of <paramref name="kind"/> over <paramref name="values"/> ([low, high], or a choice's values), or
    /// null with the reason in <paramref name="error"/>: bounds out of order, a log scale reaching 0, an empty choice.</summary>
    public static SearchRange? TryCreate(SearchRangeKind kind, IReadOnlyList<double> values, out string error)
    {
        string key = Keys[(int)kind];
        error = string.Empty;
        var infinite = values.Where(v => !double.IsFinite(v)).ToList();
        var fractions = values.Where(v => v != Math.Floor(v)).ToList();
        if (infinite.Count > 0)
        {
            error = $"{key} takes finite numbers, got {Text(infinite[0])}";
        }
        else if (kind == SearchRangeKind.Choice)
        {
            if (values.Count == 0)
            {
                error = "choice needs at least one value, got an empty list";
            }
            else if (values.Where((v, i) => values.Take(i).Contains(v)).Select(Text).FirstOrDefault() is { } twice)
            {
                error = $"choice lists {twice} twice";
            }

            return error.Length == 0 ? new SearchRange(kind, values[0], values[^1], [.. values]) : null;
        }
        else if (values.Count != 2)
        {
            error = $"{key} takes [low, high], got {values.Count} value{(values.Count == 1 ? string.Empty : "s")}";
        }
        else if (values[0] >= values[1])
        {
            error = $"{key} needs low < high, got [{Text(values[0])}, {Text(values[1])}]";
        }
        else if (kind == SearchRangeKind.LogUniform && values[0] <= 0)
        {
            error = $"log_uniform needs low > 0 (its scale is logarithmic), got {Text(values[0])}";
        }
        else if (kind == SearchRangeKind.IntUniform && fractions.Count > 0)
        {
            error = $"int_uniform takes integers, got {Text(fractions[0])}";
        }

        return error.Length == 0 ? new SearchRange(kind, values[0], values[1], []) : null;
    }

    /// <summary>The config key of the kind, e.g. <c>log_uniform</c>.</summary>
    [JsonIgnore]
    public string Key => Keys[(int)Kind];

    /// <summary>The value at <paramref name="u"/> in [0, 1): on the log scale for log_uniform, the floor for int_uniform,
    /// the index for a choice; a value past the top end is clamped to it.</summary>
    public double At(double u) => Kind switch
    {
        SearchRangeKind.LogUniform => Math.Clamp(Math.Exp(Math.Log(Low) + (u * (Math.Log(High) - Math.Log(Low)))), Low, High),
        SearchRangeKind.Uniform => Math.Min(High, Low + (u * (High - Low))),
        SearchRangeKind.IntUniform => Math.Min(High, Math.Floor(Low + (u * (High - Low + 1)))),
        _ => Choices[Math.Min(Choices.Count - 1, (int)(u * Choices.Count))],
    };

    /// <summary>Where <paramref name="value"/> sits: 0 at the low end, 1 at the high end (log scale for log_uniform;
    /// index / (count − 1) for a choice, 0 for a choice of one).</summary>
    public double Position(double value) => Kind switch
    {
        SearchRangeKind.LogUniform => (Math.Log(value) - Math.Log(Low)) / (Math.Log(High) - Math.Log(Low)),
        SearchRangeKind.Choice => Choices.Count < 2 ? 0 : Index(value) / (double)(Choices.Count - 1),
        _ => (value - Low) / (High - Low),
    };

    /// <summary>The range as the config writes it, e.g. <c>{ log_uniform: [0.001, 1] }</c>.</summary>
    public override string ToString()
    {
        IEnumerable<double> values = Kind == SearchRangeKind.Choice ? Choices : [Low, High];
        return $"{{ {Key}: [{string.Join(", ", values.Select(Text))}] }}";
    }

    /// <summary>The values the range can take at its ends (a choice: all of them), for checking against a parameter's range.</summary>
    [JsonIgnore]
    public IReadOnlyList<double> Ends => Kind == SearchRangeKind.Choice ? Choices : [Low, High];

    private static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private int Index(double value)
    {
        for (int i = 0; i < Choices.Count; i++)
        {
            if (Choices[i].Equals(value))
            {
                return i;
            }
        }

        return 0;
    }
}
