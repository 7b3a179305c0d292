using System.Buffers;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace DescentLab.Output.Csv;

/// <summary>Reads curves.csv (<see cref="CurveTable"/>): every run in file order, holding one run's rows at a time, or
/// one run from where its rows are.</summary>
public static class CurveTableReader
{
    /// <summary>The runs of <paramref name="path"/> in file order, read as they are enumerated.</summary>
    /// <exception cref="RunFileException">The file is missing or malformed (the message names file and line).</exception>
    public static IEnumerable<CurveBlock> ReadRuns(string path)
    {
        using var stream = Open(path);
        var lines = new LineReader(stream, 1 << 16);
        var table = CurveTable.ParseHeader(lines.TryNext(out var header, out _) ? Text(header.Span) : null, path);
        var rows = new ArrayBufferWriter<byte>();
        byte[]? runId = null;
        long offset = 0;
        long line = 1;
        long firstLine = 0;
        long end = 0;
        while (lines.TryNext(out var next, out long start))
        {
            line++;
            bool sameRun = runId is not null && IdOf(next.Span).SequenceEqual(runId);
            if (runId is not null && !sameRun)
            {
                var block = Block(table, rows.WrittenSpan, path, new CurveLocation(offset, checked((int)(end - offset)), firstLine));
                rows.ResetWrittenCount();
                yield return block;
            }

            if (!sameRun)
            {
                (runId, offset, firstLine) = (IdOf(next.Span).ToArray(), start, line);
            }

            rows.Write(next.Span);
            end = start + next.Length;
        }

        if (runId is not null)
        {
            yield return Block(table, rows.WrittenSpan, path, new CurveLocation(offset, checked((int)(end - offset)), firstLine));
        }
    }

    /// <summary>The table of <paramref name="path"/>, from its header.</summary>
    /// <exception cref="RunFileException">The file is missing or its header is not that of curves.csv.</exception>
    public static CurveTable ReadHeader(string path)
    {
        using var stream = Open(path);
        return CurveTable.ParseHeader(new LineReader(stream, 256).TryNext(out var header, out _) ? Text(header.Span) : null, path);
    }

    /// <summary>The run whose rows are at <paramref name="location"/> of <paramref name="file"/> (opened with
    /// <see cref="OpenForRuns"/>; <paramref name="path"/> names it in messages), whose header is <paramref name="table"/>'s.</summary>
    /// <exception cref="RunFileException">The file is missing or malformed, or has changed since it was indexed.</exception>
    public static CurveBlock ReadRun(SafeFileHandle file, string path, CurveTable table, CurveLocation location)
    {
        byte[] bytes = new byte[location.Length];
        for (int read = 0; read < bytes.Length;)
        {
            int more = RandomAccess.Read(file, bytes.AsSpan(read), location.Offset + read);
            read += more > 0 ? more : throw new RunFileException(path, location.Line, "the file is shorter than when it was read");
        }

        return Block(table, bytes, path, location);
    }

    /// <summary>Opens <paramref name="path"/> for <see cref="ReadRun"/>: reads at offsets, from any thread.</summary>
    /// <exception cref="RunFileException">The file is missing.</exception>
    public static SafeFileHandle OpenForRuns(string path)
    {
        try
        {
            return File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new RunFileException(path, 0, "file not found", ex);
        }
    }

    // The block of the rows in rows (each with its line end), the first of them at location.
    private static CurveBlock Block(CurveTable table, ReadOnlySpan<byte> rows, string path, CurveLocation location) =>
        new(Encoding.UTF8.GetString(IdOf(rows)), table.Parse(rows, path, location.Line), location);

    // The run id a row starts with: the text before its first comma (none when its line has none).
    private static ReadOnlySpan<byte> IdOf(ReadOnlySpan<byte> rows)
    {
        int cut = rows.IndexOfAny((byte)',', (byte)'\n');
        return cut >= 0 && rows[cut] == (byte)',' ? rows[..cut] : [];
    }

    private static FileStream Open(string path) => new(OpenForRuns(path), FileAccess.Read, bufferSize: 1);

    private static string Text(ReadOnlySpan<byte> line)
    {
        line = line.EndsWith((byte)'\n') ? line[..^1] : line;
        return Encoding.UTF8.GetString(line.EndsWith((byte)'\r') ? line[..^1] : line);
    }

    /// <summary>The lines of a stream, each line end included, as slices of one buffer that the next line may reuse.</summary>
    private sealed class LineReader(Stream stream, int bufferSize)
    {
        private byte[] _buffer = new byte[bufferSize];
        private long _bufferOffset;
        private int _start;
        private int _filled;

        /// <summary>The next line and the byte offset it starts at; false at the end of the stream.</summary>
        public bool TryNext(out ReadOnlyMemory<byte> line, out long offset)
        {
            while (true)
            {
                int newline = _buffer.AsSpan(_start, _filled - _start).IndexOf((byte)'\n');
                if (newline >= 0)
                {
                    offset = _bufferOffset + _start;
                    line = _buffer.AsMemory(_start, newline + 1);
                    _start += newline + 1;
                    return true;
                }

                if (_start > 0)
                {
                    Buffer.BlockCopy(_buffer, _start, _buffer, 0, _filled - _start);
                    _bufferOffset += _start;
                    _filled -= _start;
                    _start = 0;
                }

                if (_filled == _buffer.Length)
                {
                    Array.Resize(ref _buffer, _buffer.Length * 2);
                }

                int read = stream.Read(_buffer, _filled, _buffer.Length - _filled);
                if (read == 0)
                {
                    offset = _bufferOffset + _start;
                    line = _buffer.AsMemory(_start, _filled - _start);
                    _start = _filled;
                    return !line.IsEmpty;
                }

                _filled += read;
            }
        }
    }
}
