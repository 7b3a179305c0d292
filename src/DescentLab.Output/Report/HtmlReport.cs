using System.Net;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace DescentLab.Output.Report;

/// <summary>report.html: report.md rendered by Markdig (pipe tables and the other GitHub extensions) in a standalone page
/// with a small inline stylesheet; images stay relative links, so the page works from the run folder.</summary>
public static class HtmlReport
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    private const string Style = """
        body { margin: 0; background: #fff; color: #1f2328; font: 15px/1.5 "DejaVu Sans", -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; }
        main { max-width: 1040px; margin: 0 auto; padding: 24px 32px 64px; }
        h1, h2 { border-bottom: 1px solid #d1d9e0; padding-bottom: .3em; }
        h2 { margin-top: 2em; }
        table { border-collapse: collapse; margin: 1em 0; display: block; overflow-x: auto; }
        th, td { border: 1px solid #d1d9e0; padding: 4px 10px; }
        td { white-space: nowrap; }
        tr:nth-child(2n) { background: #f6f8fa; }
        code { font: 13px "DejaVu Sans Mono", ui-monospace, Menlo, Consolas, monospace; background: #eff1f3; padding: .1em .3em; border-radius: 4px; }
        pre { background: #f6f8fa; padding: 12px 16px; overflow-x: auto; border-radius: 6px; }
        pre code { background: none; padding: 0; }
        img { max-width: 100%; height: auto; border: 1px solid #d1d9e0; }
        """;

    /// <summary>Writes the page for <paramref name="markdown"/>; the title is its first heading.</summary>
    public static void Write(string markdown, TextWriter writer)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        string title = document.Descendants<HeadingBlock>().FirstOrDefault() is { Inline: { } inline } ? PlainText(inline) : "DescentLab report";
        writer.Write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        writer.Write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        writer.Write("<title>" + WebUtility.HtmlEncode(title) + "</title>\n<style>\n" + Style.Replace("\r\n", "\n", StringComparison.Ordinal) + "\n</style>\n</head>\n<body>\n<main>\n");
        writer.Write(document.ToHtml(Pipeline).Replace("\r\n", "\n", StringComparison.Ordinal));
        writer.Write("</main>\n</body>\n</html>\n");
    }

    /// <summary>The page as a string.</summary>
    public static string ToHtml(string markdown)
    {
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        Write(markdown, writer);
        return writer.ToString();
    }

    private static string PlainText(ContainerInline inline) =>
        string.Concat(inline.Descendants<Inline>().Select(i => i switch
        {
            LiteralInline literal => literal.Content.ToString(),
            CodeInline code => code.Content,
            _ => string.Empty,
        }));
}
