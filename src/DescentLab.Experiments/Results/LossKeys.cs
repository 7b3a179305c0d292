using DescentLab.Core.Models;

namespace DescentLab.Experiments.Results;

/// <summary>The spellings of <see cref="LossKind"/> in configs, CSV and reports.</summary>
public static class LossKeys
{
    /// <summary><c>mse</c> or <c>cross_entropy</c>.</summary>
    public static string ToKey(LossKind loss) => loss switch
    {
        LossKind.Mse => "mse",
        LossKind.CrossEntropy => "cross_entropy",
        _ => throw new ArgumentOutOfRangeException(nameof(loss), loss, null),
    };

    /// <summary>Parses a key written by <see cref="ToKey"/>.</summary>
    public static bool TryParse(string key, out LossKind loss)
    {
        foreach (var candidate in Enum.GetValues<LossKind>())
        {
            if (ToKey(candidate) == key)
            {
                loss = candidate;
                return true;
            }
        }

        loss = default;
        return false;
    }
}
