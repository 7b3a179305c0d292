using DescentLab.Core.Models;
using DescentLab.Experiments.Config.Nodes;

namespace DescentLab.Experiments.Config.Validation;

/// <summary>A valid model entry and where it was written.</summary>
internal sealed record ParsedModel(ModelConfig Config, IModelDefinition Definition, ConfigNode Node, string Path);
