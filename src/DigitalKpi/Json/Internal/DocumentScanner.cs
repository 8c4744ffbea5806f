using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;

namespace DigitalKpi.Json.Internal;

/// <summary>
/// One pass over the whole document with <see cref="Utf8JsonReader"/> before the serializer runs: well-formed JSON,
/// nesting depth, no explicit nulls (format 1 has none), no member twice in one object, string lengths and array
/// sizes within the limits. Failures are reported early, before large values are materialized, and with the JSON path
/// and position of the offending token; the same on every target framework.
/// </summary>
internal static class DocumentScanner
{
    /// <summary>The serializer's own depth limit; the scanner enforces <see cref="KpiJsonReadOptions.MaxDepth"/> first.</summary>
    internal const int SerializerMaxDepth = 1000;

    private sealed class Frame
    {
        internal Frame(string path, bool isArray)
        {
            Path = path;
            IsArray = isArray;
        }

        internal string Path { get; }

        internal bool IsArray { get; }

        internal int Count { get; set; }

        internal HashSet<string>? Names { get; set; }
    }

    internal static void Scan(ReadOnlySpan<byte> json, KpiJsonReadOptions options)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions
        {
            MaxDepth = options.MaxDepth,
            CommentHandling = JsonCommentHandling.Disallow,
            AllowTrailingCommas = false,
        });
        var frames = new Stack<Frame>();
        string? member = null;
        try
        {
            while (reader.Read())
            {
                JsonTokenType token = reader.TokenType;
                if (token is JsonTokenType.EndObject or JsonTokenType.EndArray)
                {
                    frames.Pop();
                    continue;
                }
                if (token == JsonTokenType.PropertyName)
                {
                    Frame obj = frames.Peek();
                    CheckLength(ref reader, json, options, obj.Path, "member name");
                    string name = ReadName(ref reader, json, options, obj.Path);
                    member = JsonPositions.Member(obj.Path, name);
                    obj.Names ??= new HashSet<string>(StringComparer.Ordinal);
                    if (!obj.Names.Add(name))
                    {
                        throw Fail(json, options, KpiJsonErrorKind.DuplicateMember, member, "member " + ConverterErrors.Quote(name) + " appears more than once in this object.", reader.TokenStartIndex);
                    }
                    continue;
                }

                // A value: where is it?
                string path;
                if (frames.Count == 0)
                {
                    path = "$";
                }
                else if (frames.Peek().IsArray)
                {
                    Frame array = frames.Peek();
                    path = JsonPositions.Element(array.Path, array.Count);
                    array.Count++;
                    if (array.Count > options.MaxArrayItems)
                    {
                        throw Fail(
                            json,
                            options,
                            KpiJsonErrorKind.TooManyItems,
                            array.Path,
                            "the array has more than " + options.MaxArrayItems.ToString(CultureInfo.InvariantCulture) + " items, the limit.",
                            reader.TokenStartIndex);
                    }
                }
                else
                {
                    path = member!;
                }

                switch (token)
                {
                    case JsonTokenType.Null:
                        throw Fail(json, options, KpiJsonErrorKind.WrongType, path, "null is not allowed: omit an optional member instead of writing null.", reader.TokenStartIndex);
                    case JsonTokenType.String:
                        CheckLength(ref reader, json, options, path, "string");
                        break;
                    case JsonTokenType.StartObject:
                        frames.Push(new Frame(path, isArray: false));
                        break;
                    case JsonTokenType.StartArray:
                        frames.Push(new Frame(path, isArray: true));
                        break;
                }
            }
        }
        catch (KpiConverterException e)
        {
            throw Fail(json, options, e.ErrorKind, frames.Count == 0 ? "$" : frames.Peek().Path, e.Message, reader.TokenStartIndex, e);
        }
        catch (JsonException e)
        {
            // The reader's own error (malformed text or too deep): its position is the offending byte.
            string path = frames.Count == 0 ? "$" : member is not null && !frames.Peek().IsArray ? member : frames.Peek().Path;
            long offset = e.LineNumber is { } line && e.BytePositionInLine is { } pos ? JsonPositions.OffsetOf(json, line, pos) : -1;
            string message = Clean(e.Message);
            bool tooDeep = IsDepthError(message);
            throw Fail(
                json,
                options,
                tooDeep ? KpiJsonErrorKind.TooDeep : KpiJsonErrorKind.MalformedJson,
                path,
                tooDeep ? "objects and arrays are nested deeper than the limit of " + options.MaxDepth.ToString(CultureInfo.InvariantCulture) + "." : message,
                offset,
                e);
        }
    }

    /// <summary>Refuses a string token longer than the limit, counting UTF-16 code units without allocating where possible.</summary>
    private static void CheckLength(ref Utf8JsonReader reader, ReadOnlySpan<byte> json, KpiJsonReadOptions options, string path, string what)
    {
        ReadOnlySpan<byte> raw = reader.ValueSpan;
        int max = options.MaxStringLength;
        if (raw.Length <= max)
        {
            // UTF-8 and JSON escapes never take fewer bytes than UTF-16 code units.
            return;
        }
        long units;
        if (raw.Length > 6L * max)
        {
            units = -1;
        }
        else if (!reader.ValueIsEscaped)
        {
            units = 0;
            foreach (byte b in raw)
            {
                if ((b & 0xC0) != 0x80)
                {
                    units += b >= 0xF0 ? 2 : 1;
                }
            }
        }
        else
        {
            units = ConverterErrors.GetString(ref reader).Length;
        }
        if (units < 0 || units > max)
        {
            throw Fail(
                json,
                options,
                KpiJsonErrorKind.StringTooLong,
                path,
                "the " + what + " is longer than the limit of " + max.ToString(CultureInfo.InvariantCulture) + " characters (" + (units < 0 ? raw.Length.ToString(CultureInfo.InvariantCulture) + " bytes" : units.ToString(CultureInfo.InvariantCulture) + " characters") + ").",
                reader.TokenStartIndex);
        }
    }

    private static string ReadName(ref Utf8JsonReader reader, ReadOnlySpan<byte> json, KpiJsonReadOptions options, string parent)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            throw Fail(json, options, KpiJsonErrorKind.InvalidEncoding, parent, "a member name is not valid Unicode (a lone surrogate escape).", reader.TokenStartIndex);
        }
    }

    internal static KpiJsonException Fail(ReadOnlySpan<byte> json, KpiJsonReadOptions options, KpiJsonErrorKind kind, string path, string reason, long offset, Exception? inner = null)
    {
        if (offset < 0)
        {
            return new KpiJsonException(kind, reason, path, options.SourceName, null, null, null, inner);
        }
        TextPosition at = JsonPositions.At(json, offset);
        return new KpiJsonException(kind, reason, path, options.SourceName, at.Line, at.Column, at.BytePositionInLine, inner);
    }

    /// <summary>Whether a reader message is about the depth limit ("The maximum configured depth of 32 has been exceeded").</summary>
#pragma warning disable CA2249 // string.Contains(string, StringComparison) does not exist on netstandard2.0.
    internal static bool IsDepthError(string message) => message.IndexOf("maximum configured depth", StringComparison.OrdinalIgnoreCase) >= 0;
#pragma warning restore CA2249

    /// <summary>The message without System.Text.Json's " LineNumber: … | BytePositionInLine: …" suffix.</summary>
    internal static string Clean(string message)
    {
        int cut = message.IndexOf(" Path: ", StringComparison.Ordinal);
        if (cut < 0)
        {
            cut = message.IndexOf(" LineNumber: ", StringComparison.Ordinal);
        }
        return (cut >= 0 ? message.Substring(0, cut) : message).Trim();
    }
}
