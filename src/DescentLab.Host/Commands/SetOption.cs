using System.CommandLine;
using DescentLab.Experiments.Config;

namespace DescentLab.Host.Commands;

/// <summary><c>--set KEY=VALUE</c> (run, validate, variants; repeatable): overrides one value of every config given, as if
/// the file said so; the overrides are validated with the file and recorded in the manifest.</summary>
public static class SetOption
{
    /// <summary>The option's name.</summary>
    public const string Name = "--set";

    /// <summary>The option.</summary>
    public static Option<string[]> Create() => new(Name)
    {
        Description = "Override one config value, e.g. --set stop.max_epochs=50 or --set variants.sgd.lr=[0.1,0.5] (repeatable; the value is YAML).",
        Arity = ArgumentArity.OneOrMore,
        AllowMultipleArgumentsPerToken = false,
    };

    /// <summary>The overrides given, or null after printing why one is not <c>KEY=VALUE</c>.</summary>
    public static IReadOnlyList<ConfigOverride>? Parse(ParseResult parseResult, Option<string[]> option, CliOutput output)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        ArgumentNullException.ThrowIfNull(output);
        var overrides = new List<ConfigOverride>();
        bool valid = true;
        foreach (string text in parseResult.GetValue(option) ?? [])
        {
            if (ConfigOverride.TryParse(text, out string error) is { } parsed)
            {
                overrides.Add(parsed);
            }
            else
            {
                output.Error.WriteLine(error);
                valid = false;
            }
        }

        return valid ? overrides : null;
    }

    /// <summary>The overrides as command-line words, each quoted for a POSIX shell where it needs to be:
    /// <c> --set stop.max_epochs=50 --set 'variants.sgd.lr=[0.1, 0.5]'</c>.</summary>
    public static string CommandLine(IEnumerable<ConfigOverride> overrides) =>
        string.Concat(overrides.Select(o => $" {Name} {ShellWord(o.Text)}"));

    /// <summary><paramref name="word"/> as one shell word: as it is when it holds only characters no shell treats
    /// specially, else in single quotes (a quote inside becomes <c>'\''</c>).</summary>
    private static string ShellWord(string word) =>
        word.Length > 0 && word.All(c => char.IsAsciiLetterOrDigit(c) || "._-=/:,+@%".Contains(c, StringComparison.Ordinal))
            ? word
            : "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
