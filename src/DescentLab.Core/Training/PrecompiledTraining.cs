using DescentLab.Core.Models;
using DescentLab.Core.Variants;

namespace DescentLab.Core.Training;

/// <summary>Names every built-in pair of model and update rule for the ReadyToRun compiler.</summary>
/// <remarks>A run reaches <see cref="Trainer.Run{TModel, TRule}"/> through <see cref="IVariant.Train{TModel}"/>, a generic
/// virtual method, whose instantiations the ReadyToRun compiler cannot foresee. So every cold process compiled the whole
/// training path (about 110 methods: the epoch loop, the recorder, each rule's step) with the JIT, and ran its first runs
/// in unoptimised code: the default nightly's runs took about 40 ms longer. The compiler precompiles what a method body
/// names, so this body names each pair. It is never called; a test checks that it names every model and rule there
/// is.</remarks>
internal static class PrecompiledTraining
{
    private static void Pairs()
    {
        Trainer.Run<Origin, GradientStep>(default, null!, default, null!, default);
        Trainer.Run<Origin, FixedStepRule>(default, null!, default, null!, default);
        Trainer.Run<Origin, MomentumRule>(default, null!, default, null!, default);
        Trainer.Run<Origin, AdagradRule>(default, null!, default, null!, default);
        Trainer.Run<Origin, RmspropRule>(default, null!, default, null!, default);
        Trainer.Run<Origin, AdamRule>(default, null!, default, null!, default);
        Trainer.Run<Origin, LineSearchRule>(default, null!, default, null!, default);
        Trainer.Run<Affine, GradientStep>(default, null!, default, null!, default);
        Trainer.Run<Affine, FixedStepRule>(default, null!, default, null!, default);
        Trainer.Run<Affine, MomentumRule>(default, null!, default, null!, default);
        Trainer.Run<Affine, AdagradRule>(default, null!, default, null!, default);
        Trainer.Run<Affine, RmspropRule>(default, null!, default, null!, default);
        Trainer.Run<Affine, AdamRule>(default, null!, default, null!, default);
        Trainer.Run<Affine, LineSearchRule>(default, null!, default, null!, default);
        Trainer.Run<Logistic, GradientStep>(default, null!, default, null!, default);
        Trainer.Run<Logistic, FixedStepRule>(default, null!, default, null!, default);
        Trainer.Run<Logistic, MomentumRule>(default, null!, default, null!, default);
        Trainer.Run<Logistic, AdagradRule>(default, null!, default, null!, default);
        Trainer.Run<Logistic, RmspropRule>(default, null!, default, null!, default);
        Trainer.Run<Logistic, AdamRule>(default, null!, default, null!, default);
        Trainer.Run<Logistic, LineSearchRule>(default, null!, default, null!, default);
        Trainer.Run<Mlp, GradientStep>(default, null!, default, null!, default);
        Trainer.Run<Mlp, FixedStepRule>(default, null!, default, null!, default);
        Trainer.Run<Mlp, MomentumRule>(default, null!, default, null!, default);
        Trainer.Run<Mlp, AdagradRule>(default, null!, default, null!, default);
        Trainer.Run<Mlp, RmspropRule>(default, null!, default, null!, default);
        Trainer.Run<Mlp, AdamRule>(default, null!, default, null!, default);
        Trainer.Run<Mlp, LineSearchRule>(default, null!, default, null!, default);
    }
}
