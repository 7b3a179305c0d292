using System.Globalization;
using DescentLab.Core.Metrics;
using DescentLab.Experiments.Results;
using DescentLab.Output.Plots;
using DescentLab.Output.Report;
using DescentLab.Tests.Support;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using NUnit.Framework;

namespace DescentLab.Tests.Output.Report;

/// <summary>report.md for the small run set: structure, links, determinism and the sections' content.</summary>
public sealed class MarkdownReportTests
{
    private TempFolder _folder = null!;
    private ReportFiles _files = null!;
    private string _markdown = string.Empty;

    [OneTimeSetUp]
    public void RenderSmall()
    {
        _folder = new TempFolder();
        _files = ReportRenderer.Render(TestRunSets.Small, _folder.FullPath, 2);
        _markdown = File.ReadAllText(Path.Combine(_folder.FullPath, ReportRenderer.MarkdownFile));
    }

    [OneTimeTearDown]
    public void Cleanup() => _folder.Dispose();

    [Test]
    public void Report_SmallRunSet_MatchesGoldenOutline()
    {
        GoldenFile.AssertMatches("report-outline.txt", ReportOutline.Of(_markdown));
    }

    [Test]
    public void Render_AtParallel1And2_WritesTheReportWrittenFromTheFinishedImages()
    {
        // At parallel 2 the renderer computes the leaderboards, counts and resolved config alongside the images, at
        // parallel 1 after them; either way the report must be the one written from the finished images alone.
        using var serial = new TempFolder();
        var serialFiles = ReportRenderer.Render(TestRunSets.Small, serial.FullPath, 1);

        Assert.Multiple(() =>
        {
            Assert.That(_markdown, Is.EqualTo(MarkdownReport.ToMarkdown(TestRunSets.Small, _files.Plots)));
            Assert.That(File.ReadAllText(serial.PathOf(ReportRenderer.MarkdownFile)), Is.EqualTo(MarkdownReport.ToMarkdown(TestRunSets.Small, serialFiles.Plots)));
            Assert.That(File.ReadAllText(serial.PathOf(ReportRenderer.MarkdownFile)), Is.EqualTo(_markdown));
        });
    }

    [Test]
    public void Reproduce_GivesTheInstalledCommand_AndTheOneThatWorksFromACheckout()
    {
        string reproduce = _markdown[_markdown.IndexOf("## Reproduce", StringComparison.Ordinal)..];

        Assert.Multiple(() =>
        {
            Assert.That(reproduce, Does.Contain("```sh\ndescentlab run configs/small.yaml --parallel 2\n```"));
            Assert.That(reproduce, Does.Contain("```sh\ndotnet CHECKOUT/src/DescentLab.Host/bin/Release/net10.0/descentlab.dll run configs/small.yaml --parallel 2\n```"),
                "the path `make build` writes the tool to");
        });
    }

    [Test]
    public void Report_EveryLinkedFileExists_AndEveryImageIsLinked()
    {
        var document = Markdown.Parse(_markdown, new MarkdownPipelineBuilder().UseAdvancedExtensions().Build());
        var links = document.Descendants<LinkInline>().ToList();
        var images = links.Where(l => l.IsImage).Select(l => l.Url!).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(links.Select(l => l.Url), Has.All.Not.Contains(":"), "links are relative");
            Assert.That(links.Where(l => !File.Exists(Path.Combine(_folder.FullPath, l.Url!))).Select(l => l.Url), Is.Empty);
            Assert.That(images, Is.EquivalentTo(_files.Plots.Select(p => p.RelativePath)));
            Assert.That(images, Has.Count.EqualTo(20), "20 images: the ECDF, the probability map of the 2-D problem and an accuracy figure for each problem judged by accuracy");
        });
    }

    [Test]
    public void Headline_NamesTheMostRecentTrendStep_BeforeAnyOtherSection()
    {
        // The small set's trend: adam got 1000× worse (3× the epochs) in this run set, commit 0123456…; nothing else moved.
        var steps = _markdown.Split('\n').Where(l => l.Contains(" at commit ", StringComparison.Ordinal)).ToList();
        int secondSection = _markdown.IndexOf("\n## ", _markdown.IndexOf("## At a glance", StringComparison.Ordinal) + 1, StringComparison.Ordinal);

        Assert.Multiple(() =>
        {
            Assert.That(steps, Is.Not.Empty);
            Assert.That(steps, Has.All.Match(@"^- `adam [^`]*` on beans\d n=\d+, \w+, \w+: (final gap [-+.e\d]+ → [-+.e\d]+|epochs to target [.\d]+ → [.\d]+) at commit `0123456` \(worse\)$"));
            Assert.That(_markdown.IndexOf(steps[0], StringComparison.Ordinal), Is.LessThan(secondSection));
        });
    }

    [Test]
    public void Render_Twice_AndUnderGermanCulture_SameBytes()
    {
        using var again = new TempFolder();
        var culture = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            ReportRenderer.Render(TestRunSets.Small, again.FullPath, 2);
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }

        var first = File.ReadAllBytes(Path.Combine(_folder.FullPath, ReportRenderer.MarkdownFile));
        var second = File.ReadAllBytes(Path.Combine(again.FullPath, ReportRenderer.MarkdownFile));
        Assert.That(second, Is.EqualTo(first));
    }

    [Test]
    public void Leaderboards_OneTablePerProblem_OneRowPerSetting_RanksAscending()
    {
        // A leaderboard wider than 160 characters continues in a second table that repeats only the rank column.
        var tables = Tables(_markdown).Where(t => Cells(t, 0)[0] == "rank" && Cells(t, 0)[1] == "variant setting").ToList();

        Assert.Multiple(() =>
        {
            Assert.That(tables.Select(t => t.Count - 1), Is.EqualTo(new[] { 7, 7, 6, 6 }));
            foreach (var table in tables)
            {
                Assert.That(Enumerable.Range(1, table.Count - 1).Select(r => Cells(table, r)[0]), Is.EqualTo(Enumerable.Range(1, table.Count - 1).Select(r => r.ToString(CultureInfo.InvariantCulture))));
                Assert.That(Enumerable.Range(0, table.Count).Select(r => Cells(table, r).Count), Has.All.EqualTo(Cells(table, 0).Count));
            }

            // beans1 and beans2 have exact optima (judged by the gap); beans5 is separable, an infimum judged by accuracy.
            Assert.That(Cells(tables[0], 0)[4], Is.EqualTo("final gap"));
            // Some seeds of beans1, beans2 and beans5 reach the target and end outside it: those boards have the lost column.
            Assert.That(Cells(tables[1], 0).Count, Is.EqualTo(10));
            Assert.That(Cells(tables[0], 0)[5..7], Is.EqualTo(new[] { "converged", "reached, then lost" }));
            Assert.That(Cells(tables[3], 0)[4..6], Is.EqualTo(new[] { "final loss", "accuracy" }));

            Assert.That(Cells(tables[0], 7), Is.EqualTo(new[] { "7", "sgd lr=10", "—", "—", Cells(tables[0], 7)[4], "0", "0", "0", "2", "0" }));
            Assert.That(Cells(tables[0], 7)[4], Does.Match(@"^\d(\.\d{1,2})?e\d+$"), "a diverged gap in the one human form: 3 digits, no '+' or 'E'");
        });
    }

    [Test]
    public void Headline_FirstSection_WinnerPerProblem_CountsAndRegressionsBeforeLeaderboards()
    {
        var table = Tables(_markdown).First();
        int glance = _markdown.IndexOf("## At a glance", StringComparison.Ordinal);

        Assert.Multiple(() =>
        {
            Assert.That(glance, Is.LessThan(_markdown.IndexOf("## Summary", StringComparison.Ordinal)));
            Assert.That(_markdown.IndexOf("## Regression check", StringComparison.Ordinal), Is.LessThan(_markdown.IndexOf("## Leaderboards", StringComparison.Ordinal)));
            Assert.That(Cells(table, 0), Is.EqualTo(new[] { "problem", "winner", "status", "runner-up" }));
            Assert.That(Enumerable.Range(1, table.Count - 1).Select(r => Cells(table, r)[0]),
                Is.EqualTo(new[] { "beans1 n=30, origin, mse", "beans2 n=30, affine, mse", "beans3 n=30, logistic, mse", "beans5 n=40, logistic, mse" }));
            Assert.That(Cells(table, 1).Take(3), Is.EqualTo(new[] { "beans1 n=30, origin, mse", "closed_form", "converged 2/2" }));
            Assert.That(Cells(table, 1)[3], Does.Match(@"^[a-z_]+( [a-z0-9_]+=\S+)*$"), "the runner-up's setting");
            Assert.That(_markdown, Does.Match(@"\n- beans1 n=30, origin, mse: converged 2/2 vs 2/2; epochs to target 1 vs \d+ \(difference -\d+, 95 % interval -\d+ to -\d+\)\n"));
            Assert.That(_markdown, Does.Contain("**2 regressions**, 2 improvements against the baseline (setting × metric)."));
            Assert.That(_markdown, Does.Contain("commit `0123456789ab`; baseline `baselines/small.csv`."));
        });
    }

    [Test]
    public void Headline_NothingCompared_SaysWhyInOneSentence()
    {
        var set = TestRunSets.Small with { Regression = RegressionReport.Skipped("previous", "No earlier run set to compare with; this one is the baseline for the next.") };
        using var folder = new TempFolder();

        ReportRenderer.Render(set, folder.FullPath, 2);
        string markdown = File.ReadAllText(Path.Combine(folder.FullPath, ReportRenderer.MarkdownFile));

        Assert.That(markdown, Does.Contain("; nothing compared with the baseline (No earlier run set to compare with; this one is the baseline for the next)."));
    }

    [Test]
    public void OneProblem_NoPerformanceProfile_AnalysisInsteadOfAcrossProblems()
    {
        var set = TestRunSets.Run(TestConfigs.Create(
            datasets: [TestConfigs.Recipe("beans1", 20, 1, TestConfigs.Model("origin"))],
            variants: [TestConfigs.Variant("sgd", ("lr", [0.1, 0.01])), TestConfigs.Variant("batch", ("lr", [0.1]))],
            maxEpochs: 10));
        using var folder = new TempFolder();

        var files = ReportRenderer.Render(set, folder.FullPath, 2);
        string markdown = File.ReadAllText(Path.Combine(folder.FullPath, ReportRenderer.MarkdownFile));

        Assert.Multiple(() =>
        {
            Assert.That(files.Plots.Select(p => p.RelativePath), Has.None.EqualTo("plots/profile.png"), "a ratio to the best over one problem says nothing");
            Assert.That(files.Plots.Select(p => p.RelativePath), Has.Some.EqualTo("plots/ecdf.png"));
            Assert.That(markdown, Does.Contain("## Analysis\n"));
            Assert.That(markdown, Does.Not.Contain("## Across problems"));
            Assert.That(markdown, Does.Contain("### Tuned leaderboard"));
        });
    }

    [Test]
    public void Regression_ConfigChangeFirst_RegressionsBeforeImprovements_PipesInCellsEscaped()
    {
        var small = TestRunSets.Small.Regression!;
        var odd = new SettingComparison("odd|setting", "final_gap", "1", "1", "2", "3", "2", "1E-09 relative, 1E-12 absolute", 1);
        var set = TestRunSets.Small with { Regression = small with { Settings = [.. small.Settings.Where(s => s.Direction <= 0), odd] } };

        string markdown = MarkdownReport.ToMarkdown(set, []);
        var table = Tables(markdown).First(t => Cells(t, 0)[0] == "setting" && Cells(t, 0)[1] == "metric");

        Assert.Multiple(() =>
        {
            Assert.That(markdown.IndexOf("## Regression check\n\n**Config changed:** The config differs from the baseline's (baseline config SHA-256 0123456789ab, now ", StringComparison.Ordinal), Is.GreaterThan(0));
            Assert.That(markdown.IndexOf("### Regressions (1)", StringComparison.Ordinal), Is.LessThan(markdown.IndexOf("### Improvements (2)", StringComparison.Ordinal)));
            Assert.That(Cells(table, 1), Is.EqualTo(new[] { "odd|setting", "final_gap", "1", "1", "2", "3", "2", "1E-09 relative, 1E-12 absolute" }));
            Assert.That(markdown, Does.Contain("- Setting × metric comparisons unchanged within tolerance: 1"));
            Assert.That(markdown, Does.Contain("- Per seed: 1 regressions, 2 improvements, 48 runs unchanged"));
        });
    }

    [Test]
    public void Regression_SweepWithManyRegressions_ListsTheFirst25AndPointsAtRegressionCsv()
    {
        var small = TestRunSets.Small.Regression!;
        var many = Enumerable.Range(1, 60)
            .Select(i => new SettingComparison($"sgd lr={i}", "final_gap", "1", "1", "2", "3", "2", "1E-09 relative, 1E-12 absolute", 1))
            .ToList();
        var set = TestRunSets.Small with { Regression = small with { Settings = many } };

        string markdown = MarkdownReport.ToMarkdown(set, []);
        var table = Tables(markdown).First(t => Cells(t, 0)[0] == "setting" && Cells(t, 0)[1] == "metric");

        Assert.Multiple(() =>
        {
            Assert.That(markdown, Does.Contain("### Regressions (60)"));
            Assert.That(table, Has.Count.EqualTo(1 + MarkdownReport.MaxLeaderboardRows), "header and 25 rows");
            Assert.That(Cells(table, 25)[0], Is.EqualTo("sgd lr=25"));
            Assert.That(markdown, Does.Contain("The first 25 of 60, in plan order; every comparison is in `regression.csv`."));
        });
    }

    [Test]
    public void Regression_NoRegressionBlock_AdvisesAddingOne()
    {
        string markdown = MarkdownReport.ToMarkdown(TestRunSets.SmallWithoutBaseline, []);
        Assert.Multiple(() =>
        {
            Assert.That(markdown, Does.Contain("No baseline is configured, so nothing was compared. Add a `regression:` block"));
            Assert.That(markdown, Does.Not.Contain("### Regressions"));
        });
    }

    [Test]
    public void Notes_ReferenceKinds_SkippedPairs_FailedPlots()
    {
        var small = TestRunSets.SmallWithoutBaseline;
        var problems = small.Manifest.Problems
            .Select(p => p.DatasetKey.StartsWith("beans3", StringComparison.Ordinal) ? p with { Attained = false, Kind = ReferenceKind.Infimum, Targets = "target_accuracy 1" } : p)
            .ToList();
        var set = small with { Manifest = small.Manifest with { Problems = problems } };
        PlotFile[] plots = [new("plots/broken.png", "Broken", "alt", null) { Error = "InvalidOperationException: boom" }];

        string markdown = MarkdownReport.ToMarkdown(set, plots);

        Assert.Multiple(() =>
        {
            Assert.That(markdown, Does.Contain("- Reference infimum: the loss approaches L\\* but no finite parameters reach it"));
            Assert.That(markdown, Does.Contain("Problems: beans3 n=30, logistic, mse on `beans3-n30-s1`, `beans3-n30-s2` (converged: target\\_accuracy 1)"));
            Assert.That(markdown, Does.Contain("### beans3 n=30, logistic, mse\n\nReference L\\*: infimum. Converged means: target\\_accuracy 1 (see Notes)."));
            Assert.That(markdown, Does.Not.Contain("attained"));
            Assert.That(markdown, Does.Contain("- closed\\_form skipped for model logistic"));
            Assert.That(markdown, Does.Contain("*Not rendered:* InvalidOperationException: boom"));
            Assert.That(markdown, Does.Not.Contain("![alt]"));
        });
    }

    [Test]
    public void Appendix_ConfigFencedLongerThanItsBackticks_CommandVerbatim()
    {
        Assert.Multiple(() =>
        {
            Assert.That(_markdown, Does.Contain("````json\n{\n  \"name\": \"small\","));
            Assert.That(_markdown, Does.Contain("```sh\ndescentlab run configs/small.yaml --parallel 2\n```"));
            Assert.That(_markdown, Does.Contain("| git commit | 0123456789abcdef0123456789abcdef01234567 |"));
        });
    }

    [Test]
    public void Environment_PluginAndExternalOrigins_OneRowEach_DigestsCut()
    {
        var small = TestRunSets.SmallWithoutBaseline;
        var variants = AwkwardRuns.Manifest([]).ResolvedConfig.Variants;
        var set = small with { Manifest = small.Manifest with { ResolvedConfig = small.Manifest.ResolvedConfig with { Variants = variants } } };

        string markdown = MarkdownReport.ToMarkdown(set, []);

        Assert.Multiple(() =>
        {
            Assert.That(markdown, Does.Contain("| plug-in lion | Lion/bin/Lion.dll, version 1.0.0+0123abc, SHA-256 0123456789ab |\n"));
            Assert.That(markdown, Does.Contain("| external py\\_adam | python3 adam \"q\".py --x; adam \"q\".py SHA-256 cd34 |\n"));
            Assert.That(markdown, Does.Not.Contain("| plug-in minibatch"));
        });
    }

    [Test]
    public void Headline_IncompleteShard_Said()
    {
        var small = TestRunSets.SmallWithoutBaseline;
        var set = small with { Manifest = small.Manifest with { Complete = false, Shard = "2/3" } };

        string markdown = MarkdownReport.ToMarkdown(set, []);

        Assert.Multiple(() =>
        {
            Assert.That(markdown, Does.Contain("shard `2/3` of the run matrix"));
            Assert.That(markdown, Does.Contain("**Incomplete:**"));
        });
    }

    [Test]
    public void Render_RemovesImagesAnEarlierRenderMadeButThisOneDoesNot()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(Path.Combine(folder.FullPath, "plots"));
        File.WriteAllText(Path.Combine(folder.FullPath, "plots", "convergence-gone.png"), "old");
        File.WriteAllText(Path.Combine(folder.FullPath, "plots", "notes.txt"), "kept");

        var files = ReportRenderer.Render(TestRunSets.SmallWithoutBaseline, folder.FullPath, [new PerformanceProfilePlot()], 1);

        Assert.Multiple(() =>
        {
            Assert.That(files.Written, Is.EqualTo(new[] { "plots/profile.png", "report.md", "report.html" }));
            Assert.That(File.Exists(Path.Combine(folder.FullPath, "plots", "convergence-gone.png")), Is.False);
            Assert.That(File.Exists(Path.Combine(folder.FullPath, "plots", "notes.txt")), Is.True);
        });
    }

    [Test]
    public void Render_EmptyRunSet_NoPlots_ReportSaysNoRuns()
    {
        using var folder = new TempFolder();
        var set = OutcomeRows.Set() with { Manifest = TestRunSets.Small.Manifest with { Problems = [], Datasets = [], Notes = [] } };

        var files = ReportRenderer.Render(set, folder.FullPath, 1);
        string markdown = File.ReadAllText(Path.Combine(folder.FullPath, ReportRenderer.MarkdownFile));

        Assert.Multiple(() =>
        {
            Assert.That(files.Plots, Is.Empty);
            Assert.That(markdown, Does.Contain("## Leaderboards\n\nNo runs."));
            Assert.That(markdown, Does.Contain("Nothing to note."));
        });
    }

    private static List<Table> Tables(string markdown) =>
        Markdown.Parse(markdown, new MarkdownPipelineBuilder().UsePipeTables().Build()).Descendants<Table>().ToList();

    private static List<string> Cells(Table table, int row) =>
        ((TableRow)table[row]).Select(c => string.Concat(((TableCell)c).Descendants<Inline>().Select(i => i switch
        {
            LiteralInline l => l.Content.ToString(),
            CodeInline code => code.Content,
            _ => string.Empty,
        }))).ToList();
}
