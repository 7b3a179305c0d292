using System.Text;

namespace DescentLab.Experiments.Config.Schema;

/// <summary>docs/config.md's key reference: the Markdown tables of <see cref="ConfigKeys"/>, one per mapping, written
/// between two marker comments so the prose around them stays hand-written.</summary>
public static class ConfigReference
{
    /// <summary>The line that opens the generated section.</summary>
    public const string Begin = "<!-- config-keys:begin (generated from ConfigKeys.cs; DESCENTLAB_UPDATE_GOLDEN=1 dotnet test --filter ConfigReferenceTests rewrites it) -->";

    /// <summary>The line that closes the generated section.</summary>
    public const string End = "<!-- config-keys:end -->";

    private static readonly (string Parent, string Heading)[] Tables =
    [
        (string.Empty, "Top-level keys"),
        (ConfigKeys.Dataset, "A dataset entry (`datasets[]`)"),
        (ConfigKeys.ModelSettings, "A model's settings (`models[].<model>`)"),
        (ConfigKeys.VariantSettings, "A variant's settings (`variants[].<variant>`)"),
        (ConfigKeys.External, "An external variant's own settings (`variants[].external`)"),
        ("stop", "`stop`"),
        ("regression", "`regression`"),
        ("report", "`report`"),
        ("tune", "`tune`"),
    ];

    /// <summary>The generated section, markers included, with "\n" line ends.</summary>
    public static string ToMarkdown()
    {
        var text = new StringBuilder();
        text.Append(Begin).Append('\n');
        foreach (var (parent, heading) in Tables)
        {
            text.Append("\n### ").Append(heading).Append("\n\n");
            text.Append("| key | type | range | default | description |\n|---|---|---|---|---|\n");
            foreach (var key in ConfigKeys.All.Where(k => k.Parent == parent))
            {
                text.Append($"| `{key.Name}` | {Type(key)} | {key.Range} | {key.DefaultShown} | {key.Description} |\n");
            }
        }

        text.Append('\n').Append(End);
        return text.ToString();
    }

    /// <summary><paramref name="document"/> with its generated section replaced by <see cref="ToMarkdown"/>.</summary>
    /// <exception cref="InvalidOperationException">The document lacks the markers.</exception>
    public static string Update(string document)
    {
        int begin = document.IndexOf("<!-- config-keys:begin", StringComparison.Ordinal);
        int end = document.IndexOf(End, StringComparison.Ordinal);
        if (begin < 0 || end < begin)
        {
            throw new InvalidOperationException($"the document has no section between '{Begin}' and '{End}'");
        }

        return document[..begin] + ToMarkdown() + document[(end + End.Length)..];
    }

    private static string Type(ConfigKey key) => key.Kind switch
    {
        ConfigKeyKind.Integer => "integer",
        ConfigKeyKind.Number => "number",
        ConfigKeyKind.Boolean => "`true` or `false`",
        ConfigKeyKind.Text => "text",
        ConfigKeyKind.Choice => string.Join(" or ", key.Choices.Select(c => $"`{c}`")),
        ConfigKeyKind.List => "list",
        _ => "mapping",
    };
}
