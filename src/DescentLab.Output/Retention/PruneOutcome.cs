namespace DescentLab.Output.Retention;

/// <summary>What one prune did: the items removed (or that would be, on a dry run) and the ones that could not be.</summary>
/// <param name="Removed">Items removed, or to remove on a dry run.</param>
/// <param name="Failed">Items whose removal failed, with the error.</param>
/// <param name="Notes">Things the operator should know, e.g. an unreadable history.db that kept every complete set.</param>
public sealed record PruneOutcome(IReadOnlyList<PruneItem> Removed, IReadOnlyList<(PruneItem Item, string Error)> Failed, IReadOnlyList<string> Notes);
