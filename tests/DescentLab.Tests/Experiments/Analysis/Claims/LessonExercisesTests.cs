using DescentLab.Experiments.Analysis.Claims;
using DescentLab.Experiments.Config;
using DescentLab.Experiments.Results;
using DescentLab.Output.Report;
using DescentLab.Tests.Support;
using NUnit.Framework;

namespace DescentLab.Tests.Experiments.Analysis.Claims;

/// <summary>The lessons' "try it" exercises: every shipped prediction holds once its change is made (as <c>--set</c>
/// makes it), a change not in effect shows the command instead, and the changes parse as <c>--set</c> writes them.</summary>
public sealed class LessonExercisesTests
{
    private static IEnumerable<TestCaseData> Exercises()
    {
        foreach (int lesson in Enumerable.Range(1, 7))
        {
            var config = Load($"lessons/lesson{lesson}.yaml");
            var exercises = config.Report.Exercises ?? [];
            for (int i = 0; i < exercises.Count; i++)
            {
                yield return new TestCaseData(lesson, i).SetName($"Exercise_ChangeApplied_PredictionHolds(lesson{lesson}, {i + 1})");
            }
        }
    }

    [Test]
    public void EveryLesson_HasOneOrTwoExercises()
    {
        Assert.That(Enumerable.Range(1, 7).Select(l => Load($"lessons/lesson{l}.yaml").Report.Exercises?.Count ?? 0), Has.All.InRange(1, 2));
    }

    [TestCaseSource(nameof(Exercises))]
    public void Exercise_ChangeApplied_PredictionHolds(int lesson, int index)
    {
        var config = Load($"lessons/lesson{lesson}.yaml");
        var exercise = config.Report.Exercises![index];
        var changed = Load($"lessons/lesson{lesson}.yaml", exercise.Try);

        var set = TestRunSets.Run(changed, resolveConfig: true);
        var results = ClaimEvaluator.Evaluate(set, exercise.AsNote()).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(exercise.AppliesTo(ResolvedConfig.From(config)), Is.False, "the shipped lesson already carries the change");
            Assert.That(exercise.AppliesTo(set.Manifest.ResolvedConfig), Is.True);
            Assert.That(results, Is.Not.Empty);
            Assert.That(results.Where(r => !r.Holds).Select(r => r.Statement + ": measured " + r.Measured), Is.Empty);
        });
    }

    [Test]
    public void Report_ChangeInEffect_MarksThePrediction_OtherwiseShowsTheCommand()
    {
        var config = Load("lessons/lesson1.yaml");
        var slower = Load("lessons/lesson1.yaml", config.Report.Exercises![0].Try);

        string shipped = MarkdownReport.ToMarkdown(TestRunSets.Run(config, resolveConfig: true), []);
        string changed = MarkdownReport.ToMarkdown(TestRunSets.Run(slower, resolveConfig: true), []);

        Assert.Multiple(() =>
        {
            Assert.That(shipped, Does.Contain("## Try it\n\n**Exercise 1.** Run `descentlab run configs/small.yaml --parallel 2 --set variants.rosenblatt.lr=0.01` and compare. Predicted: With a ten"));
            Assert.That(shipped, Does.Not.Contain("As predicted"));
            Assert.That(changed, Does.Contain("**Exercise 1** (`--set variants.rosenblatt.lr=0.01`, in effect in this run): ✓ With a ten"));
            Assert.That(changed, Does.Contain("As predicted.\n\n- ✓ `rosenblatt w < 1.1`: 1.09\n- ✓ `rosenblatt ends not_converged`: not\\_converged 1/1\n"));
            Assert.That(changed, Does.Contain("**Exercise 2.** Run `"), "the other exercise still shows its command");
        });
    }

    [Test]
    public void Report_PredictionThatFails_MarkedWithACross()
    {
        var config = Load("lessons/lesson1.yaml");
        var exercise = config.Report.Exercises![1];
        // The divergence predicted for lr = 3, declared for the shipped lr 0.1: in effect, and it does not hold.
        var pretend = config with { Report = config.Report with { Exercises = [exercise with { Try = [new ConfigAssignment("variants.rosenblatt.lr", 0.1)] }] } };

        string markdown = MarkdownReport.ToMarkdown(TestRunSets.Run(pretend, resolveConfig: true), []);

        Assert.That(markdown, Does.Contain("in effect in this run): ✗ With a step thirty times larger").And.Contain("**Not as predicted.**").And.Contain("(**does not hold**)"));
    }

    [TestCase("variants.sgd.lr=0.9", "variants.sgd.lr", 0.9)]
    [TestCase("init.w = 2", "init.w", 2.0)]
    [TestCase("stop.max_epochs=30", "stop.max_epochs", 30.0)]
    public void TryParse_SetSyntax(string text, string key, double value)
    {
        Assert.That(ConfigAssignment.TryParse(text, out string error), Is.EqualTo(new ConfigAssignment(key, value)), error);
    }

    [TestCase("variants.sgd=0.9", "expected KEY=VALUE with KEY one of variants.<variant>.<hyper-parameter>, init.<parameter> or stop.max_epochs, got 'variants.sgd=0.9'")]
    [TestCase("stop.target_gap=1", "expected KEY=VALUE with KEY one of variants.<variant>.<hyper-parameter>, init.<parameter> or stop.max_epochs, got 'stop.target_gap=1'")]
    [TestCase("init.w=fast", "expected a number after '=' in 'init.w=fast'")]
    public void TryParse_NotAnExerciseChange_SaysWhy(string text, string expected)
    {
        Assert.Multiple(() =>
        {
            Assert.That(ConfigAssignment.TryParse(text, out string error), Is.Null);
            Assert.That(error, Is.EqualTo(expected));
        });
    }

    [Test]
    public void Load_ExerciseNamingAnUnknownVariant_ConfigErrorWithSuggestion()
    {
        using var folder = new TempFolder();
        string yaml = File.ReadAllText(RepoFiles.Config("lessons/lesson1.yaml")).Replace("try: [variants.rosenblatt.lr=3]", "try: [variants.rosenblat.lr=3]", StringComparison.Ordinal);
        string path = folder.Write("lesson1.yaml", yaml);

        var errors = ConfigLoader.Load(path, ConfigLimits.Default, ReportSections.Names).Errors.Select(e => e.ToString()).ToList();

        Assert.That(errors, Has.Count.EqualTo(1));
        Assert.That(errors[0], Does.Contain("report.exercises[1].try[0]: unknown variant 'rosenblat'").And.Contain("rosenblatt"));
    }

    /// <summary>The config of <paramref name="file"/>, with <paramref name="changes"/> made by <c>--set</c> as a student makes them.</summary>
    private static ExperimentConfig Load(string file, IReadOnlyList<ConfigAssignment>? changes = null)
    {
        var overrides = (changes ?? []).Select(c => ConfigOverride.TryParse(c.ToString(), out string error) ?? throw new AssertionException(error)).ToList();
        var loaded = ConfigLoader.Load(RepoFiles.Config(file), ConfigLimits.Default, ReportSections.Names, overrides);
        Assert.That(loaded.Errors, Is.Empty, string.Join("\n", loaded.Errors));
        return loaded.Config!;
    }
}
