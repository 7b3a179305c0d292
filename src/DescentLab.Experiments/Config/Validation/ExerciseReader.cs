using DescentLab.Experiments.Config.Nodes;
using DescentLab.Experiments.Config.Schema;

namespace DescentLab.Experiments.Config.Validation;

/// <summary>Reads <c>report.exercises</c>: each a list of <c>--set</c> changes, the prediction in words and as claims.</summary>
internal static class ExerciseReader
{
    private static readonly IReadOnlyList<string> Keys = ConfigKeys.NamesUnder(ConfigKeys.Exercise);

    /// <summary>The exercises at <paramref name="node"/> (those without errors).</summary>
    /// <param name="context">Where errors go.</param>
    /// <param name="node">The value of <c>report.exercises</c>.</param>
    /// <param name="path">Its key path.</param>
    /// <param name="names">The variants, datasets, models and parameters the claims (and changed variants) may name.</param>
    public static List<Exercise> Read(ValidationContext context, ConfigNode node, string path, NoteNames names)
    {
        var exercises = new List<Exercise>();
        if (context.NonEmptyList(node, path, "a non-empty list of exercises, each {try: [variants.sgd.lr=0.9], says: \"...\", expect: [...]}") is not { } list)
        {
            return exercises;
        }

        for (int i = 0; i < list.Items.Count; i++)
        {
            if (ReadOne(context, list.Items[i], KeyPath.Item(path, i), names) is { } exercise)
            {
                exercises.Add(exercise);
            }
        }

        return exercises;
    }

    private static Exercise? ReadOne(ValidationContext context, ConfigNode node, string path, NoteNames names)
    {
        if (context.Mapping(node, path, "an exercise such as {try: [variants.sgd.lr=0.9], says: \"...\", expect: [...]}") is not { } mapping)
        {
            return null;
        }

        int errors = context.Errors.Count;
        var keys = context.Keys(mapping, path, Keys);
        var changes = new List<ConfigAssignment>();
        if (context.Required(keys, "try", mapping, path) is { } tryNode)
        {
            string tryPath = KeyPath.Child(path, "try");
            IReadOnlyList<ConfigNode> items = tryNode is SequenceNode tries ? tries.Items : [tryNode];
            for (int i = 0; i < items.Count; i++)
            {
                string itemPath = tryNode is SequenceNode ? KeyPath.Item(tryPath, i) : tryPath;
                if (context.Text(items[i], itemPath, "a change KEY=VALUE") is not { } text)
                {
                    continue;
                }

                if (ConfigAssignment.TryParse(text, out string error) is not { } change)
                {
                    context.Error(items[i], itemPath, error);
                }
                else if (change.Variant is { } variant && !names.Variants.Contains(variant, StringComparer.Ordinal))
                {
                    context.Error(items[i], itemPath, Suggestions.UnknownName("variant", variant, names.Variants) + " (those of this config)");
                }
                else
                {
                    changes.Add(change);
                }
            }
        }

        string? says = context.Required(keys, "says", mapping, path) is { } saysNode ? context.Text(saysNode, KeyPath.Child(path, "says"), "a text") : null;
        var claims = new List<NoteClaim>();
        if (context.Required(keys, "expect", mapping, path) is { } expect)
        {
            string expectPath = KeyPath.Child(path, "expect");
            IReadOnlyList<ConfigNode> items = expect is SequenceNode claimList ? claimList.Items : [expect];
            for (int i = 0; i < items.Count; i++)
            {
                if (ClaimValidator.Read(context, items[i], expect is SequenceNode ? KeyPath.Item(expectPath, i) : expectPath, names) is { } claim)
                {
                    claims.Add(claim);
                }
            }
        }

        return says is null || changes.Count == 0 || context.Errors.Count > errors ? null : new Exercise(changes, says, claims);
    }
}
