using System;
using System.Buffers;

namespace DigitalKpi.Json.Internal;

/// <summary>A growable byte buffer writer (ArrayBufferWriter is not public on netstandard2.0).</summary>
internal sealed class ByteBuffer : IBufferWriter<byte>
{
    private byte[] buffer = new byte[4096];
    private int length;

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

    private void Ensure(int sizeHint)
    {
        int needed = length + Math.Max(sizeHint, 1);
        if (needed > buffer.Length)
        {
            Array.Resize(ref buffer, Math.Max(needed, buffer.Length * 2));
        }
    }
}
