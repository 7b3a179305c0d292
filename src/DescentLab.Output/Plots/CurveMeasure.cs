namespace DescentLab.Output.Plots;

/// <summary>Which recorded quantity of a curve a convergence figure draws.</summary>
public enum CurveMeasure
{
    /// <summary>loss − L* (exact and best_known references).</summary>
    Gap,

    /// <summary>The loss itself (an infimum reference, whose gap measures nothing reachable).</summary>
    Loss,

    /// <summary>The accuracy (classification problems judged by target_accuracy).</summary>
    Accuracy,
}
