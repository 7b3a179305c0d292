namespace DescentLab.Experiments.Config;

/// <summary>One mistake in a config: where, which key, what was expected.</summary>
/// <param name="File">Config file path as given on the command line.</param>
/// <param name="Line">1-based line (0 when the whole file is concerned).</param>
/// <param name="Column">1-based column (0 when the whole file is concerned).</param>
/// <param name="KeyPath">Key path such as <c>variants[2].sgd.lr</c>; empty for the whole file.</param>
/// <param name="Message">What is wrong and what was expected, with a did-you-mean where one fits.</param>
public sealed record ConfigError(string File, int Line, int Column, string KeyPath, string Message)
{
    /// <summary>The <c>--set KEY=VALUE</c> override the error is in (then <see cref="Line"/> and <see cref="Column"/> are
    /// 0), or null for an error in the file.</summary>
    public string? Override { get; init; }

    /// <summary><c>file:line:col: key.path: message</c>, or <c>file: --set KEY=VALUE: key.path: message</c> for an override
    /// (the key path only where it is not the override's own key).</summary>
    public override string ToString()
    {
        string where = Override is null ? $"{File}:{Line}:{Column}" : $"{File}: --set {Override}";
        return KeyPath.Length == 0 ? $"{where}: {Message}" : $"{where}: {KeyPath}: {Message}";
    }
}
