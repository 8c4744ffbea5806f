using System;
using System.Globalization;

namespace DigitalKpi.Json.Internal;

/// <summary>
/// Exact conversion between JSON number text and <see cref="decimal"/>. Reading keeps the number's scale
/// (<c>81.20</c> has scale 2), accepts exponents (<c>1.5e3</c>) and refuses any number a decimal cannot hold
/// exactly instead of rounding it.
/// </summary>
internal static class ExactDecimal
{
    private const int MaxScale = 28;

    /// <summary>decimal.MaxValue's digits: 2^96 - 1.</summary>
    private const string MaxDigits = "79228162514264337593543950335";

    /// <summary>The number of digits of <see cref="MaxDigits"/>.</summary>
    private const int MaxDigitCount = 29;

    /// <summary>Parses a number that the JSON reader has already checked against the JSON number grammar.</summary>
    internal static bool TryParse(ReadOnlySpan<byte> text, out decimal value, out string? error)
    {
        value = 0m;
        error = null;
        int i = 0;
        bool negative = false;
        if (i < text.Length && text[i] == (byte)'-')
        {
            negative = true;
            i++;
        }

        // Significant digits (leading zeros dropped, at most 29 kept), how many written digits follow the point, and
        // how many zeros came after the 29 kept digits (they only shift the scale).
        Span<byte> digits = stackalloc byte[MaxDigitCount];
        int count = 0;
        long extraZeros = 0;
        bool tooMany = false;
        long fractionDigits = 0;
        bool inFraction = false;
        for (; i < text.Length; i++)
        {
            byte b = text[i];
            if (b == (byte)'.')
            {
                inFraction = true;
                continue;
            }
            if (b < (byte)'0' || b > (byte)'9')
            {
                break;
            }
            if (inFraction)
            {
                fractionDigits++;
            }
            if (count == 0 && b == (byte)'0')
            {
                continue;
            }
            if (count < MaxDigitCount && extraZeros == 0)
            {
                digits[count++] = b;
            }
            else if (b == (byte)'0')
            {
                extraZeros++;
            }
            else
            {
                tooMany = true;
            }
        }

        long exponent = 0;
        if (i < text.Length && (text[i] == (byte)'e' || text[i] == (byte)'E'))
        {
            i++;
            bool negativeExponent = false;
            if (i < text.Length && (text[i] == (byte)'+' || text[i] == (byte)'-'))
            {
                negativeExponent = text[i] == (byte)'-';
                i++;
            }
            for (; i < text.Length; i++)
            {
                byte b = text[i];
                if (b < (byte)'0' || b > (byte)'9')
                {
                    break;
                }
                if (exponent < 1_000_000)
                {
                    exponent = (exponent * 10) + (b - '0');
                }
            }
            if (negativeExponent)
            {
                exponent = -exponent;
            }
        }
        if (i != text.Length)
        {
            error = "not a JSON number.";
            return false;
        }

        long scale = fractionDigits - exponent - extraZeros;
        if (count == 0)
        {
            // Zero keeps its written scale where a decimal can hold it (0.00 stays 0.00); -0 is 0.
            int zeroScale = (int)Math.Max(0, Math.Min(MaxScale, scale));
            value = new decimal(0, 0, 0, false, (byte)zeroScale);
            return true;
        }
        if (tooMany)
        {
            error = OutOfRange(text, "more significant digits than a decimal holds (29)");
            return false;
        }

        // A positive power of ten: append zeros.
        if (scale < 0)
        {
            if (count - scale > MaxDigitCount)
            {
                error = OutOfRange(text, "beyond the decimal range of ±7.9×10^28");
                return false;
            }
            for (long z = 0; z < -scale; z++)
            {
                digits[count++] = (byte)'0';
            }
            scale = 0;
        }

        // Too many places, or too many digits: drop trailing zeros while that keeps the value exact.
        while ((scale > MaxScale || (count == MaxDigitCount && Compare(digits, count) > 0)) && scale > 0 && digits[count - 1] == (byte)'0')
        {
            count--;
            scale--;
        }
        if (scale > MaxScale)
        {
            error = OutOfRange(text, "more than 28 decimal places");
            return false;
        }
        if (count == MaxDigitCount && Compare(digits, count) > 0)
        {
            error = OutOfRange(text, scale == 0 ? "beyond the decimal range of ±7.9×10^28" : "more significant digits than a decimal holds");
            return false;
        }

        if (count <= 19)
        {
            // Up to 19 digits fit an unsigned 64-bit integer: no decimal arithmetic.
            ulong small = 0;
            for (int d = 0; d < count; d++)
            {
                small = (small * 10) + (ulong)(digits[d] - '0');
            }
            value = new decimal(unchecked((int)small), unchecked((int)(small >> 32)), 0, negative, (byte)scale);
            return true;
        }
        decimal magnitude = 0m;
        for (int d = 0; d < count; d++)
        {
            magnitude = (magnitude * 10m) + (digits[d] - '0');
        }
        int[] bits = decimal.GetBits(magnitude);
        value = new decimal(bits[0], bits[1], bits[2], negative, (byte)scale);
        return true;
    }

    /// <summary>The invariant text of a decimal with its scale (81.20 → "81.20"); never an exponent.</summary>
    internal static string Format(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static int Compare(ReadOnlySpan<byte> digits, int count)
    {
        for (int k = 0; k < count; k++)
        {
            int c = ((char)digits[k]).CompareTo(MaxDigits[k]);
            if (c != 0)
            {
                return c;
            }
        }
        return 0;
    }

    private static string OutOfRange(ReadOnlySpan<byte> text, string why)
    {
        string shown = text.Length <= 40
            ? System.Text.Encoding.ASCII.GetString(text.ToArray())
            : System.Text.Encoding.ASCII.GetString(text.Slice(0, 40).ToArray()) + "…";
        return "the number " + shown + " cannot be held exactly as a decimal: " + why + ".";
    }
}
