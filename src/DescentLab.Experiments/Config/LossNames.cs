using DescentLab.Core.Models;

namespace DescentLab.Experiments.Config;

/// <summary>Config and output spelling of <see cref="LossKind"/>: <c>mse</c> and <c>cross_entropy</c>.</summary>
public static class LossNames
{
    /// <summary>The snake_case key of <paramref name="loss"/>.</summary>
    public static string ToKey(LossKind loss) => loss switch
    {
        LossKind.Mse => "mse",
        LossKind.CrossEntropy => "cross_entropy",
        _ => throw new ArgumentOutOfRangeException(nameof(loss), loss, "Unknown loss."),
    };

    /// <summary>The loss spelt <paramref name="key"/>, or null.</summary>
    public static LossKind? Parse(string key)
    {
        foreach (var loss in Enum.GetValues<LossKind>())
        {
            if (ToKey(loss) == key)
            {
                return loss;
            }
        }

        return null;
    }

    /// <summary>Every key, in enum order.</summary>
    public static IReadOnlyList<string> All { get; } = Enum.GetValues<LossKind>().Select(ToKey).ToArray();
}
