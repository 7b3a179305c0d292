using DescentLab.Experiments.Config;
using NUnit.Framework;

namespace DescentLab.Tests.Config;

/// <summary><c>report.formats</c>: PNG always (the reports show it), SVG on request; mistakes worded like every other key's.</summary>
public sealed class ReportFormatsTests
{
    private const string Base = "name: t\nseeds: [1]\ndatasets: [{recipe: beans1, n: 10}]\nmodels: [origin]\nvariants: [batch]\n";

    [TestCase("", new[] { "png" })]
    [TestCase("report: { formats: [png, svg] }\n", new[] { "png", "svg" })]
    [TestCase("report: { formats: [svg, png] }\n", new[] { "png", "svg" })]
    public void Formats_DefaultPng_PngFirst(string block, string[] expected)
    {
        using var folder = new TestFolder();
        var result = ConfigLoader.Load(folder.Write("c.yaml", Base + block), ConfigLimits.Default);

        Assert.That(result.Errors, Is.Empty);
        Assert.That(result.Config!.Report.Formats, Is.EqualTo(expected));
    }

    [TestCase("[svg]", "{file}:6:20: report.formats: expected a list that includes png (report.md and report.html show the PNGs), got [svg]")]
    [TestCase("[png, svgz]", "{file}:6:26: report.formats[1]: unknown format 'svgz' (did you mean 'svg'?); valid formats: png, svg")]
    [TestCase("[png, png]", "{file}:6:26: report.formats[1]: duplicate format 'png'")]
    [TestCase("png", "{file}:6:20: report.formats: expected a non-empty list of image formats, e.g. [png, svg], got 'png'")]
    public void BadFormats_InTheFileAndAsAnOverride_SameMessage(string value, string expected)
    {
        using var folder = new TestFolder();
        string withBlock = folder.Write("c.yaml", Base + $"report: {{ formats: {value} }}\n");
        string bare = folder.Write("d.yaml", Base);

        var inFile = ConfigLoader.Load(withBlock, ConfigLimits.Default);
        var overridden = ConfigLoader.Load(bare, ConfigLimits.Default, overrides: [new ConfigOverride("report.formats", value)]);

        string message = expected[(expected.IndexOf(": report.formats", StringComparison.Ordinal) + 2)..];
        Assert.That(inFile.Errors.Select(e => e.ToString()), Is.EqualTo(new[] { expected.Replace("{file}", withBlock, StringComparison.Ordinal) }));
        Assert.That(overridden.Errors.Select(e => e.Message), Is.EqualTo(new[] { message[(message.IndexOf(": ", StringComparison.Ordinal) + 2)..] }));
        Assert.That(overridden.Errors.Select(e => e.Override), Is.EqualTo(new[] { $"report.formats={value}" }));
    }
}
