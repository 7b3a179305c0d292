namespace DescentLab.Experiments.Datasets;

/// <summary>A user's dataset CSV cannot be used: which file, which line, and why.</summary>
public sealed class DatasetFileException : Exception
{
    /// <summary>An error at 1-based <paramref name="line"/> of <paramref name="file"/> (0 when the file as a whole is concerned).</summary>
    public DatasetFileException(string file, int line, string reason)
        : base(Format(file, line, reason))
    {
        File = file;
        Line = line;
        Reason = reason;
    }

    /// <summary>An error that another exception caused (an I/O failure).</summary>
    public DatasetFileException(string file, int line, string reason, Exception innerException)
        : base(Format(file, line, reason), innerException)
    {
        File = file;
        Line = line;
        Reason = reason;
    }

    /// <summary>The file as named in the config.</summary>
    public string File { get; }

    /// <summary>1-based line, or 0 for the whole file.</summary>
    public int Line { get; }

    /// <summary>What is wrong, without the file and line.</summary>
    public string Reason { get; }

    private static string Format(string file, int line, string reason) => line > 0 ? $"{file}:{line}: {reason}" : $"{file}: {reason}";
}
