namespace DescentLab.Output.Files;

/// <summary>Paths stored in files that users keep or move (a baseline's description): relative to the folder of the file
/// that holds them and resolved through symbolic links first, so they never go through <c>latest</c> (which moves) and
/// survive moving the tree; an old absolute path still reads.</summary>
public static class PortablePath
{
    /// <summary>The real path of <paramref name="path"/>: every symbolic link along it (such as <c>latest</c>) replaced by
    /// its final target.</summary>
    public static string Resolve(string path)
    {
        string full = Path.GetFullPath(path);
        string root = Path.GetPathRoot(full)!;
        string current = root;
        foreach (string part in full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            current = Path.Combine(current, part);
            var entry = new FileInfo(current);
            if (entry.LinkTarget is not null && entry.ResolveLinkTarget(returnFinalTarget: true) is { } target)
            {
                current = Path.GetFullPath(target.FullName);
            }
        }

        return current;
    }

    /// <summary><paramref name="path"/> resolved (<see cref="Resolve"/>) and made relative to the folder of the file
    /// <paramref name="holder"/>, with '/' separators.</summary>
    public static string RelativeTo(string holder, string path)
    {
        string folder = Resolve(Path.GetDirectoryName(Path.GetFullPath(holder))!);
        return Path.GetRelativePath(folder, Resolve(path)).Replace(Path.DirectorySeparatorChar, '/');
    }

    /// <summary>The absolute path of <paramref name="stored"/> as held by the file <paramref name="holder"/>: relative
    /// paths are taken from the holder's folder, absolute ones (written by older versions) as they are.</summary>
    public static string FromHolder(string holder, string stored) =>
        Path.GetFullPath(stored.Replace('/', Path.DirectorySeparatorChar), Path.GetDirectoryName(Path.GetFullPath(holder))!);
}
