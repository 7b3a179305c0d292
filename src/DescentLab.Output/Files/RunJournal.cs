using DescentLab.Core.Training;
using DescentLab.Experiments.Planning;
using DescentLab.Experiments.Running;

namespace DescentLab.Output.Files;

/// <summary>The finished runs of an unfinished run set, appended one record each to <c>.runs/journal</c>, so
/// <c>run --resume</c> reruns only what is missing.</summary>
/// <remarks>One file, appended to, because creating a file is the dearest thing a run does on some disks (0.65 ms on the
/// benchmark machine's ext4, against 0.3 ms for a small run). The file starts with a header (the journal version and the
/// name of every value, <see cref="JournalColumns"/>), then one record per run, in plan order (version 4; earlier
/// versions wrote them in the order runs finished, next to per-run curve files): a length, then a magic, the values in
/// header order and an end mark. A run is finished exactly when its record reads back whole. A torn record (a crash while
/// it was written) ends what is read: it and anything after it run again, and the next process to record cuts the file
/// back to its last whole record first. A journal of another version, or one that lacks a value this version needs, is
/// refused with a message rather than read half. The records of each <see cref="Record"/> call are handed to the
/// operating system together before it returns (a kill -9 loses none that were recorded) but not flushed to disk: a
/// record lost to a power cut only means the run runs again. The folder is deleted once the set is complete.</remarks>
public sealed class RunJournal
{
    /// <summary>The journal folder inside a run folder.</summary>
    public const string FolderName = ".runs";

    /// <summary>The journal file inside <see cref="FolderName"/>.</summary>
    public const string FileName = "journal";

    /// <summary>The version this build writes and reads.</summary>
    public const int Version = 4;

    private const int HeaderMagic = 0x4a52_4c44; // "DLRJ"
    private const int Magic = 0x4e52_4c44; // "DLRN"
    private const int EndMark = 0x2e444e45; // "END."
    private readonly string _folder;
    private readonly string _path;
    private readonly Lock _append = new();
    private readonly MemoryStream _records = new();
    private FileStream? _stream;

    /// <summary>The journal of <paramref name="runFolder"/>.</summary>
    public RunJournal(RunFolder runFolder)
    {
        _folder = Path.Combine(runFolder.FullPath, FolderName);
        _path = Path.Combine(_folder, FileName);
    }

    /// <summary>The names of the values of a record, in the order this version writes them.</summary>
    public static IReadOnlyList<string> ColumnNames { get; } = [.. JournalColumns.All.Select(c => c.Name)];

    /// <summary>Appends finished runs, in order (safe from several threads), and hands them to the operating system
    /// together. The file stays open for the next records until <see cref="Close"/>.</summary>
    public void Record(IReadOnlyList<RunResult> results)
    {
        lock (_append)
        {
            if (_stream is null)
            {
                Directory.CreateDirectory(_folder);
                _stream = new FileStream(_path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
                _stream.SetLength(WholeLength(_stream));
                _stream.Seek(0, SeekOrigin.End);
                if (_stream.Position == 0)
                {
                    _stream.Write(Header);
                }
            }

            // One buffer for every record, reused: a sweep journals tens of thousands of runs. A call that failed left
            // nothing to hand over.
            _records.SetLength(0);
            foreach (var result in results)
            {
                if (CrashPoint.Armed)
                {
                    HandOver(_stream);
                }

                CrashPoint.Reached();
                AppendFrame(_records, writer =>
                {
                    writer.Write(Magic);
                    foreach (var column in JournalColumns.All)
                    {
                        column.Write(writer, result);
                    }
                });
            }

            HandOver(_stream);
        }
    }

    /// <summary>Writes the records built so far to <paramref name="stream"/> and the operating system, and empties the buffer.</summary>
    private void HandOver(FileStream stream)
    {
        if (_records.Length > 0)
        {
            stream.Write(_records.GetBuffer(), 0, (int)_records.Length);
            stream.Flush();
            _records.SetLength(0);
        }
    }

    /// <summary>Closes the file <see cref="Record"/> keeps open (the next record opens it again).</summary>
    public void Close()
    {
        lock (_append)
        {
            _stream?.Dispose();
            _stream = null;
        }
    }

    /// <summary>Refuses a journal this version cannot read whole (see <see cref="Finished{T}"/>); no journal is fine.</summary>
    /// <exception cref="RunFileException">The journal is of another version or lacks a value.</exception>
    public void Check()
    {
        if (File.Exists(_path))
        {
            using var stream = new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.Read);
            ReadHeader(stream);
        }
    }

    /// <summary>The finished runs of <paramref name="plan"/> found in the journal, by run id.</summary>
    /// <exception cref="RunFileException">The journal is of another version or lacks a value.</exception>
    public IReadOnlyDictionary<string, RunResult> Finished(ExperimentPlan plan) => Finished(plan, result => result);

    /// <summary>What <paramref name="keep"/> makes of each finished run of <paramref name="plan"/> found in the journal,
    /// by run id; each record is read and handed over one at a time, so the journal's curves are never all in memory.</summary>
    /// <exception cref="RunFileException">The journal is of another version or lacks a value.</exception>
    public IReadOnlyDictionary<string, T> Finished<T>(ExperimentPlan plan, Func<RunResult, T> keep)
    {
        var finished = new Dictionary<string, T>(StringComparer.Ordinal);
        if (!File.Exists(_path))
        {
            return finished;
        }

        var specs = plan.Runs.ToDictionary(s => s.RunId, StringComparer.Ordinal);
        try
        {
            using var stream = new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.Read);
            var columns = ReadHeader(stream);
            while (ReadFrame(stream, Magic) is { } record)
            {
                if (TryRead(record, columns, specs) is { } result)
                {
                    finished[result.Spec.RunId] = keep(result);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Unreadable: what was read counts, the rest runs again.
        }

        return finished;
    }

    /// <summary>Removes the journal (the set is complete).</summary>
    public void Delete()
    {
        Close();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static byte[] Header { get; } = Frame(writer =>
    {
        writer.Write(HeaderMagic);
        writer.Write(Version);
        writer.Write(ColumnNames.Count);
        foreach (string name in ColumnNames)
        {
            writer.Write(name);
        }
    });

    /// <summary>A length, what <paramref name="write"/> writes, and the end mark.</summary>
    private static byte[] Frame(Action<BinaryWriter> write)
    {
        using var buffer = new MemoryStream();
        AppendFrame(buffer, write);
        return buffer.ToArray();
    }

    /// <summary>Appends <see cref="Frame"/>'s bytes to <paramref name="buffer"/>.</summary>
    private static void AppendFrame(MemoryStream buffer, Action<BinaryWriter> write)
    {
        long start = buffer.Length;
        buffer.Position = start;
        using (var writer = new BinaryWriter(buffer, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(0);
            write(writer);
            writer.Write(EndMark);
        }

        BitConverter.TryWriteBytes(buffer.GetBuffer().AsSpan((int)start, sizeof(int)), (int)(buffer.Length - start) - sizeof(int));
    }

    /// <summary>The columns of each record, in the order the header names them; an empty or torn header (a crash
    /// before the first record was whole) means no record.</summary>
    private IReadOnlyList<JournalColumn> ReadHeader(Stream stream)
    {
        stream.Position = 0;
        if (ReadFrame(stream, magic: null) is not { } frame)
        {
            stream.Position = stream.Length;
            return [];
        }

        using var reader = new BinaryReader(new MemoryStream(frame, writable: false));
        int magic = reader.ReadInt32();
        if (magic == Magic)
        {
            throw Refused("it was written by an older DescentLab (journal version 2), which did not record every value of a run");
        }

        int version = reader.ReadInt32();
        if (magic != HeaderMagic || version != Version)
        {
            throw Refused(magic == HeaderMagic
                ? $"it is journal version {version}, and this DescentLab reads version {Version}"
                : "it is not a DescentLab journal");
        }

        var names = new string[reader.ReadInt32()];
        for (int i = 0; i < names.Length; i++)
        {
            names[i] = reader.ReadString();
        }

        var known = JournalColumns.All.ToDictionary(c => c.Name, StringComparer.Ordinal);
        var columns = new List<JournalColumn>(names.Length);
        foreach (string name in names)
        {
            columns.Add(known.GetValueOrDefault(name) ?? throw Refused($"its records hold the value '{name}', which this DescentLab does not know"));
        }

        if (ColumnNames.FirstOrDefault(n => !names.Contains(n)) is { } missing)
        {
            throw Refused($"its records lack the value '{missing}'");
        }

        return columns;
    }

    private RunFileException Refused(string why) =>
        new(_path, 0, $"this run folder cannot be resumed: {why}; run the config again without --resume (or resume it with the DescentLab that started it)");

    /// <summary>The next whole frame's bytes (after the length), or null at the end or at a torn frame.</summary>
    private static byte[]? ReadFrame(Stream stream, int? magic)
    {
        Span<byte> prefix = stackalloc byte[sizeof(int)];
        if (stream.ReadAtLeast(prefix, prefix.Length, throwOnEndOfStream: false) < prefix.Length)
        {
            return null;
        }

        int length = BitConverter.ToInt32(prefix);
        if (length < 2 * sizeof(int) || length > stream.Length - stream.Position)
        {
            return null;
        }

        byte[] frame = new byte[length];
        stream.ReadExactly(frame);
        bool whole = BitConverter.ToInt32(frame.AsSpan(length - sizeof(int))) == EndMark
            && (magic is null || BitConverter.ToInt32(frame) == magic);
        return whole ? frame : null;
    }

    /// <summary>How many leading bytes of the journal are this version's header and whole records (0 for a journal of
    /// another version: it is started again).</summary>
    private long WholeLength(Stream stream)
    {
        try
        {
            if (ReadHeader(stream).Count == 0)
            {
                return 0;
            }
        }
        catch (Exception ex) when (ex is RunFileException or IOException or InvalidDataException or ArgumentException)
        {
            return 0;
        }

        long whole = stream.Position;
        while (ReadFrame(stream, Magic) is not null)
        {
            whole = stream.Position;
        }

        return whole;
    }

    private static RunResult? TryRead(byte[] record, IReadOnlyList<JournalColumn> columns, Dictionary<string, RunSpec> specs)
    {
        try
        {
            using var reader = new BinaryReader(new MemoryStream(record, writable: false));
            reader.ReadInt32();
            var entry = new JournalEntry();
            foreach (var column in columns)
            {
                column.Read(reader, entry);
            }

            return reader.ReadInt32() == EndMark && reader.BaseStream.Position == reader.BaseStream.Length
                && specs.TryGetValue(entry.RunId, out var spec)
                ? entry.ToResult(spec)
                : null;
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or ArgumentException or OverflowException)
        {
            // Garbled inside a whole frame: the run is not finished.
            return null;
        }
    }
}
