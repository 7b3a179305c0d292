using System.Text;

namespace DescentLab.Experiments.Config.Nodes;

/// <summary>Converts byte offsets in UTF-8 text into 1-based line and column (columns count characters, as YAML's do).</summary>
internal sealed class TextPositions
{
    private readonly ReadOnlyMemory<byte> _utf8;
    private readonly List<int> _lineStarts = [0];

    public TextPositions(ReadOnlyMemory<byte> utf8)
    {
        _utf8 = utf8;
        var span = utf8.Span;
        for (int i = 0; i < span.Length; i++)
        {
            if (span[i] == (byte)'\n')
            {
                _lineStarts.Add(i + 1);
            }
        }
    }

    /// <summary>Line and column of byte <paramref name="offset"/>.</summary>
    public (int Line, int Column) At(long offset)
    {
        int index = _lineStarts.BinarySearch((int)offset);
        int line = index >= 0 ? index : ~index - 1;
        return (line + 1, Column(line, offset - _lineStarts[line]));
    }

    /// <summary>Line and column of byte <paramref name="byteInLine"/> of 0-based line <paramref name="line"/> (System.Text.Json's error position).</summary>
    public (int Line, int Column) AtLine(long line, long byteInLine)
    {
        int clamped = (int)Math.Clamp(line, 0, _lineStarts.Count - 1);
        return (clamped + 1, Column(clamped, byteInLine));
    }

    private int Column(int line, long byteInLine)
    {
        int start = _lineStarts[line];
        int length = (int)Math.Clamp(byteInLine, 0, _utf8.Length - start);
        return Encoding.UTF8.GetCharCount(_utf8.Span.Slice(start, length)) + 1;
    }
}
