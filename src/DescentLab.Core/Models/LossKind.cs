namespace DescentLab.Core.Models;

/// <summary>The loss a model minimises (SPEC §5).</summary>
public enum LossKind
{
    /// <summary>Mean squared error, as in the course.</summary>
    Mse,

    /// <summary>Mean binary cross-entropy; logistic models only.</summary>
    CrossEntropy,
}
