namespace DescentLab.Output.Files;

/// <summary>The output folder cannot be created or written; raised before any run starts.</summary>
public sealed class OutputFolderException : Exception
{
    /// <summary>An error about <paramref name="path"/>.</summary>
    public OutputFolderException(string path, string message, Exception? inner = null)
        : base($"Cannot write output to '{path}': {message}", inner)
    {
        Path = path;
    }

    /// <summary>The folder concerned.</summary>
    public string Path { get; }
}
