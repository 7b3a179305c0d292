namespace DescentLab.Output.History;

/// <summary>The history settings: where it lives and whether trends and the default baseline span every machine.</summary>
/// <param name="Setting">The <c>DescentLab:History</c> setting (see <see cref="HistoryLocation.Parse"/>); null or empty
/// for <c>history.db</c> in the reports root.</param>
/// <param name="AllMachines">Trends and <c>baseline: previous</c> take run sets of every machine, not only this one's.</param>
public sealed record HistoryOptions(string? Setting = null, bool AllMachines = false)
{
    /// <summary>The defaults: the reports root's history.db, this machine only.</summary>
    public static HistoryOptions Default { get; } = new();

    /// <summary>Opens the store these options name, for a run whose reports root is <paramref name="reportsRoot"/>.</summary>
    /// <exception cref="HistoryException">It cannot be opened (see <see cref="HistoryStore"/>).</exception>
    public HistoryStore Open(string reportsRoot) => new(HistoryLocation.Parse(Setting, reportsRoot)) { AllMachines = AllMachines };
}
