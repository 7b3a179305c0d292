using NUnit.Framework;

namespace DescentLab.Tests.Support;

/// <summary>Files of the repository the tests run from.</summary>
public static class RepoFiles
{
    /// <summary>configs/<paramref name="file"/> of the repository, found by walking up from the test binaries to DescentLab.sln.</summary>
    public static string Config(string file)
    {
        var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "DescentLab.sln")))
        {
            dir = dir.Parent;
        }

        Assert.That(dir, Is.Not.Null, "DescentLab.sln above the test directory");
        return Path.Combine(dir!.FullName, "configs", file);
    }
}
