namespace DescentLab.Output.History;

/// <summary>The history database cannot be used: not SQLite, corrupt, another application's, from a newer DescentLab, or
/// locked for longer than the busy timeout.</summary>
/// <remarks>The file is never replaced or changed when this is thrown on opening.</remarks>
public sealed class HistoryException : Exception
{
    /// <summary>An error about the database at <paramref name="path"/>.</summary>
    public HistoryException(string path, string detail, Exception? innerException = null)
        : base($"{path}: {detail}", innerException)
    {
        Path = path;
    }

    /// <summary>The database file.</summary>
    public string Path { get; }
}
