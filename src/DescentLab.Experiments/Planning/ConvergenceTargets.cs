using DescentLab.Core.Metrics;
using DescentLab.Experiments.Config;

namespace DescentLab.Experiments.Planning;

/// <summary>The targets that decide "converged" for one problem; NaN where a target is not used (docs/judgments.md).</summary>
/// <param name="Gap">Target loss - L*.</param>
/// <param name="Loss">Target loss.</param>
/// <param name="Accuracy">Target accuracy.</param>
/// <param name="TrackAccuracy">The problem is a classification one: curves and the summary record accuracy.</param>
public sealed record ConvergenceTargets(double Gap, double Loss, double Accuracy, bool TrackAccuracy)
{
    /// <summary>The targets of a problem of <paramref name="kind"/>.</summary>
    /// <remarks>
    /// target_loss and target_accuracy come from the dataset entry, else from <c>stop</c>; target_accuracy applies to
    /// classification problems only. A run converges at the first recorded state that meets every target used:
    /// <list type="bullet">
    /// <item>exact and best_known: target_gap, plus target_loss and target_accuracy where set;</item>
    /// <item>infimum: never a gap to the bound; target_loss and target_accuracy where set, and with neither set, a
    /// classification problem targets the accuracy of the reference parameters (on separable classes, 1); a regression
    /// problem with neither set has no target and cannot converge.</item>
    /// </list>
    /// </remarks>
    /// <param name="kind">The problem's reference kind.</param>
    /// <param name="classification">The model outputs a probability and every label is 0 or 1.</param>
    /// <param name="stop">The config's stop block.</param>
    /// <param name="dataset">The dataset entry (its targets override <paramref name="stop"/>'s).</param>
    /// <param name="referenceAccuracy">Accuracy at the reference parameters (read only for the infimum default).</param>
    public static ConvergenceTargets Resolve(ReferenceKind kind, bool classification, StopConfig stop, DatasetConfig dataset, double referenceAccuracy)
    {
        ArgumentNullException.ThrowIfNull(stop);
        ArgumentNullException.ThrowIfNull(dataset);
        double loss = dataset.TargetLoss ?? stop.TargetLoss ?? double.NaN;
        double accuracy = classification ? dataset.TargetAccuracy ?? stop.TargetAccuracy ?? double.NaN : double.NaN;
        if (kind != ReferenceKind.Infimum)
        {
            return new(stop.TargetGap, loss, accuracy, classification);
        }

        if (double.IsNaN(loss) && double.IsNaN(accuracy) && classification)
        {
            accuracy = referenceAccuracy;
        }

        return new(double.NaN, loss, accuracy, classification);
    }

    /// <summary>Which targets decide, e.g. <c>target_gap 1E-06</c> or <c>target_loss 0.01, target_accuracy 1</c>; <c>none</c>.</summary>
    public string Describe()
    {
        var parts = new List<string>();
        Add(parts, "target_gap", Gap);
        Add(parts, "target_loss", Loss);
        Add(parts, "target_accuracy", Accuracy);
        return parts.Count == 0 ? "none" : string.Join(", ", parts);
    }

    /// <summary>The targets named by a <see cref="Describe"/> text (a manifest's <c>problems[].targets</c>); null when the
    /// text is missing or not one <see cref="Describe"/> writes. <see cref="TrackAccuracy"/> is whether an accuracy target is named.</summary>
    public static ConvergenceTargets? Parse(string? text)
    {
        if (text is null)
        {
            return null;
        }

        double gap = double.NaN, loss = double.NaN, accuracy = double.NaN;
        if (text == "none")
        {
            return new(gap, loss, accuracy, false);
        }

        foreach (string part in text.Split(", "))
        {
            string[] pair = part.Split(' ');
            if (pair.Length != 2 || !double.TryParse(pair[1], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double value))
            {
                return null;
            }

            switch (pair[0])
            {
                case "target_gap": gap = value; break;
                case "target_loss": loss = value; break;
                case "target_accuracy": accuracy = value; break;
                default: return null;
            }
        }

        return new(gap, loss, accuracy, !double.IsNaN(accuracy));
    }

    private static void Add(List<string> parts, string name, double value)
    {
        if (!double.IsNaN(value))
        {
            parts.Add(name + " " + value.ToString("R", System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
