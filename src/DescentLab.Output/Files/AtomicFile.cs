using System.Text;

namespace DescentLab.Output.Files;

/// <summary>Writes files so that a reader never sees a half-written one: temp file in the same folder, then rename.</summary>
public static class AtomicFile
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes text through <paramref name="write"/> ("\n" line endings, UTF-8 without BOM), then renames into place.</summary>
    public static void WriteText(string path, Action<TextWriter> write)
    {
        WriteStream(path, stream =>
        {
            using var writer = new StreamWriter(stream, Utf8NoBom, bufferSize: 1 << 16, leaveOpen: true) { NewLine = "\n" };
            write(writer);
        });
    }

    /// <summary>Writes <paramref name="text"/> as UTF-8 without BOM.</summary>
    public static void WriteAllText(string path, string text) => WriteStream(path, stream => stream.Write(Utf8NoBom.GetBytes(text)));

    /// <summary>Writes <paramref name="bytes"/>.</summary>
    public static void WriteAllBytes(string path, byte[] bytes) => WriteStream(path, stream => stream.Write(bytes));

    /// <summary>Writes bytes through <paramref name="write"/>, flushes to disk, then renames into place (replacing any old file).</summary>
    public static void WriteStream(string path, Action<Stream> write)
    {
        string folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(folder);
        string temp = Path.Combine(folder, $".{Path.GetFileName(path)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }

            CrashPoint.Reached();
            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }
}
