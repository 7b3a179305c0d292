using DescentLab.Experiments.Config;
using DescentLab.Output.Report;
using NUnit.Framework;

namespace DescentLab.Tests.Config;

/// <summary>The <c>report</c> block: read the same from YAML and JSON, every mistake reported with its exact message.</summary>
public sealed class ReportConfigTests
{
    private const string Base =
        """
        name: t
        seeds: [1]
        datasets:
          - recipe: beans1
            n: 10
        models: [origin]
        variants: [batch]

        """;

    private static readonly string Names = string.Join(", ", ReportSections.Names);

    private static IEnumerable<TestCaseData> BadYaml()
    {
        yield return Case("NotAMapping", "report: [fit]\n",
            "{file}:8:9: report: expected a mapping such as {sections: [summary, fit], notes: {fit: \"...\"}}, got a list");
        yield return Case("UnknownKey", "report: { section: [fit] }\n",
            "{file}:8:11: report.section: unknown key; did you mean 'sections'?");
        yield return Case("EmptySections", "report: { sections: [] }\n",
            "{file}:8:21: report.sections: expected a non-empty list of section names, e.g. [summary, leaderboards, fit], got an empty list");
        yield return Case("UnknownSection", "report: { sections: [summary, fitt] }\n",
            $"{{file}}:8:31: report.sections[1]: unknown section 'fitt' (did you mean 'fit'?); valid sections: {Names}");
        yield return Case("DuplicateSection", "report: { sections: [fit, fit] }\n",
            "{file}:8:27: report.sections[1]: duplicate section 'fit'");
        yield return Case("NoteForHiddenSection", "report: { sections: [fit], notes: { cost: \"J(w)\" } }\n",
            "{file}:8:37: report.notes.cost: section 'cost' is not in report.sections, so this text would never be shown");
        yield return Case("NoteForUnknownSection", "report: { notes: { cots: \"J(w)\" } }\n",
            "{file}:8:20: report.notes.cots: unknown key; did you mean 'cost'?");
        yield return Case("NoteNotText", "report: { notes: { fit: [[1]] } }\n",
            "{file}:8:26: report.notes.fit[0]: expected a text or a note such as {text: \"...\", model: affine, expect: [{variant: batch, status: converged}]}, got a list");
        yield return Case("ClaimUnknownVariant", "report: { notes: { summary: { text: t, expect: [{ variant: bach, status: converged }] } } }\n",
            "{file}:8:60: report.notes.summary.expect[0].variant: unknown variant 'bach' (did you mean 'batch'?); valid variants: batch (the variants of this config)");
        yield return Case("ClaimMisspeltMeasure", "report: { notes: { summary: { text: t, expect: { variant: batch, final_gpa: \"> 1\" } } } }\n",
            "{file}:8:66: report.notes.summary.expect.final_gpa: unknown key; did you mean 'final_gap'?");
        yield return Case("ClaimBadComparison", "report: { notes: { summary: { text: t, expect: { variant: batch, final_gap: \"about 1\" } } } }\n",
            "{file}:8:77: report.notes.summary.expect.final_gap: expected a comparison such as \"< 1e-3\", got 'about 1'");
        yield return Case("ClaimOptimumOfAccuracy", "report: { notes: { summary: { text: t, expect: { variant: batch, accuracy: \"> optimum\" } } } }\n",
            "{file}:8:76: report.notes.summary.expect.accuracy: 'accuracy' cannot be compared with the optimum; only final_loss and the parameters (w) can");
        yield return Case("ClaimUnknownStatus", "report: { notes: { summary: { text: t, expect: { variant: batch, status: convergd } } } }\n",
            "{file}:8:74: report.notes.summary.expect.status: unknown status 'convergd' (did you mean 'converged'?); expected one of converged, not_converged, lost_target, diverged, failed");
        yield return Case("ClaimTwoThings", "report: { notes: { summary: { text: t, expect: { variant: batch, status: converged, w: \"> 1\" } } } }\n",
            "{file}:8:48: report.notes.summary.expect: one claim says one thing; split 'status' and 'w' into separate claims");
        yield return Case("ClaimBetterWithoutBy", "report: { notes: { summary: { text: t, expect: { better: batch, than: batch } } } }\n",
            "{file}:8:48: report.notes.summary.expect: missing required key 'by' (the final measure compared)");
        yield return Case("ClaimFasterByFinalGap", "report: { notes: { summary: { text: t, expect: { faster: batch, than: batch, by: final_gap } } } }\n",
            "{file}:8:82: report.notes.summary.expect.by: unknown measure 'final_gap'; expected one of epochs_to_target, grad_evals_to_target (what a 'faster' claim compares by)");
        yield return Case("NoteUnknownModel", "report: { notes: { fit: { text: t, model: orign } } }\n",
            "{file}:8:43: report.notes.fit.model: unknown model 'orign' (did you mean 'origin'?); valid models: origin (those of this config)");
        yield return Case("NoteWithoutText", "report: { notes: { fit: { model: origin } } }\n",
            "{file}:8:25: report.notes.fit: missing required key 'text'");
        yield return Case("UnknownAxis", "report: { x: grad_eval }\n",
            "{file}:8:14: report.x: expected 'epochs', 'grad_evals' or 'wall_ms', got 'grad_eval'; did you mean 'grad_evals'?");
        yield return Case("AxisNotText", "report: { x: [epochs] }\n",
            "{file}:8:14: report.x: expected 'epochs', 'grad_evals' or 'wall_ms', got a list");
    }

    [TestCaseSource(nameof(BadYaml))]
    public void Load_BadReportBlock_ReportsTheExactError(string yaml, string expected)
    {
        using var folder = new TestFolder();
        string file = folder.Write("c.yaml", Base + yaml);

        var result = ConfigLoader.Load(file, ConfigLimits.Default, ReportSections.Names);

        Assert.That(result.Errors.Select(e => e.ToString()), Is.EqualTo(new[] { expected.Replace("{file}", file, StringComparison.Ordinal) }));
    }

    [Test]
    public void Load_BadReportBlockInJson_SameMessageWithJsonPositions()
    {
        using var folder = new TestFolder();
        string file = folder.Write("c.json", """
            {"name": "t", "seeds": [1], "datasets": [{"recipe": "beans1", "n": 10}], "models": ["origin"], "variants": ["batch"],
             "report": {"sections": ["summary", "fitt"], "notes": {"summary": [[3]]}}}
            """);

        var result = ConfigLoader.Load(file, ConfigLimits.Default, ReportSections.Names);

        Assert.That(result.Errors.Select(e => e.ToString()), Is.EqualTo(new[]
        {
            $"{file}:2:37: report.sections[1]: unknown section 'fitt' (did you mean 'fit'?); valid sections: {Names}",
            $"{file}:2:68: report.notes.summary[0]: expected a text or a note such as {{text: \"...\", model: affine, expect: [{{variant: batch, status: converged}}]}}, got a list",
        }));
    }

    [Test]
    public void Load_ReportBlock_YamlAndJsonGiveTheSameReportConfig()
    {
        using var folder = new TestFolder();
        string yaml = folder.Write("c.yaml", Base + """
            report:
              title: "Lesson"
              description: "Read this."
              sections: [summary, cost]
              notes: { cost: "the bowl" }
              x: wall_ms

            """);
        string json = folder.Write("c.json", """
            {"name": "t", "seeds": [1], "datasets": [{"recipe": "beans1", "n": 10}], "models": ["origin"], "variants": ["batch"],
             "report": {"title": "Lesson", "description": "Read this.", "sections": ["summary", "cost"], "notes": {"cost": "the bowl"}, "x": "wall_ms"}}
            """);

        var fromYaml = ConfigLoader.Load(yaml, ConfigLimits.Default, ReportSections.Names).Config!.Report;
        var fromJson = ConfigLoader.Load(json, ConfigLimits.Default, ReportSections.Names).Config!.Report;

        foreach (var report in new[] { fromYaml, fromJson })
        {
            Assert.Multiple(() =>
            {
                Assert.That(report.Title, Is.EqualTo("Lesson"));
                Assert.That(report.Description, Is.EqualTo("Read this."));
                Assert.That(report.Sections, Is.EqualTo(new[] { "summary", "cost" }));
                Assert.That(report.Notes.Select(n => (n.Section, n.Text)), Is.EqualTo(new[] { ("cost", "the bowl") }));
                Assert.That(report.Includes("cost"), Is.True);
                Assert.That(report.Includes("profile"), Is.False);
                Assert.That(report.X, Is.EqualTo(ConvergenceAxis.WallMs));
            });
        }
    }

    [Test]
    public void Load_NoReportBlock_ShowsEverySection()
    {
        using var folder = new TestFolder();
        string file = folder.Write("c.yaml", Base);

        var report = ConfigLoader.Load(file, ConfigLimits.Default, ReportSections.Names).Config!.Report;

        Assert.That((ReportSections.Names.All(report.Includes), report.X), Is.EqualTo((true, ConvergenceAxis.Epochs)));
    }

    private static TestCaseData Case(string name, string yaml, string expected) => new TestCaseData(yaml, expected).SetName("Load_BadReportBlock_" + name);
}
