namespace DescentLab.Experiments.Config;

/// <summary>One <c>--set KEY=VALUE</c>: a dotted key into the config (<c>stop.max_epochs</c>, <c>variants.sgd.lr</c>,
/// <c>datasets[0].n</c>) and a YAML value (<c>50</c>, <c>[0.1, 0.5]</c>, <c>{lr: 0.1}</c>).</summary>
/// <param name="Key">The key as written.</param>
/// <param name="Value">The value as written (YAML; nothing is null).</param>
public sealed record ConfigOverride(string Key, string Value)
{
    /// <summary>The override as given on the command line: <c>KEY=VALUE</c>.</summary>
    public string Text => $"{Key}={Value}";

    /// <summary>Splits <paramref name="text"/> at its first <c>=</c>; null and <paramref name="error"/> when it is not
    /// <c>KEY=VALUE</c> with a well-formed key.</summary>
    public static ConfigOverride? TryParse(string text, out string error)
    {
        ArgumentNullException.ThrowIfNull(text);
        int equals = text.IndexOf('=', StringComparison.Ordinal);
        if (equals < 0)
        {
            error = $"--set {text}: expected KEY=VALUE, e.g. --set variants.sgd.lr=0.9";
            return null;
        }

        string key = text[..equals];
        if (ConfigOverridePath.Parse(key, out string keyError) is null)
        {
            error = $"--set {text}: {keyError}";
            return null;
        }

        error = string.Empty;
        return new ConfigOverride(key, text[(equals + 1)..]);
    }
}
