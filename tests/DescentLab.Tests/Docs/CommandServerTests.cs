using DescentLab.Tests.Support;
using NUnit.Framework;

namespace DescentLab.Tests.Docs;

/// <summary>The <c>descentlab</c> the docs' scripts run: in this process it gives what the real executable gives, and it
/// leaves to the real executable what only a process of its own would see.</summary>
public sealed class CommandServerTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    [Test]
    public void InTheTestProcess_ExitCodeOutputAndQuotedArguments_AsTheExecutableGivesThem()
    {
        using var temp = new TempFolder();
        temp.Write("bad config.yaml", "name: x\nseeds: [1]\n");
        string script = temp.Write("s.sh", "descentlab validate 'bad config.yaml' > out.txt 2> err.txt; echo \"exit=$?\"\ndescentlab variants | grep -c '^adam ' \n");
        int before = CommandServer.Served;

        var served = CommandServer.Bash(script, temp.FullPath, Patience);
        var executable = DescentLabProcess.RunProcess(temp.FullPath, "validate", "bad config.yaml");

        Assert.Multiple(() =>
        {
            Assert.That(CommandServer.Served - before, Is.GreaterThanOrEqualTo(2), "both commands ran in the test process");
            Assert.That(served.ExitCode, Is.Zero, served.Error);
            Assert.That(served.Out, Is.EqualTo($"exit={executable.ExitCode}\n1\n"));
            Assert.That(executable.ExitCode, Is.EqualTo(2));
            Assert.That(File.ReadAllText(temp.PathOf("out.txt")), Is.EqualTo(executable.Out));
            Assert.That(File.ReadAllText(temp.PathOf("err.txt")), Is.EqualTo(executable.Error).And.Contain("bad config.yaml"));
        });
    }

    [Test]
    public void AVariableOnTheCommandLine_RunsTheExecutable()
    {
        using var temp = new TempFolder();
        temp.Write("c.yaml", "name: c\nseeds: [1]\ndatasets:\n  - recipe: beans1\n    n: 20\nmodels: [origin]\nvariants: [batch]\n");
        string script = temp.Write("s.sh", "descentlab validate c.yaml > /dev/null 2>&1; echo \"plain=$?\"\nDescentLab__ConsoleLog=Xml descentlab validate c.yaml > /dev/null; echo \"variable=$?\"\n");

        var result = CommandServer.Bash(script, temp.FullPath, Patience);

        Assert.Multiple(() =>
        {
            // Only a process started with the variable sees the bad setting; in this process the config would validate.
            Assert.That(result.Out, Is.EqualTo("plain=0\nvariable=2\n"));
            Assert.That(result.Error, Does.StartWith("invalid setting: ").And.Contain("DescentLab:ConsoleLog"));
        });
    }
}
