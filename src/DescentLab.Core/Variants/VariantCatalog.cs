using DescentLab.Core.Tuning;

namespace DescentLab.Core.Variants;

/// <summary>Every built-in variant, in listing and plan order, with its default search space for <c>tune:</c>. Add a variant
/// with its rule's file and one entry here.</summary>
public static class VariantCatalog
{
    /// <summary>All built-in variants.</summary>
    public static IReadOnlyList<IVariant> All { get; } =
    [
        new ClosedForm(),
        new RuleVariant<GradientStep>(
            new("batch", "full-batch gradient descent: theta -= lr*g over all samples, one step per epoch", VariantFamily.Plain, "#0072b2", BatchMode.All, GradientStep.Parameters, Space: [Log("lr", 1e-3, 10)]),
            h => new GradientStep(h["lr"])),
        new RuleVariant<GradientStep>(
            new("sgd", "stochastic gradient descent: theta -= lr*g_i, one sample at a time", VariantFamily.Plain, "#e69f00", BatchMode.One, GradientStep.Parameters, Space: [Log("lr", 1e-4, 1)]),
            h => new GradientStep(h["lr"])),
        new RuleVariant<GradientStep>(
            new("minibatch", "mini-batch gradient descent: theta -= lr*g over consecutive batches (default 10 samples)", VariantFamily.Plain, "#009e73", BatchMode.Configurable, GradientStep.Parameters, DefaultBatch: 10, Space: [Log("lr", 1e-4, 1)]),
            h => new GradientStep(h["lr"])),
        new RuleVariant<FixedStepRule>(
            new("fixed_step", "fixed-step descent: theta -= step*sign(g), the course's walk in constant strides", VariantFamily.Plain, "#999933", BatchMode.Configurable, FixedStepRule.Parameters, Space: [Log("step", 1e-4, 1)]),
            h => new FixedStepRule(h["step"])),
        new RuleVariant<GradientStep>(
            new("rosenblatt", "Rosenblatt's rule: theta += lr*(y - yhat)*dyhat/dtheta per sample (half the SGD step)", VariantFamily.Plain, "#cc79a7", BatchMode.One, GradientStep.Parameters, Space: [Log("lr", 1e-4, 1)]),
            h => new GradientStep(0.5 * h["lr"])),
        new RuleVariant<MomentumRule>(
            new("momentum", "heavy-ball momentum (torch.optim.SGD, momentum 0.9): buf = mu*buf + g; theta -= lr*buf", VariantFamily.Momentum, "#0072b2", BatchMode.Configurable, MomentumRule.Parameters, Space: [Log("lr", 1e-4, 1), new("momentum", SearchRange.Uniform(0.5, 0.99))]),
            h => new MomentumRule(h["lr"], h["momentum"], nesterov: false)),
        new RuleVariant<MomentumRule>(
            new("nesterov", "Nesterov momentum (torch.optim.SGD nesterov=True): theta -= lr*(g + mu*buf)", VariantFamily.Momentum, "#d55e00", BatchMode.Configurable, MomentumRule.Parameters, Space: [Log("lr", 1e-4, 1), new("momentum", SearchRange.Uniform(0.5, 0.99))]),
            h => new MomentumRule(h["lr"], h["momentum"], nesterov: true)),
        new RuleVariant<AdagradRule>(
            new("adagrad", "AdaGrad (torch.optim.Adagrad): sum += g^2; theta -= lr*g/(sqrt(sum) + eps)", VariantFamily.Adaptive, "#e69f00", BatchMode.Configurable, AdagradRule.Parameters, Space: [Log("lr", 1e-3, 10)]),
            h => new AdagradRule(h["lr"], h["eps"])),
        new RuleVariant<RmspropRule>(
            new("rmsprop", "RMSProp (torch.optim.RMSprop): v = alpha*v + (1-alpha)*g^2; theta -= lr*g/(sqrt(v) + eps)", VariantFamily.Adaptive, "#009e73", BatchMode.Configurable, RmspropRule.Parameters, Space: [Log("lr", 1e-4, 1)]),
            h => new RmspropRule(h["lr"], h["alpha"], h["eps"])),
        new RuleVariant<AdamRule>(
            new("adam", "Adam (torch.optim.Adam): bias-corrected moments, theta -= lr*mhat/(sqrt(vhat) + eps)", VariantFamily.Adaptive, "#0072b2", BatchMode.Configurable, AdamRule.Parameters, Space: [Log("lr", 1e-4, 1), new("beta1", SearchRange.Uniform(0.5, 0.99))]),
            h => new AdamRule(h["lr"], h["beta1"], h["beta2"], h["eps"])),
        new RuleVariant<LineSearchRule>(
            new("line_search", "backtracking Armijo line search: halve t from lr until L(theta - t*g) <= L - 1e-4*t*|g|^2", VariantFamily.LineSearch, "#117733", BatchMode.Configurable, LineSearchRule.Parameters, Space: [Log("lr", 1e-2, 100)]),
            h => new LineSearchRule(h["lr"])),
    ];

    private static SearchDimension Log(string name, double low, double high) => new(name, SearchRange.LogUniform(low, high));

    /// <summary>The variant called <paramref name="name"/>, or null.</summary>
    public static IVariant? Find(string name)
    {
        foreach (var variant in All)
        {
            if (variant.Name == name)
            {
                return variant;
            }
        }

        return null;
    }
}
