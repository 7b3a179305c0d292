using System.Xml.Linq;
using DescentLab.Tests.Support;
using NUnit.Framework;

namespace DescentLab.Tests.Deploy;

/// <summary>What `make install` needs of the projects: the tool is packed for its platforms (a RID-specific .NET tool), so
/// every executable it ships restores for the same platforms; one missing made the pack fail with NETSDK1047.</summary>
/// <remarks>The pack itself (about a minute) is not run by the tests; this checks the projects it depends on.</remarks>
public sealed class ToolPackageTests
{
    private const string Platforms = "$(ToolRuntimeIdentifiers)";

    [Test]
    public void TheToolAndEveryExecutableItShips_RestoreForTheToolsPlatforms()
    {
        string host = Path.Combine(PluginPaths.Root, "src", "DescentLab.Host", "DescentLab.Host.csproj");
        var shipped = Project(host).Descendants("ProjectReference")
            .Select(r => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(host)!, ((string)r.Attribute("Include")!).Replace('\\', '/'))))
            .Where(p => Property(Project(p), "OutputType") == "Exe")
            .ToList();

        Assert.That(shipped.Select(Path.GetFileName), Does.Contain("DescentLab.PluginHost.csproj"));
        Assert.Multiple(() =>
        {
            Assert.That(Property(Project(host), "RuntimeIdentifiers"), Is.EqualTo(Platforms), host);
            foreach (string project in shipped)
            {
                Assert.That(Property(Project(project), "RuntimeIdentifiers"), Is.EqualTo(Platforms), project);
            }

            Assert.That(Property(Project(Path.Combine(PluginPaths.Root, "Directory.Build.props")), "ToolRuntimeIdentifiers")?.Split(';'), Does.Contain("linux-x64"));
        });
    }

    private static XDocument Project(string path) => XDocument.Load(path);

    private static string? Property(XDocument project, string name) => project.Descendants(name).Select(e => e.Value.Trim()).FirstOrDefault();
}
