using System.Globalization;
using DescentLab.Core.Tuning;
using DescentLab.Core.Variants;
using DescentLab.Experiments.Config.Nodes;

namespace DescentLab.Experiments.Config.Validation;

/// <summary>Reads a hyper-parameter's range: <c>{ log_uniform: [1.0e-3, 1.0] }</c>, <c>{ uniform: [low, high] }</c>,
/// <c>{ int_uniform: [low, high] }</c> or <c>{ choice: [a, b, ...] }</c>.</summary>
internal static class SearchRangeReader
{
    private const string Example = "{ log_uniform: [1.0e-3, 1.0] }";

    /// <summary>The range at <paramref name="node"/>, or null after reporting what is wrong with it.</summary>
    /// <param name="context">Where errors go.</param>
    /// <param name="node">The one-key mapping.</param>
    /// <param name="path">Its key path, e.g. <c>variants[0].sgd.lr</c>.</param>
    /// <param name="parameter">The hyper-parameter whose range every value must stay in.</param>
    /// <param name="tuning">Whether the config has a <c>tune</c> block; without one a range is an error.</param>
    public static SearchRange? Read(ValidationContext context, MappingNode node, string path, HyperParameter parameter, bool tuning)
    {
        var keys = context.Keys(node, path, SearchRange.Keys);
        if (keys.Count == 0 && node.Entries.Count == 0)
        {
            context.Error(node, path, $"expected a range such as {Example}, got an empty mapping");
            return null;
        }

        if (keys.Count != 1 || node.Entries.Count != 1)
        {
            if (keys.Count > 1)
            {
                context.Error(node, path, $"expected one range such as {Example}, got {string.Join(" and ", keys.Keys)}");
            }

            return null;
        }

        var (key, entry) = keys.First();
        string keyPath = KeyPath.Child(path, key);
        var kind = (SearchRangeKind)SearchRange.Keys.ToList().IndexOf(key);
        string shape = kind == SearchRangeKind.Choice ? "a list of values [a, b, ...]" : "a list [low, high]";
        if (entry.Value is not SequenceNode list)
        {
            context.Error(entry.Value, keyPath, $"expected {shape}, got {entry.Value.Describe()}");
            return null;
        }

        var values = new List<double>();
        for (int i = 0; i < list.Items.Count; i++)
        {
            if (context.Number(list.Items[i], KeyPath.Item(keyPath, i), "a number", _ => true) is not { } value)
            {
                return null;
            }

            values.Add(value);
        }

        if (SearchRange.TryCreate(kind, values, out string error) is not { } range)
        {
            context.Error(entry.Value, keyPath, error);
            return null;
        }

        var outside = range.Ends.Where(v => !parameter.Accepts(v)).ToList();
        if (outside.Count > 0)
        {
            context.Error(entry.Value, keyPath, $"{outside[0].ToString("R", CultureInfo.InvariantCulture)} is outside the range of {parameter.Name}, {parameter.Range}");
            return null;
        }

        if (!tuning)
        {
            context.Error(node, path, "a range is sampled only under 'tune'; add a tune block, or give a value or a list of values");
            return null;
        }

        return range;
    }
}
