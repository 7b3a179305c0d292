using System.Buffers;

namespace DescentLab.Output.Pipeline;

/// <summary>A growing byte buffer on arrays rented from the shared pool, returned by <see cref="Dispose"/>: a run's rows
/// live from its thread to the writer's, and a sweep formats 20,000 of them.</summary>
internal sealed class RentedBytes : IBufferWriter<byte>, IDisposable
{
    private byte[] _array;
    private int _length;

    /// <summary>A buffer with room for about <paramref name="capacity"/> bytes.</summary>
    public RentedBytes(int capacity) => _array = ArrayPool<byte>.Shared.Rent(Math.Max(capacity, 256));

    /// <summary>The bytes written so far.</summary>
    public ReadOnlySpan<byte> Written => _array.AsSpan(0, _length);

    /// <inheritdoc/>
    public void Advance(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, _array.Length - _length);
        _length += count;
    }

    /// <inheritdoc/>
    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return _array.AsMemory(_length);
    }

    /// <inheritdoc/>
    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return _array.AsSpan(_length);
    }

    /// <summary>Returns the array to the pool; the buffer is empty and must not be used again.</summary>
    public void Dispose()
    {
        var array = _array;
        _array = [];
        _length = 0;
        if (array.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(array);
        }
    }

    private void Reserve(int sizeHint)
    {
        int needed = _length + Math.Max(sizeHint, 1);
        if (needed <= _array.Length)
        {
            return;
        }

        var larger = ArrayPool<byte>.Shared.Rent(Math.Max(needed, 2 * _array.Length));
        Written.CopyTo(larger);
        ArrayPool<byte>.Shared.Return(_array);
        _array = larger;
    }
}
