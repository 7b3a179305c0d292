using System.Text;

namespace DescentLab.Output.Report;

/// <summary>Writes GitHub-flavoured Markdown blocks with '\n' line ends on any OS, escaping text where it lands.</summary>
internal sealed class MarkdownWriter
{
    private readonly TextWriter _writer;

    /// <summary>Writes to <paramref name="writer"/>.</summary>
    public MarkdownWriter(TextWriter writer) => _writer = writer;

    /// <summary>Escapes Markdown punctuation (and the table separator) in plain text; newlines become spaces.</summary>
    public static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            if (c is '\r' or '\n')
            {
                escaped.Append(' ');
                continue;
            }

            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '|' or '#' or '!')
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return escaped.ToString();
    }

    /// <summary>A code span; text with a '|' becomes escaped plain text instead, because inside a table GitHub drops
    /// the backslash of "\|" in a code span but Markdig (report.html) keeps it.</summary>
    public static string Code(string text)
    {
        string flat = text.Replace('\n', ' ').Replace('\r', ' ');
        if (flat.Contains('|', StringComparison.Ordinal))
        {
            return Escape(flat);
        }

        string ticks = new('`', LongestRun(flat, '`') + 1);
        string pad = flat.StartsWith('`') || flat.EndsWith('`') ? " " : string.Empty;
        return ticks + pad + flat + pad + ticks;
    }

    /// <summary>A heading of <paramref name="level"/> (1-6) from plain text.</summary>
    public void Heading(int level, string text) => Block(new string('#', level) + " " + Escape(text));

    /// <summary>A paragraph of already-formatted Markdown.</summary>
    public void Paragraph(string markdown) => Block(markdown);

    /// <summary>A bullet list of already-formatted Markdown items.</summary>
    public void Bullets(IEnumerable<string> items) => Block(string.Join("\n", items.Select(i => "- " + i)));

    /// <summary>An image with alt text and a relative link.</summary>
    public void Image(string alt, string relativePath) => Block($"![{Escape(alt)}]({relativePath.Replace(" ", "%20", StringComparison.Ordinal)})");

    /// <summary>A fenced code block, its fence longer than any backtick run inside.</summary>
    public void Fence(string language, string content)
    {
        string fence = new('`', Math.Max(3, LongestRun(content, '`') + 1));
        Block(fence + language + "\n" + content.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n') + "\n" + fence);
    }

    /// <summary>Widest a table line may be, in characters: wider tables are split into several that each repeat the
    /// first column, so a table reads without scrolling on GitHub and in a terminal.</summary>
    public const int MaxTableWidth = 160;

    /// <summary>A pipe table: headers, one alignment per column ('l' or 'r'), cells of already-formatted Markdown; split
    /// by columns into tables at most <see cref="MaxTableWidth"/> wide where one table would be wider.</summary>
    public void Table(IReadOnlyList<string> headers, string alignments, IEnumerable<IReadOnlyList<string>> rows)
    {
        IReadOnlyList<IReadOnlyList<string>> lines = [headers, .. rows];
        foreach (var columns in ColumnGroups(lines, headers.Count))
        {
            var table = new StringBuilder();
            table.Append("| ").AppendJoin(" | ", columns.Select(c => headers[c])).Append(" |\n|");
            foreach (int c in columns)
            {
                table.Append(alignments[c] == 'r' ? "---:|" : "---|");
            }

            foreach (var row in lines.Skip(1))
            {
                table.Append("\n| ").AppendJoin(" | ", columns.Select(c => row[c])).Append(" |");
            }

            Block(table.ToString());
        }
    }

    /// <summary>The columns of each table: the first column, then as many of the next ones as fit the width.</summary>
    private static List<List<int>> ColumnGroups(IReadOnlyList<IReadOnlyList<string>> lines, int count)
    {
        // "| a | b |" is the cells plus 3 characters per column plus 1.
        int Width(IReadOnlyList<int> columns) => lines.Max(line => columns.Sum(c => line[c].Length + 3) + 1);
        var groups = new List<List<int>> { new() { 0 } };
        for (int c = 1; c < count; c++)
        {
            var current = groups[^1];
            if (current.Count > 1 && Width([.. current, c]) > MaxTableWidth)
            {
                groups.Add([0]);
                current = groups[^1];
            }

            current.Add(c);
        }

        return groups;
    }

    private void Block(string text)
    {
        _writer.Write(text);
        _writer.Write("\n\n");
    }

    private static int LongestRun(string text, char c)
    {
        int longest = 0;
        int run = 0;
        foreach (char x in text)
        {
            run = x == c ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        return longest;
    }
}
