using System;
using System.Buffers;

namespace DigitalKpi.Json.Internal;

/// <summary>
/// A growable byte buffer writer (ArrayBufferWriter is not public on netstandard2.0). A pooled buffer rents its
/// arrays from <see cref="ArrayPool{T}.Shared"/> and must be disposed; its contents are copied out before that.
/// </summary>
internal sealed class ByteBuffer : IBufferWriter<byte>, IDisposable
{
    private readonly bool pooled;
    private byte[] buffer;
    private int length;

    internal ByteBuffer(bool pooled = false)
    {
        this.pooled = pooled;
        buffer = pooled ? ArrayPool<byte>.Shared.Rent(4096) : new byte[4096];
    }

    internal ReadOnlySpan<byte> WrittenSpan => buffer.AsSpan(0, length);

    public void Advance(int count)
    {
        if (count < 0 || length + count > buffer.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(count));
        }
        length += count;
    }

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return buffer.AsMemory(length);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return buffer.AsSpan(length);
    }

    public void Dispose()
    {
        if (pooled && buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        buffer = Array.Empty<byte>();
        length = 0;
    }

    private void Ensure(int sizeHint)
    {
        int needed = length + Math.Max(sizeHint, 1);
        if (needed <= buffer.Length)
        {
            return;
        }
        int size = (int)Math.Min(int.MaxValue, Math.Max(needed, buffer.Length * 2L));
        if (!pooled)
        {
            Array.Resize(ref buffer, size);
            return;
        }
        byte[] larger = ArrayPool<byte>.Shared.Rent(size);
        buffer.AsSpan(0, length).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(buffer);
        buffer = larger;
    }
}
