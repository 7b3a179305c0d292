namespace DescentLab.Core.Models;

/// <summary>The loss a model minimises.</summary>
public enum LossKind
{
    /// <summary>Mean squared error, as in the course.</summary>
    Mse,

    /// <summary>Mean binary cross-entropy; logistic models only.</summary>
    CrossEntropy,
}
