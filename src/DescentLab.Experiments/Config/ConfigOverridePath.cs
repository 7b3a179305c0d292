using System.Globalization;

namespace DescentLab.Experiments.Config;

/// <summary>The steps of an override's key: <c>variants[2].sgd.lr</c> is the key <c>variants</c>, item 2, the key
/// <c>sgd</c>, the key <c>lr</c>. A key step at a list picks the item of that name.</summary>
internal static class ConfigOverridePath
{
    /// <summary>Most steps a key may have; deeper than any config.</summary>
    private const int MaxSteps = 32;

    /// <summary>The steps of <paramref name="key"/>, or null and <paramref name="error"/> when it is malformed.</summary>
    public static IReadOnlyList<Step>? Parse(string key, out string error)
    {
        const string Form = "expected a key such as stop.max_epochs, variants.sgd.lr or datasets[0].n";
        var steps = new List<Step>();
        error = string.Empty;
        foreach (string segment in key.Split('.'))
        {
            int bracket = segment.IndexOf('[', StringComparison.Ordinal);
            string name = bracket < 0 ? segment : segment[..bracket];
            if (name.Length == 0 || name.AsSpan().IndexOfAny("]= \t") >= 0)
            {
                error = $"{Form}, got '{key}'";
                return null;
            }

            steps.Add(new Step(name, null));
            for (string rest = bracket < 0 ? string.Empty : segment[bracket..]; rest.Length > 0;)
            {
                int close = rest.IndexOf(']', StringComparison.Ordinal);
                if (!rest.StartsWith('[') || close < 0
                    || !int.TryParse(rest.AsSpan(1, close - 1), NumberStyles.None, CultureInfo.InvariantCulture, out int index))
                {
                    error = $"{Form} (an item index is [0], [1], ...), got '{key}'";
                    return null;
                }

                steps.Add(new Step(null, index));
                rest = rest[(close + 1)..];
            }
        }

        if (steps.Count > MaxSteps)
        {
            error = $"a key of at most {MaxSteps} steps, got {steps.Count}";
            return null;
        }

        return steps;
    }

    /// <summary>One step: a key (or the name of a list item), or an item index.</summary>
    public sealed record Step(string? Name, int? Index)
    {
        /// <summary>The step as written in a key.</summary>
        public override string ToString() => Name ?? $"[{Index}]";
    }
}
