namespace DescentLab.Host.Commands;

/// <summary>Settings given on the command line (<c>--DescentLab:Key=value</c>, <c>--Serilog:MinimumLevel:Default=Debug</c>):
/// a token that starts with <c>--</c> and whose name before the first <c>=</c> holds a <c>:</c>. They are taken out of
/// the arguments before the command is parsed, so every command accepts them and none reads one as a file.</summary>
public static class SettingsTokens
{
    /// <summary>The hidden option each setting is carried in while the command line is parsed.</summary>
    public const string OptionName = "--setting";

    /// <summary>True when <paramref name="token"/> is a setting such as <c>--DescentLab:Parallel=2</c>.</summary>
    public static bool IsSetting(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        int equals = token.IndexOf('=', StringComparison.Ordinal);
        return token.StartsWith("--", StringComparison.Ordinal) && equals > 2 && token.AsSpan(2, equals - 2).Contains(':');
    }

    /// <summary><paramref name="args"/> with each setting rewritten as <c>--setting Key=value</c>; tokens after a lone
    /// <c>--</c> are left as they are.</summary>
    public static string[] Carry(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var carried = new List<string>(args.Count);
        bool literal = false;
        foreach (string token in args)
        {
            literal |= token == "--";
            if (!literal && IsSetting(token))
            {
                carried.Add(OptionName);
                carried.Add(token[2..]);
            }
            else
            {
                carried.Add(token);
            }
        }

        return [.. carried];
    }

    /// <summary>The settings carried by <see cref="Carry"/>, back in the <c>--Key=value</c> form the host's command-line
    /// configuration reads.</summary>
    public static string[] Of(System.CommandLine.ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        return [.. (parseResult.GetValue<string[]>(OptionName) ?? []).Select(setting => "--" + setting)];
    }
}
