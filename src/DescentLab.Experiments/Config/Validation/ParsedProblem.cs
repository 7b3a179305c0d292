using DescentLab.Core.Models;

namespace DescentLab.Experiments.Config.Validation;

/// <summary>A dataset and a model that can fit it, with the model's handle (which says what variants support it).</summary>
internal sealed record ParsedProblem(ParsedDataset Dataset, ParsedModel Model, IModelHandle Handle);
