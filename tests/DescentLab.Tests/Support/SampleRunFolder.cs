using DescentLab.Core.Datasets;
using DescentLab.Core.Training;
using DescentLab.Experiments.Results;
using DescentLab.Output.Csv;
using DescentLab.Output.Json;

namespace DescentLab.Tests.Support;

/// <summary>Writes a run folder laid out as SPEC §7 from sample parts, the way the runner's export does.</summary>
public static class SampleRunFolder
{
    /// <summary>A complete folder with the sample rows: two datasets, a curve for every run but the failed one.</summary>
    public static string Write(string runDir, bool complete = true, RegressionReport? regression = null)
    {
        var rows = SampleRuns.Rows();
        var logistic = Dataset.Create("my_beans", null, null, "data/my_beans.csv", [0.1, 0.2, 0.3], [1, 2, 3], [0, 1, 0]);
        var datasets = new List<(string, Dataset)> { ("beans1-n20-s1", SampleRuns.Beans1()), ("beans2-n20-s1", RecipeCatalog.Find("beans2")!.Generate(20, 1)), ("my_beans", logistic) };
        Write(Path.Combine(runDir, ManifestJson.FileName), w => ManifestJson.Write(w, SampleRuns.Manifest(datasets, complete)));
        Write(Path.Combine(runDir, SummaryCsv.FileName), w => SummaryCsv.Write(w, rows));
        foreach (var row in rows)
        {
            if (row.Status != RunStatus.Failed)
            {
                Write(Path.Combine(runDir, CurveCsv.RelativePath(row.RunId)), w => CurveCsv.Write(w, SampleRuns.Curve()));
            }
        }

        foreach (var (key, data) in datasets)
        {
            Write(Path.Combine(runDir, DatasetCsv.RelativePath(key)), w => DatasetCsv.Write(w, data));
        }

        if (regression is not null)
        {
            Write(Path.Combine(runDir, RegressionCsv.FileName), w => RegressionCsv.Write(w, regression));
        }

        return runDir;
    }

    /// <summary>Writes one file, creating its folder.</summary>
    public static void Write(string path, Action<TextWriter> write)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var writer = new StreamWriter(path);
        write(writer);
    }
}
