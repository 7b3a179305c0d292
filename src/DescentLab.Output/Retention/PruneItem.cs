namespace DescentLab.Output.Retention;

/// <summary>One folder or file that retention removes.</summary>
/// <param name="Path">Absolute path.</param>
/// <param name="Kind">What it is.</param>
/// <param name="Reason">Why it goes, in words.</param>
/// <param name="Bytes">Its size on disk (all files below a folder).</param>
public sealed record PruneItem(string Path, PruneKind Kind, string Reason, long Bytes);
