namespace DescentLab.Core.Variants;

/// <summary>The families plots group variants by, in panel order; a variant may also name a family of its own.</summary>
public static class VariantFamily
{
    /// <summary>Gradient steps without state: closed_form, batch, sgd, minibatch, fixed_step, rosenblatt.</summary>
    public const string Plain = "plain gradient descent";

    /// <summary>Heavy-ball and Nesterov momentum.</summary>
    public const string Momentum = "momentum";

    /// <summary>Per-parameter step sizes: adagrad, rmsprop, adam.</summary>
    public const string Adaptive = "adaptive";

    /// <summary>Steps chosen by probing the loss.</summary>
    public const string LineSearch = "line search";

    /// <summary>The known families in panel order; other family names follow in order of first appearance.</summary>
    public static IReadOnlyList<string> Order { get; } = [Plain, Momentum, Adaptive, LineSearch];
}
