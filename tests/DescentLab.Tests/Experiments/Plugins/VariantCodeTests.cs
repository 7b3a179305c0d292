using DescentLab.Experiments.Config;
using DescentLab.Tests.Support;
using NUnit.Framework;

namespace DescentLab.Tests.Experiments.Plugins;

public sealed class VariantCodeTests
{
    [Test]
    public void Of_PluginAndExternalVariants_OneLineEach_BuiltInsLeftOut()
    {
        var code = VariantCode.Of(AwkwardRuns.Manifest([]).ResolvedConfig.Variants);

        Assert.That(code, Is.EqualTo(new Dictionary<string, string>
        {
            ["lion"] = $"plug-in Lion/bin/Lion.dll (SHA-256 {string.Concat(Enumerable.Repeat("0123456789abcdef", 4))})",
            ["py_adam"] = "external 'python3 adam \"q\".py --x' (adam \"q\".py SHA-256 cd34)",
        }));
    }

    [Test]
    public void Changed_FirstDifferingVariantByName_OrNull()
    {
        var before = new Dictionary<string, string> { ["b"] = "plug-in B (SHA-256 1)", ["a"] = "external 'x' ()" };
        var same = new Dictionary<string, string> { ["a"] = "external 'x' ()", ["b"] = "plug-in B (SHA-256 1)" };
        var after = new Dictionary<string, string> { ["b"] = "plug-in B (SHA-256 2)" };

        Assert.Multiple(() =>
        {
            Assert.That(VariantCode.Changed(before, same), Is.Null);
            Assert.That(VariantCode.Changed(before, after), Is.EqualTo("variant 'a': external 'x' () then, built in or absent now"));
            Assert.That(VariantCode.Changed(after, before, "in A", "in B"), Is.EqualTo("variant 'a': built in or absent in A, external 'x' () in B"));
        });
    }
}
