using System.Text;
using System.Text.Json;
using DescentLab.Experiments.Results;
using DescentLab.Output.Columns;

namespace DescentLab.Output.History;

/// <summary>The history interchange file of <c>history export FILE</c> and <c>history import FILE</c>: JSON lines (UTF-8,
/// one object per line).</summary>
/// <remarks>Line 1 is <c>{"format":"descentlab-history","version":1}</c>. Each further line is one run set, oldest first:
/// its run_sets fields by their column names (<c>config_name</c>, ..., <c>complete</c> as true or false, the times as
/// stored, null where unknown) and <c>runs</c>, its runs in plan order, each an object of the history columns spelt as in
/// summary.csv (invariant round-trip numbers, <c>NaN</c>, <c>Infinity</c>), so every value reads back bit for bit.</remarks>
public static class HistoryJsonLines
{
    /// <summary>The <c>format</c> of the first line.</summary>
    public const string Format = "descentlab-history";

    /// <summary>The version this DescentLab writes and reads.</summary>
    public const int Version = 1;

    private static readonly IReadOnlyList<SummaryColumn> Columns = SummaryColumns.History;

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes <paramref name="records"/> to <paramref name="writer"/>.</summary>
    public static void Write(TextWriter writer, IEnumerable<HistoryRecord> records)
    {
        writer.Write($"{{\"format\":\"{Format}\",\"version\":{Version}}}\n");
        foreach (var record in records)
        {
            writer.Write(Line(record));
            writer.Write('\n');
        }
    }

    /// <summary>Reads the run sets of the file at <paramref name="path"/>, in file order.</summary>
    /// <exception cref="RunFileException">The file is missing, not this format, or a line is malformed (the message names
    /// the line).</exception>
    public static IReadOnlyList<HistoryRecord> Read(string path)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path, Encoding.UTF8);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new RunFileException(path, 0, "file not found", ex);
        }

        if (lines.Length == 0 || !IsHeader(lines[0]))
        {
            throw new RunFileException(path, 1, $"expected the header {{\"format\":\"{Format}\",\"version\":{Version}}}; this is not a history export of this DescentLab");
        }

        var records = new List<HistoryRecord>();
        for (int i = 1; i < lines.Length; i++)
        {
            if (lines[i].Length == 0)
            {
                continue;
            }

            try
            {
                records.Add(Parse(lines[i]));
            }
            catch (Exception ex) when (ex is JsonException or InvalidDataException or KeyNotFoundException or InvalidOperationException or FormatException)
            {
                throw new RunFileException(path, i + 1, ex.Message, ex);
            }
        }

        return records;
    }

    private static bool IsHeader(string line)
    {
        try
        {
            using var header = JsonDocument.Parse(line);
            return header.RootElement.ValueKind == JsonValueKind.Object
                && header.RootElement.TryGetProperty("format", out var format) && format.ValueKind == JsonValueKind.String && format.GetString() == Format
                && header.RootElement.TryGetProperty("version", out var version) && version.ValueKind == JsonValueKind.Number && version.GetInt32() == Version;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string Line(HistoryRecord record)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            var environment = record.Environment;
            json.WriteStartObject();
            json.WriteString("config_name", record.ConfigName);
            json.WriteString("config_hash", record.ConfigHash);
            json.WriteString("git_commit", record.GitCommit);
            json.WriteString("started_utc", record.StartedUtc);
            json.WriteString("finished_utc", record.FinishedUtc);
            json.WriteBoolean("complete", record.Complete);
            json.WriteString("run_dir", record.RunDir);
            json.WriteString("shard", record.Shard);
            json.WriteString("machine", environment.Machine);
            json.WriteString("operating_system", environment.OperatingSystem);
            json.WriteString("runtime", environment.Runtime);
            json.WriteString("cpu_model", environment.CpuModel);
            if (environment.Processors is { } processors)
            {
                json.WriteNumber("processors", processors);
            }
            else
            {
                json.WriteNull("processors");
            }

            json.WriteString("architecture", environment.Architecture);
            json.WriteString("descentlab_version", environment.DescentLabVersion);
            json.WriteStartArray("runs");
            foreach (var row in record.Rows)
            {
                json.WriteStartObject();
                foreach (var column in Columns)
                {
                    json.WriteString(column.Name, column.Format(row) ?? string.Empty);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static HistoryRecord Parse(string line)
    {
        using var document = JsonDocument.Parse(line);
        var root = document.RootElement;
        string? Text(string name) => root.GetProperty(name) is { ValueKind: JsonValueKind.Null } ? null : root.GetProperty(name).GetString();
        string Required(string name) => Text(name) ?? throw new InvalidDataException($"{name}: expected a value but found null");
        var runs = new List<SummaryRow>();
        foreach (var run in root.GetProperty("runs").EnumerateArray())
        {
            var row = SummaryColumns.Blank;
            foreach (var column in Columns)
            {
                row = column.Parse(row, run.GetProperty(column.Name).GetString() ?? string.Empty);
            }

            runs.Add(row);
        }

        var processors = root.GetProperty("processors");
        return new HistoryRecord(
            Required("config_name"),
            Required("config_hash"),
            Text("git_commit"),
            Required("started_utc"),
            Required("finished_utc"),
            root.GetProperty("complete").GetBoolean(),
            Required("run_dir"),
            Text("shard"),
            new HistoryEnvironment(
                Text("machine"),
                Text("operating_system"),
                Text("runtime"),
                Text("cpu_model"),
                processors.ValueKind == JsonValueKind.Null ? null : processors.GetInt32(),
                Text("architecture"),
                Text("descentlab_version")),
            runs);
    }
}
