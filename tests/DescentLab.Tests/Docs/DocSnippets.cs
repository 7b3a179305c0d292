using System.Text.RegularExpressions;

namespace DescentLab.Tests.Docs;

/// <summary>Finds every <see cref="DocSnippet"/> in README.md and docs/*.md.</summary>
/// <remarks>
/// A fenced block is skipped on purpose when the nearest non-blank line before its fence is
/// <c>&lt;!-- excerpt: reason --&gt;</c> (commands) or <c>&lt;!-- fragment: reason --&gt;</c> (configs); an inline command is
/// skipped when its line carries such a comment. An inline command with a placeholder (an upper-case word such as CONFIG
/// or RUNDIR, <c>[…]</c>, <c>&lt;…&gt;</c>, <c>…</c> or <c>$VAR</c>) is a synopsis, not a command.
/// </remarks>
public static partial class DocSnippets
{
    /// <summary>The documents searched, relative to the repository.</summary>
    public static IReadOnlyList<string> Documents(string root) =>
        [
            "README.md",
            .. Directory.EnumerateFiles(Path.Combine(root, "docs"), "*.md").Select(f => "docs/" + Path.GetFileName(f)).Order(StringComparer.Ordinal),
        ];

    /// <summary>Every snippet of every document, in document then line order.</summary>
    public static IReadOnlyList<DocSnippet> All(string root) => [.. Documents(root).SelectMany(d => Read(d, File.ReadAllText(Path.Combine(root, d))))];

    /// <summary>The snippets of one document.</summary>
    public static IEnumerable<DocSnippet> Read(string document, string text)
    {
        string[] lines = text.ReplaceLineEndings("\n").Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            var fence = Fence().Match(lines[i]);
            if (fence.Success)
            {
                int end = Array.FindIndex(lines, i + 1, l => l.StartsWith(fence.Groups["ticks"].Value, StringComparison.Ordinal));
                end = end < 0 ? lines.Length : end;
                string body = string.Join('\n', lines[(i + 1)..end]);
                string language = fence.Groups["lang"].Value;
                var kind = language switch
                {
                    "sh" or "bash" => DocSnippetKind.ShellBlock,
                    "yaml" or "json" => DocSnippetKind.Config,
                    "" when lines[(i + 1)..end].Any(l => l.TrimStart().StartsWith("descentlab ", StringComparison.Ordinal)) => DocSnippetKind.ShellBlock,
                    _ => (DocSnippetKind?)null,
                };
                if (kind is { } found)
                {
                    string? mark = MarkBefore(lines, i, found == DocSnippetKind.Config ? "fragment" : "excerpt");
                    yield return new DocSnippet(document, i + 1, found, body, mark);
                }

                i = end;
                continue;
            }

            string? lineMark = Mark().Match(lines[i]) is { Success: true } m ? m.Groups["reason"].Value.Trim() : null;
            foreach (Match span in Inline().Matches(lines[i]))
            {
                string command = span.Groups["command"].Value;
                yield return new DocSnippet(document, i + 1, DocSnippetKind.InlineCommand, command, lineMark ?? (Placeholder().IsMatch(command) ? "synopsis" : null));
            }
        }
    }

    /// <summary>The reason of the mark of <paramref name="kind"/> on the nearest non-blank line above line <paramref name="fence"/>, or null.</summary>
    private static string? MarkBefore(string[] lines, int fence, string kind)
    {
        for (int i = fence - 1; i >= 0; i--)
        {
            if (lines[i].Trim().Length == 0)
            {
                continue;
            }

            var mark = Mark().Match(lines[i]);
            return mark.Success && mark.Groups["kind"].Value == kind ? mark.Groups["reason"].Value.Trim() : null;
        }

        return null;
    }

    [GeneratedRegex(@"^(?<ticks>```+)(?<lang>[a-z]*)\s*$")]
    private static partial Regex Fence();

    [GeneratedRegex(@"<!-- (?<kind>excerpt|fragment): (?<reason>.+?) -->")]
    private static partial Regex Mark();

    [GeneratedRegex(@"(?<!`)`(?<command>descentlab [^`]*)`(?!`)")]
    private static partial Regex Inline();

    [GeneratedRegex(@"\b[A-Z][A-Z_]+\b|\[|<|…|\.\.\.|\$")]
    private static partial Regex Placeholder();
}
