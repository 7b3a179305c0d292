namespace DescentLab.Experiments.Config;

/// <summary>The x axis of the convergence plots (<c>report: { x: ... }</c>).</summary>
public enum ConvergenceAxis
{
    /// <summary><c>epochs</c>: passes over the data (fractional between epochs with <c>record: step</c>).</summary>
    Epochs,

    /// <summary><c>grad_evals</c>: per-sample gradient evaluations spent up to each curve row.</summary>
    GradEvals,

    /// <summary><c>wall_ms</c>: the run's measured wall time spread evenly over its gradient evaluations (curves carry no
    /// time of their own, so that they stay byte-identical on every machine).</summary>
    WallMs,
}
