using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace DigitalKpi.Aggregation;

/// <summary>
/// Reads a <see cref="decimal"/>'s representation without a call, for the roll-up's integer fast path. Used only where
/// the runtime's layout (flags, high 32 bits, low 64 bits) is confirmed at start-up against <see cref="decimal.GetBits(decimal)"/>;
/// elsewhere <see cref="IsSupported"/> is false and the callers keep decimal arithmetic. On .NET 7+ the fields are read in
/// place; on netstandard2.0 through an explicit-layout overlay (a 16-byte copy). Either way only <see cref="Read"/> knows how.
/// </summary>
internal static class DecimalBits
{
    /// <summary>Whether the fast reads are available (the layout was confirmed).</summary>
    internal static readonly bool IsSupported = Probe();

    /// <summary>
    /// Whether <paramref name="d"/> is a whole number with scale 0, not a negative zero, below 2^<paramref name="bits"/>
    /// in magnitude; then <paramref name="value"/> is it.
    /// </summary>
    internal static bool TryGetSmallWhole(decimal d, int bits, out long value)
    {
        Layout l = Read(in d);
        if ((l.Flags & 0x7FFFFFFF) == 0 && l.Hi == 0 && (l.Lo >> bits) == 0 && (l.Flags == 0 || l.Lo != 0))
        {
            value = l.Flags < 0 ? -(long)l.Lo : (long)l.Lo;
            return true;
        }
        value = 0;
        return false;
    }

    /// <summary>
    /// Whether <paramref name="d"/> has a scale of at most <paramref name="maxScale"/>, an integer part (the digits
    /// without the decimal point) below 2^<paramref name="bits"/> in magnitude, and is not a negative zero; then
    /// <paramref name="value"/> is that integer, signed, and <paramref name="scale"/> the scale (<c>81.2m</c>: 812 and 1).
    /// </summary>
    internal static bool TryGetSmallScaled(decimal d, int bits, int maxScale, out long value, out int scale)
    {
        Layout l = Read(in d);
        scale = (l.Flags >> 16) & 0xFF;
        if ((l.Flags & 0x7F00FFFF) == 0 && scale <= maxScale && l.Hi == 0 && (l.Lo >> bits) == 0 && (l.Flags >= 0 || l.Lo != 0))
        {
            value = l.Flags < 0 ? -(long)l.Lo : (long)l.Lo;
            return true;
        }
        value = 0;
        scale = 0;
        return false;
    }

    /// <summary>
    /// Whether <paramref name="d"/> (read in place) has exactly the scale <paramref name="scale"/>, an integer part below
    /// 2^31 in magnitude (so never <see cref="int.MinValue"/>), and is not a negative zero; then <paramref name="value"/>
    /// is that integer, signed (with scale 0: the whole number itself).
    /// </summary>
    internal static bool TryGetInt32Scaled(ref readonly decimal d, int scale, out int value)
    {
        Layout l = Read(in d);
        if ((((uint)(l.Flags & 0x7FFFFFFF) ^ (uint)(scale << 16)) | l.Hi | (l.Lo >> 31)) == 0 && (l.Flags >= 0 || l.Lo != 0))
        {
            value = l.Flags < 0 ? -(int)l.Lo : (int)l.Lo;
            return true;
        }
        value = 0;
        return false;
    }

    /// <summary>The decimal <paramref name="value"/> × 10^-<paramref name="scale"/>, of that scale (a zero is positive).</summary>
    internal static decimal FromScaled(long value, int scale)
    {
        ulong magnitude = value < 0 ? (ulong)-value : (ulong)value;
        return new decimal((int)magnitude, (int)(magnitude >> 32), 0, value < 0, (byte)scale);
    }

    /// <summary>Whether <paramref name="d"/> is exactly the zero of <c>0m</c> (positive, scale 0).</summary>
    internal static bool IsPlainZero(decimal d)
    {
        Layout l = Read(in d);
        return l.Flags == 0 && l.Hi == 0 && l.Lo == 0;
    }

    /// <summary>The decimal's fields as the runtime stores them (confirmed by <see cref="Probe"/> before any use).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Layout Read(in decimal d)
    {
#if NET7_0_OR_GREATER
        return Unsafe.As<decimal, Layout>(ref Unsafe.AsRef(in d));
#else
        var o = new Overlay { Value = d };
        return new Layout { Flags = o.Flags, Hi = o.Hi, Lo = o.Lo };
#endif
    }

    private static bool Probe()
    {
#if NET7_0_OR_GREATER
        if (Unsafe.SizeOf<Layout>() != sizeof(decimal))
#else
        if (Marshal.SizeOf<Overlay>() != sizeof(decimal) || !BitConverter.IsLittleEndian)
#endif
        {
            return false;
        }
        decimal[] samples = [0m, 1m, -1m, 123456789012m, -(decimal)(1L << 39), 1.5m, 0.00m, 79228162514264337593543950335m, new decimal(7, 5, 3, true, 4)];
        foreach (decimal sample in samples)
        {
            int[] bits = decimal.GetBits(sample);
            Layout l = Read(in sample);
            ulong lo = (uint)bits[0] | ((ulong)(uint)bits[1] << 32);
            if (l.Lo != lo || l.Hi != (uint)bits[2] || l.Flags != bits[3])
            {
                return false;
            }
        }
        decimal minus = -42m, big = 1L << 31, half = 1.5m;
        return TryGetSmallWhole(-42m, 40, out long v) && v == -42 && !TryGetSmallWhole(1.5m, 40, out _) && !TryGetSmallWhole(1L << 41, 40, out _)
            && TryGetInt32Scaled(in minus, 0, out int w) && w == -42 && !TryGetInt32Scaled(in big, 0, out _) && !TryGetInt32Scaled(in half, 0, out _)
            && TryGetInt32Scaled(in half, 1, out w) && w == 15 && TryGetSmallScaled(-81.25m, 40, 4, out v, out int scale) && (v, scale) == (-8125, 2)
            && decimal.GetBits(FromScaled(-8125, 2))[3] == decimal.GetBits(-81.25m)[3];
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct Layout
    {
        public int Flags;
        public uint Hi;
        public ulong Lo;
    }

#if !NET7_0_OR_GREATER
    /// <summary>
    /// The decimal's fields overlaid (netstandard2.0 has no <c>Unsafe</c>): flags, high 32 bits, low 64 bits, the layout
    /// of .NET Framework and .NET alike; <see cref="Probe"/> confirms it against <see cref="decimal.GetBits(decimal)"/>.
    /// </summary>
    [StructLayout(LayoutKind.Explicit, Size = 16)]
    private struct Overlay
    {
        [FieldOffset(0)]
        public decimal Value;

        [FieldOffset(0)]
        public int Flags;

        [FieldOffset(4)]
        public uint Hi;

        [FieldOffset(8)]
        public ulong Lo;
    }
#endif
}
