using System.Text.Json;
using DescentLab.Output.Files;
using DescentLab.Output.Json;

namespace DescentLab.Output.Baselines;

/// <summary>The description kept beside a baseline CSV (<c>&lt;baseline&gt;.meta.json</c>): which config and run it came from.</summary>
/// <param name="ConfigName">The config's name.</param>
/// <param name="ConfigHash">SHA-256 of the config file the baseline ran from.</param>
/// <param name="RunDir">The accepted run folder, relative to the description's folder and never through <c>latest</c>
/// (<see cref="PortablePath"/>); older descriptions hold an absolute path, which still reads (<see cref="RunFolderOf"/>).</param>
/// <param name="SummarySha256">SHA-256 of the baseline CSV's bytes, so a CSV replaced by hand is not taken for this config's.</param>
public sealed record BaselineMeta(string ConfigName, string ConfigHash, string RunDir, string SummarySha256)
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        NewLine = "\n",
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        TypeInfoResolver = OutputJsonContext.Default,
    };

    /// <summary>The description's path for the baseline at <paramref name="baselinePath"/>.</summary>
    public static string PathOf(string baselinePath) => baselinePath + ".meta.json";

    /// <summary>The absolute path of the accepted run folder, for the description read from <paramref name="metaPath"/>.</summary>
    public string RunFolderOf(string metaPath) => PortablePath.FromHolder(metaPath, RunDir);

    /// <summary>The description as UTF-8 JSON.</summary>
    public static byte[] ToBytes(BaselineMeta meta) => JsonSerializer.SerializeToUtf8Bytes(meta, Options);

    /// <summary>Reads a description.</summary>
    /// <exception cref="RunFileException">The file is not a valid description.</exception>
    public static BaselineMeta Read(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<BaselineMeta>(File.ReadAllBytes(path), Options)
                ?? throw new RunFileException(path, 0, "expected a baseline description, found null");
        }
        catch (JsonException ex)
        {
            throw new RunFileException(path, ex.LineNumber + 1 ?? 0, "not a baseline description: " + ex.Message);
        }
    }
}
