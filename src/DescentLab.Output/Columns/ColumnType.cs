using System.Data.Common;

namespace DescentLab.Output.Columns;

/// <summary>How values of one type are spelt in a CSV field and stored in an SQLite column.</summary>
/// <typeparam name="T">The value type.</typeparam>
/// <param name="SqlType">SQLite column type: <c>TEXT</c>, <c>INTEGER</c> or <c>REAL</c>.</param>
/// <param name="Expected">What a field must look like, for error messages ("a number").</param>
/// <param name="Format">CSV text of a value; null or "" is an empty field.</param>
/// <param name="Parse">Reads CSV text back; false if the text is not a value of this type.</param>
/// <param name="ToSql">The value to bind (string, long, double or null).</param>
/// <param name="FromSql">The value of a stored cell, NULL included (rows of older schemas read as the type's empty value).</param>
internal sealed record ColumnType<T>(
    string SqlType,
    string Expected,
    Func<T, string?> Format,
    ColumnType<T>.TryParse Parse,
    Func<T, object?> ToSql,
    Func<DbDataReader, int, T> FromSql)
{
    /// <summary>Reads CSV text.</summary>
    public delegate bool TryParse(string text, out T value);
}
