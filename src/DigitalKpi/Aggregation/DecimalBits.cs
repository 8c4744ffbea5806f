using System;
#if NET7_0_OR_GREATER
using System.Runtime.CompilerServices;
#endif
using System.Runtime.InteropServices;

namespace DigitalKpi.Aggregation;

/// <summary>
/// Reads a <see cref="decimal"/>'s representation without a call, for the roll-up's integer fast path. Used only where
/// the runtime's layout (flags, high 32 bits, low 64 bits) is confirmed at start-up against <see cref="decimal.GetBits(decimal)"/>;
/// elsewhere <see cref="IsSupported"/> is false and the callers keep decimal arithmetic.
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
#if NET7_0_OR_GREATER
        ref Layout l = ref Unsafe.As<decimal, Layout>(ref d);
        if ((l.Flags & 0x7FFFFFFF) == 0 && l.Hi == 0 && (l.Lo >> bits) == 0 && (l.Flags == 0 || l.Lo != 0))
        {
            value = l.Flags < 0 ? -(long)l.Lo : (long)l.Lo;
            return true;
        }
#else
        var o = new Overlay { Value = d };
        if ((o.Flags & 0x7FFFFFFF) == 0 && o.Hi == 0 && (o.Lo >> bits) == 0 && (o.Flags == 0 || o.Lo != 0))
        {
            value = o.Flags < 0 ? -(long)o.Lo : (long)o.Lo;
            return true;
        }
#endif
        value = 0;
        return false;
    }

    /// <summary>
    /// Whether <paramref name="d"/> (read in place) is a whole number with scale 0, not a negative zero, below 2^31 in
    /// magnitude (so never <see cref="int.MinValue"/>); then <paramref name="value"/> is it.
    /// </summary>
    internal static bool TryGetInt32Whole(ref readonly decimal d, out int value)
    {
#if NET7_0_OR_GREATER
        ref Layout l = ref Unsafe.As<decimal, Layout>(ref Unsafe.AsRef(in d));
        int flags = l.Flags;
        ulong lo = l.Lo;
        if (((uint)(flags & 0x7FFFFFFF) | l.Hi | (lo >> 31)) == 0 && (flags == 0 || lo != 0))
        {
            value = flags < 0 ? -(int)lo : (int)lo;
            return true;
        }
#else
        var o = new Overlay { Value = d };
        if (((uint)(o.Flags & 0x7FFFFFFF) | o.Hi | (o.Lo >> 31)) == 0 && (o.Flags == 0 || o.Lo != 0))
        {
            value = o.Flags < 0 ? -(int)o.Lo : (int)o.Lo;
            return true;
        }
#endif
        value = 0;
        return false;
    }

    /// <summary>Whether <paramref name="d"/> is exactly the zero of <c>0m</c> (positive, scale 0).</summary>
    internal static bool IsPlainZero(decimal d)
    {
#if NET7_0_OR_GREATER
        ref Layout l = ref Unsafe.As<decimal, Layout>(ref d);
        return l.Flags == 0 && l.Hi == 0 && l.Lo == 0;
#else
        var o = new Overlay { Value = d };
        return o.Flags == 0 && o.Hi == 0 && o.Lo == 0;
#endif
    }

    private static bool Probe()
    {
#if NET7_0_OR_GREATER
        if (Unsafe.SizeOf<Layout>() != sizeof(decimal))
        {
            return false;
        }
#else
        if (Marshal.SizeOf<Overlay>() != sizeof(decimal) || !BitConverter.IsLittleEndian)
        {
            return false;
        }
#endif
        decimal[] samples = [0m, 1m, -1m, 123456789012m, -(decimal)(1L << 39), 1.5m, 0.00m, 79228162514264337593543950335m, new decimal(7, 5, 3, true, 4)];
        foreach (decimal sample in samples)
        {
            decimal d = sample;
            int[] bits = decimal.GetBits(d);
#if NET7_0_OR_GREATER
            Layout l = Unsafe.As<decimal, Layout>(ref d);
#else
            var l = new Overlay { Value = d };
#endif
            ulong lo = (uint)bits[0] | ((ulong)(uint)bits[1] << 32);
            if (l.Lo != lo || l.Hi != (uint)bits[2] || l.Flags != bits[3])
            {
                return false;
            }
        }
        decimal minus = -42m, big = 1L << 31, half = 1.5m;
        return TryGetSmallWhole(-42m, 40, out long v) && v == -42 && !TryGetSmallWhole(1.5m, 40, out _) && !TryGetSmallWhole(1L << 41, 40, out _)
            && TryGetInt32Whole(in minus, out int w) && w == -42 && !TryGetInt32Whole(in big, out _) && !TryGetInt32Whole(in half, out _);
    }

#if NET7_0_OR_GREATER
    [StructLayout(LayoutKind.Sequential)]
    private struct Layout
    {
        public int Flags;
        public uint Hi;
        public ulong Lo;
    }
#else
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
