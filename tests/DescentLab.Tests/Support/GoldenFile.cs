using System.Runtime.CompilerServices;
using System.Text;
using NUnit.Framework;

namespace DescentLab.Tests.Support;

/// <summary>Compares output with a file in tests/DescentLab.Tests/Golden, byte for byte.</summary>
/// <remarks>The golden files are rewritten only when the environment variable DESCENTLAB_UPDATE_GOLDEN is 1; a normal run
/// never touches them.</remarks>
public static class GoldenFile
{
    /// <summary>The opt-in variable.</summary>
    public const string UpdateVariable = "DESCENTLAB_UPDATE_GOLDEN";

    /// <summary>Asserts that <paramref name="actual"/>, as UTF-8 without a BOM, equals the golden file <paramref name="name"/>.</summary>
    public static void AssertMatches(string name, string actual)
    {
        byte[] actualBytes = new UTF8Encoding(false).GetBytes(actual);
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            File.WriteAllBytes(Path.Combine(SourceFolder(), "Golden", name), actualBytes);
            TestContext.Out.WriteLine($"Golden file {name} rewritten.");
            return;
        }

        string expectedPath = Path.Combine(TestContext.CurrentContext.TestDirectory, "Golden", name);
        Assert.That(File.Exists(expectedPath), Is.True, $"{expectedPath} is missing; run once with {UpdateVariable}=1 and review the diff.");
        Assert.That(actual, Is.EqualTo(File.ReadAllText(expectedPath)));
        Assert.That(actualBytes, Is.EqualTo(File.ReadAllBytes(expectedPath)));
    }

    private static string SourceFolder([CallerFilePath] string thisFile = "") =>
        Path.GetDirectoryName(Path.GetDirectoryName(thisFile))!;
}
