using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace DescentLab.Experiments.Inputs;

/// <summary>Opens a user's input file (config or dataset CSV) with a size cap, refusing anything but a regular file.</summary>
/// <remarks>A FIFO would block a plain open forever and <c>/dev/zero</c> or <c>/proc</c> files report no size and never
/// end, so on Linux the file is opened non-blocking, must be seekable, and may not yield more bytes than the size it
/// reported when opened. Every refusal is an <see cref="InputFileException"/> that names the problem, not the contents.</remarks>
public static partial class InputFile
{
    /// <summary>Largest config file read (a config is a few kilobytes; 100,000 datasets fit).</summary>
    public const long MaxConfigBytes = 16L << 20;

    /// <summary>Largest dataset CSV read.</summary>
    public const long MaxDatasetBytes = 1L << 30;

    private const int ReadOnlyNonBlockingCloseOnExec = 0x800 | 0x80000;

    /// <summary>Opens <paramref name="path"/> for reading; the stream throws once it passes the file's size or <paramref name="maxBytes"/>.</summary>
    /// <exception cref="InputFileException">Not a regular file, or larger than <paramref name="maxBytes"/>.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist (as from <see cref="File.OpenRead"/>).</exception>
    public static Stream OpenRead(string path, long maxBytes)
    {
        var stream = Open(path);
        try
        {
            if (!stream.CanSeek)
            {
                throw new InputFileException("not a regular file (a pipe, socket or terminal cannot be read as input)");
            }

            long length = stream.Length;
            if (length > maxBytes)
            {
                throw new InputFileException(string.Create(CultureInfo.InvariantCulture, $"the file has {length} bytes, more than the limit of {maxBytes}"));
            }

            return new BoundedStream(stream, length);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>All bytes of <paramref name="path"/>, bounded as <see cref="OpenRead"/>.</summary>
    public static byte[] ReadAllBytes(string path, long maxBytes)
    {
        using var stream = OpenRead(path, maxBytes);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static FileStream Open(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1);
        }

        if (Directory.Exists(path))
        {
            throw new InputFileException("is a folder, not a file");
        }

        int fd = NativeOpen(path, ReadOnlyNonBlockingCloseOnExec);
        if (fd < 0)
        {
            // Let .NET word the failure (not found, permission denied) as it would for any open.
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1);
        }

        return new FileStream(new SafeFileHandle(fd, ownsHandle: true), FileAccess.Read, 1);
    }

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int NativeOpen(string path, int flags);

    /// <summary>Reads no further than the size the file reported when opened.</summary>
    private sealed class BoundedStream(FileStream inner, long length) : Stream
    {
        private long _read;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => length;

        public override long Position
        {
            get => _read;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            // Ask for one byte more than is left, so a file that yields more than its size (a device, /proc) is caught.
            int want = (int)Math.Min(buffer.Length, length - _read + 1);
            int got = inner.Read(buffer[..Math.Max(want, 1)]);
            _read += got;
            if (_read > length)
            {
                throw new InputFileException("not a regular file (it yields more bytes than its size, like a device or a /proc file)");
            }

            return got;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
