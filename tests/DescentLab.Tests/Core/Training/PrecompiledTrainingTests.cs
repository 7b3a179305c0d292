using System.Reflection;
using System.Reflection.Emit;
using DescentLab.Core.Models;
using DescentLab.Core.Training;
using DescentLab.Core.Variants;
using NUnit.Framework;

namespace DescentLab.Tests.Core.Training;

/// <summary>The list the ReadyToRun compiler reads: every model and update rule of the core, paired, so a new model or
/// rule cannot silently fall back to the JIT in cold processes.</summary>
public sealed class PrecompiledTrainingTests
{
    private static readonly Assembly Core = typeof(Trainer).Assembly;

    [Test]
    public void Pairs_NamesTrainerRun_ForEveryModelAndRuleOfTheCore()
    {
        var pairs = Core.GetType("DescentLab.Core.Training.PrecompiledTraining", throwOnError: true)!
            .GetMethod("Pairs", BindingFlags.NonPublic | BindingFlags.Static)!;
        var run = typeof(Trainer).GetMethod(nameof(Trainer.Run))!;

        var named = CalledMethods(pairs)
            .OfType<MethodInfo>()
            .Where(m => m.IsGenericMethod && m.GetGenericMethodDefinition() == run)
            .Select(m => (Model: m.GetGenericArguments()[0], Rule: m.GetGenericArguments()[1]))
            .ToList();
        var models = Structs<IModel>();
        var rules = Structs<IUpdateRule>();

        Assert.Multiple(() =>
        {
            Assert.That(models, Has.Member(typeof(Mlp)).And.Member(typeof(Origin)), "the search finds the models");
            Assert.That(rules, Has.Member(typeof(AdamRule)).And.Member(typeof(GradientStep)), "and the rules");
            Assert.That(named, Is.EquivalentTo(models.SelectMany(m => rules.Select(r => (m, r)))));
        });
    }

    private static List<Type> Structs<T>() =>
        [.. Core.GetTypes().Where(t => t.IsValueType && !t.IsGenericTypeDefinition && typeof(T).IsAssignableFrom(t)).OrderBy(t => t.FullName, StringComparer.Ordinal)];

    /// <summary>The methods <paramref name="method"/>'s IL calls, read instruction by instruction.</summary>
    private static IEnumerable<MethodBase> CalledMethods(MethodInfo method)
    {
        var opCodes = typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => (OpCode)f.GetValue(null)!)
            .ToDictionary(o => (ushort)o.Value);
        byte[] il = method.GetMethodBody()!.GetILAsByteArray()!;
        for (int i = 0; i < il.Length;)
        {
            ushort value = il[i] == 0xFE ? (ushort)(0xFE00 | il[i + 1]) : il[i];
            var opCode = opCodes[value];
            i += opCode.Size;
            if (opCode.OperandType == OperandType.InlineMethod)
            {
                yield return method.Module.ResolveMethod(BitConverter.ToInt32(il, i))!;
            }

            i += opCode.OperandType switch
            {
                OperandType.InlineNone => 0,
                OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                OperandType.InlineVar => 2,
                OperandType.InlineI8 or OperandType.InlineR => 8,
                OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, i)),
                _ => 4,
            };
        }
    }
}
