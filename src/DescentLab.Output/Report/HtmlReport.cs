using System.Net;
using System.Text;
using Markdig;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace DescentLab.Output.Report;

/// <summary>report.html: report.md rendered by Markdig (pipe tables and the other GitHub extensions) in a standalone page:
/// an inline stylesheet, a folded table of contents at the side, every table in its own scrolling box, and images embedded as data URIs
/// when their bytes are given, so the page shows its plots even when downloaded alone.</summary>
public static class HtmlReport
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    // No Markdown text or URL contains these: the page's own report links are relative paths.
    private const string ImagePlaceholder = "descentlab-embedded-image-";

    private const string ImagePlaceholderEnd = ".embedded";

    private const string Style = """
        body { margin: 0; background: #fff; color: #1f2328; font: 15px/1.5 "DejaVu Sans", -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; }
        main { max-width: 1040px; margin: 0 auto; padding: 8px 32px 64px; }
        nav.toc { position: fixed; top: 8px; right: 8px; z-index: 1; max-width: 22em; max-height: calc(100vh - 16px); overflow: auto; background: #f6f8fa; border: 1px solid #d1d9e0; border-radius: 6px; padding: 4px 12px; }
        nav.toc summary { cursor: pointer; font-weight: 600; }
        nav.toc ul { margin: 0; padding-left: 1.2em; }
        div.scroll { overflow: auto; max-width: 100%; max-height: 36em; margin: .6em 0; border: 1px solid #d1d9e0; width: fit-content; }
        div.scroll table { margin: 0; }
        h1, h2 { border-bottom: 1px solid #d1d9e0; padding-bottom: .3em; }
        h1 { margin: .4em 0 .3em; }
        h2 { margin-top: 1.2em; }
        table { border-collapse: collapse; margin: 1em 0; }
        th { position: sticky; top: 0; background: #fff; }
        th, td { border: 1px solid #d1d9e0; padding: 2px 8px; line-height: 1.35; }
        td { white-space: nowrap; }
        tr:nth-child(2n) { background: #f6f8fa; }
        code { font: 13px "DejaVu Sans Mono", ui-monospace, Menlo, Consolas, monospace; background: #eff1f3; padding: .1em .3em; border-radius: 4px; }
        pre { background: #f6f8fa; padding: 12px 16px; overflow-x: auto; border-radius: 6px; }
        pre code { background: none; padding: 0; }
        img { max-width: 100%; height: auto; border: 1px solid #d1d9e0; }
        """;

    /// <summary>Writes the page for <paramref name="markdown"/>; the title is its first heading.</summary>
    /// <param name="markdown">report.md.</param>
    /// <param name="writer">Where the page goes.</param>
    /// <param name="image">The bytes of a relative image link (a PNG), or null to keep that link as it is.</param>
    public static void Write(string markdown, TextWriter writer, Func<string, byte[]?>? image = null)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        var embedded = image is null ? [] : Embed(document, image);

        LinkPages(document);

        string title = document.Descendants<HeadingBlock>().FirstOrDefault() is { Inline: { } inline } ? PlainText(inline) : "DescentLab report";
        writer.Write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        writer.Write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        writer.Write("<title>" + WebUtility.HtmlEncode(title) + "</title>\n<style>\n" + Style.Replace("\r\n", "\n", StringComparison.Ordinal) + "\n</style>\n</head>\n<body>\n<main>\n");
        writer.Write(Contents(document));
        string body = document.ToHtml(Pipeline).Replace("\r\n", "\n", StringComparison.Ordinal)
            .Replace("<table>", "<div class=\"scroll\"><table>", StringComparison.Ordinal).Replace("</table>", "</table></div>", StringComparison.Ordinal);
        WriteWithImages(writer, body, embedded);
        writer.Write("</main>\n</body>\n</html>\n");
    }

    /// <summary>The page as a string.</summary>
    public static string ToHtml(string markdown, Func<string, byte[]?>? image = null)
    {
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        Write(markdown, writer, image);
        return writer.ToString();
    }

    /// <summary>Points each relative image link with bytes at a placeholder and returns the images' data URIs in
    /// placeholder order.</summary>
    /// <remarks>The megabytes of base64 go in after Markdig has rendered the page (<see cref="WriteWithImages"/>), so they
    /// are neither escaped character by character nor copied by the string replacements.</remarks>
    private static List<byte[]> Embed(MarkdownDocument document, Func<string, byte[]?> image)
    {
        var embedded = new List<byte[]>();
        foreach (var link in document.Descendants<LinkInline>().Where(l => l.IsImage && l.Url is { } url && !url.Contains(':', StringComparison.Ordinal)))
        {
            if (image(Uri.UnescapeDataString(link.Url!)) is { } bytes)
            {
                link.Url = ImagePlaceholder + embedded.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) + ImagePlaceholderEnd;
                embedded.Add(bytes);
            }
        }

        return embedded;
    }

    /// <summary>Writes <paramref name="body"/> with each image placeholder replaced by its data URI (text that only looks
    /// like one is written as it is).</summary>
    private static void WriteWithImages(TextWriter writer, string body, IReadOnlyList<byte[]> embedded)
    {
        int at = 0;
        int from = 0;
        while (embedded.Count > 0 && body.IndexOf(ImagePlaceholder, from, StringComparison.Ordinal) is int start and >= 0)
        {
            int digits = start + ImagePlaceholder.Length;
            int end = body.IndexOf(ImagePlaceholderEnd, digits, StringComparison.Ordinal);
            from = digits;
            if (end < 0 || !int.TryParse(body.AsSpan(digits, end - digits), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int index)
                || index >= embedded.Count)
            {
                continue;
            }

            writer.Write(body.AsSpan(at, start - at));
            WriteDataUri(writer, embedded[index]);
            at = from = end + ImagePlaceholderEnd.Length;
        }

        writer.Write(body.AsSpan(at));
    }

    /// <summary>Writes <paramref name="png"/> as a data URI, in pieces: a report's images are megabytes, and one string per
    /// image (then one for the page) cost more than everything else in the page.</summary>
    private static void WriteDataUri(TextWriter writer, byte[] png)
    {
        writer.Write("data:image/png;base64,");
        const int Piece = 3 * 4096;
        char[] text = System.Buffers.ArrayPool<char>.Shared.Rent(4 * Piece / 3);
        try
        {
            for (int at = 0; at < png.Length; at += Piece)
            {
                Convert.TryToBase64Chars(png.AsSpan(at, Math.Min(Piece, png.Length - at)), text, out int written);
                writer.Write(text, 0, written);
            }
        }
        finally
        {
            System.Buffers.ArrayPool<char>.Shared.Return(text);
        }
    }

    /// <summary>Relative links to a report.md or a course's index.md point at the HTML page written next to it, so the
    /// HTML pages link to each other.</summary>
    private static void LinkPages(MarkdownDocument document)
    {
        foreach (var link in document.Descendants<LinkInline>().Where(l => !l.IsImage && l.Url is { } url && !url.Contains(':', StringComparison.Ordinal)))
        {
            string url = link.Url!;
            int hash = url.IndexOf('#', StringComparison.Ordinal);
            string file = hash < 0 ? url : url[..hash];
            if (file.EndsWith("report.md", StringComparison.Ordinal) || file.EndsWith("index.md", StringComparison.Ordinal))
            {
                link.Url = file[..^2] + "html" + (hash < 0 ? string.Empty : url[hash..]);
            }
        }
    }

    /// <summary>A table of contents of the second- and third-level headings, linked by Markdig's automatic ids.</summary>
    private static string Contents(MarkdownDocument document)
    {
        var headings = document.Descendants<HeadingBlock>().Where(h => h.Level is 2 or 3 && h.Inline is not null).ToList();
        if (headings.Count == 0)
        {
            return string.Empty;
        }

        // Folded, at the side: open in the flow, the list would fill the first screen and push the headline below it.
        var toc = new StringBuilder("<nav class=\"toc\"><details>\n<summary>Contents</summary>\n<ul>\n");
        bool open = false;
        foreach (var heading in headings)
        {
            string item = "<li><a href=\"#" + WebUtility.HtmlEncode(heading.GetAttributes().Id ?? string.Empty) + "\">" + WebUtility.HtmlEncode(PlainText(heading.Inline!)) + "</a>";
            if (heading.Level == 2)
            {
                toc.Append(open ? "</ul></li>\n" : string.Empty).Append(item).Append("<ul>\n");
                open = true;
            }
            else
            {
                toc.Append(item).Append("</li>\n");
            }
        }

        toc.Append(open ? "</ul></li>\n" : string.Empty).Append("</ul>\n</details></nav>\n");
        return toc.ToString();
    }

    private static string PlainText(ContainerInline inline) =>
        string.Concat(inline.Descendants<Inline>().Select(i => i switch
        {
            LiteralInline literal => literal.Content.ToString(),
            CodeInline code => code.Content,
            _ => string.Empty,
        }));
}
