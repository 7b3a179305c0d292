namespace DescentLab.Experiments.Config.Validation;

/// <summary>Builds key paths such as <c>variants[2].sgd.lr</c> for error messages.</summary>
internal static class KeyPath
{
    /// <summary><paramref name="parent"/>.<paramref name="key"/> (just the key at the top level).</summary>
    public static string Child(string parent, string key) => parent.Length == 0 ? key : $"{parent}.{key}";

    /// <summary><paramref name="parent"/>[<paramref name="index"/>].</summary>
    public static string Item(string parent, int index) => $"{parent}[{index}]";
}
