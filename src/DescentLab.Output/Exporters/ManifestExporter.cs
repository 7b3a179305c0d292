using DescentLab.Experiments.Results;
using DescentLab.Output.Files;
using DescentLab.Output.Json;

namespace DescentLab.Output.Exporters;

/// <summary>manifest.json; written last, and only when everything before it succeeded, so a folder with a manifest has
/// every other file.</summary>
public sealed class ManifestExporter : IExporter
{
    /// <inheritdoc/>
    public string Name => "manifest";

    /// <inheritdoc/>
    public bool MarksComplete => true;

    /// <inheritdoc/>
    public IReadOnlyList<string> Export(RunSet set, RunFolder folder)
    {
        folder.WriteText(ManifestJson.FileName, w => ManifestJson.Write(w, set.Manifest, folder.PathOf(ManifestJson.FileName)));
        return [ManifestJson.FileName];
    }
}
