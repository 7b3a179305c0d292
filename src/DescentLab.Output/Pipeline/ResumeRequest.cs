using System.Text.Json;
using DescentLab.Experiments.Config;
using DescentLab.Output.Ci;
using DescentLab.Output.Files;
using DescentLab.Output.Json;

namespace DescentLab.Output.Pipeline;

/// <summary>What <c>run --resume RUNDIR</c> needs to finish a set: written into the run folder when it is claimed.</summary>
/// <param name="ConfigPath">The config as given on the command line (the manifest records it).</param>
/// <param name="ConfigFullPath">The config's absolute path, to load it again.</param>
/// <param name="ConfigHash">SHA-256 of the config file; a changed config cannot resume.</param>
/// <param name="Shard">The shard (<c>K/N</c>), or null.</param>
/// <param name="FailOnRegression">Whether <c>--fail-on-regression</c> was given.</param>
/// <param name="ReportsRoot">The reports root (history.db).</param>
/// <param name="LatestLink">The <c>latest</c> link to move on completion, or null for an explicit <c>--out</c>.</param>
/// <param name="Command">The command line the manifest records (with <c>--shard</c>); null in folders of older versions.</param>
/// <param name="DataFileMaxSamples">The data/ threshold the set started with (<c>--write-data</c> makes it unlimited); null
/// in folders of older versions.</param>
/// <param name="VariantCode">The code of each plug-in and external variant (<see cref="Experiments.Config.VariantCode"/>);
/// changed code cannot resume. Null in folders claimed before it was recorded.</param>
/// <param name="Junit">The JUnit XML file the set was asked to write (absolute), or null.</param>
/// <param name="StepSummary">The step summary file (<c>GITHUB_STEP_SUMMARY</c>) the set was asked to append to, or null.</param>
/// <param name="Overrides">The <c>--set</c> overrides (<c>KEY=VALUE</c>) the config was loaded with, or null for none.</param>
public sealed record ResumeRequest(
    string ConfigPath,
    string ConfigFullPath,
    string ConfigHash,
    string? Shard,
    bool FailOnRegression,
    string ReportsRoot,
    string? LatestLink,
    string? Command = null,
    long? DataFileMaxSamples = null,
    IReadOnlyDictionary<string, string>? VariantCode = null,
    string? Junit = null,
    string? StepSummary = null,
    IReadOnlyList<string>? Overrides = null)
{
    /// <summary>The file name inside the run folder.</summary>
    public const string FileName = ".resume.json";

    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        TypeInfoResolver = OutputJsonContext.Default,
    };

    /// <summary>The CI files of the resumed set: those of the resuming invocation where it names them, else those the set
    /// was started with.</summary>
    public CiOutputs CiOutputs(CiOutputs now) => new(now.JunitPath ?? Junit, now.StepSummaryPath ?? StepSummary);

    /// <summary>The overrides to load the config with again (one edited by hand into nonsense fails as a config error).</summary>
    public IReadOnlyList<ConfigOverride> ConfigOverrides() =>
        [.. (Overrides ?? []).Select(text => text.Split('=', 2) is [var key, var value] ? new ConfigOverride(key, value) : new ConfigOverride(text, string.Empty))];

    /// <summary>Writes the request into <paramref name="folder"/>.</summary>
    public void Write(RunFolder folder) => folder.WriteText(FileName, w => w.Write(JsonSerializer.Serialize(this, Options)));

    /// <summary>The request of run folder <paramref name="runDir"/>.</summary>
    /// <exception cref="RunFileException">The folder does not exist or was not made by a DescentLab that can resume it.</exception>
    public static ResumeRequest Read(string runDir)
    {
        string path = Path.Combine(Path.GetFullPath(runDir), FileName);
        if (!Directory.Exists(runDir))
        {
            throw new RunFileException(Path.GetFullPath(runDir), 0, "the run folder does not exist");
        }

        try
        {
            return JsonSerializer.Deserialize<ResumeRequest>(File.ReadAllText(path), Options)
                ?? throw new JsonException("empty");
        }
        catch (Exception ex) when (ex is IOException or JsonException or UnauthorizedAccessException)
        {
            throw new RunFileException(path, 0, $"the run folder cannot be resumed: the file is missing or unreadable ({ex.Message})", ex);
        }
    }
}
