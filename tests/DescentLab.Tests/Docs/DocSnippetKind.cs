namespace DescentLab.Tests.Docs;

/// <summary>What a <see cref="DocSnippet"/> is.</summary>
public enum DocSnippetKind
{
    /// <summary>A fenced <c>sh</c> or <c>bash</c> block, or an unlabelled block with a <c>descentlab</c> line.</summary>
    ShellBlock,

    /// <summary>An inline code span that starts with <c>descentlab </c>.</summary>
    InlineCommand,

    /// <summary>A fenced <c>yaml</c> or <c>json</c> block.</summary>
    Config,
}
