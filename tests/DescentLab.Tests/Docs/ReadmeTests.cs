using System.Runtime.CompilerServices;
using DescentLab.Host.Commands;
using NUnit.Framework;

namespace DescentLab.Tests.Docs;

/// <summary>The README's listings are the commands' output, never hand edits.</summary>
public sealed class ReadmeTests
{
    [Test]
    public void Readme_VariantsListing_IsTheVariantsCommandOutput()
    {
        var output = new StringWriter { NewLine = "\n" };
        VariantsCommand.Write(output);

        Assert.That(FencedBlockAfter("`descentlab variants`:"), Is.EqualTo(output.ToString().TrimEnd()));
    }

    [Test]
    public void Readme_DatasetsListing_IsTheDatasetsCommandOutput()
    {
        var output = new StringWriter { NewLine = "\n" };
        DatasetsCommand.Write(output);

        Assert.That(FencedBlockAfter("`descentlab datasets`:"), Is.EqualTo(output.ToString().TrimEnd()));
    }

    [Test]
    public void Readme_FirstLines_GiveTheTwoSetUpCommands()
    {
        var head = File.ReadLines(ReadmePath()).Take(6).ToList();

        Assert.That(head, Has.Some.StartsWith("make run"));
        Assert.That(head, Has.Some.StartsWith("make test"));
    }

    private static string FencedBlockAfter(string marker)
    {
        string text = File.ReadAllText(ReadmePath()).ReplaceLineEndings("\n");
        int at = text.IndexOf(marker, StringComparison.Ordinal);
        Assert.That(at, Is.GreaterThanOrEqualTo(0), $"README.md has no '{marker}'");
        int start = text.IndexOf("```\n", at, StringComparison.Ordinal) + 4;
        int end = text.IndexOf("\n```", start, StringComparison.Ordinal);
        return text[start..end];
    }

    private static string ReadmePath([CallerFilePath] string thisFile = "")
    {
        var folder = new DirectoryInfo(Path.GetDirectoryName(thisFile)!);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "DescentLab.sln")))
        {
            folder = folder.Parent;
        }

        return Path.Combine(folder?.FullName ?? throw new InvalidOperationException("DescentLab.sln not found above the tests"), "README.md");
    }
}
