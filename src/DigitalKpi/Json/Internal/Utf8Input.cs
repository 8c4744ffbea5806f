using System;
using System.Globalization;
using System.IO;
using System.Text;

namespace DigitalKpi.Json.Internal;

/// <summary>Brings input to a bounded span of valid UTF-8 without a byte order mark, or throws a positioned <see cref="KpiJsonException"/>.</summary>
internal static class Utf8Input
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads a stream to its end, but never more than the limit allows.</summary>
    internal static byte[] ReadBounded(Stream stream, KpiJsonReadOptions options)
    {
        int max = options.MaxDocumentBytes;
        if (stream.CanSeek)
        {
            long remaining = stream.Length - stream.Position;
            if (remaining > max)
            {
                throw TooLarge(remaining, options);
            }
        }
        byte[] buffer = new byte[Math.Min(max + 1L, 64 * 1024)];
        int length = 0;
        while (true)
        {
            if (length == buffer.Length)
            {
                if (length > max)
                {
                    throw TooLarge(length, options);
                }
                Array.Resize(ref buffer, (int)Math.Min(max + 1L, buffer.Length * 2L));
            }
            int read = stream.Read(buffer, length, buffer.Length - length);
            if (read <= 0)
            {
                break;
            }
            length += read;
            if (length > max)
            {
                throw TooLarge(length, options);
            }
        }
        Array.Resize(ref buffer, length);
        return buffer;
    }

    /// <summary>Encodes a string as UTF-8, refusing lone surrogates and documents beyond the limit.</summary>
    internal static byte[] FromString(string json, KpiJsonReadOptions options)
    {
        for (int i = 0; i < json.Length; i++)
        {
            char c = json[i];
            if (char.IsHighSurrogate(c) && i + 1 < json.Length && char.IsLowSurrogate(json[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                byte[] before = StrictUtf8.GetBytes(json.Substring(0, i));
                TextPosition at = JsonPositions.At(before, before.Length);
                throw new KpiJsonException(KpiJsonErrorKind.InvalidEncoding, "the text contains a lone surrogate (U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture) + "), which UTF-8 cannot encode.", "$", options.SourceName, at.Line, at.Column, at.BytePositionInLine);
            }
        }
        if ((long)json.Length > options.MaxDocumentBytes)
        {
            // At least one byte per UTF-16 code unit.
            throw TooLarge(json.Length, options);
        }
        int count = StrictUtf8.GetByteCount(json);
        if (count > options.MaxDocumentBytes)
        {
            throw TooLarge(count, options);
        }
        return StrictUtf8.GetBytes(json);
    }

    /// <summary>Checks the size and the encoding and drops a UTF-8 byte order mark.</summary>
    internal static ReadOnlySpan<byte> Prepare(ReadOnlySpan<byte> input, KpiJsonReadOptions options)
    {
        if (input.Length > options.MaxDocumentBytes)
        {
            throw TooLarge(input.Length, options);
        }
        if (input.Length >= 3 && input[0] == 0xEF && input[1] == 0xBB && input[2] == 0xBF)
        {
            input = input.Slice(3);
        }
        else if (input.Length >= 4 && input[0] == 0 && input[1] == 0 && input[2] == 0xFE && input[3] == 0xFF)
        {
            throw WrongEncoding("a UTF-32 (big-endian) byte order mark", options);
        }
        else if (input.Length >= 4 && input[0] == 0xFF && input[1] == 0xFE && input[2] == 0 && input[3] == 0)
        {
            throw WrongEncoding("a UTF-32 (little-endian) byte order mark", options);
        }
        else if (input.Length >= 2 && ((input[0] == 0xFE && input[1] == 0xFF) || (input[0] == 0xFF && input[1] == 0xFE)))
        {
            throw WrongEncoding("a UTF-16 byte order mark", options);
        }
        else if (input.Length >= 2 && (input[0] == 0 || input[1] == 0))
        {
            throw WrongEncoding("NUL bytes, as UTF-16 or UTF-32 text has", options);
        }
        int bad = IsValidUtf8(input) ? -1 : FirstInvalidUtf8(input);
        if (bad >= 0)
        {
            TextPosition at = JsonPositions.At(input, bad);
            throw new KpiJsonException(
                KpiJsonErrorKind.InvalidEncoding,
                "byte 0x" + input[bad].ToString("X2", CultureInfo.InvariantCulture) + " does not belong to valid UTF-8: the document must be UTF-8 (not Windows-1258, TCVN3/ABC, VNI or Latin-1).",
                "$",
                options.SourceName,
                at.Line,
                at.Column,
                at.BytePositionInLine);
        }
        return input;
    }

    /// <summary>Whether the bytes are well-formed UTF-8 (vectorised where the runtime offers it); <see cref="FirstInvalidUtf8"/> locates the problem.</summary>
    internal static bool IsValidUtf8(ReadOnlySpan<byte> s)
    {
#if NET8_0_OR_GREATER
        return System.Text.Unicode.Utf8.IsValid(s);
#else
        // Skip ASCII eight bytes at a time; the byte-wise check takes over from the first non-ASCII byte.
        int i = 0;
        while (i + 8 <= s.Length && (System.Runtime.InteropServices.MemoryMarshal.Read<ulong>(s.Slice(i)) & 0x8080808080808080UL) == 0)
        {
            i += 8;
        }
        return FirstInvalidUtf8(s.Slice(i)) < 0;
#endif
    }

    /// <summary>The index of the first byte of an ill-formed UTF-8 sequence (overlong forms, surrogates and code points above U+10FFFF included), or -1.</summary>
    internal static int FirstInvalidUtf8(ReadOnlySpan<byte> s)
    {
        int i = 0;
        while (i < s.Length)
        {
            byte b = s[i];
            if (b < 0x80)
            {
                i++;
                continue;
            }
            int need;
            byte lo = 0x80, hi = 0xBF;
            if (b >= 0xC2 && b <= 0xDF)
            {
                need = 1;
            }
            else if (b == 0xE0)
            {
                need = 2;
                lo = 0xA0;
            }
            else if (b == 0xED)
            {
                need = 2;
                hi = 0x9F;
            }
            else if (b >= 0xE1 && b <= 0xEF)
            {
                need = 2;
            }
            else if (b == 0xF0)
            {
                need = 3;
                lo = 0x90;
            }
            else if (b >= 0xF1 && b <= 0xF3)
            {
                need = 3;
            }
            else if (b == 0xF4)
            {
                need = 3;
                hi = 0x8F;
            }
            else
            {
                return i;
            }
            if (i + need >= s.Length)
            {
                return i;
            }
            byte second = s[i + 1];
            if (second < lo || second > hi)
            {
                return i;
            }
            for (int k = 2; k <= need; k++)
            {
                if ((s[i + k] & 0xC0) != 0x80)
                {
                    return i;
                }
            }
            i += need + 1;
        }
        return -1;
    }

    private static KpiJsonException TooLarge(long size, KpiJsonReadOptions options)
        => new(
            KpiJsonErrorKind.DocumentTooLarge,
            "the document is larger than the limit of " + options.MaxDocumentBytes.ToString(CultureInfo.InvariantCulture) + " bytes (" + (size > options.MaxDocumentBytes ? "at least " : string.Empty) + size.ToString(CultureInfo.InvariantCulture) + " bytes).",
            "$",
            options.SourceName,
            null,
            null,
            null);

    private static KpiJsonException WrongEncoding(string what, KpiJsonReadOptions options)
        => new(KpiJsonErrorKind.InvalidEncoding, "the document starts with " + what + ": DigitalKpi documents must be UTF-8.", "$", options.SourceName, 1, 1, 0);
}
