using DescentLab.Tests.Support;
using NUnit.Framework;

namespace DescentLab.Tests.Host.EndToEnd;

/// <summary><c>descentlab new variant</c> through the command line: what it writes builds, tests and runs as it stands,
/// and starts as a plain gradient step, so its curves equal the built-in minibatch's bit for bit.</summary>
public sealed class NewVariantEndToEndTests
{
    [Test]
    public void Python_WritesAScriptWhoseTestAndExampleRun_CurvesEqualMinibatch()
    {
        using var temp = new TempFolder();

        var created = DescentLabProcess.Run(temp.FullPath, "new", "variant", "my_sgd", "--lang", "python");
        Assert.That(created.ExitCode, Is.EqualTo(0), created.Error);
        Assert.That(Directory.GetFiles(temp.PathOf("my_sgd")).Select(Path.GetFileName), Is.EquivalentTo(new[] { "my_sgd.py", "test_my_sgd.py", "example.yaml" }));

        var test = Execute(temp.PathOf("my_sgd"), "python3", "test_my_sgd.py");
        Assert.That(test, Is.EqualTo((0, "my_sgd: first updates ok\n")));

        var run = DescentLabProcess.Run(temp.PathOf("my_sgd"), "run", "example.yaml", "--out", "out");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        AssertCurvesEqualMinibatch(temp.PathOf("my_sgd", "out"), "my_sgd");
    }

    [Test]
    public void CSharp_WritesAPluginThatBuildsAndRuns_CurvesEqualMinibatch()
    {
        using var temp = new TempFolder();

        var created = DescentLabProcess.Run(temp.FullPath, "new", "variant", "my_rule", "--lang", "csharp", "--out", "rules/mine");
        Assert.That(created.ExitCode, Is.EqualTo(0), created.Error);
        string folder = temp.PathOf("rules", "mine");
        Assert.That(
            Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(folder, f)),
            Is.EquivalentTo(new[] { "example.yaml", "MyRule/MyRule.csproj", "MyRule/MyRulePlugin.cs", "MyRule/MyRuleRule.cs", "MyRule.Tests/MyRule.Tests.csproj", "MyRule.Tests/MyRuleRuleTests.cs", "lib/DescentLab.Core.dll" }));
        Assert.That(File.ReadAllText(Path.Combine(folder, "MyRule", "MyRule.csproj")), Does.Not.Contain("/tmp/").And.Not.Contain(AppContext.BaseDirectory.TrimEnd('/')));

        // As the rule's doc comment says to: keep state in a field that Init sets and Apply updates (a readonly Apply
        // would not compile).
        string rule = Path.Combine(folder, "MyRule", "MyRuleRule.cs");
        File.WriteAllText(rule, File.ReadAllText(rule)
            .Replace("    private readonly double _lr;", "    private readonly double _lr;\n    private long _steps;", StringComparison.Ordinal)
            .Replace("    public void Init(int parameterCount)\n    {", "    public void Init(int parameterCount)\n    {\n        _steps = 0;", StringComparison.Ordinal)
            .Replace("        for (int j = 0; j < theta.Length; j++)", "        _steps++;\n        for (int j = 0; j < theta.Length && _steps > 0; j++)", StringComparison.Ordinal));
        Assert.That(File.ReadAllText(rule), Does.Contain("_steps++;").And.Contain("_steps = 0;"));

        var build = Execute(folder, "dotnet", "build", "MyRule", "-c", "Release", "-nologo", "-v", "q");
        Assert.That(build.ExitCode, Is.EqualTo(0), build.Out);

        var run = DescentLabProcess.Run(folder, "run", "example.yaml", "--out", "out");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        AssertCurvesEqualMinibatch(Path.Combine(folder, "out"), "my_rule");
    }

    [Test]
    public void BadNamesAndAnExistingFolder_Exit2WithTheReasonAndWriteNothing()
    {
        using var temp = new TempFolder();
        Directory.CreateDirectory(temp.PathOf("taken"));

        var pascal = DescentLabProcess.Run(temp.FullPath, "new", "variant", "MyRule");
        var builtIn = DescentLabProcess.Run(temp.FullPath, "new", "variant", "adam", "--lang", "python");
        var existing = DescentLabProcess.Run(temp.FullPath, "new", "variant", "taken");
        var language = DescentLabProcess.Run(temp.FullPath, "new", "variant", "my_rule", "--lang", "rust");

        Assert.Multiple(() =>
        {
            Assert.That((pascal.ExitCode, pascal.Error), Is.EqualTo((2, "new variant: 'MyRule' is not a valid variant name: use snake_case (lower-case letters and digits, words joined by '_', starting with a letter), e.g. my_rule\n")));
            Assert.That((builtIn.ExitCode, builtIn.Error), Is.EqualTo((2, "new variant: 'adam' is a built-in variant; choose another name\n")));
            Assert.That((existing.ExitCode, existing.Error), Is.EqualTo((2, "new variant: taken already exists; choose another name or --out\n")));
            Assert.That(language.ExitCode, Is.EqualTo(2));
            Assert.That(language.Error, Does.StartWith("Argument 'rust' not recognized. Must be one of:"));
        });
        Assert.That(Directory.GetFileSystemEntries(temp.FullPath, "*", SearchOption.AllDirectories), Is.EqualTo(new[] { temp.PathOf("taken") }));
    }

    /// <summary>The variant's curve is byte-identical to minibatch's (same lr, batch, shuffle and seed).</summary>
    private static void AssertCurvesEqualMinibatch(string runFolder, string variant)
    {
        var curves = RunFolders.CurveRows(runFolder);
        string mine = curves.Keys.Single(id => id.Contains($"_{variant}_", StringComparison.Ordinal));
        string builtIn = mine.Replace($"_{variant}_", "_minibatch_", StringComparison.Ordinal);
        Assert.That(curves[mine], Is.EqualTo(curves[builtIn]), mine);
    }

    // Builds can take minutes on a loaded 2-core machine; stdout and stderr together, as a person reads them.
    private static (int ExitCode, string Out) Execute(string workingDirectory, string file, params string[] args)
    {
        var result = DescentLabProcess.RunProgram(file, args, workingDirectory, new Dictionary<string, string?>(), TimeSpan.FromMinutes(10));
        return (result.ExitCode, result.Out + result.Error);
    }
}
