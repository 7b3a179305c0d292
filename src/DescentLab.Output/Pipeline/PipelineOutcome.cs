namespace DescentLab.Output.Pipeline;

/// <summary>How a pipeline invocation ended, worst first wins when several configs run.</summary>
public enum PipelineOutcome
{
    /// <summary>Every run set completed with no failed run and no regression that must fail.</summary>
    Success = 0,

    /// <summary>A run regressed against its baseline and the config or command asked to fail on it.</summary>
    Regression = 1,

    /// <summary>A run failed, or writing the output failed.</summary>
    Failure = 2,

    /// <summary>A config or another input was bad; nothing ran.</summary>
    BadInput = 3,
}
