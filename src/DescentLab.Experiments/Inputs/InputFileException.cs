namespace DescentLab.Experiments.Inputs;

/// <summary>An input file that is not read because of what it is (a device, a pipe, too large), not because of an I/O error.</summary>
public sealed class InputFileException : IOException
{
    /// <summary>A refusal worded for the user, without the file's contents.</summary>
    public InputFileException(string message)
        : base(message)
    {
    }
}
