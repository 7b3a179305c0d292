using System.Diagnostics;
using System.Text.RegularExpressions;
using NUnit.Framework;
using YamlDotNet.RepresentationModel;

namespace DescentLab.Tests.Docs;

/// <summary>The shipped documentation and deployment files stand alone: no reference outside the repository, every
/// relative link resolves, and the deploy/ files are well-formed.</summary>
public sealed partial class SelfContainedDocsTests
{
    private static readonly string Root = RepoRoot();

    [Test]
    public void ShippedText_NeverRefersOutsideTheRepository()
    {
        // Everything that ships: docs, deploy files, configs, schemas, scripts, the sources and tests (code comments
        // included), the benchmarks' inputs, the reports folder's README and the build files; build output is not
        // shipped text.
        string[] folders = ["docs", "deploy", "configs", "schemas", "scripts", "src", "tests", "bench", "reports", "examples", ".ci"];
        string[] textExtensions = [".md", ".cs", ".csproj", ".json", ".yaml", ".yml", ".sh", ".sbatch", ".service", ".timer", ".template", ".py", ".props", ""];
        var files = folders.Select(f => Path.Combine(Root, f)).Where(Directory.Exists)
            .SelectMany(f => Directory.EnumerateFiles(f, "*", SearchOption.AllDirectories))
            .Where(f => !BuildOutput().IsMatch(Path.GetRelativePath(Root, f)) && textExtensions.Contains(Path.GetExtension(f)))
            .Concat(new[] { "README.md", "Makefile", ".editorconfig", "Directory.Build.props", "Directory.Packages.props" }.Select(f => Path.Combine(Root, f)));

        var offenders = files.SelectMany(file => File.ReadLines(file).Select((line, i) => (file, line, i)))
            .Where(l => OutsideReference().IsMatch(l.line))
            .Select(l => $"{Path.GetRelativePath(Root, l.file)}:{l.i + 1}: {l.line.Trim()}")
            .ToArray();

        Assert.That(offenders, Is.Empty);
    }

    [Test]
    public void MarkdownLinks_ResolveInsideTheRepository()
    {
        var markdown = Directory.EnumerateFiles(Path.Combine(Root, "docs"), "*.md").Append(Path.Combine(Root, "README.md"));
        var broken = new List<string>();
        foreach (string file in markdown)
        {
            foreach (Match link in MarkdownLink().Matches(File.ReadAllText(file)))
            {
                string target = link.Groups["target"].Value.Split('#')[0];
                if (target.Length == 0 || target.Contains("://", StringComparison.Ordinal))
                {
                    continue;
                }

                string full = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, target));
                if (!full.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !(File.Exists(full) || Directory.Exists(full)))
                {
                    broken.Add($"{Path.GetRelativePath(Root, file)}: {link.Value}");
                }
            }
        }

        Assert.That(broken, Is.Empty);
    }

    [Test]
    public void KubernetesIndexedJob_RunsOneShardPerIndexAndTheMergeReadsThemAll()
    {
        var shards = Manifest("descentlab-shards.yaml");
        var merge = Manifest("descentlab-merge.yaml");
        var spec = (YamlMappingNode)shards["spec"];
        var container = (YamlMappingNode)((YamlSequenceNode)((YamlMappingNode)((YamlMappingNode)spec["template"])["spec"])["containers"])[0];
        string args = string.Join(" ", ((YamlSequenceNode)container["args"]).Select(a => a.ToString()));

        Assert.Multiple(() =>
        {
            Assert.That(spec["completionMode"].ToString(), Is.EqualTo("Indexed"));
            Assert.That(spec["completions"].ToString(), Is.EqualTo(Env(shards, "SHARDS")));
            Assert.That(spec["parallelism"].ToString(), Is.EqualTo(Env(shards, "SHARDS")));
            Assert.That(Env(merge, "SHARDS"), Is.EqualTo(Env(shards, "SHARDS")));
            Assert.That(args, Does.Contain("--shard \"$((JOB_COMPLETION_INDEX + 1))/$SHARDS\""));
        });
    }

    [Test]
    public void Dockerfile_IsMultiStage_NonRoot_AndServes()
    {
        string[] lines = File.ReadAllLines(Path.Combine(Root, "deploy", "docker", "Dockerfile"));

        Assert.Multiple(() =>
        {
            Assert.That(lines.Count(l => l.StartsWith("FROM ", StringComparison.Ordinal)), Is.EqualTo(2));
            Assert.That(lines.Single(l => l.StartsWith("USER ", StringComparison.Ordinal)), Does.Not.Contain("root").And.Not.EqualTo("USER 0"));
            Assert.That(lines.Single(l => l.StartsWith("ENTRYPOINT ", StringComparison.Ordinal)), Does.EndWith("\"serve\"]"));
            Assert.That(lines, Has.Some.Contains("COPY --from=build"));
        });
    }

    [Test]
    public void DeployCheck_SystemdUnitsVerifyAndScriptsParse()
    {
        if (!File.Exists("/usr/bin/systemd-analyze") && !File.Exists("/bin/systemd-analyze"))
        {
            Assert.Ignore("systemd-analyze is not installed here; scripts/check-deploy.sh verifies the units where it is");
        }

        using var process = Process.Start(new ProcessStartInfo("bash", [Path.Combine(Root, "scripts", "check-deploy.sh")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();

        Assert.That(process.ExitCode, Is.Zero, $"{output}{error.Result}");
    }

    private static YamlMappingNode Manifest(string file)
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(Path.Combine(Root, "deploy", "kubernetes", file));
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static string Env(YamlMappingNode job, string name)
    {
        var template = (YamlMappingNode)((YamlMappingNode)job["spec"])["template"];
        var container = (YamlMappingNode)((YamlSequenceNode)((YamlMappingNode)template["spec"])["containers"])[0];
        return ((YamlSequenceNode)container["env"]).Cast<YamlMappingNode>().Single(e => e["name"].ToString() == name)["value"].ToString();
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "DescentLab.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("DescentLab.sln not found above the test folder");
    }

    /// <summary>A specification, notes or tracker that do not ship: the shared folder, its notes, SPEC sections, issue numbers.</summary>
    [GeneratedRegex(@"\.\./shared|shared/note[s]|stack\.md|SPEC\.md|SPEC\x20?§|SPEC (section )?[0-9]|style\.md|\b[Ii]ssue #?[0-9]+", RegexOptions.CultureInvariant)]
    private static partial Regex OutsideReference();

    [GeneratedRegex(@"(^|/)(bin|obj|__pycache__)/", RegexOptions.CultureInvariant)]
    private static partial Regex BuildOutput();

    [GeneratedRegex(@"\]\((?<target>[^)\s]+)\)", RegexOptions.CultureInvariant)]
    private static partial Regex MarkdownLink();
}
