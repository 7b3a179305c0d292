namespace DescentLab.Experiments.Config.Nodes;

/// <summary>Turns a YAML or JSON parser's complaint into a <see cref="ConfigError"/> worded like ours.</summary>
internal static class SyntaxErrors
{
    /// <summary>An error at the parser's position: <c>syntax error: did not find expected key</c>.</summary>
    public static ConfigError Create(string file, int line, int column, string parserMessage)
    {
        string text = parserMessage.Trim().TrimEnd('.');
        if (text.Length > 0)
        {
            text = char.ToLowerInvariant(text[0]) + text[1..];
        }

        return new ConfigError(file, line, column, string.Empty, $"syntax error: {text}");
    }
}
