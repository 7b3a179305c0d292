using System.Globalization;
using System.Text;

namespace DescentLab.Experiments.Results;

/// <summary>A run's hyper-parameters other than lr and step, by name in the variant's declaration order; equal when the
/// names and the values (bit for bit) are.</summary>
/// <remarks>Written in summary.csv and history.db as <c>name=value</c> pairs joined by <c>;</c> with round-trip values,
/// e.g. <c>beta1=0.9;beta2=0.999;eps=1E-08</c>; <see cref="TryParse"/> reads that text back.</remarks>
public sealed class HyperValues : IEquatable<HyperValues>
{
    private HyperValues(IReadOnlyList<KeyValuePair<string, double>> pairs) => Pairs = pairs;

    /// <summary>No hyper-parameters.</summary>
    public static HyperValues Empty { get; } = new([]);

    /// <summary>The values, in order.</summary>
    public IReadOnlyList<KeyValuePair<string, double>> Pairs { get; }

    /// <summary>The hyper-parameters <paramref name="pairs"/>, in that order.</summary>
    /// <exception cref="ArgumentException">A name is empty, repeated, or holds <c>=</c> or <c>;</c>.</exception>
    public static HyperValues Of(IEnumerable<KeyValuePair<string, double>> pairs)
    {
        var list = pairs.ToList();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, _) in list)
        {
            if (name.Length == 0 || name.Contains('=', StringComparison.Ordinal) || name.Contains(';', StringComparison.Ordinal) || !names.Add(name))
            {
                throw new ArgumentException($"'{name}' is not a usable hyper-parameter name (empty, repeated, or holding '=' or ';').", nameof(pairs));
            }
        }

        return list.Count == 0 ? Empty : new HyperValues(list);
    }

    /// <summary>Reads the text written by <see cref="ToString"/>; false if it is not such text.</summary>
    public static bool TryParse(string text, out HyperValues values)
    {
        values = Empty;
        if (text.Length == 0)
        {
            return true;
        }

        var pairs = new List<KeyValuePair<string, double>>();
        foreach (string pair in text.Split(';'))
        {
            int equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0 || pairs.Any(p => p.Key == pair[..equals])
                || !double.TryParse(pair.AsSpan(equals + 1), NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
            {
                return false;
            }

            pairs.Add(new(pair[..equals], value));
        }

        values = new HyperValues(pairs);
        return true;
    }

    /// <summary><c>name=value</c> pairs joined by <c>;</c>, values in round-trip form.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (var (name, value) in Pairs)
        {
            text.Append(text.Length == 0 ? string.Empty : ";").Append(name).Append('=').Append(value.ToString("R", CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }

    /// <inheritdoc/>
    public bool Equals(HyperValues? other) =>
        other is not null && Pairs.Count == other.Pairs.Count
        && Pairs.Zip(other.Pairs).All(p => p.First.Key == p.Second.Key && p.First.Value.Equals(p.Second.Value));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as HyperValues);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var (name, value) in Pairs)
        {
            hash.Add(name, StringComparer.Ordinal);
            hash.Add(value);
        }

        return hash.ToHashCode();
    }
}
