namespace DescentLab.Output.Site;

/// <summary>The files under the site's <c>assets/</c>: the chart library (uPlot, MIT, vendored with its licence), the site's
/// script and stylesheet, all embedded in this assembly so publishing never fetches anything.</summary>
internal static class SiteAssets
{
    private const string Prefix = "Site/";

    /// <summary>Every asset: its file name and bytes.</summary>
    public static IEnumerable<(string Name, byte[] Bytes)> All()
    {
        var assembly = typeof(SiteAssets).Assembly;
        foreach (string resource in assembly.GetManifestResourceNames().Where(r => r.StartsWith(Prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            yield return (resource[Prefix.Length..], copy.ToArray());
        }
    }
}
