using System.Collections;
using System.Globalization;
using System.Reflection;
using DescentLab.Core.Training;

namespace DescentLab.Tests.Support;

/// <summary>Exact text of values for bit-for-bit comparisons: doubles as their 64 bits (so -0 differs from 0), lists
/// element by element, records property by property.</summary>
public static class Bits
{
    /// <summary>One line per public property of <paramref name="value"/>: <c>Name=exact text</c>.</summary>
    public static string Of(object value)
    {
        var lines = new List<string>();
        foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length == 0)
            {
                lines.Add($"{property.Name}={Value(property.GetValue(value))}");
            }
        }

        return string.Join('\n', lines);
    }

    /// <summary>Every column of <paramref name="curve"/>, bit for bit.</summary>
    public static string Of(Curve curve) =>
        string.Join('\n', [
            "names=" + string.Join(',', curve.ParameterNames),
            "epoch=" + Value(curve.Epoch),
            "step=" + Value(curve.Step),
            "loss=" + Value(curve.Loss),
            "gap=" + Value(curve.Gap),
            "grad_norm=" + Value(curve.GradNorm),
            "parameters=" + Value(curve.Parameters),
            "accuracy=" + Value(curve.Accuracy),
        ]);

    /// <summary>Every value of <paramref name="values"/>, bit for bit.</summary>
    public static string Of(IEnumerable<double> values) => Value(values);

    /// <summary>Each item of <paramref name="values"/> as <see cref="Of(object)"/>.</summary>
    public static IReadOnlyList<string> OfEach<T>(IEnumerable<T> values)
        where T : notnull => [.. values.Select(v => Of(v))];

    private static string Value(object? value) => value switch
    {
        null => "null",
        double d => $"{d.ToString("R", CultureInfo.InvariantCulture)}[{BitConverter.DoubleToInt64Bits(d):X16}]",
        string s => $"\"{s}\"",
        DateTimeOffset t => t.ToString("O", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable items => "[" + string.Join(", ", items.Cast<object?>().Select(Value)) + "]",
        _ when value.GetType().Namespace?.StartsWith("DescentLab", StringComparison.Ordinal) == true => "{" + Of(value).Replace('\n', ';') + "}",
        _ => value.GetType().IsGenericType && value.GetType().GetGenericTypeDefinition() == typeof(KeyValuePair<,>)
            ? $"{Value(value.GetType().GetProperty("Key")!.GetValue(value))}:{Value(value.GetType().GetProperty("Value")!.GetValue(value))}"
            : value.ToString()!,
    };
}
