using DescentLab.Core.Datasets;
using DescentLab.Core.Training;
using DescentLab.Experiments.Analysis;
using DescentLab.Experiments.Results;
using DescentLab.Output.Json;

namespace DescentLab.Output.Csv;

/// <summary>Rebuilds a <see cref="RunSet"/> from the files of a finished run folder, for <c>report RUNDIR</c>.</summary>
/// <remarks>Reads manifest.json, summary.csv, the datasets (<see cref="DatasetSource"/>) and, when present,
/// regression.csv and trend.csv. Each curves/&lt;run_id&gt;.csv is read and checked, but only its hits of the runtime ECDF's
/// targets are kept; plots read the curves they draw again (<see cref="CurveFiles"/>), so a huge sweep is never all in
/// memory. A failed run may have no curve file; every other file must be there.</remarks>
public static class RunSetReader
{
    /// <summary>Reads the run folder <paramref name="runDir"/>.</summary>
    /// <exception cref="RunFileException">A file is missing or malformed (the message names it).</exception>
    public static RunSet Read(string runDir)
    {
        if (!Directory.Exists(runDir))
        {
            throw new RunFileException(runDir, 0, "run folder not found");
        }

        string manifestPath = Path.Combine(runDir, ManifestJson.FileName);
        var manifest = ManifestJson.Read(manifestPath);
        var datasets = new Dictionary<string, Dataset>(StringComparer.Ordinal);
        foreach (var info in manifest.Datasets)
        {
            if (datasets.ContainsKey(info.Key))
            {
                throw new RunFileException(manifestPath, 0, $"dataset key '{info.Key}' appears twice");
            }

            datasets.Add(info.Key, DatasetSource.Load(runDir, manifest, info));
        }

        string summaryPath = Path.Combine(runDir, SummaryCsv.FileName);
        var rows = SummaryCsv.Read(summaryPath);
        var curves = new List<(string, Curve?, CurveHit[])>(rows.Count);
        foreach (var row in rows)
        {
            if (!datasets.ContainsKey(row.DatasetKey))
            {
                throw new RunFileException(summaryPath, 0, $"run '{row.RunId}' uses dataset '{row.DatasetKey}', which {ManifestJson.FileName} does not list");
            }

            string path = Path.Combine(runDir, CurveCsv.RelativePath(row.RunId));
            // Each curve is read once now, so a malformed one is refused up front, and only its hits of the ECDF's
            // targets are kept; a plot reads again the few curves it draws.
            if (row.Status != RunStatus.Failed || File.Exists(path))
            {
                curves.Add((row.RunId, null, CurveHit.Of(CurveCsv.Read(path), RuntimeEcdf.DefaultTargets)));
            }
        }

        string regressionPath = Path.Combine(runDir, RegressionCsv.FileName);
        string trendPath = Path.Combine(runDir, TrendCsv.FileName);
        return new RunSet
        {
            Manifest = manifest,
            Rows = rows,
            Curves = CurveFiles.Streamed(runDir, curves, RuntimeEcdf.DefaultTargets),
            Datasets = datasets,
            Regression = File.Exists(regressionPath) ? RegressionCsv.Read(regressionPath) : null,
            Trend = File.Exists(trendPath) ? TrendCsv.Read(trendPath) : [],
        };
    }
}
