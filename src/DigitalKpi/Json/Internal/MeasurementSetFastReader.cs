using System;
using System.Buffers;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using DigitalKpi.Rules;

namespace DigitalKpi.Json.Internal;

/// <summary>
/// The fast path for reading a measurement set: one pass of <see cref="Utf8JsonReader"/> straight into the model, with
/// the checks of the strict pipeline (<see cref="DocumentScanner"/>, the source-generated context, the converters and
/// <see cref="ModelMapper"/>) folded in, and the codes and periods that repeat across the document decoded once.
/// </summary>
/// <remarks>
/// It is optimistic: it accepts only documents the strict pipeline accepts, builds the same model through the same
/// constructors, and gives up (returns false) at the first thing it does not expect — any error, but also any escaped
/// member name, any string it is not sure about. <see cref="DocumentReader"/> then runs the strict pipeline, which finds
/// and positions the error exactly as before. A test checks both paths against each other on mutated documents.
/// </remarks>
internal static class MeasurementSetFastReader
{
    private const int Schema = 1, Kind = 2, FormatVersion = 4, Id = 8, Title = 16, Source = 32, Measurements = 64;
    private const int RootRequired = Kind | FormatVersion | Id | Title | Measurements;

    private const int MIndicator = 1, MAdminUnit = 2, MPeriod = 4, MValue = 8, MNumerator = 16, MDenominator = 32, MReported = 64, MStatus = 128, MSource = 256;
    private const int MRequired = MIndicator | MAdminUnit | MPeriod;

    /// <summary>Longer than every member name and status name of the format ("missingCannotExist").</summary>
    private const int LongestName = 32;

    /// <summary>How deep a measurement set nests: the document, its measurements, a measurement, its source.</summary>
    private const int MaxNesting = 4;

    /// <summary>A measurement set read by the fast path.</summary>
    internal sealed class Result
    {
        internal Result(MeasurementSet set, string formatVersion, int[] elementOffsets, MeasurementKeys keys)
        {
            Set = set;
            FormatVersion = formatVersion;
            ElementOffsets = elementOffsets;
            Keys = keys;
        }

        internal MeasurementSet Set { get; }

        internal string FormatVersion { get; }

        /// <summary>The byte offset of each element of <c>$.measurements</c> (rented from the shared pool; return it when done).</summary>
        internal int[] ElementOffsets { get; }

        /// <summary>The ids of each measurement's codes and period, for the duplicate rule (pooled; dispose when done).</summary>
        internal MeasurementKeys Keys { get; }
    }

    /// <summary>Reads a well-formed, valid measurement set, or returns null for the strict pipeline to decide.</summary>
    internal static Result? TryRead(ReadOnlySpan<byte> json, KpiJsonReadOptions options)
    {
        if (options.MaxStringLength < LongestName || options.MaxDepth < MaxNesting)
        {
            // Limits below what the format itself needs: the strict pipeline reports them.
            return null;
        }
        var state = new State(options);
        try
        {
            var cursor = new Cursor(json);
            Result? result = Read(ref cursor, ref state);
            if (result is null)
            {
                state.Dispose();
            }
            return result;
        }
        catch (JsonException)
        {
            // An escape that is not valid JSON.
        }
        catch (InvalidOperationException)
        {
            // A string that is not valid Unicode (a lone surrogate escape).
        }
        catch (ArgumentException)
        {
            // A value the model refuses (a malformed code, a blank name).
        }
        state.Dispose();
        return null;
    }

    private static Result? Read(ref Cursor c, ref State state)
    {
        KpiJsonReadOptions options = state.Options;
        if (!c.StartObject(out bool empty) || empty)
        {
            return null;
        }
        int seen = 0;
        string? kind = null, version = null, id = null, title = null;
        SourceCitation? source = null;
        do
        {
            if (!c.Name(out ReadOnlySpan<byte> name))
            {
                return null;
            }
            int member = RootMember(name);
            if (member == 0 || (seen & member) != 0)
            {
                return null;
            }
            seen |= member;
            switch (member)
            {
                case Schema:
                    if (ReadText(ref c, options) is null)
                    {
                        return null;
                    }
                    break;
                case Kind:
                    kind = ReadText(ref c, options);
                    break;
                case FormatVersion:
                    version = ReadText(ref c, options);
                    break;
                case Id:
                    id = ReadText(ref c, options);
                    break;
                case Title:
                    title = ReadText(ref c, options);
                    break;
                case Source:
                    if (!ReadSource(ref c, options, out source))
                    {
                        return null;
                    }
                    break;
                default:
                    if (!ReadMeasurements(ref c, ref state))
                    {
                        return null;
                    }
                    break;
            }
        }
        while (c.NextMember(out bool more) && more);
        if (!c.AtEndOfObject || !c.AtEndOfDocument() || (seen & RootRequired) != RootRequired)
        {
            return null;
        }
        if (kind is null || version is null || id is null || title is null
            || !string.Equals(kind, KpiJson.MeasurementsKind, StringComparison.Ordinal)
            || !ModelMapper.TryParseVersion(version, out int major, out _) || major != ModelMapper.SupportedMajor)
        {
            return null;
        }
        var set = new MeasurementSet(id, title, new ArraySegment<Measurement>(state.Items, 0, state.Count), source);
        int[] offsets = state.Offsets;
        state.Offsets = Array.Empty<int>();
        var keys = new MeasurementKeys(state.Keys, state.Count, state.Indicators.Texts.ToArray(), state.Units.Texts.Count, state.PeriodCount);
        state.Keys = Array.Empty<MeasurementKeys.Key>();
        state.Dispose();
        return new Result(set, version, offsets, keys);
    }

    private static int RootMember(ReadOnlySpan<byte> name)
    {
        if (name.SequenceEqual("measurements"u8))
        {
            return Measurements;
        }
        if (name.SequenceEqual("kind"u8))
        {
            return Kind;
        }
        if (name.SequenceEqual("formatVersion"u8))
        {
            return FormatVersion;
        }
        if (name.SequenceEqual("id"u8))
        {
            return Id;
        }
        if (name.SequenceEqual("title"u8))
        {
            return Title;
        }
        if (name.SequenceEqual("source"u8))
        {
            return Source;
        }
        if (name.SequenceEqual("$schema"u8))
        {
            return Schema;
        }
        return 0;
    }

    private static int MeasurementMember(ReadOnlySpan<byte> name)
    {
        switch (name.Length)
        {
            case 9:
                return name.SequenceEqual("indicator"u8) ? MIndicator
                    : name.SequenceEqual("adminUnit"u8) ? MAdminUnit
                    : name.SequenceEqual("numerator"u8) ? MNumerator
                    : 0;
            case 6:
                return name.SequenceEqual("period"u8) ? MPeriod
                    : name.SequenceEqual("status"u8) ? MStatus
                    : name.SequenceEqual("source"u8) ? MSource
                    : 0;
            case 5:
                return name.SequenceEqual("value"u8) ? MValue : 0;
            case 11:
                return name.SequenceEqual("denominator"u8) ? MDenominator : 0;
            case 13:
                return name.SequenceEqual("reportedValue"u8) ? MReported : 0;
            default:
                return 0;
        }
    }

    private static bool ReadMeasurements(ref Cursor c, ref State state)
    {
        if (!c.StartArray(out bool empty))
        {
            return false;
        }
        if (empty)
        {
            return true;
        }
        int max = state.Options.MaxArrayItems;
        do
        {
            if (state.Count >= max)
            {
                return false;
            }
            int offset = c.Position;
            Measurement? m = ReadMeasurement(ref c, ref state, out MeasurementKeys.Key key);
            if (m is null)
            {
                return false;
            }
            state.Append(m, offset, key);
        }
        while (c.NextElement(out bool more) && more);
        return c.AtEndOfArray;
    }

    private static Measurement? ReadMeasurement(ref Cursor c, ref State state, out MeasurementKeys.Key key)
    {
        key = default;
        if (!c.StartObject(out bool empty) || empty)
        {
            return null;
        }
        KpiJsonReadOptions options = state.Options;
        int seen = 0;
        string? indicator = null, adminUnit = null;
        ReportingPeriod period = default;
        int indicatorId = 0, unitId = 0, periodId = 0;
        decimal value = 0m, numerator = 0m, denominator = 0m, reported = 0m;
        ObservationStatus status = ObservationStatus.Normal;
        SourceCitation? source = null;
        do
        {
            int member = c.KnownMeasurementMember();
            if (member == 0)
            {
                if (!c.Name(out ReadOnlySpan<byte> name))
                {
                    return null;
                }
                member = MeasurementMember(name);
            }
            if (member == 0 || (seen & member) != 0)
            {
                return null;
            }
            seen |= member;
            bool ok;
            switch (member)
            {
                case MIndicator:
                    ok = ReadCode(ref c, state.Indicators, state.Options, out indicator, out indicatorId);
                    break;
                case MAdminUnit:
                    ok = ReadCode(ref c, state.Units, state.Options, out adminUnit, out unitId);
                    break;
                case MPeriod:
                    ok = ReadPeriod(ref c, ref state, out period, out periodId);
                    break;
                case MValue:
                    ok = ReadNumber(ref c, out value);
                    break;
                case MNumerator:
                    ok = ReadNumber(ref c, out numerator);
                    break;
                case MDenominator:
                    ok = ReadNumber(ref c, out denominator);
                    break;
                case MReported:
                    ok = ReadNumber(ref c, out reported);
                    break;
                case MStatus:
                    ok = c.String(out ReadOnlySpan<byte> raw, out bool escaped) && !escaped && JsonNames.Status.TryMatch(raw, out status);
                    break;
                default:
                    ok = ReadSource(ref c, options, out source);
                    break;
            }
            if (!ok)
            {
                return null;
            }
        }
        while (c.NextMember(out bool more) && more);
        if (!c.AtEndOfObject || (seen & MRequired) != MRequired)
        {
            return null;
        }
        key = new MeasurementKeys.Key(indicatorId, unitId, periodId);

        // The shapes of ModelMapper.ToMeasurement.
        if ((seen & (MNumerator | MDenominator)) != 0)
        {
            if ((seen & (MNumerator | MDenominator)) != (MNumerator | MDenominator) || (seen & MValue) != 0)
            {
                return null;
            }
            return Measurement.WithCheckedCodes(indicator!, adminUnit!, period, (seen & MReported) != 0 ? reported : null, numerator, denominator, status, source);
        }
        if ((seen & MReported) != 0)
        {
            return null;
        }
        if ((seen & MValue) != 0)
        {
            return Measurement.WithCheckedCodes(indicator!, adminUnit!, period, value, null, null, status, source);
        }
        if ((seen & MStatus) == 0 || status is not (ObservationStatus.Missing or ObservationStatus.MissingCannotExist))
        {
            return null;
        }
        return Measurement.WithCheckedCodes(indicator!, adminUnit!, period, null, null, null, status, source);
    }

    private static bool ReadNumber(ref Cursor c, out decimal value)
    {
        if (c.ShortDecimal(out value))
        {
            return true;
        }
        return c.Number(out ReadOnlySpan<byte> raw) && ExactDecimal.TryParse(raw, out value, out _);
    }

    /// <summary>A code (indicator, administrative unit), checked once per distinct text and shared across the document, and its id in <paramref name="codes"/> (equal texts, equal ids).</summary>
    private static bool ReadCode(ref Cursor c, CodeTable codes, KpiJsonReadOptions options, out string? text, out int id)
    {
        text = null;
        id = 0;
        int start = c.Position;
        if (!c.String(out ReadOnlySpan<byte> raw, out bool escaped) || raw.Length > options.MaxStringLength)
        {
            return false;
        }
        if (escaped)
        {
            text = Unescape(c.Slice(start));
            if (!Utility.Text.IsValidCode(text))
            {
                return false;
            }
            id = codes.Id(text);
            return true;
        }
        if (codes.Cache.TryGet(raw, out text, out id, out int slot))
        {
            return true;
        }
        text = Utf8ToString(raw);
        if (!Utility.Text.IsValidCode(text))
        {
            // The model refuses it: the strict pipeline reports it.
            return false;
        }
        id = codes.Id(text);
        codes.Cache.Add(slot, raw, text, id);
        return true;
    }

    /// <summary>A reporting period as the converter reads it (at most 256 bytes, every form <see cref="ReportingPeriod.Parse"/> accepts), parsed once per distinct text, and its id (equal periods, equal ids).</summary>
    private static bool ReadPeriod(ref Cursor c, ref State state, out ReportingPeriod period, out int id)
    {
        period = default;
        id = 0;
        if (!c.String(out ReadOnlySpan<byte> raw, out bool escaped) || escaped || raw.Length > ConverterErrors.MaxShortTokenBytes || raw.Length > state.Options.MaxStringLength)
        {
            return false;
        }
        if (state.Periods.TryGet(raw, out _, out PeriodEntry entry, out int slot))
        {
            period = entry.Period;
            id = entry.Id;
            return true;
        }
        string text = Utf8ToString(raw);
        if (!ReportingPeriod.TryParse(text, out period))
        {
            return false;
        }
        id = state.PeriodId(period);
        state.Periods.Add(slot, raw, text, new PeriodEntry(period, id));
        return true;
    }

    /// <summary>Any string (a name, a quote), decoded as <see cref="Utf8JsonReader.GetString"/> decodes it; null when it is not a string or is over the limit.</summary>
    private static string? ReadText(ref Cursor c, KpiJsonReadOptions options)
    {
        int start = c.Position;
        if (!c.String(out ReadOnlySpan<byte> raw, out bool escaped) || raw.Length > options.MaxStringLength)
        {
            return null;
        }
        return escaped ? Unescape(c.Slice(start)) : Utf8ToString(raw);
    }

    /// <summary>Decodes one string token (quotes included) that has escapes, exactly as the strict reader does.</summary>
    private static string Unescape(ReadOnlySpan<byte> token)
    {
        var reader = new Utf8JsonReader(token);
        if (!reader.Read() || reader.TokenType != JsonTokenType.String)
        {
            throw new InvalidOperationException("Not a string token.");
        }
        return reader.GetString()!;
    }

    private static bool ReadSource(ref Cursor c, KpiJsonReadOptions options, out SourceCitation? source)
    {
        source = null;
        if (!c.StartObject(out bool empty) || empty)
        {
            return false;
        }
        string? document = null, quote = null;
        bool hasQuote = false;
        do
        {
            if (!c.Name(out ReadOnlySpan<byte> name))
            {
                return false;
            }
            bool isDocument = name.SequenceEqual("document"u8);
            if (!isDocument && !name.SequenceEqual("quote"u8))
            {
                return false;
            }
            if (isDocument ? document is not null : hasQuote)
            {
                return false;
            }
            string? text = ReadText(ref c, options);
            if (text is null)
            {
                return false;
            }
            if (isDocument)
            {
                document = text;
            }
            else
            {
                quote = text;
                hasQuote = true;
            }
        }
        while (c.NextMember(out bool more) && more);
        if (!c.AtEndOfObject || document is null)
        {
            return false;
        }
        source = new SourceCitation(document, quote);
        return true;
    }

    /// <summary>
    /// A strict tokenizer for the subset of RFC 8259 that the format uses: objects, arrays, strings and numbers (no
    /// literals: the format has no booleans in a measurement set, and nulls are refused), JSON whitespace only. Every
    /// method returns false on anything else; nothing it accepts is refused by <see cref="Utf8JsonReader"/>. The input
    /// is known to be valid UTF-8.
    /// </summary>
    private ref struct Cursor
    {
        private readonly ReadOnlySpan<byte> json;
        private int pos;
        private byte last;

        internal Cursor(ReadOnlySpan<byte> json)
        {
            this.json = json;
            pos = 0;
            last = 0;
        }

        /// <summary>The offset of the next token (after whitespace).</summary>
        internal int Position
        {
            get
            {
                SkipWhitespace();
                return pos;
            }
        }

        /// <summary>Whether the last separator read closed an object.</summary>
        internal readonly bool AtEndOfObject => last == (byte)'}';

        /// <summary>Whether the last separator read closed an array.</summary>
        internal readonly bool AtEndOfArray => last == (byte)']';

        internal readonly ReadOnlySpan<byte> Slice(int start) => json.Slice(start, pos - start);

        /// <summary>Only whitespace is left.</summary>
        internal bool AtEndOfDocument()
        {
            SkipWhitespace();
            return pos == json.Length;
        }

        internal bool StartObject(out bool empty) => Start((byte)'{', (byte)'}', out empty);

        internal bool StartArray(out bool empty) => Start((byte)'[', (byte)']', out empty);

        /// <summary>After a member's value: a comma (another member follows) or the closing brace.</summary>
        internal bool NextMember(out bool more) => Next((byte)'}', out more);

        /// <summary>After an element: a comma (another element follows) or the closing bracket.</summary>
        internal bool NextElement(out bool more) => Next((byte)']', out more);

        /// <summary>A member name without escapes, and its colon.</summary>
        internal bool Name(out ReadOnlySpan<byte> name)
        {
            if (!String(out name, out bool escaped) || escaped)
            {
                return false;
            }
            SkipWhitespace();
            if (pos < json.Length && json[pos] == (byte)':')
            {
                pos++;
                return true;
            }
            return false;
        }

        /// <summary>
        /// A measurement's member name written as the format's writers write it (the plain name, then a colon straight
        /// after the quote): its flag, the position moved past the colon. 0 for anything else (position unchanged), which
        /// <see cref="Name"/> and <see cref="MeasurementMember"/> then read.
        /// </summary>
        internal int KnownMeasurementMember()
        {
            SkipWhitespace();
            if (pos + 16 > json.Length || json[pos] != (byte)'"')
            {
                return 0;
            }
            ReadOnlySpan<byte> rest = json.Slice(pos + 1);
            int member;
            int length;
            switch (rest[0])
            {
                case (byte)'i' when rest.StartsWith("indicator\":"u8):
                    (member, length) = (MIndicator, 11);
                    break;
                case (byte)'a' when rest.StartsWith("adminUnit\":"u8):
                    (member, length) = (MAdminUnit, 11);
                    break;
                case (byte)'p' when rest.StartsWith("period\":"u8):
                    (member, length) = (MPeriod, 8);
                    break;
                case (byte)'v' when rest.StartsWith("value\":"u8):
                    (member, length) = (MValue, 7);
                    break;
                case (byte)'n' when rest.StartsWith("numerator\":"u8):
                    (member, length) = (MNumerator, 11);
                    break;
                case (byte)'d' when rest.StartsWith("denominator\":"u8):
                    (member, length) = (MDenominator, 13);
                    break;
                case (byte)'r' when rest.StartsWith("reportedValue\":"u8):
                    (member, length) = (MReported, 15);
                    break;
                case (byte)'s' when rest.StartsWith("status\":"u8):
                    (member, length) = (MStatus, 8);
                    break;
                case (byte)'s' when rest.StartsWith("source\":"u8):
                    (member, length) = (MSource, 8);
                    break;
                default:
                    return 0;
            }
            pos += 1 + length;
            return member;
        }

        /// <summary>A string's raw content (between the quotes); <paramref name="escaped"/> when it has backslash escapes.</summary>
        internal bool String(out ReadOnlySpan<byte> raw, out bool escaped)
        {
            raw = default;
            escaped = false;
            SkipWhitespace();
            if (pos >= json.Length || json[pos] != (byte)'"')
            {
                return false;
            }
            int start = ++pos;
            while (true)
            {
                // The next quote, backslash or control character (which JSON does not allow unescaped in a string).
                int k = IndexOfSpecial(json, pos);
                if (k < 0)
                {
                    return false;
                }
                pos = k;
                byte b = json[pos];
                if (b == (byte)'"')
                {
                    break;
                }
                if (b != (byte)'\\')
                {
                    return false;
                }
                // A backslash: the escape itself is checked when the string is decoded; skip the escaped byte.
                escaped = true;
                if (pos + 1 >= json.Length || json[pos + 1] < 0x20)
                {
                    return false;
                }
                pos += 2;
            }
            raw = json.Slice(start, pos - start);
            pos++;
            return true;
        }

        /// <summary>
        /// The common number in one pass: at most 19 digits, no exponent, followed by a delimiter, read as
        /// <see cref="ExactDecimal.TryParse"/> reads it (the written scale kept; -0 is 0). Anything else leaves the
        /// position where it was and returns false for <see cref="Number"/> and <see cref="ExactDecimal"/> to decide.
        /// </summary>
        internal bool ShortDecimal(out decimal value)
        {
            value = 0m;
            SkipWhitespace();
            int i = pos;
            int n = json.Length;
            bool negative = false;
            if (i < n && json[i] == (byte)'-')
            {
                negative = true;
                i++;
            }
            if (i >= n)
            {
                return false;
            }
            ulong digits = 0;
            int count = 0;
            uint d = (uint)(json[i] - '0');
            if (d == 0)
            {
                i++;
                count = 1;
            }
            else if (d <= 9)
            {
                do
                {
                    digits = unchecked((digits * 10) + d);
                    count++;
                    i++;
                }
                while (i < n && (d = (uint)(json[i] - '0')) <= 9);
            }
            else
            {
                return false;
            }
            int scale = 0;
            if (i < n && json[i] == (byte)'.')
            {
                i++;
                int fractionStart = i;
                while (i < n && (d = (uint)(json[i] - '0')) <= 9)
                {
                    digits = unchecked((digits * 10) + d);
                    i++;
                }
                scale = i - fractionStart;
                if (scale == 0)
                {
                    return false;
                }
                count += scale;
            }
            if (count > 19 || i >= n)
            {
                return false;
            }
            byte next = json[i];
            if (!(next == (byte)',' || next == (byte)'\n' || next == (byte)'}' || next == (byte)' ' || next == (byte)']' || next == (byte)'\r' || next == (byte)'\t'))
            {
                // An exponent, or not a number.
                return false;
            }
            value = new decimal(unchecked((int)digits), unchecked((int)(digits >> 32)), 0, negative && digits != 0, (byte)scale);
            pos = i;
            return true;
        }

        /// <summary>A number in the JSON grammar, followed by a delimiter.</summary>
        internal bool Number(out ReadOnlySpan<byte> raw)
        {
            raw = default;
            SkipWhitespace();
            int start = pos;
            int n = json.Length;
            if (pos < n && json[pos] == (byte)'-')
            {
                pos++;
            }
            if (pos >= n)
            {
                return false;
            }
            if (json[pos] == (byte)'0')
            {
                pos++;
            }
            else if (json[pos] >= (byte)'1' && json[pos] <= (byte)'9')
            {
                pos++;
                SkipDigits();
            }
            else
            {
                return false;
            }
            if (pos < n && json[pos] == (byte)'.')
            {
                pos++;
                if (!SkipDigits())
                {
                    return false;
                }
            }
            if (pos < n && (json[pos] == (byte)'e' || json[pos] == (byte)'E'))
            {
                pos++;
                if (pos < n && (json[pos] == (byte)'+' || json[pos] == (byte)'-'))
                {
                    pos++;
                }
                if (!SkipDigits())
                {
                    return false;
                }
            }
            if (pos >= n)
            {
                return false;
            }
            byte next = json[pos];
            if (!(IsWhitespace(next) || next == (byte)',' || next == (byte)'}' || next == (byte)']'))
            {
                return false;
            }
            raw = json.Slice(start, pos - start);
            return true;
        }

        private bool Start(byte open, byte close, out bool empty)
        {
            empty = false;
            SkipWhitespace();
            if (pos >= json.Length || json[pos] != open)
            {
                return false;
            }
            pos++;
            SkipWhitespace();
            if (pos < json.Length && json[pos] == close)
            {
                pos++;
                last = close;
                empty = true;
            }
            return true;
        }

        private bool Next(byte close, out bool more)
        {
            more = false;
            SkipWhitespace();
            if (pos >= json.Length)
            {
                last = 0;
                return false;
            }
            byte b = json[pos++];
            last = b;
            if (b == (byte)',')
            {
                more = true;
                return true;
            }
            return b == close;
        }

        private bool SkipDigits()
        {
            int start = pos;
            while (pos < json.Length && json[pos] >= (byte)'0' && json[pos] <= (byte)'9')
            {
                pos++;
            }
            return pos > start;
        }

        private void SkipWhitespace()
        {
            while (pos < json.Length)
            {
                byte b = json[pos];
                if (b > (byte)' ')
                {
                    return;
                }
                if (b == (byte)' ')
                {
#if NET8_0_OR_GREATER
                    // Indentation: a run of spaces, eight at a time.
                    while (BitConverter.IsLittleEndian && pos + 8 <= json.Length)
                    {
                        ulong run = System.Runtime.InteropServices.MemoryMarshal.Read<ulong>(json.Slice(pos)) ^ 0x2020202020202020UL;
                        if (run != 0)
                        {
                            pos += System.Numerics.BitOperations.TrailingZeroCount(run) >> 3;
                            break;
                        }
                        pos += 8;
                    }
                    if (pos < json.Length && json[pos] == (byte)' ')
                    {
                        pos++;
                    }
#else
                    pos++;
#endif
                }
                else if (b == (byte)'\n' || b == (byte)'\r' || b == (byte)'\t')
                {
                    pos++;
                }
                else
                {
                    return;
                }
            }
        }

        private static bool IsWhitespace(byte b) => b == (byte)' ' || b == (byte)'\n' || b == (byte)'\r' || b == (byte)'\t';

        /// <summary>The index of the first quote, backslash or control character at or after <paramref name="from"/>, or -1.</summary>
        private static int IndexOfSpecial(ReadOnlySpan<byte> json, int from)
        {
            int i = from;
#if NET8_0_OR_GREATER
            // Codes, periods and names are short: one 16-byte vector usually covers them.
            if (System.Runtime.Intrinsics.Vector128.IsHardwareAccelerated)
            {
                var quote = System.Runtime.Intrinsics.Vector128.Create((byte)'"');
                var backslash = System.Runtime.Intrinsics.Vector128.Create((byte)'\\');
                var space = System.Runtime.Intrinsics.Vector128.Create((byte)0x20);
                while (i + 16 <= json.Length)
                {
                    var v = System.Runtime.Intrinsics.Vector128.Create(json.Slice(i, 16));
                    var special = System.Runtime.Intrinsics.Vector128.Equals(v, quote)
                        | System.Runtime.Intrinsics.Vector128.Equals(v, backslash)
                        | System.Runtime.Intrinsics.Vector128.LessThan(v, space);
                    uint bits = System.Runtime.Intrinsics.Vector128.ExtractMostSignificantBits(special);
                    if (bits != 0)
                    {
                        return i + System.Numerics.BitOperations.TrailingZeroCount(bits);
                    }
                    i += 16;
                }
            }
#endif
            for (; i < json.Length; i++)
            {
                byte b = json[i];
                if (b == (byte)'"' || b == (byte)'\\' || b < 0x20)
                {
                    return i;
                }
            }
            return -1;
        }
    }

    private static string Utf8ToString(ReadOnlySpan<byte> utf8)
    {
#if NETSTANDARD2_0
        return utf8.IsEmpty ? string.Empty : Encoding.UTF8.GetString(utf8.ToArray());
#else
        return Encoding.UTF8.GetString(utf8);
#endif
    }

    /// <summary>The measurements and their offsets, in pooled arrays, and the caches of one read.</summary>
    private struct State
    {
        internal State(KpiJsonReadOptions options)
        {
            Options = options;
            Items = ArrayPool<Measurement>.Shared.Rent(1024);
            Offsets = ArrayPool<int>.Shared.Rent(1024);
            Keys = ArrayPool<MeasurementKeys.Key>.Shared.Rent(1024);
            Count = 0;
            Indicators = new CodeTable();
            Units = new CodeTable();
            Periods = new Utf8Cache<PeriodEntry>();
            periodIds = new Dictionary<ReportingPeriod, int>();
        }

        private readonly Dictionary<ReportingPeriod, int> periodIds;

        internal KpiJsonReadOptions Options { get; }

        internal Measurement[] Items { get; private set; }

        internal int[] Offsets { get; set; }

        internal int Count { get; private set; }

        internal MeasurementKeys.Key[] Keys { get; set; }

        /// <summary>The indicator codes.</summary>
        internal CodeTable Indicators { get; }

        /// <summary>The unit codes.</summary>
        internal CodeTable Units { get; }

        internal Utf8Cache<PeriodEntry> Periods { get; }

        /// <summary>The number of distinct periods.</summary>
        internal readonly int PeriodCount => periodIds.Count;

        /// <summary>The id of a period (called once per distinct text the cache holds).</summary>
        internal readonly int PeriodId(ReportingPeriod period)
        {
            if (!periodIds.TryGetValue(period, out int id))
            {
                id = periodIds.Count;
                periodIds.Add(period, id);
            }
            return id;
        }

        internal void Append(Measurement m, int offset, MeasurementKeys.Key key)
        {
            if (Count == Items.Length)
            {
                Measurement[] items = ArrayPool<Measurement>.Shared.Rent(Items.Length * 2);
                Array.Copy(Items, items, Count);
                Array.Clear(Items, 0, Count);
                ArrayPool<Measurement>.Shared.Return(Items);
                Items = items;
                int[] offsets = ArrayPool<int>.Shared.Rent(Offsets.Length * 2);
                Array.Copy(Offsets, offsets, Count);
                ArrayPool<int>.Shared.Return(Offsets);
                Offsets = offsets;
                MeasurementKeys.Key[] keys = ArrayPool<MeasurementKeys.Key>.Shared.Rent(Keys.Length * 2);
                Array.Copy(Keys, keys, Count);
                ArrayPool<MeasurementKeys.Key>.Shared.Return(Keys);
                Keys = keys;
            }
            Items[Count] = m;
            Offsets[Count] = offset;
            Keys[Count] = key;
            Count++;
        }

        /// <summary>Returns the pooled arrays (the measurement references cleared).</summary>
        internal void Dispose()
        {
            if (Items.Length > 0)
            {
                Array.Clear(Items, 0, Count);
                ArrayPool<Measurement>.Shared.Return(Items);
                Items = Array.Empty<Measurement>();
            }
            if (Offsets.Length > 0)
            {
                ArrayPool<int>.Shared.Return(Offsets);
                Offsets = Array.Empty<int>();
            }
            if (Keys.Length > 0)
            {
                ArrayPool<MeasurementKeys.Key>.Shared.Return(Keys);
                Keys = Array.Empty<MeasurementKeys.Key>();
            }
        }
    }

    /// <summary>The codes of one member (indicators or units): cached by their bytes, with ids by text.</summary>
    private sealed class CodeTable
    {
        private readonly Dictionary<string, int> ids = new(StringComparer.Ordinal);

        internal Utf8Cache<int> Cache { get; } = new();

        /// <summary>The distinct codes, by id.</summary>
        internal List<string> Texts { get; } = new();

        /// <summary>The id of a code (called once per distinct text the cache holds, or per escaped or uncached code).</summary>
        internal int Id(string text)
        {
            if (!ids.TryGetValue(text, out int id))
            {
                id = Texts.Count;
                ids.Add(text, id);
                Texts.Add(text);
            }
            return id;
        }
    }

    /// <summary>A parsed period and its id.</summary>
    private readonly struct PeriodEntry
    {
        internal PeriodEntry(ReportingPeriod period, int id)
        {
            Period = period;
            Id = id;
        }

        internal ReportingPeriod Period { get; }

        internal int Id { get; }
    }
}
