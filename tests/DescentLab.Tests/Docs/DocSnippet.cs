namespace DescentLab.Tests.Docs;

/// <summary>One thing the docs tell a reader to type or write: a shell block, an inline <c>descentlab …</c> command, or a
/// YAML/JSON config snippet, with where it is and why it is not run (null when it is).</summary>
/// <param name="File">The document, relative to the repository (README.md, docs/config.md).</param>
/// <param name="Line">The 1-based line of the block's opening fence or of the inline command.</param>
/// <param name="Kind">What it is.</param>
/// <param name="Text">The commands or the config text.</param>
/// <param name="NotRun">Why it is not run or validated: the reason of its excerpt (or fragment) mark, or "synopsis" for a
/// command written with placeholders; null when the test runs it.</param>
public sealed record DocSnippet(string File, int Line, DocSnippetKind Kind, string Text, string? NotRun)
{
    /// <summary>"docs/gate.md:107", as an editor opens it.</summary>
    public string Where => $"{File}:{Line}";

    /// <inheritdoc/>
    public override string ToString() => $"{Where} {Text.Split('\n')[0]}";
}
