using DescentLab.Core.Datasets;
using DescentLab.Core.Training;
using DescentLab.Experiments.Analysis;
using DescentLab.Experiments.Results;
using DescentLab.Output.Json;

namespace DescentLab.Output.Csv;

/// <summary>Rebuilds a <see cref="RunSet"/> from the files of a finished run folder, for <c>report RUNDIR</c>.</summary>
/// <remarks>Reads manifest.json, summary.csv, the datasets (<see cref="DatasetSource"/>) and, when present,
/// regression.csv and trend.csv. curves.csv is read and checked run by run, but only where each run's rows are and their
/// hits of the runtime ECDF's targets are kept; plots read the curves they draw again (<see cref="CurveTableSource"/>),
/// so a huge sweep is never all in memory. A folder written before curves.csv has curves/&lt;run_id&gt;.csv instead, read
/// the same way (<see cref="PerRunCurves"/>). A failed run may have no curve; every other file must be there.</remarks>
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
        if (rows.FirstOrDefault(r => !datasets.ContainsKey(r.DatasetKey)) is { } stray)
        {
            throw new RunFileException(summaryPath, 0, $"run '{stray.RunId}' uses dataset '{stray.DatasetKey}', which {ManifestJson.FileName} does not list");
        }

        string tablePath = Path.Combine(runDir, CurveTable.FileName);
        ICurveSource curves = !File.Exists(tablePath) && Directory.Exists(Path.Combine(runDir, CurveCsv.FolderName))
            ? ReadPerRun(runDir, rows)
            : ReadTable(tablePath, rows);

        string regressionPath = Path.Combine(runDir, RegressionCsv.FileName);
        string trendPath = Path.Combine(runDir, TrendCsv.FileName);
        return new RunSet
        {
            Manifest = manifest,
            Rows = rows,
            Curves = curves,
            Datasets = datasets,
            Regression = File.Exists(regressionPath) ? RegressionCsv.Read(regressionPath) : null,
            Trend = File.Exists(trendPath) ? TrendCsv.Read(trendPath) : [],
        };
    }

    /// <summary>Reads curves.csv once, checking that its runs are those of <paramref name="rows"/> in their order, and
    /// keeps where each run's rows are and their hits of the runtime ECDF's targets; a plot reads again the few curves
    /// it draws.</summary>
    private static CurveTableSource ReadTable(string path, IReadOnlyList<SummaryRow> rows)
    {
        if (!File.Exists(path) && rows.All(r => r.Status == RunStatus.Failed))
        {
            return new CurveTableSource(path, CurveTable.For([]), [], RuntimeEcdf.DefaultTargets);
        }

        var entries = new List<(string, CurveLocation, CurveHit[])>(rows.Count);
        var order = rows.Select((row, i) => (row.RunId, i)).ToDictionary(r => r.RunId, r => r.i, StringComparer.Ordinal);
        int next = 0;
        foreach (var block in CurveTableReader.ReadRuns(path))
        {
            long line = block.Location.Line;
            if (!order.TryGetValue(block.RunId, out int at))
            {
                throw new RunFileException(path, line, $"run '{block.RunId}' is not in {SummaryCsv.FileName}");
            }

            if (at < next)
            {
                throw new RunFileException(path, line, $"run '{block.RunId}' comes again or out of the order of {SummaryCsv.FileName} (the rows of a run come together, runs in plan order)");
            }

            if (rows.Skip(next).Take(at - next).FirstOrDefault(r => r.Status != RunStatus.Failed) is { } skipped)
            {
                throw new RunFileException(path, line, $"run '{skipped.RunId}' ({skipped.Status.ToKey()}) has no rows before those of run '{block.RunId}' ({CurveTable.FileName} holds the runs in the order of {SummaryCsv.FileName})");
            }

            entries.Add((block.RunId, block.Location, CurveHit.Of(block.Curve, RuntimeEcdf.DefaultTargets)));
            next = at + 1;
        }

        if (rows.Skip(next).FirstOrDefault(r => r.Status != RunStatus.Failed) is { } missing)
        {
            throw new RunFileException(path, 0, $"run '{missing.RunId}' ({missing.Status.ToKey()}) has no rows");
        }

        return new CurveTableSource(path, CurveTableReader.ReadHeader(path), entries, RuntimeEcdf.DefaultTargets);
    }

    /// <summary>A run folder written before curves.csv: each curves/&lt;run_id&gt;.csv is read and checked once.</summary>
    private static PerRunCurves ReadPerRun(string runDir, IReadOnlyList<SummaryRow> rows)
    {
        var hits = new Dictionary<string, CurveHit[]>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            string path = Path.Combine(runDir, CurveCsv.RelativePath(row.RunId));
            if (row.Status != RunStatus.Failed || File.Exists(path))
            {
                hits[row.RunId] = CurveHit.Of(CurveCsv.Read(path), RuntimeEcdf.DefaultTargets);
            }
        }

        return new PerRunCurves(runDir, hits, RuntimeEcdf.DefaultTargets);
    }
}
