using System.Text;

namespace DescentLab.Tests.Support;

/// <summary>The structure of a Markdown report: headings, table header rows and image links, one per line.</summary>
public static class ReportOutline
{
    /// <summary>The outline of <paramref name="markdown"/>; fenced code is skipped.</summary>
    public static string Of(string markdown)
    {
        var lines = markdown.Split('\n');
        var outline = new StringBuilder();
        bool inFence = false;
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i];
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                inFence = !inFence;
                outline.Append("fence").Append(line.TrimStart('`')).Append(inFence ? " open" : " close").Append('\n');
                continue;
            }

            if (inFence)
            {
                continue;
            }

            if (line.StartsWith('#'))
            {
                outline.Append(line).Append('\n');
            }
            else if (line.StartsWith('|') && i + 1 < lines.Length && lines[i + 1].StartsWith("|---", StringComparison.Ordinal))
            {
                outline.Append("table ").Append(line).Append('\n');
            }
            else if (line.StartsWith("![", StringComparison.Ordinal))
            {
                outline.Append("image ").Append(line[(line.LastIndexOf("](", StringComparison.Ordinal) + 2)..^1]).Append('\n');
            }
        }

        return outline.ToString();
    }
}
