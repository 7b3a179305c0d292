using System.Runtime.CompilerServices;
using NUnit.Framework;

namespace DescentLab.Tests.Support;

/// <summary>Golden files in tests/DescentLab.Tests/Golden/: compared exactly, rewritten only when DESCENTLAB_UPDATE_GOLDEN=1.</summary>
public static class GoldenFile
{
    /// <summary>Asserts <paramref name="actual"/> equals the golden file <paramref name="name"/>, or rewrites it on opt-in.</summary>
    public static void AssertMatches(string name, string actual, [CallerFilePath] string callerPath = "")
    {
        string copied = Path.Combine(TestContext.CurrentContext.TestDirectory, "Golden", name);
        if (Environment.GetEnvironmentVariable("DESCENTLAB_UPDATE_GOLDEN") == "1")
        {
            string source = Path.Combine(SourceRoot(callerPath), "Golden", name);
            File.WriteAllText(source, actual);
            Directory.CreateDirectory(Path.GetDirectoryName(copied)!);
            File.WriteAllText(copied, actual);
            Assert.Warn($"Golden file {source} rewritten (DESCENTLAB_UPDATE_GOLDEN=1).");
            return;
        }

        Assert.That(File.Exists(copied), Is.True, $"Golden file {name} is missing; create it with DESCENTLAB_UPDATE_GOLDEN=1.");
        Assert.That(actual, Is.EqualTo(File.ReadAllText(copied)), $"Differs from Golden/{name}; if the change is intended, rerun with DESCENTLAB_UPDATE_GOLDEN=1.");
    }

    /// <summary>tests/DescentLab.Tests, found from a test source file's path.</summary>
    private static string SourceRoot(string callerPath)
    {
        var folder = new DirectoryInfo(Path.GetDirectoryName(callerPath)!);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "DescentLab.Tests.csproj")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException($"No DescentLab.Tests.csproj above {callerPath}.");
    }
}
