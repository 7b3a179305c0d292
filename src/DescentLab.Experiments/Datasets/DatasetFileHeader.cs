using DescentLab.Experiments.Inputs;

namespace DescentLab.Experiments.Datasets;

/// <summary>Where x1, x2 and y sit in a dataset CSV: header <c>x,y</c> or <c>x1,x2,y</c>, in any order, no other columns.</summary>
/// <param name="Dimension">1 or 2.</param>
/// <param name="X1">Column of x (or x1).</param>
/// <param name="X2">Column of x2, or -1 for 1-D data.</param>
/// <param name="Y">Column of y.</param>
/// <param name="Width">Number of columns every row must have.</param>
internal sealed record DatasetFileHeader(int Dimension, int X1, int X2, int Y, int Width)
{
    private const string Expected = "expected the header x,y or x1,x2,y";

    /// <summary>Reads the header names; throws <see cref="DatasetFileException"/> naming the first problem.</summary>
    public static DatasetFileHeader Parse(IReadOnlyList<string> names, string source, int line)
    {
        if (names.Count == 0)
        {
            throw new DatasetFileException(source, Math.Max(line, 1), $"the file is empty; {Expected}");
        }

        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < names.Count; i++)
        {
            string name = names[i].Trim();
            if (name is not ("x" or "x1" or "x2" or "y"))
            {
                throw new DatasetFileException(source, line, $"unknown column '{TextExcerpt.Of(name)}'; {Expected}");
            }

            if (!index.TryAdd(name, i))
            {
                throw new DatasetFileException(source, line, $"column '{name}' appears twice; {Expected}");
            }
        }

        if (!index.TryGetValue("y", out int y))
        {
            throw new DatasetFileException(source, line, $"missing column 'y'; {Expected}");
        }

        if (index.TryGetValue("x", out int x))
        {
            return index.Count == 2 ? new DatasetFileHeader(1, x, -1, y, 2) : throw new DatasetFileException(source, line, $"column 'x' cannot go with 'x1' or 'x2'; {Expected}");
        }

        string? missing = index.ContainsKey("x1") ? (index.ContainsKey("x2") ? null : "x2") : (index.ContainsKey("x2") ? "x1" : "x");
        return missing is null
            ? new DatasetFileHeader(2, index["x1"], index["x2"], y, 3)
            : throw new DatasetFileException(source, line, $"missing column '{missing}'; {Expected}");
    }
}
