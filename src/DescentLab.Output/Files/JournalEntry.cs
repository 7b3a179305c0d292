using DescentLab.Core.Training;
using DescentLab.Experiments.Planning;
using DescentLab.Experiments.Running;

namespace DescentLab.Output.Files;

/// <summary>A journal record while it is read: each <see cref="JournalColumn"/> sets its value, then
/// <see cref="ToResult"/> builds the run.</summary>
internal sealed class JournalEntry
{
    public string RunId { get; set; } = string.Empty;

    public RunStatus Status { get; set; }

    public string Message { get; set; } = string.Empty;

    public double WallMs { get; set; }

    public bool HasTraining { get; set; }

    public RunStatus TrainingStatus { get; set; }

    public string TrainingMessage { get; set; } = string.Empty;

    public int Epochs { get; set; }

    public long Steps { get; set; }

    public long GradEvals { get; set; }

    public int? EpochsToTarget { get; set; }

    public long? GradEvalsToTarget { get; set; }

    public double FinalLoss { get; set; }

    public double FinalGap { get; set; }

    public double[] FinalTheta { get; set; } = [];

    public double FinalAccuracy { get; set; }

    public string[] ParameterNames { get; set; } = [];

    public int[] Epoch { get; set; } = [];

    public long[] Step { get; set; } = [];

    public double[] Loss { get; set; } = [];

    public double[] Gap { get; set; } = [];

    public double[] GradNorm { get; set; } = [];

    public double[]? Accuracy { get; set; }

    public double[] Parameters { get; set; } = [];

    /// <summary>The run of <paramref name="spec"/> as recorded.</summary>
    /// <exception cref="ArgumentException">The curve's columns disagree in length (a garbled record).</exception>
    public RunResult ToResult(RunSpec spec)
    {
        TrainingResult? training = HasTraining
            ? new TrainingResult(
                TrainingStatus,
                TrainingMessage,
                new Curve(ParameterNames, Epoch, Step, Loss, Gap, GradNorm, Parameters, Accuracy),
                Epochs,
                Steps,
                GradEvals,
                EpochsToTarget,
                GradEvalsToTarget,
                FinalLoss,
                FinalGap,
                FinalTheta,
                FinalAccuracy)
            : null;
        return new RunResult(spec, training, Status, Message, WallMs);
    }
}
