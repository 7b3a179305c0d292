namespace DescentLab.Core.Variants;

/// <summary>How many samples a variant's update uses.</summary>
public enum BatchMode
{
    /// <summary>Always one sample per update (sgd, rosenblatt).</summary>
    One,

    /// <summary>Always every sample (batch, closed_form).</summary>
    All,

    /// <summary>The config's <c>batch</c> key; all samples when absent (minibatch defaults to its own size).</summary>
    Configurable,
}
