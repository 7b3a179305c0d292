namespace DescentLab.Output;

/// <summary>A run-folder or baseline file is missing or malformed.</summary>
/// <remarks>The message starts with <c>path:line:</c> (or <c>path:</c> when no line applies), the way compilers
/// report errors, so a user can jump to the spot.</remarks>
public sealed class RunFileException : Exception
{
    /// <summary>An error in <paramref name="path"/> at <paramref name="line"/> (0 when the whole file is at fault).</summary>
    public RunFileException(string path, long line, string detail, Exception? innerException = null)
        : base(line > 0 ? $"{path}:{line}: {detail}" : $"{path}: {detail}", innerException)
    {
        Path = path;
        Line = line;
        Detail = detail;
    }

    /// <summary>The file at fault.</summary>
    public string Path { get; }

    /// <summary>1-based line where the problem starts, or 0 when no line applies.</summary>
    public long Line { get; }

    /// <summary>What is wrong, without the location.</summary>
    public string Detail { get; }
}
