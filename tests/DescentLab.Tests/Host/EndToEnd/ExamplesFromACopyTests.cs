using DescentLab.Tests.Support;
using NUnit.Framework;

namespace DescentLab.Tests.Host.EndToEnd;

/// <summary>The examples work from a copy outside the repository, as a user who copied the folder would use them.</summary>
public sealed class ExamplesFromACopyTests
{
    [Test]
    public void CSharpExample_Copied_BuildsAgainstTheContractOfNewContract_AndValidates()
    {
        using var temp = new TempFolder();
        string copy = temp.PathOf("plugin-csharp");
        Copy(PluginPaths.CSharpExample, copy);

        var contract = DescentLabProcess.Run(copy, "new", "contract");
        var build = Execute(copy, "dotnet", "build", "Lion.Tests", "-c", "Release", "-nologo", "-v", "q");
        var validate = DescentLabProcess.Run(copy, "validate", "example.yaml");

        Assert.Multiple(() =>
        {
            Assert.That(contract.ExitCode, Is.Zero, contract.Error);
            Assert.That(contract.Out.Trim(), Is.EqualTo(Path.Combine("lib", "DescentLab.Core.dll")));
            Assert.That(build.ExitCode, Is.Zero, build.Out);
            Assert.That(File.Exists(Path.Combine(copy, "Lion", "bin", "Release", "net10.0", "Lion.dll")), Is.True);
            Assert.That(File.Exists(Path.Combine(copy, "Lion", "bin", "Release", "net10.0", "DescentLab.Core.dll")), Is.False, "the host's Core is shared, not copied");
            Assert.That(validate.ExitCode, Is.Zero, validate.Error);
        });
    }

    [Test]
    public void PythonExample_Copied_Runs()
    {
        using var temp = new TempFolder();
        string copy = temp.PathOf("plugin-python");
        Copy(PluginPaths.PythonExample, copy);

        var run = DescentLabProcess.Run(copy, "run", "example.yaml", "--out", "out");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.Zero, run.Error);
            Assert.That(File.Exists(Path.Combine(copy, "out", "manifest.json")), Is.True);
        });
    }

    /// <summary>Copies the example's own files (no build output).</summary>
    private static void Copy(string from, string to)
    {
        foreach (string file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            string relative = Path.GetRelativePath(from, file);
            if (relative.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj" or "__pycache__" or "lib"))
            {
                continue;
            }

            string target = Path.Combine(to, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    // Builds can take minutes on a loaded 2-core machine; stdout and stderr together, as a person reads them.
    private static (int ExitCode, string Out) Execute(string workingDirectory, string file, params string[] args)
    {
        var result = DescentLabProcess.RunProgram(file, args, workingDirectory, new Dictionary<string, string?>(), TimeSpan.FromMinutes(10));
        return (result.ExitCode, result.Out + result.Error);
    }
}
