using System.Globalization;
using System.Text;
using System.Xml;
using DescentLab.Core.Training;
using DescentLab.Experiments.Planning;
using DescentLab.Experiments.Results;

namespace DescentLab.Output.Ci;

/// <summary>JUnit XML for CI test views: one testsuite per run set, one testcase per problem × variant setting.</summary>
/// <remarks>A testcase fails when a metric of its setting regressed against the baseline (median or worst seed beyond
/// tolerance, or seeds of the baseline missing) or when one of its runs failed; the failure's message carries baseline,
/// now and tolerance, or the run's error. Settings only in the baseline appear as failed testcases. A run that reached its
/// target and ended outside it is named in the testcase's system-out (it is no failure by itself). No times or
/// timestamps, so the same run sets give the same bytes.</remarks>
public static class JunitReport
{
    /// <summary>Writes the report of <paramref name="sets"/> to <paramref name="path"/> (a temporary file, then renamed).</summary>
    /// <exception cref="IOException">The file cannot be written.</exception>
    /// <exception cref="UnauthorizedAccessException">The file cannot be written.</exception>
    public static void Write(string path, IReadOnlyList<(string Suite, RunSet Set)> sets)
    {
        string fullPath = Path.GetFullPath(path);
        string folder = Path.GetDirectoryName(fullPath)!;
        Directory.CreateDirectory(folder);
        string temporary = Path.Combine(folder, $".{Path.GetFileName(fullPath)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = File.Create(temporary))
            {
                Write(stream, sets);
            }

            File.Move(temporary, fullPath, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>Writes the report of <paramref name="sets"/> to <paramref name="stream"/> as UTF-8.</summary>
    public static void Write(Stream stream, IReadOnlyList<(string Suite, RunSet Set)> sets)
    {
        var suites = sets.Select(s => (s.Suite, Cases: Cases(s.Set))).ToList();
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, NewLineChars = "\n" };
        using var xml = XmlWriter.Create(stream, settings);
        xml.WriteStartDocument();
        xml.WriteStartElement("testsuites");
        xml.WriteAttributeString("name", "descentlab");
        xml.WriteAttributeString("tests", Count(suites.Sum(s => s.Cases.Count)));
        xml.WriteAttributeString("failures", Count(suites.Sum(s => s.Cases.Count(c => c.Failures.Count > 0))));
        foreach (var (suite, cases) in suites)
        {
            xml.WriteStartElement("testsuite");
            xml.WriteAttributeString("name", suite);
            xml.WriteAttributeString("tests", Count(cases.Count));
            xml.WriteAttributeString("failures", Count(cases.Count(c => c.Failures.Count > 0)));
            xml.WriteAttributeString("errors", "0");
            xml.WriteAttributeString("skipped", "0");
            foreach (var testCase in cases)
            {
                xml.WriteStartElement("testcase");
                xml.WriteAttributeString("classname", suite);
                xml.WriteAttributeString("name", testCase.Setting);
                if (testCase.Failures.Count > 0)
                {
                    xml.WriteStartElement("failure");
                    xml.WriteAttributeString("type", testCase.Type);
                    xml.WriteAttributeString("message", testCase.Failures[0]);
                    xml.WriteString(string.Join("\n", testCase.Failures));
                    xml.WriteEndElement();
                }

                if (testCase.Lost.Count > 0)
                {
                    xml.WriteElementString("system-out", string.Join("\n", testCase.Lost));
                }

                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    private static List<TestCase> Cases(RunSet set)
    {
        var cases = new List<TestCase>();
        var bySetting = new Dictionary<string, TestCase>(StringComparer.Ordinal);
        foreach (var row in set.Rows)
        {
            string setting = RunIds.Setting(row.RunId);
            var testCase = Case(setting, cases, bySetting);
            if (row.Status == RunStatus.Failed)
            {
                testCase.Failures.Add($"run {row.RunId} failed: {row.Message}");
                testCase.Type ??= "failed_run";
            }
            else if (row.Status == RunStatus.LostTarget)
            {
                testCase.Lost.Add($"run {row.RunId}: {RunStatus.LostTarget.ToWords()} ({RunStatus.LostTarget.ToKey()}), not converged");
            }
        }

        foreach (var comparison in set.Regression?.SettingRegressions ?? [])
        {
            var testCase = Case(comparison.Setting, cases, bySetting);
            testCase.Failures.Add("regression in " + comparison.Describe());
            testCase.Type = "regression";
        }

        return cases;
    }

    private static TestCase Case(string setting, List<TestCase> cases, Dictionary<string, TestCase> bySetting)
    {
        if (!bySetting.TryGetValue(setting, out var testCase))
        {
            testCase = new TestCase(setting);
            bySetting.Add(setting, testCase);
            cases.Add(testCase);
        }

        return testCase;
    }

    private static string Count(int count) => count.ToString(CultureInfo.InvariantCulture);

    private sealed class TestCase(string setting)
    {
        public string Setting { get; } = setting;

        public List<string> Failures { get; } = [];

        public List<string> Lost { get; } = [];

        public string? Type { get; set; }
    }
}
