namespace DescentLab.Experiments.Config.Validation;

/// <summary>Pairs each dataset with its models (its own list or the top-level one) and reports pairs whose dimensions differ.</summary>
internal static class ProblemMatcher
{
    /// <summary>Every dataset × model pair that can run.</summary>
    /// <remarks>The error sits at the model entry when the dataset has its own list, else at the dataset entry.</remarks>
    public static IReadOnlyList<ParsedProblem> Match(ValidationContext context, IReadOnlyList<ParsedDataset> datasets, IReadOnlyList<ParsedModel> topModels)
    {
        var problems = new List<ParsedProblem>();
        foreach (var dataset in datasets)
        {
            int dimension = dataset.Config.Dimension;
            foreach (var model in dataset.Models ?? topModels)
            {
                var definition = model.Definition;
                if (definition.Dimensions.Contains(dimension))
                {
                    problems.Add(new ParsedProblem(dataset, model, definition.Create(dimension, model.Config.Loss, model.Config.Hidden)));
                    continue;
                }

                string takes = string.Join(" or ", definition.Dimensions.Select(d => $"{d}-D"));
                string message = $"model '{definition.Name}' takes {takes} inputs but dataset '{dataset.Config.Name}' is {dimension}-D";
                if (dataset.Models is null)
                {
                    context.Error(dataset.Node, dataset.Path, message);
                }
                else
                {
                    context.Error(model.Node, model.Path, message);
                }
            }
        }

        return problems;
    }

    /// <summary>Parameter names of the models in <paramref name="problems"/>, in first-seen order (w, b, w1, w2).</summary>
    public static IReadOnlyList<string> ParameterNames(IReadOnlyList<ParsedProblem> problems) =>
        problems.SelectMany(p => p.Handle.ParameterNames).Distinct(StringComparer.Ordinal).ToArray();
}
