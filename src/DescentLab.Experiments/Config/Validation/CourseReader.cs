using DescentLab.Experiments.Config.Nodes;
using DescentLab.Experiments.Config.Schema;

namespace DescentLab.Experiments.Config.Validation;

/// <summary>Reads <c>report.course</c>: the lesson's order, its one-sentence summary and the plot kind of its thumbnail.</summary>
internal static class CourseReader
{
    private const string Key = "report.course";
    private static readonly IReadOnlyList<string> Keys = ConfigKeys.NamesUnder(Key);

    /// <summary>The block at <paramref name="node"/>, or null after errors.</summary>
    /// <param name="context">Where errors go.</param>
    /// <param name="node">The value of <c>report.course</c>.</param>
    /// <param name="path">Its key path.</param>
    /// <param name="sectionNames">The section names (plot kinds among them) a thumbnail may name; null accepts any.</param>
    public static CourseEntry? Read(ValidationContext context, ConfigNode node, string path, IReadOnlyList<string>? sectionNames)
    {
        if (context.Mapping(node, path, "a mapping such as {order: 3, summary: \"...\"}") is not { } mapping)
        {
            return null;
        }

        int errors = context.Errors.Count;
        var keys = context.Keys(mapping, path, Keys);
        long? order = context.Required(keys, "order", mapping, path) is { } orderNode ? context.Integer(orderNode, KeyPath.Child(path, "order"), ConfigKeys.CourseOrder) : null;
        string? summary = context.Required(keys, "summary", mapping, path) is { } summaryNode ? context.Text(summaryNode, KeyPath.Child(path, "summary"), "a text") : null;
        string? thumbnail = null;
        if (keys.TryGetValue("thumbnail", out var entry))
        {
            string thumbnailPath = KeyPath.Child(path, "thumbnail");
            thumbnail = context.Text(entry.Value, thumbnailPath, "a plot kind");
            if (thumbnail is not null && sectionNames is not null && !sectionNames.Contains(thumbnail, StringComparer.Ordinal))
            {
                context.Error(entry.Value, thumbnailPath, Suggestions.UnknownName("section", thumbnail, sectionNames));
            }
        }

        return order is null || summary is null || context.Errors.Count > errors ? null : new CourseEntry((int)order, summary, thumbnail);
    }
}
