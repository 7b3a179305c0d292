namespace DescentLab.Core.Training;

/// <summary>A convergence curve: row 0 is the initial state, row k the state after epoch (or step) k.</summary>
/// <remarks>Columns are flat arrays; parameters are row-major, <see cref="ParameterNames"/>.Count values per row.</remarks>
public sealed class Curve
{
    /// <summary>Wraps finished columns (not copied).</summary>
    public Curve(
        IReadOnlyList<string> parameterNames,
        int[] epoch,
        long[] step,
        double[] loss,
        double[] gap,
        double[] gradNorm,
        double[] parameters,
        double[]? accuracy = null)
    {
        int rows = epoch.Length;
        if (step.Length != rows || loss.Length != rows || gap.Length != rows || gradNorm.Length != rows || parameters.Length != rows * parameterNames.Count
            || (accuracy is not null && accuracy.Length != rows))
        {
            throw new ArgumentException("Curve columns must have the same number of rows.");
        }

        ParameterNames = parameterNames;
        Epoch = epoch;
        Step = step;
        Loss = loss;
        Gap = gap;
        GradNorm = gradNorm;
        Parameters = parameters;
        Accuracy = accuracy;
    }

    /// <summary>Names of the parameter columns.</summary>
    public IReadOnlyList<string> ParameterNames { get; }

    /// <summary>Number of rows.</summary>
    public int Count => Epoch.Length;

    /// <summary>Epoch of each row (the epoch a step belongs to in step mode).</summary>
    public int[] Epoch { get; }

    /// <summary>Parameter updates made before the row's state.</summary>
    public long[] Step { get; }

    /// <summary>Mean loss over all samples.</summary>
    public double[] Loss { get; }

    /// <summary>Loss minus L*.</summary>
    public double[] Gap { get; }

    /// <summary>Euclidean norm of the full-data gradient.</summary>
    public double[] GradNorm { get; }

    /// <summary>Accuracy of each row's state (classification problems), or null.</summary>
    public double[]? Accuracy { get; }

    /// <summary>Parameters, row-major.</summary>
    public double[] Parameters { get; }

    /// <summary>The parameters of row <paramref name="row"/>.</summary>
    public ReadOnlySpan<double> ParametersAt(int row) =>
        Parameters.AsSpan(row * ParameterNames.Count, ParameterNames.Count);
}
