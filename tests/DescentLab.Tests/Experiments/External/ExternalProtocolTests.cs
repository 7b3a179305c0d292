using DescentLab.Core.Training;
using DescentLab.Core.Variants;
using DescentLab.Experiments.External;
using DescentLab.Tests.Support;
using NUnit.Framework;

namespace DescentLab.Tests.Experiments.External;

/// <summary>The external-process protocol (docs/plugins.md) against a scripted process: every failure mode with its exact message, NaN, and evaluate.</summary>
public sealed class ExternalProtocolTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Experiments", "External");

    private static ExternalCommand Command(string mode, double timeoutSeconds = 10, double startTimeoutSeconds = 120) =>
        new(["python3", "fake_optimizer.py", mode], Folder, TimeSpan.FromSeconds(timeoutSeconds), TimeSpan.FromSeconds(startTimeoutSeconds));

    private static ExternalVariant Variant(ExternalCommand command) =>
        new(ExternalDescription.Ask(command with { Timeout = TimeSpan.FromSeconds(30), StartTimeout = TimeSpan.FromSeconds(120) }), command);

    private static TrainingResult Train(ExternalCommand command, int maxEpochs = 4) => Train(Variant(command), maxEpochs);

    private static TrainingResult Train(ExternalVariant variant, int maxEpochs = 4, double lr = 0.05, ulong seed = 7)
    {
        var model = CoreRuns.Model("affine");
        var options = CoreRuns.Options(2, batch: 3, maxEpochs: maxEpochs) with { RunId = "r1", Seed = seed };
        var hyper = HyperParameters.Resolve(variant, new Dictionary<string, double> { ["lr"] = lr });
        return model.Train(variant, CoreRuns.ThreeBeans(), hyper, options, CancellationToken.None);
    }

    [Test]
    public void Describe_ReadsNameDescriptionAndInclusiveRanges()
    {
        var description = ExternalDescription.Ask(Command("good"));

        Assert.That(description.Name, Is.EqualTo("fake_good"));
        var lr = description.Parameters.Single();
        Assert.That((lr.Name, lr.Default, lr.Range), Is.EqualTo(("lr", 0.1, "[0, 10]")));
    }

    [Test]
    public void Describe_FamilyAndColour_AreTheVariantsOwn_WithoutThemExternalAndNoColourYet()
    {
        var command = Command("styled");
        var styled = new ExternalVariant(ExternalDescription.Ask(command), command);
        var plain = new ExternalVariant(ExternalDescription.Ask(Command("good")), Command("good"));

        Assert.Multiple(() =>
        {
            Assert.That((styled.Family, styled.Colour, styled.HasColour), Is.EqualTo((VariantFamily.Adaptive, "#123456", true)));
            Assert.That((plain.Family, plain.HasColour), Is.EqualTo((ExternalVariant.ExternalFamily, false)));
            Assert.That(plain.WithColour("#abcdef").Colour, Is.EqualTo("#abcdef"));
        });
    }

    [Test]
    public void Describe_Space_IsTheVariantsDefaultSearchSpace()
    {
        var command = Command("spaced");
        var variant = new ExternalVariant(ExternalDescription.Ask(command), command);

        var dimension = variant.Space.Single();
        Assert.That((dimension.Name, dimension.Range.ToString()), Is.EqualTo(("lr", "{ log_uniform: [0.0001, 1] }")));
    }

    [TestCase("bad_colour", "colour must be '#rrggbb' (six hex digits), got 'red'")]
    [TestCase("american", "'color' is not a key of the description; write 'colour'")]
    [TestCase("near_family", "unknown family 'Adaptive' (did you mean 'adaptive'?); known families: ")]
    [TestCase("bad_runs", "'runs' must be \"one\" or \"many\", got 2")]
    [TestCase("bad_space", "space.lr: log_uniform needs low < high, got [1, 0.1]")]
    public void Describe_BadFamilyOrColour_IsAMalformedDescription(string mode, string cause)
    {
        Assert.That(
            () => ExternalDescription.Ask(Command(mode)),
            Throws.TypeOf<ExternalProtocolException>().With.Message.StartsWith($"external 'python3 fake_optimizer.py {mode}': malformed description '{{")
                .And.Message.Contains($"}}': {cause}"));
    }

    [Test]
    public void Describe_ProcessExits_SaysSoWithItsStderr()
    {
        Assert.That(
            () => ExternalDescription.Ask(Command("no_describe")),
            Throws.TypeOf<ExternalProtocolException>().With.Message.EqualTo(
                "external 'python3 fake_optimizer.py no_describe': the process exited with code 2 before answering describe; stderr: cannot describe"));
    }

    [Test]
    public void Step_GoodProcess_EqualsTheBuiltInBatchStepBitForBit()
    {
        var external = Train(Command("good"));
        var builtIn = CoreRuns.Train("batch", CoreRuns.Model("affine"), CoreRuns.ThreeBeans(), CoreRuns.Options(2, batch: 3, maxEpochs: 4), lr: 0.05);

        Assert.That(Bits.Of(external.Curve), Is.EqualTo(Bits.Of(builtIn.Curve)));
    }

    [Test]
    public void Step_EvaluateAtTheStepParameters_AnswersTheStepsLossAndGradient()
    {
        var result = Train(Command("evaluate"));

        Assert.That(result.Status, Is.Not.EqualTo(RunStatus.Failed), result.Message);
        Assert.That(result.Steps, Is.EqualTo(4));
    }

    [TestCase("malformed", "step 2: malformed line 'this is not json'; stderr: about to answer garbage")]
    [TestCase("wrong_length", "step 2: 'params' has 3 numbers, expected 2 in '{\"params\":[1,2,3]}'; stderr: (empty)")]
    [TestCase("exit_early", "the process exited with code 3 before answering step 2; stderr: giving up")]
    public void Step_Misbehaving_ThrowsWithCauseAndStderrTail(string mode, string message)
    {
        Assert.That(
            () => Train(Command(mode)),
            Throws.TypeOf<ExternalProtocolException>().With.Message.EqualTo($"external 'python3 fake_optimizer.py {mode}': {message}"));
    }

    [Test]
    public void Step_NoAnswer_TimesOutWithStderrTail()
    {
        // Long enough for python3 to start on a loaded machine (init is answered under the same limit).
        Assert.That(
            () => Train(Command("hang", timeoutSeconds: 3)),
            Throws.TypeOf<ExternalProtocolException>().With.Message.EqualTo(
                "external 'python3 fake_optimizer.py hang': no answer to step 2 within 3 s (timeout_seconds); stderr: thinking forever"));
    }

    [Test]
    public void Init_NoFirstAnswer_TimesOutUnderTheStartTimeout()
    {
        // The first answer of a process waits for start-up (start_timeout_seconds), not for timeout_seconds.
        Assert.That(
            () => Train(Command("mute_init", timeoutSeconds: 30, startTimeoutSeconds: 3)),
            Throws.TypeOf<ExternalProtocolException>().With.Message.EqualTo(
                "external 'python3 fake_optimizer.py mute_init': no answer to init within 3 s of starting (start_timeout_seconds); stderr: importing slowly"));
    }

    [Test]
    public void ManyRuns_OneProcessServingEveryRun_GivesTheCurvesOfOneProcessPerRun()
    {
        var many = Variant(Command("many"));
        var one = Variant(Command("good"));
        try
        {
            Assert.That(ExternalDescription.Ask(Command("many")).ManyRuns && !ExternalDescription.Ask(Command("good")).ManyRuns, Is.True);
            foreach (var (lr, seed) in new[] { (0.05, 1UL), (0.2, 2UL), (0.01, 3UL) })
            {
                Assert.That(Bits.Of(Train(many, lr: lr, seed: seed).Curve), Is.EqualTo(Bits.Of(Train(one, lr: lr, seed: seed).Curve)), $"lr {lr}, seed {seed}");
            }
        }
        finally
        {
            many.EndProcesses();
        }
    }

    [Test]
    public void ManyRuns_ProcessDiesMidRun_FailsOnlyThatRun_AndTheNextRunGetsAFreshProcess()
    {
        // many_die exits in the second run it serves: the second run fails, the third is a fresh process's first run.
        var variant = Variant(Command("many_die"));
        try
        {
            var first = Train(variant);
            Assert.That(
                () => Train(variant),
                Throws.TypeOf<ExternalProtocolException>().With.Message.EqualTo(
                    "external 'python3 fake_optimizer.py many_die': the process exited with code 3 before answering step 2; stderr: dying in my second run"));
            var third = Train(variant);

            Assert.That((first.Status, third.Status), Is.EqualTo((RunStatus.NotConverged, RunStatus.NotConverged)));
            Assert.That(Bits.Of(third.Curve), Is.EqualTo(Bits.Of(first.Curve)));
        }
        finally
        {
            variant.EndProcesses();
        }
    }

    [Test]
    public void Step_NonFiniteParameters_Diverges()
    {
        var result = Train(Command("nan"));

        Assert.That(result.Status, Is.EqualTo(RunStatus.Diverged));
        Assert.That(result.Message, Is.EqualTo("loss became NaN at epoch 2, step 2"));
    }
}
