namespace DescentLab.Output.Site;

/// <summary>What one publish did.</summary>
/// <param name="SiteDir">The site folder.</param>
/// <param name="Nights">Nights in the history.</param>
/// <param name="Problems">Problem pages.</param>
/// <param name="Regressions">Steps that made a setting worse.</param>
/// <param name="Written">Files written or rewritten, relative to the site folder with forward slashes; unchanged files are not.</param>
/// <param name="Removed">Files of the site removed because their night or problem left the history.</param>
/// <param name="Notes">What could not be done (an image that failed to draw), each with its reason.</param>
public sealed record SitePublication(
    string SiteDir,
    int Nights,
    int Problems,
    int Regressions,
    IReadOnlyList<string> Written,
    IReadOnlyList<string> Removed,
    IReadOnlyList<string> Notes);
