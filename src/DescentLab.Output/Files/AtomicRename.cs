using System.Runtime.InteropServices;

namespace DescentLab.Output.Files;

/// <summary>rename(2) for paths .NET's File.Move refuses: a symbolic link to a directory replacing another one.</summary>
internal static partial class AtomicRename
{
    /// <summary>Atomically replaces <paramref name="destination"/> with <paramref name="source"/> (POSIX rename).</summary>
    public static void Replace(string source, string destination)
    {
        if (!OperatingSystem.IsWindows())
        {
            if (Rename(source, destination) != 0)
            {
                throw new IOException($"rename '{source}' -> '{destination}' failed: {Marshal.GetLastPInvokeErrorMessage()}");
            }

            return;
        }

        // Windows has no atomic replace of a directory link; the window without a link is accepted there.
        if (Directory.Exists(destination))
        {
            Directory.Delete(destination);
        }

        Directory.Move(source, destination);
    }

    [LibraryImport("libc", EntryPoint = "rename", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Rename(string oldPath, string newPath);
}
