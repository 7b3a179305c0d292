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
        using var lines = Lines(stream).GetEnumerator();
        var table = CurveTable.ParseHeader(lines.MoveNext() ? lines.Current.Text : null, path);
        var rows = new List<string>();
        string? runId = null;
        long offset = 0;
        long line = 1;
        long firstLine = 0;
        long end = 0;
        while (lines.MoveNext())
        {
            var (text, start, bytes) = lines.Current;
            line++;
            string id = text[..Math.Max(0, text.IndexOf(','))];
            if (id != runId && runId is not null)
            {
                yield return Block(table, runId, rows, path, new CurveLocation(offset, checked((int)(end - offset)), firstLine));
                rows.Clear();
            }

            if (id != runId)
            {
                (runId, offset, firstLine) = (id, start, line);
            }

            rows.Add(text);
            end = start + bytes;
        }

        if (runId is not null)
        {
            yield return Block(table, runId, rows, path, new CurveLocation(offset, checked((int)(end - offset)), firstLine));
        }
    }

    /// <summary>The table of <paramref name="path"/>, from its header.</summary>
    /// <exception cref="RunFileException">The file is missing or its header is not that of curves.csv.</exception>
    public static CurveTable ReadHeader(string path)
    {
        using var stream = Open(path);
        using var lines = Lines(stream, 256).GetEnumerator();
        return CurveTable.ParseHeader(lines.MoveNext() ? lines.Current.Text : null, path);
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

        var rows = Encoding.UTF8.GetString(bytes).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(r => r.TrimEnd('\r')).ToList();
        string runId = rows.Count > 0 ? rows[0][..Math.Max(0, rows[0].IndexOf(','))] : string.Empty;
        return Block(table, runId, rows, path, location);
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

    private static CurveBlock Block(CurveTable table, string runId, List<string> rows, string path, CurveLocation location) =>
        new(runId, table.Parse(rows, path, location.Line), location);

    private static FileStream Open(string path) => new(OpenForRuns(path), FileAccess.Read, bufferSize: 1);

    /// <summary>Each line with the byte offset it starts at and its bytes, line end included.</summary>
    private static IEnumerable<(string Text, long Offset, int Bytes)> Lines(Stream stream, int bufferSize = 1 << 16)
    {
        byte[] buffer = new byte[bufferSize];
        long bufferOffset = 0;
        int start = 0;
        int filled = 0;
        while (true)
        {
            int newline = buffer.AsSpan(start, filled - start).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                yield return (Text(buffer.AsSpan(start, newline)), bufferOffset + start, newline + 1);
                start += newline + 1;
                continue;
            }

            if (start > 0)
            {
                Buffer.BlockCopy(buffer, start, buffer, 0, filled - start);
                bufferOffset += start;
                filled -= start;
                start = 0;
            }

            if (filled == buffer.Length)
            {
                Array.Resize(ref buffer, buffer.Length * 2);
            }

            int read = stream.Read(buffer, filled, buffer.Length - filled);
            if (read == 0)
            {
                if (filled > 0)
                {
                    yield return (Text(buffer.AsSpan(0, filled)), bufferOffset, filled);
                }

                yield break;
            }

            filled += read;
        }
    }

    private static string Text(ReadOnlySpan<byte> line) => Encoding.UTF8.GetString(line.EndsWith((byte)'\r') ? line[..^1] : line);
}
