using System.Data.Common;
using System.Globalization;
using DescentLab.Core.Metrics;
using DescentLab.Core.Training;
using DescentLab.Experiments.Results;
using DescentLab.Output.Csv;

namespace DescentLab.Output.Columns;

/// <summary>The value types of summary columns: invariant round-trip text in CSV; in history (SQLite or PostgreSQL, where
/// the history dialect widens the types), integers as INTEGER,
/// doubles as REAL (NaN, which SQLite refuses, as NULL and back), keys and lists as TEXT.</summary>
internal static class ColumnTypes
{
    private const NumberStyles DoubleStyle = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;

    /// <summary>Text, possibly empty.</summary>
    public static ColumnType<string> Text { get; } = new(
        "TEXT", "text", v => v, (string t, out string v) => { v = t; return true; }, v => v, ReadText);

    /// <summary>Non-empty text.</summary>
    public static ColumnType<string> RequiredText { get; } = Text with
    {
        Expected = "a value",
        Parse = (string t, out string v) => { v = t; return t.Length > 0; },
    };

    /// <summary>Text, or null for an empty field.</summary>
    public static ColumnType<string?> NullableText { get; } = new(
        "TEXT",
        "text",
        v => v,
        (string t, out string? v) => { v = t.Length == 0 ? null : t; return true; },
        v => v,
        (r, i) => r.IsDBNull(i) ? null : r.GetString(i));

    /// <summary>A 32-bit integer.</summary>
    public static ColumnType<int> Int32 { get; } = new(
        "INTEGER",
        "an integer",
        v => v.ToString(CultureInfo.InvariantCulture),
        (string t, out int v) => int.TryParse(t, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out v),
        v => (long)v,
        (r, i) => r.IsDBNull(i) ? 0 : checked((int)r.GetInt64(i)));

    /// <summary>A 32-bit integer or empty.</summary>
    public static ColumnType<int?> NullableInt32 { get; } = Nullable(Int32);

    /// <summary>A 64-bit integer.</summary>
    public static ColumnType<long> Int64 { get; } = new(
        "INTEGER",
        "an integer",
        v => v.ToString(CultureInfo.InvariantCulture),
        (string t, out long v) => long.TryParse(t, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out v),
        v => v,
        (r, i) => r.IsDBNull(i) ? 0 : r.GetInt64(i));

    /// <summary>A 64-bit integer or empty.</summary>
    public static ColumnType<long?> NullableInt64 { get; } = Nullable(Int64);

    /// <summary>A point in time as ISO 8601 UTC (<c>2026-11-30T02:00:00.0000000Z</c>).</summary>
    public static ColumnType<DateTimeOffset> UtcTime { get; } = new(
        "TEXT",
        "an ISO 8601 UTC time",
        v => v.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
        (string t, out DateTimeOffset v) => DateTimeOffset.TryParse(t, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out v),
        v => v.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
        (r, i) => r.IsDBNull(i) ? default : DateTimeOffset.Parse(r.GetString(i), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal));

    /// <summary>An unsigned 64-bit integer, stored in SQLite as the signed integer with the same bits.</summary>
    public static ColumnType<ulong> UInt64 { get; } = new(
        "INTEGER",
        "a non-negative integer",
        v => v.ToString(CultureInfo.InvariantCulture),
        (string t, out ulong v) => ulong.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out v),
        v => unchecked((long)v),
        (r, i) => r.IsDBNull(i) ? 0 : unchecked((ulong)r.GetInt64(i)));

    /// <summary>A double (round-trip text, NaN, Infinity or -Infinity).</summary>
    public static ColumnType<double> Double { get; } = new(
        "REAL",
        "a number",
        CsvTableWriter.Format,
        (string t, out double v) => double.TryParse(t, DoubleStyle, CultureInfo.InvariantCulture, out v),
        v => double.IsNaN(v) ? null : v,
        (r, i) => r.IsDBNull(i) ? double.NaN : r.GetDouble(i));

    /// <summary>A double or empty (NaN is stored in SQLite as NULL, so there it reads back as empty).</summary>
    public static ColumnType<double?> NullableDouble { get; } = Nullable(Double);

    /// <summary><c>true</c> or <c>false</c>; 1 or 0 in SQLite.</summary>
    public static ColumnType<bool> Boolean { get; } = new(
        "INTEGER",
        "true or false",
        v => v ? "true" : "false",
        (string t, out bool v) => { v = t == "true"; return t is "true" or "false"; },
        v => v ? 1L : 0L,
        (r, i) => !r.IsDBNull(i) && r.GetInt64(i) != 0);

    /// <summary>A run status key.</summary>
    public static ColumnType<RunStatus> Status { get; } = Keyed<RunStatus>(RunStatusKeys.Listed, s => s.ToKey(), RunStatusKeys.TryParse);

    /// <summary>A reference kind key (<c>exact</c>, <c>infimum</c>, <c>best_known</c>), or empty where a file written before
    /// kinds were recorded does not say.</summary>
    public static ColumnType<ReferenceKind?> Kind { get; } = Keyed<ReferenceKind?>(
        "exact, infimum or best_known",
        v => v?.ToKey() ?? string.Empty,
        (string t, out ReferenceKind? v) =>
        {
            v = null;
            if (t.Length == 0)
            {
                return true;
            }

            bool ok = ReferenceKindKeys.TryParse(t, out var kind);
            v = kind;
            return ok;
        });

    /// <summary>Hyper-parameters as <c>name=value</c> pairs joined by <c>;</c>.</summary>
    public static ColumnType<HyperValues> Hyper { get; } = Keyed<HyperValues>("name=value pairs joined by ';'", v => v.ToString(), HyperValues.TryParse);

    /// <summary>Named values as <c>name=value</c> pairs joined by <c>;</c> (SQLite's one column for the final parameters).</summary>
    public static ColumnType<IReadOnlyList<KeyValuePair<string, double>>> NamedValues { get; } = Keyed<IReadOnlyList<KeyValuePair<string, double>>>(
        "name=value pairs joined by ';'",
        v => HyperValues.Of(v).ToString(),
        (string t, out IReadOnlyList<KeyValuePair<string, double>> v) =>
        {
            bool ok = HyperValues.TryParse(t, out var values);
            v = values.Pairs;
            return ok;
        });

    private static string ReadText(DbDataReader reader, int column) => reader.IsDBNull(column) ? string.Empty : reader.GetString(column);

    /// <summary>A value spelt as a key in both CSV and SQLite.</summary>
    private static ColumnType<T> Keyed<T>(string expected, Func<T, string> format, ColumnType<T>.TryParse parse) => new(
        "TEXT",
        expected,
        format,
        parse,
        v => format(v),
        (r, i) =>
        {
            string text = ReadText(r, i);
            return parse(text, out T value) ? value : throw new InvalidDataException($"column {r.GetName(i)}: expected {expected} but found '{text}'");
        });

    private static ColumnType<T?> Nullable<T>(ColumnType<T> type)
        where T : struct => new(
        type.SqlType,
        type.Expected,
        v => v is { } value ? type.Format(value) : null,
        (string t, out T? v) =>
        {
            v = null;
            if (t.Length == 0)
            {
                return true;
            }

            bool ok = type.Parse(t, out T value);
            v = value;
            return ok;
        },
        v => v is { } value ? type.ToSql(value) : null,
        (r, i) => r.IsDBNull(i) ? null : type.FromSql(r, i));
}
