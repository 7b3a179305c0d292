using DescentLab.Core.Training;
using DescentLab.Output.Pipeline;
using DescentLab.Tests.Support;
using NUnit.Framework;
using ExitCodes = DescentLab.Host.Commands.ExitCodes;

namespace DescentLab.Tests.Output.Pipeline;

/// <summary>The one outcome rule that run, merge and serve share: bad input over a failure over a regression.</summary>
public sealed class RunSetOutcomeTests
{
    [TestCase(false, false, false, false, ExitCodes.Success)]
    [TestCase(false, false, true, false, ExitCodes.Success)]
    [TestCase(false, false, true, true, ExitCodes.Regression)]
    [TestCase(true, false, true, true, ExitCodes.Failure)]
    [TestCase(false, true, true, true, ExitCodes.Failure)]
    [TestCase(true, true, true, true, ExitCodes.Failure)]
    public void Outcome_FollowsThePrecedence(bool failedRun, bool failedExporter, bool regression, bool failOnRegression, int exitCode)
    {
        var set = TestRunSets.Small;
        Assert.That(set.Regression!.HasRegressions, Is.True, "the small set has a regression to work with");
        if (!regression)
        {
            set = set with { Regression = null };
        }

        set = set with { Rows = [.. set.Rows.Select((r, i) => i == 0 && failedRun ? r with { Status = RunStatus.Failed } : r with { Status = r.Status == RunStatus.Failed ? RunStatus.Diverged : r.Status })] };
        var published = new Published(set, null, failedExporter ? ["exporter 'plots' failed: disk full"] : []);

        Assert.That(ExitCodes.Of(RunSetOutcome.Of(published, failOnRegression)), Is.EqualTo(exitCode));
    }

    [Test]
    public void Outcome_UnreadableBaseline_IsBadInputWhateverElse()
    {
        var set = TestRunSets.Small with { Rows = [.. TestRunSets.Small.Rows.Select(r => r with { Status = RunStatus.Failed })] };

        var outcome = RunSetOutcome.Of(new Published(set, "the baseline cannot be read", ["exporter failed"]), failOnRegression: true);

        Assert.That(ExitCodes.Of(outcome), Is.EqualTo(ExitCodes.BadInput));
    }
}
