using System.Globalization;

namespace DescentLab.Experiments.Config.Validation;

/// <summary>Reports batch sizes larger than a dataset's n (a default batch too, such as minibatch's 10 on a tiny file).</summary>
internal static class BatchSizeCheck
{
    /// <summary>Checks every variant's batch sizes against every dataset it runs on.</summary>
    public static void Check(ValidationContext context, IReadOnlyList<ParsedVariant> variants, IReadOnlyList<ParsedProblem> problems)
    {
        foreach (var variant in variants)
        {
            foreach (var batch in variant.BatchSources)
            {
                var tooSmall = problems
                    .Where(p => batch.Size > p.Dataset.Config.N && variant.Variant.Supports(p.Handle))
                    .Select(p => p.Dataset)
                    .Distinct();
                foreach (var dataset in tooSmall)
                {
                    context.Error(batch.Node, batch.Path, string.Create(CultureInfo.InvariantCulture, $"batch {batch.Size}{(batch.IsDefault ? " (the default)" : string.Empty)} is larger than dataset '{dataset.Config.Name}' (n = {dataset.Config.N})"));
                }
            }
        }
    }
}
