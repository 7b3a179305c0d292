using DescentLab.Experiments.Results;
using DescentLab.Output.Csv;
using DescentLab.Output.Json;

namespace DescentLab.Output.Baselines;

/// <summary>Regression baselines: a summary.csv kept at the path a config's <c>regression.baseline</c> names.</summary>
public static class BaselineStore
{
    /// <summary>Makes the summary of the complete run folder <paramref name="runDir"/> the baseline at <paramref name="baselinePath"/>.</summary>
    /// <remarks>The summary is checked first, then copied to a temporary file in the baseline's folder and moved over the old
    /// baseline, so a reader sees the old file or the new one, never a part. Missing folders are created.</remarks>
    /// <exception cref="RunFileException">The run folder has no readable manifest.json or summary.csv, or its run set is incomplete.</exception>
    public static void Accept(string runDir, string baselinePath)
    {
        string manifestPath = Path.Combine(runDir, ManifestJson.FileName);
        string summaryPath = Path.Combine(runDir, SummaryCsv.FileName);
        if (!File.Exists(summaryPath))
        {
            throw new RunFileException(summaryPath, 0, "file not found: the run folder has no summary to accept");
        }

        if (!ManifestJson.Read(manifestPath).Complete)
        {
            throw new RunFileException(manifestPath, 0, "the run set is incomplete (cancelled or failed); only a complete run can become the baseline");
        }

        SummaryCsv.Read(summaryPath);
        string fullPath = Path.GetFullPath(baselinePath);
        string folder = Path.GetDirectoryName(fullPath)!;
        Directory.CreateDirectory(folder);
        string temporary = Path.Combine(folder, $".{Path.GetFileName(fullPath)}.{Guid.NewGuid():N}.tmp");
        try
        {
            File.Copy(summaryPath, temporary);
            File.Move(temporary, fullPath, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>Reads the baseline at <paramref name="baselinePath"/>.</summary>
    /// <exception cref="RunFileException">The baseline is missing or malformed (the message names file and line).</exception>
    public static IReadOnlyList<SummaryRow> Load(string baselinePath)
    {
        if (!File.Exists(baselinePath))
        {
            throw new RunFileException(baselinePath, 0, "baseline not found (create it with: descentlab baseline accept RUNDIR)");
        }

        return SummaryCsv.Read(baselinePath);
    }
}
