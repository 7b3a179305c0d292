namespace DescentLab.Output.Columns;

/// <summary>The columns of curves.csv, in file order: the one place a curve column is defined, for the writer and the
/// readers (curves.csv and the per-run files of older folders).</summary>
/// <remarks><c>run_id</c>, the measures (<c>epoch,step,loss,gap,grad_norm</c>), <c>accuracy</c>, then the parameter
/// columns of every model of the set (<see cref="ParameterColumns"/>). A cell a run does not have (accuracy of a
/// regression, another model's parameter) is empty, so one file holds models with different parameters. Per-run files
/// (curves/&lt;run_id&gt;.csv, written before curves.csv) have no run_id, accuracy only in classification problems, and
/// only their own model's parameters.</remarks>
public static class CurveColumns
{
    /// <summary>The run a row belongs to.</summary>
    public const string RunId = "run_id";

    /// <summary>The column after <see cref="Measures"/>: empty for a run that does not track accuracy.</summary>
    public const string Accuracy = "accuracy";

    /// <summary>What every row of every run has, in order.</summary>
    public static IReadOnlyList<string> Measures { get; } = ["epoch", "step", "loss", "gap", "grad_norm"];

    /// <summary>The columns of curves.csv before the parameter columns, in order.</summary>
    public static IReadOnlyList<string> Leading { get; } = [RunId, .. Measures, Accuracy];

    /// <summary>The header of curves.csv for runs whose models have <paramref name="parameterNames"/>.</summary>
    public static IReadOnlyList<string> Header(IEnumerable<IReadOnlyList<string>> parameterNames) => [.. Leading, .. ParameterColumns(parameterNames)];

    /// <summary>Every parameter name of <paramref name="parameterNames"/> once, in an order that keeps each model's own
    /// order (a run's parameters read back in its model's order from the non-empty cells) and that depends only on which
    /// lists are given, not on their order or repeats: a shard's file and a merged one agree. Names no model orders
    /// against each other go by ordinal order (a topological sort that always takes the least ready name).</summary>
    /// <exception cref="InvalidOperationException">Two models order the same names differently.</exception>
    public static IReadOnlyList<string> ParameterColumns(IEnumerable<IReadOnlyList<string>> parameterNames)
    {
        var before = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var waiting = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var names in parameterNames)
        {
            for (int i = 0; i < names.Count; i++)
            {
                if (before.TryAdd(names[i], new HashSet<string>(StringComparer.Ordinal)))
                {
                    waiting[names[i]] = 0;
                }

                if (i > 0 && before[names[i - 1]].Add(names[i]))
                {
                    waiting[names[i]]++;
                }
            }
        }

        var ready = new SortedSet<string>(waiting.Where(w => w.Value == 0).Select(w => w.Key), StringComparer.Ordinal);
        var order = new List<string>(waiting.Count);
        while (ready.Min is { } next)
        {
            ready.Remove(next);
            order.Add(next);
            foreach (string after in before[next])
            {
                if (--waiting[after] == 0)
                {
                    ready.Add(after);
                }
            }
        }

        return order.Count == waiting.Count
            ? order
            : throw new InvalidOperationException($"Models order the parameters {string.Join(", ", waiting.Where(w => w.Value > 0).Select(w => w.Key).Order(StringComparer.Ordinal))} differently; curves.csv cannot give each its own order.");
    }
}
