namespace DescentLab.Host.Worker;

/// <summary>Maps a request path to a file of the site folder, refusing anything that would leave it.</summary>
public static class SiteFiles
{
    /// <summary>The file for the raw request target <paramref name="rawUrl"/> (path and query, still escaped), or null when
    /// it is outside <paramref name="siteDir"/>, names a hidden file or does not exist. A folder gives its index.html.</summary>
    public static string? Resolve(string siteDir, string? rawUrl)
    {
        string root = Path.GetFullPath(siteDir);
        string escaped = (rawUrl ?? "/").Split('?', '#')[0];
        string path;
        try
        {
            path = Uri.UnescapeDataString(escaped);
        }
        catch (UriFormatException)
        {
            return null;
        }

        // Escaped dots, backslashes and NULs are refused before the file system sees them.
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (!path.StartsWith('/') || path.Contains('\\') || path.Contains('\0') || segments.Any(s => s.StartsWith('.')))
        {
            return null;
        }

        string full = Path.GetFullPath(Path.Combine([root, .. segments]));
        if (full != root && !full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            return null;
        }

        if (Directory.Exists(full))
        {
            full = Path.Combine(full, "index.html");
        }

        return File.Exists(full) ? full : null;
    }

    /// <summary>The Content-Type of a site file.</summary>
    public static string ContentType(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".html" => "text/html; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".png" => "image/png",
        ".txt" => "text/plain; charset=utf-8",
        ".json" => "application/json",
        _ => "application/octet-stream",
    };
}
