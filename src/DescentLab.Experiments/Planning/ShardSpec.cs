using System.Globalization;

namespace DescentLab.Experiments.Planning;

/// <summary>Shard K of N (1-based): runs whose plan index i has <c>i mod N = K - 1</c>.</summary>
/// <remarks>Round-robin keeps shards balanced whatever the matrix order, and lets merge restore plan order from K and N alone.</remarks>
public sealed record ShardSpec(int Index, int Count)
{
    /// <summary>Parses <c>K/N</c>; null with an error message if malformed.</summary>
    public static ShardSpec? TryParse(string text, out string error)
    {
        var parts = text.Split('/');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int k)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int n)
            && n >= 1 && k >= 1 && k <= n)
        {
            error = string.Empty;
            return new ShardSpec(k, n);
        }

        error = $"--shard expects K/N with 1 <= K <= N (e.g. 2/4), got '{text}'";
        return null;
    }

    /// <summary>Whether the run at plan index <paramref name="planIndex"/> belongs to this shard.</summary>
    public bool Includes(int planIndex) => planIndex % Count == Index - 1;

    /// <summary><c>K/N</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Index}/{Count}");
}
