using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DescentLab.Experiments.Config;
using DescentLab.Experiments.Config.Schema;
using DescentLab.Output.Report;
using DescentLab.Tests.Support;
using Json.Schema;
using NUnit.Framework;

namespace DescentLab.Tests.Docs;

/// <summary>The docs are executed: every shell command in README.md and docs/*.md runs against the built tool, and every
/// config snippet validates, unless it is marked as an excerpt or a fragment (listed with its reason by
/// <see cref="Docs_SnippetsNotRun_AreListedWithTheirReasons"/>).</summary>
/// <remarks>
/// Each command (a whole shell block, or one inline <c>descentlab …</c>) runs with bash in a fresh folder holding a copy
/// of the repository's configs/ and schemas/ and a link to examples/, with a <c>descentlab</c> first on PATH that runs
/// the tool built next to these tests: in this process through <see cref="CommandServer"/>, or as
/// <c>dotnet descentlab.dll</c> where only a process of its own would do. It must exit 0, except a line whose comment says
/// <c>exit N</c>, which must exit N. Blocks run in parallel, so the test takes about as long as the slowest one.
/// A config snippet that is not a whole config is completed with a small base (a name, one seed, a beans3 dataset, a
/// logistic model and the batch variant) for the keys it lacks, and CSV files it names are written as 20 labelled
/// samples; it must pass both the validator and the JSON Schema.
/// </remarks>
[Parallelizable(ParallelScope.Children)]
public sealed partial class DocCommandsTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);
    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromText(ConfigSchema.ToText()));

    [TestCaseSource(nameof(Commands))]
    public void DocCommand_RunsAsWritten(DocSnippet snippet, string alsoAt)
    {
        using var folder = new TempFolder();
        string root = Root();
        CopyFolder(Path.Combine(root, "configs"), folder.PathOf("configs"));
        CopyFolder(Path.Combine(root, "schemas"), folder.PathOf("schemas"));
        Directory.CreateSymbolicLink(folder.PathOf("examples"), Path.Combine(root, "examples"));
        string script = folder.Write(".doc-command.sh", Script(snippet.Text));

        var (exitCode, stdout, stderr) = CommandServer.Bash(script, folder.FullPath, Patience);
        string output = stdout + stderr;
        output = output.Length > 4000 ? output[^4000..] : output;

        Assert.That(exitCode, Is.Zero, $"{snippet.Where}{alsoAt}: the command as written failed (exit {exitCode}):\n{snippet.Text}\n--- output ---\n{output}");
    }

    [TestCaseSource(nameof(Configs))]
    public void DocConfig_Validates(DocSnippet snippet)
    {
        using var folder = new TempFolder();
        string extension = snippet.Text.TrimStart().StartsWith('{') ? ".json" : ".yaml";
        var given = ConfigJson.FromText(snippet.Text, extension, out var parseErrors) as JsonObject;
        Assert.That(parseErrors, Is.Empty, $"{snippet.Where}: not {extension[1..]}");
        Assert.That(given, Is.Not.Null, $"{snippet.Where}: a config snippet must be a mapping (or be marked as a fragment)");
        string text = extension == ".yaml" ? Completed(snippet.Text, given!) : snippet.Text;
        foreach (Match file in CsvFile().Matches(text))
        {
            folder.Write(file.Groups["path"].Value, "x,y\n" + string.Concat(Enumerable.Range(0, 20).Select(i => string.Create(CultureInfo.InvariantCulture, $"{i / 20.0:0.00},{i % 2}\n"))));
        }

        string path = folder.Write("doc" + extension, text);

        var errors = ConfigLoader.Load(path, ConfigLimits.Default, ReportSections.Names).Errors;
        var json = ConfigJson.FromText(text, extension, out _);
        bool schemaValid = Schema.Value.Evaluate(JsonSerializer.SerializeToElement(json)).IsValid;

        Assert.Multiple(() =>
        {
            Assert.That(errors.Select(e => e.ToString()), Is.Empty, $"{snippet.Where} (completed to:\n{text})");
            Assert.That(schemaValid, Is.True, $"{snippet.Where}: the JSON Schema refuses it");
        });
    }

    [Test]
    public void Docs_SnippetsNotRun_AreListedWithTheirReasons()
    {
        var all = DocSnippets.All(Root());
        var notRun = all.Where(s => s.NotRun is not null).ToList();
        TestContext.Out.WriteLine($"{all.Count - notRun.Count} of {all.Count} doc snippets are run or validated; not run:");
        foreach (var snippet in notRun)
        {
            TestContext.Out.WriteLine($"  {snippet.Where}  [{snippet.NotRun}]  {snippet.Text.Split('\n')[0]}");
        }

        Assert.Multiple(() =>
        {
            Assert.That(notRun.Where(s => s.NotRun!.Length < 8 && s.NotRun != "synopsis"), Is.Empty, "an excerpt says why in a few words");
            Assert.That(all.Where(s => s.NotRun is null && s.Kind == DocSnippetKind.ShellBlock), Is.Not.Empty, "the docs have shell blocks to run");
            Assert.That(all.Where(s => s.NotRun is null && s.Kind == DocSnippetKind.Config), Is.Not.Empty, "the docs have configs to validate");
        });
    }

    [Test]
    public void DocSnippets_MarksAndPlaceholders_AreRecognised()
    {
        const string Text = """
            Run `descentlab run configs/gate.yaml` or `descentlab report RUNDIR`.
            <!-- excerpt: needs root -->

            ```sh
            sudo make install
            ```

            ```sh
            descentlab variants
            ```
            The worker, `descentlab serve` <!-- excerpt: runs until stopped -->
            """;

        var snippets = DocSnippets.Read("x.md", Text).ToList();

        Assert.That(snippets.Select(s => (s.Line, s.Kind, s.Text, s.NotRun)), Is.EqualTo(new (int, DocSnippetKind, string, string?)[]
        {
            (1, DocSnippetKind.InlineCommand, "descentlab run configs/gate.yaml", null),
            (1, DocSnippetKind.InlineCommand, "descentlab report RUNDIR", "synopsis"),
            (4, DocSnippetKind.ShellBlock, "sudo make install", "needs root"),
            (8, DocSnippetKind.ShellBlock, "descentlab variants", null),
            (11, DocSnippetKind.InlineCommand, "descentlab serve", "runs until stopped"),
        }));
    }

    /// <summary>Each distinct command once (the docs repeat <c>descentlab variants</c> and the like), named after where it
    /// first appears; a failure names every place.</summary>
    private static IEnumerable<TestCaseData> Commands() =>
        DocSnippets.All(Root())
            .Where(s => s.NotRun is null && s.Kind is DocSnippetKind.ShellBlock or DocSnippetKind.InlineCommand)
            .GroupBy(s => s.Text, StringComparer.Ordinal)
            .Select(g => new TestCaseData(g.First(), string.Concat(g.Skip(1).Select(s => ", " + s.Where))).SetName(Name(g.First())));

    private static IEnumerable<TestCaseData> Configs() =>
        DocSnippets.All(Root())
            .Where(s => s.NotRun is null && s.Kind == DocSnippetKind.Config)
            .Select(s => new TestCaseData(s).SetName(Name(s)));

    private static string Name(DocSnippet snippet) => $"{snippet.File.Replace('/', '_')}_line{snippet.Line}";

    /// <summary>The commands as a bash script: stop at the first failure, except lines whose comment says <c>exit N</c>.</summary>
    private static string Script(string commands)
    {
        var script = new StringBuilder("set -eu\n");
        foreach (string line in commands.Split('\n'))
        {
            if (ExpectedExit().Match(line) is { Success: true } expected)
            {
                string code = expected.Groups["code"].Value;
                script.Append($"set +e\n{line}\nstatus=$?\nset -e\n[ \"$status\" -eq {code} ] || {{ echo \"expected exit {code}, got $status\" >&2; exit 1; }}\n");
            }
            else
            {
                script.Append(line).Append('\n');
            }
        }

        return script.ToString();
    }

    /// <summary>A partial YAML config with the required keys it lacks added from a small base.</summary>
    private static string Completed(string text, JsonObject given)
    {
        var missing = new StringBuilder();
        (string Key, string Yaml)[] base_ =
        [
            ("name", "name: doc"),
            ("seeds", "seeds: [1]"),
            ("datasets", "datasets:\n  - recipe: beans3\n    n: 20"),
            ("models", "models: [logistic]"),
            ("variants", "variants: [batch]"),
        ];
        foreach (var (key, yaml) in base_.Where(b => !given.ContainsKey(b.Key)))
        {
            missing.Append(yaml).Append('\n');
        }

        return text.TrimEnd('\n') + "\n" + missing;
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (string file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            string target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    /// <summary>The repository: the folder above the test binaries that holds DescentLab.sln (test discovery has no TestContext).</summary>
    private static string Root()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "DescentLab.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("DescentLab.sln not found above the test binaries");
    }

    [GeneratedRegex(@"#.*\bexit (?<code>[0-9])\b")]
    private static partial Regex ExpectedExit();

    [GeneratedRegex(@"file: (?<path>[A-Za-z0-9_./-]+\.csv)")]
    private static partial Regex CsvFile();
}
