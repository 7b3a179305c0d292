using System.Globalization;

namespace DescentLab.Core.Variants;

/// <summary>Resolved hyper-parameter values of one run, every declared parameter present.</summary>
public sealed class HyperParameters
{
    private readonly Dictionary<string, double> _values;

    private HyperParameters(Dictionary<string, double> values) => _values = values;

    /// <summary>The values by name.</summary>
    public IReadOnlyDictionary<string, double> Values => _values;

    /// <summary>The value of <paramref name="name"/>.</summary>
    public double this[string name] => _values[name];

    /// <summary>Fills defaults for what <paramref name="given"/> leaves out.</summary>
    /// <exception cref="ArgumentException">An unknown name or a value out of range (the config validator reports these first).</exception>
    public static HyperParameters Resolve(IVariant variant, IReadOnlyDictionary<string, double> given)
    {
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var parameter in variant.Parameters)
        {
            double value = given.TryGetValue(parameter.Name, out double v) ? v : parameter.Default;
            if (!parameter.Accepts(value))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{variant.Name}.{parameter.Name} = {value:R} is outside {parameter.Range}."));
            }

            values[parameter.Name] = value;
        }

        foreach (string name in given.Keys)
        {
            if (!values.ContainsKey(name))
            {
                throw new ArgumentException($"{variant.Name} has no hyper-parameter '{name}'.");
            }
        }

        return new HyperParameters(values);
    }
}
