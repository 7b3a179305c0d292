using System.Text.Json;
using DescentLab.Experiments.Results;

namespace DescentLab.Output.Json;

/// <summary>manifest.json: the <see cref="RunManifest"/> of a run folder.</summary>
/// <remarks>Written and read with <see cref="JsonFormat"/>'s options; the resolved config is a JSON object. Reading gives
/// back an equal manifest. Its file paths are stored relative to the manifest's folder (<see cref="ManifestPaths"/>).</remarks>
public static class ManifestJson
{
    /// <summary>The file name in a run folder.</summary>
    public const string FileName = "manifest.json";

    private static JsonSerializerOptions Options => JsonFormat.Options;

    /// <summary>Writes <paramref name="manifest"/>, to be stored at <paramref name="path"/>, ending with a line break.</summary>
    public static void Write(TextWriter writer, RunManifest manifest, string path)
    {
        writer.Write(JsonSerializer.Serialize(ManifestPaths.ToStored(manifest, path), Options));
        writer.Write('\n');
    }

    /// <summary>Reads a manifest written by <see cref="Write"/>.</summary>
    /// <exception cref="RunFileException">The file is missing or malformed (the message names file and line).</exception>
    public static RunManifest Read(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new RunFileException(path, 0, "file not found", ex);
        }

        try
        {
            var stored = JsonSerializer.Deserialize<RunManifest>(text, Options)
                ?? throw new RunFileException(path, 1, "expected a manifest object but found null");
            return ManifestPaths.FromStored(stored, path);
        }
        catch (JsonException ex)
        {
            throw new RunFileException(path, (ex.LineNumber ?? -1) + 1, ex.Message, ex);
        }
    }
}
