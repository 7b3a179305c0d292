namespace DescentLab.Core.Training;

/// <summary>An optimizer: an update of θ from the mean gradient of a batch, with explicit state.</summary>
/// <remarks>Implemented by structs so the trainer is specialised per rule. State lives in the struct and is
/// allocated once by <see cref="Init"/>; <see cref="Apply{TProbe}"/> must not allocate.</remarks>
public interface IUpdateRule
{
    /// <summary>If the rule is exactly <c>θ -= c·g</c> with no state, c; otherwise NaN. Lets the trainer run
    /// batch-1 epochs through <see cref="Models.IModel.SgdEpoch"/> with identical results.</summary>
    double PlainStepSize { get; }

    /// <summary>Allocates state for <paramref name="parameterCount"/> parameters.</summary>
    void Init(int parameterCount);

    /// <summary>Updates θ in place from the batch's mean gradient and loss.</summary>
    void Apply<TProbe>(Span<double> theta, ReadOnlySpan<double> gradient, double loss, ref TProbe probe)
        where TProbe : struct, ILossProbe;
}
