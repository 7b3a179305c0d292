using System.Security.Cryptography;
using DescentLab.Experiments.Results;
using DescentLab.Output.Csv;
using DescentLab.Output.Files;
using DescentLab.Output.Json;

namespace DescentLab.Output.Baselines;

/// <summary>Regression baselines: a summary.csv kept at the path a config's <c>regression.baseline</c> names, with a
/// description beside it (<see cref="BaselineMeta"/>) that says which config it ran from.</summary>
/// <remarks>The CSV stays a plain summary.csv, so baselines written before descriptions existed still load; their config
/// is unknown. A description whose summary hash does not match the CSV (the CSV was replaced by hand) counts as absent.</remarks>
public static class BaselineStore
{
    /// <summary>The command that makes <paramref name="runDir"/> the baseline at <paramref name="baselinePath"/>.</summary>
    public static string AcceptCommand(string runDir, string baselinePath) =>
        $"descentlab baseline accept {Quote(runDir)} --to {Quote(baselinePath)}";

    /// <summary>Makes the summary of the complete run folder <paramref name="runDir"/> the baseline at <paramref name="baselinePath"/>.</summary>
    /// <remarks>The summary is checked first, then copied to a temporary file in the baseline's folder and moved over the old
    /// baseline, so a reader sees the old file or the new one, never a part; the description is written the same way, before
    /// the CSV, and names the CSV's hash, so a crash between the two leaves an old CSV whose config reads as unknown. Missing
    /// folders are created.</remarks>
    /// <exception cref="RunFileException">The run folder has no readable manifest.json or summary.csv, or its run set is incomplete.</exception>
    public static void Accept(string runDir, string baselinePath)
    {
        string manifestPath = Path.Combine(runDir, ManifestJson.FileName);
        string summaryPath = Path.Combine(runDir, SummaryCsv.FileName);
        if (!File.Exists(summaryPath))
        {
            throw new RunFileException(summaryPath, 0, "file not found: the run folder has no summary to accept");
        }

        var manifest = ManifestJson.Read(manifestPath);
        if (!manifest.Complete)
        {
            throw new RunFileException(manifestPath, 0, "the run set is incomplete (cancelled or failed); only a complete run can become the baseline");
        }

        SummaryCsv.Read(summaryPath);
        string fullPath = Path.GetFullPath(baselinePath);
        byte[] summary = File.ReadAllBytes(summaryPath);
        Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
        string metaPath = BaselineMeta.PathOf(fullPath);
        var meta = new BaselineMeta(manifest.Name, manifest.ConfigHash, PortablePath.RelativeTo(metaPath, runDir), Hash(summary));
        WriteAtomically(metaPath, BaselineMeta.ToBytes(meta));
        WriteAtomically(fullPath, summary);
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

    /// <summary>The SHA-256 of the config the baseline at <paramref name="baselinePath"/> ran from, or null when unknown (no
    /// description, or one written for another CSV).</summary>
    /// <exception cref="RunFileException">The description exists but is not valid.</exception>
    public static string? ConfigHashOf(string baselinePath)
    {
        string metaPath = BaselineMeta.PathOf(Path.GetFullPath(baselinePath));
        if (!File.Exists(metaPath) || !File.Exists(baselinePath))
        {
            return null;
        }

        var meta = BaselineMeta.Read(metaPath);
        return meta.SummarySha256 == Hash(File.ReadAllBytes(baselinePath)) ? meta.ConfigHash : null;
    }

    private static string Hash(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static void WriteAtomically(string path, byte[] bytes)
    {
        string temporary = Path.Combine(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            File.WriteAllBytes(temporary, bytes);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private static string Quote(string text) => text.Contains(' ', StringComparison.Ordinal) ? $"\"{text}\"" : text;
}
