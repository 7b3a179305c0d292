using DescentLab.Experiments.Config.Nodes;

namespace DescentLab.Experiments.Config.Validation;

/// <summary>Reads the <c>init</c> mapping of parameter name to starting value; w = 0.1 and b = 0.0 unless given (as in the course).</summary>
internal static class InitValidator
{
    private const string Key = "init";

    /// <summary>The initial values; names outside <paramref name="parameterNames"/> are errors (null: names are not checked).</summary>
    /// <param name="context">Where errors go.</param>
    /// <param name="node">The <c>init</c> value, or null when absent.</param>
    /// <param name="parameterNames">Parameter names of the models used, or null when they are unknown because of other errors.</param>
    public static IReadOnlyDictionary<string, double> Read(ValidationContext context, ConfigNode? node, IReadOnlyList<string>? parameterNames)
    {
        var init = new SortedDictionary<string, double>(StringComparer.Ordinal) { ["w"] = 0.1, ["b"] = 0.0 };
        if (node is null || context.Mapping(node, Key, "a mapping of parameter name to number, e.g. {w: 0.1, b: 0.0}") is not { } mapping)
        {
            return init;
        }

        string[] allowed = parameterNames is null ? [.. mapping.Entries.Select(e => e.Key.Text)] : [.. parameterNames];
        foreach (var (name, entry) in context.Keys(mapping, Key, allowed))
        {
            if (context.Number(entry.Value, KeyPath.Child(Key, name), "a number", _ => true) is { } value)
            {
                init[name] = value;
            }
        }

        return init;
    }
}
