using DescentLab.Core.Training;

namespace DescentLab.Core.Variants;

/// <summary>A variant whose update rule can be made on its own, outside the trainer (the plug-in host applies it one
/// update at a time for a trainer in another process).</summary>
public interface IRuleSource
{
    /// <summary>The rule for one run's resolved hyper-parameters, boxed: calls through the interface update the box's state.</summary>
    IUpdateRule CreateRule(HyperParameters hyperParameters);
}
