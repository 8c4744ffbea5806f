using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using DigitalKpi.Rules;

namespace DigitalKpi.Json.Internal;

/// <summary>
/// The reading pipeline: bounded UTF-8 input → envelope check (kind, version) → strict deserialization through the
/// source-generated context → mapping to the model → consistency rules, with every failure turned into a
/// <see cref="KpiJsonException"/> that names the JSON path, line and column.
/// </summary>
internal static class DocumentReader
{
    internal static KpiDocument<Catalog> ReadCatalog(ReadOnlySpan<byte> input, KpiJsonReadOptions options)
    {
        ReadOnlySpan<byte> json = Utf8Input.Prepare(input, options);
        string? declared = CheckEnvelope(json, options, KpiJson.CatalogKind);
        DocumentScanner.Scan(json, options);
        CatalogDocumentDto dto = Deserialize(json, KpiJsonContext.Default.CatalogDocumentDto, options, declared);
        Catalog catalog;
        try
        {
            catalog = ModelMapper.ToCatalog(dto, options);
        }
        catch (JsonMappingException e)
        {
            throw Positioned(json, options, e);
        }
        ImmutableArray<KpiDiagnostic> diagnostics = CatalogValidator.Validate(catalog, options.Validation);
        return new KpiDocument<Catalog>(catalog, dto.FormatVersion, Locate(json, options, diagnostics), options.SourceName);
    }

    internal static KpiDocument<MeasurementSet> ReadMeasurementSet(ReadOnlySpan<byte> input, IEnumerable<Catalog>? catalogs, KpiJsonReadOptions options)
    {
        ReadOnlySpan<byte> json = Utf8Input.Prepare(input, options);
        MeasurementSetFastReader.Result? fast = MeasurementSetFastReader.TryRead(json, options);
        if (fast is not null)
        {
            try
            {
                ImmutableArray<KpiDiagnostic> found = CatalogValidator.Validate(fast.Set, fast.Keys, catalogs ?? Array.Empty<Catalog>(), options.Validation);
                return new KpiDocument<MeasurementSet>(fast.Set, fast.FormatVersion, Locate(json, options, found, fast.ElementOffsets, fast.Set.Measurements.Length), options.SourceName);
            }
            finally
            {
                System.Buffers.ArrayPool<int>.Shared.Return(fast.ElementOffsets);
                fast.Keys.Dispose();
            }
        }
        return ReadMeasurementSetStrictly(json, catalogs, options);
    }

    /// <summary>The strict pipeline alone (what the fast path falls back to; tests compare the two).</summary>
    internal static KpiDocument<MeasurementSet> ReadMeasurementSetStrictly(ReadOnlySpan<byte> json, IEnumerable<Catalog>? catalogs, KpiJsonReadOptions options)
    {
        string? declared = CheckEnvelope(json, options, KpiJson.MeasurementsKind);
        DocumentScanner.Scan(json, options);
        MeasurementsDocumentDto dto = Deserialize(json, KpiJsonContext.Default.MeasurementsDocumentDto, options, declared);
        MeasurementSet set;
        try
        {
            set = ModelMapper.ToMeasurementSet(dto, options);
        }
        catch (JsonMappingException e)
        {
            throw Positioned(json, options, e);
        }
        ImmutableArray<KpiDiagnostic> diagnostics = CatalogValidator.Validate(set, catalogs ?? Array.Empty<Catalog>(), options.Validation);
        return new KpiDocument<MeasurementSet>(set, dto.FormatVersion, Locate(json, options, diagnostics), options.SourceName);
    }

    /// <summary>
    /// Reads the top-level "kind" and "formatVersion" before anything else, so that a newer major version or another
    /// kind of document is reported as such rather than as the unknown members it may contain. Returns the declared
    /// version, or null when it could not be seen (the full read then reports why).
    /// </summary>
    private static string? CheckEnvelope(ReadOnlySpan<byte> json, KpiJsonReadOptions options, string expectedKind)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = options.MaxDepth });
        string? kind = null, version = null;
        long kindAt = -1, versionAt = -1;
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName && (kind is null || version is null))
            {
                long at = reader.TokenStartIndex;
                bool isKind = reader.ValueTextEquals("kind");
                bool isVersion = !isKind && reader.ValueTextEquals("formatVersion");
                if (!reader.Read())
                {
                    break;
                }
                if (reader.TokenType == JsonTokenType.String && (isKind || isVersion) && reader.ValueSpan.Length <= ConverterErrors.MaxShortTokenBytes)
                {
                    if (isKind && kind is null)
                    {
                        kind = reader.GetString();
                        kindAt = at;
                    }
                    else if (isVersion && version is null)
                    {
                        version = reader.GetString();
                        versionAt = at;
                    }
                }
                else if (!reader.TrySkip())
                {
                    break;
                }
            }
        }
        catch (JsonException)
        {
            // Malformed: the full read reports it with its position.
        }
        catch (InvalidOperationException)
        {
            // Invalid string content: likewise.
        }
        if (version is not null && ModelMapper.TryParseVersion(version, out int major, out _) && major > ModelMapper.SupportedMajor)
        {
            throw At(json, options, KpiJsonErrorKind.UnsupportedVersion, "$.formatVersion", ModelMapper.VersionError(version), versionAt, null);
        }
        if (kind is not null && !string.Equals(kind, expectedKind, StringComparison.Ordinal))
        {
            throw At(json, options, KpiJsonErrorKind.WrongDocumentKind, "$.kind", ModelMapper.KindError(kind, expectedKind), kindAt, null);
        }
        return version;
    }

    private static T Deserialize<T>(ReadOnlySpan<byte> json, JsonTypeInfo<T> typeInfo, KpiJsonReadOptions options, string? declaredVersion)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize(json, typeInfo)
                ?? throw At(json, options, KpiJsonErrorKind.WrongType, "$", "expected an object, found null.", 0, null);
        }
        catch (JsonException e)
        {
            throw Translate(json, options, e, declaredVersion);
        }
        catch (InvalidOperationException e)
        {
            throw At(json, options, KpiJsonErrorKind.InvalidValue, "$", Clean(e.Message), -1, e);
        }
        catch (FormatException e)
        {
            throw At(json, options, KpiJsonErrorKind.InvalidValue, "$", Clean(e.Message), -1, e);
        }
        catch (OverflowException e)
        {
            throw At(json, options, KpiJsonErrorKind.NumberOutOfRange, "$", Clean(e.Message), -1, e);
        }
    }

    /// <summary>Turns a serializer exception into the documented one, with a reason in the format's own words.</summary>
    private static KpiJsonException Translate(ReadOnlySpan<byte> json, KpiJsonReadOptions options, JsonException e, string? declaredVersion)
    {
        string path = e.Path ?? "$";
        long reported = e.LineNumber is { } line && e.BytePositionInLine is { } pos ? JsonPositions.OffsetOf(json, line, pos) : -1;
        string message = Clean(e.Message);
        KpiJsonErrorKind kind;
        string reason;
        bool atToken = true;
        KpiConverterException? converter = e as KpiConverterException ?? e.InnerException as KpiConverterException;
        if (converter is not null)
        {
            kind = converter.ErrorKind;
            reason = Clean(converter.Message);
        }
        else if (e.InnerException is JsonException)
        {
            // The reader's own error: its position is the offending byte.
            atToken = false;
            kind = DocumentScanner.IsDepthError(message) ? KpiJsonErrorKind.TooDeep : KpiJsonErrorKind.MalformedJson;
            reason = message;
            if (kind == KpiJsonErrorKind.TooDeep)
            {
                reason = "objects and arrays are nested deeper than the limit of " + options.MaxDepth.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".";
            }
        }
        else if (Contains(message, "could not be mapped to any .NET member"))
        {
            kind = KpiJsonErrorKind.UnknownMember;
            reason = "unknown member " + ConverterErrors.Quote(LastSegment(path)) + ": this format does not define it (member names are case-sensitive).";
            if (declaredVersion is not null && ModelMapper.TryParseVersion(declaredVersion, out int major, out int minor) && major == ModelMapper.SupportedMajor && minor > ModelMapper.SupportedMinor)
            {
                reason += " The document declares format " + declaredVersion + ", newer than this reader's " + KpiJson.FormatVersion + ": the member may belong to the newer version.";
            }
        }
        else if (Contains(message, "Duplicate property"))
        {
            kind = KpiJsonErrorKind.DuplicateMember;
            reason = "member " + ConverterErrors.Quote(LastSegment(path)) + " appears more than once in this object.";
        }
        else if (Contains(message, "missing required properties"))
        {
            kind = KpiJsonErrorKind.MissingMember;
            int colon = message.IndexOf(":", StringComparison.Ordinal);
            reason = "required member" + (colon >= 0 ? "(s) missing:" + message.Substring(colon + 1).TrimEnd('.') + "." : "s are missing.");
        }
        else if (Contains(message, "doesn't allow setting null"))
        {
            kind = KpiJsonErrorKind.WrongType;
            reason = "null is not allowed: omit an optional member instead of writing null.";
        }
        else if (Contains(message, "could not be converted"))
        {
            kind = KpiJsonErrorKind.WrongType;
            reason = "expected " + Expected(message) + ", found " + Found(json, path, reported, options) + ".";
        }
        else
        {
            kind = KpiJsonErrorKind.InvalidValue;
            reason = message;
        }

        long offset = reported;
        if (atToken)
        {
            long token = JsonPositions.Find(json, path, reported < 0 ? json.Length : reported, options.MaxDepth);
            if (token >= 0)
            {
                offset = token;
            }
        }
        return At(json, options, kind, path, reason, offset, e);
    }

    private static KpiJsonException Positioned(ReadOnlySpan<byte> json, KpiJsonReadOptions options, JsonMappingException e)
        => At(json, options, e.ErrorKind, e.Path, e.Message, JsonPositions.FindOrParent(json, e.Path, json.Length, options.MaxDepth), e);

    private static KpiJsonException At(ReadOnlySpan<byte> json, KpiJsonReadOptions options, KpiJsonErrorKind kind, string path, string reason, long offset, Exception? inner)
        => DocumentScanner.Fail(json, options, kind, path, reason, offset, inner);

    /// <summary>
    /// <see cref="Locate(ReadOnlySpan{byte}, KpiJsonReadOptions, ImmutableArray{KpiDiagnostic})"/> for a measurement
    /// set read by the fast path: a path <c>$.measurements[i]</c> or <c>$.measurements[i].member</c> is found from the
    /// element's recorded offset by reading that one object, and lines are counted once, up to the last finding; no
    /// index of the document is built unless a finding has another kind of path.
    /// </summary>
    private static ImmutableArray<KpiDiagnostic> Locate(ReadOnlySpan<byte> json, KpiJsonReadOptions options, ImmutableArray<KpiDiagnostic> diagnostics, int[] elementOffsets, int elements)
    {
        if (diagnostics.IsEmpty)
        {
            return diagnostics;
        }
        var offsets = new long[diagnostics.Length];
        Dictionary<string, long>? index = null;
        for (int k = 0; k < diagnostics.Length; k++)
        {
            string? path = diagnostics[k].Location.Path;
            long offset = -1;
            if (path is not null && TryParseElementPath(path, elements, out int element, out string? member))
            {
                offset = member is null ? elementOffsets[element] : FindMember(json, elementOffsets[element], member, options.MaxDepth);
            }
            else
            {
                index ??= JsonPositions.Index(json, options.MaxDepth);
                for (string? p = path; p is not null && offset < 0; p = JsonPositions.Parent(p))
                {
                    if (index.TryGetValue(p, out long o))
                    {
                        offset = o;
                    }
                }
            }
            offsets[k] = offset;
        }

        // Lines and columns in one pass over the document, up to the last finding, in offset order.
        int[] order = new int[diagnostics.Length];
        for (int k = 0; k < order.Length; k++)
        {
            order[k] = k;
        }
        Array.Sort((long[])offsets.Clone(), order);
        var lines = new int[diagnostics.Length];
        var columns = new int[diagnostics.Length];
        int line = 0, position = 0, lineStart = 0;
        foreach (int k in order)
        {
            if (offsets[k] < 0)
            {
                continue;
            }
            int offset = (int)offsets[k];
            ReadOnlySpan<byte> between = json.Slice(position, offset - position);
            int newlines = CountNewlines(between);
            if (newlines > 0)
            {
                line += newlines;
                lineStart = position + between.LastIndexOf((byte)'\n') + 1;
            }
            position = offset;
            int column = 1;
            for (int i = lineStart; i < offset; i++)
            {
                if ((json[i] & 0xC0) != 0x80)
                {
                    column++;
                }
            }
            lines[k] = line + 1;
            columns[k] = column;
        }

        ImmutableArray<KpiDiagnostic>.Builder located = ImmutableArray.CreateBuilder<KpiDiagnostic>(diagnostics.Length);
        for (int k = 0; k < diagnostics.Length; k++)
        {
            KpiDiagnostic d = diagnostics[k];
            located.Add(offsets[k] < 0
                ? (options.SourceName is null ? d : d.WithLocation(d.Location.WithPosition(options.SourceName, null, null)))
                : d.WithLocation(d.Location.WithPosition(options.SourceName, lines[k], columns[k])));
        }
        return located.MoveToImmutable();
    }

    /// <summary>Parses <c>$.measurements[i]</c> or <c>$.measurements[i].name</c> (a plain member name) with i below <paramref name="elements"/>.</summary>
    private static bool TryParseElementPath(string path, int elements, out int element, out string? member)
    {
        const string Prefix = "$.measurements[";
        element = 0;
        member = null;
        if (!path.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }
        int i = Prefix.Length;
        int digits = 0;
        long value = 0;
        while (i < path.Length && path[i] >= '0' && path[i] <= '9' && digits < 10)
        {
            value = (value * 10) + (path[i] - '0');
            digits++;
            i++;
        }
        if (digits == 0 || (digits > 1 && path[Prefix.Length] == '0') || value >= elements || i >= path.Length || path[i] != ']')
        {
            return false;
        }
        element = (int)value;
        i++;
        if (i == path.Length)
        {
            return true;
        }
        if (path[i] != '.' || i + 1 == path.Length)
        {
            return false;
        }
        for (int k = i + 1; k < path.Length; k++)
        {
            char c = path[k];
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')))
            {
                return false;
            }
        }
        member = path.Substring(i + 1);
        return true;
    }

    /// <summary>The offset of a member's name in the object at <paramref name="start"/>, or of the object when it has no such member.</summary>
    private static long FindMember(ReadOnlySpan<byte> json, int start, string member, int maxDepth)
    {
        var reader = new Utf8JsonReader(json.Slice(start), new JsonReaderOptions { MaxDepth = Math.Max(maxDepth, 1) });
        if (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals(member))
                {
                    return start + reader.TokenStartIndex;
                }
                if (!reader.Read() || !reader.TrySkip())
                {
                    break;
                }
            }
        }
        return start;
    }

    private static int CountNewlines(ReadOnlySpan<byte> span)
    {
#if NET8_0_OR_GREATER
        return span.Count((byte)'\n');
#else
        int n = 0;
        foreach (byte b in span)
        {
            if (b == (byte)'\n')
            {
                n++;
            }
        }
        return n;
#endif
    }

    /// <summary>Fills each diagnostic's location with the line and column of its JSON path (or of the nearest enclosing member present).</summary>
    private static ImmutableArray<KpiDiagnostic> Locate(ReadOnlySpan<byte> json, KpiJsonReadOptions options, ImmutableArray<KpiDiagnostic> diagnostics)
    {
        if (diagnostics.IsEmpty)
        {
            return diagnostics;
        }
        Dictionary<string, long> index = JsonPositions.Index(json, options.MaxDepth);
        var lineStarts = new List<int> { 0 };
        for (int i = 0; i < json.Length; i++)
        {
            if (json[i] == (byte)'\n')
            {
                lineStarts.Add(i + 1);
            }
        }
        ImmutableArray<KpiDiagnostic>.Builder located = ImmutableArray.CreateBuilder<KpiDiagnostic>(diagnostics.Length);
        foreach (KpiDiagnostic d in diagnostics)
        {
            long offset = -1;
            for (string? p = d.Location.Path; p is not null && offset < 0; p = JsonPositions.Parent(p))
            {
                if (index.TryGetValue(p, out long o))
                {
                    offset = o;
                }
            }
            if (offset < 0)
            {
                located.Add(options.SourceName is null ? d : d.WithLocation(d.Location.WithPosition(options.SourceName, null, null)));
                continue;
            }
            int line = lineStarts.BinarySearch((int)offset);
            if (line < 0)
            {
                line = ~line - 1;
            }
            int column = 1;
            for (int i = lineStarts[line]; i < offset; i++)
            {
                if ((json[i] & 0xC0) != 0x80)
                {
                    column++;
                }
            }
            located.Add(d.WithLocation(d.Location.WithPosition(options.SourceName, line + 1, column)));
        }
        return located.MoveToImmutable();
    }

#pragma warning disable CA2249 // string.Contains(string, StringComparison) does not exist on netstandard2.0.
    private static bool Contains(string text, string part) => text.IndexOf(part, StringComparison.Ordinal) >= 0;
#pragma warning restore CA2249

    private static string Clean(string message) => DocumentScanner.Clean(message);

    private static string LastSegment(string path)
    {
        string? parent = JsonPositions.Parent(path);
        if (parent is null)
        {
            return path;
        }
        string tail = parent.Length < path.Length ? path.Substring(parent.Length) : path;
        if (tail.Length >= 4 && tail.StartsWith("['", StringComparison.Ordinal) && tail.EndsWith("']", StringComparison.Ordinal))
        {
            return tail.Substring(2, tail.Length - 4);
        }
        return tail.TrimStart('.');
    }

    /// <summary>What the serializer wanted, from the .NET type it names.</summary>
    private static string Expected(string message)
    {
        if (Contains(message, "List`1"))
        {
            return "an array";
        }
        if (Contains(message, "Dto"))
        {
            return "an object";
        }
        if (Contains(message, "Boolean"))
        {
            return "true or false";
        }
        if (Contains(message, "String"))
        {
            return "a string";
        }
        return "another type of value";
    }

    /// <summary>The JSON type of the token at a path, for messages.</summary>
    private static string Found(ReadOnlySpan<byte> json, string path, long limit, KpiJsonReadOptions options)
    {
        long at = JsonPositions.Find(json, path, limit < 0 ? json.Length : limit, options.MaxDepth);
        if (at < 0)
        {
            return "another type of value";
        }
        int i = (int)at;
        bool isMember = path.Length > 1 && !path.EndsWith("]", StringComparison.Ordinal);
        if (isMember && json[i] == (byte)'"')
        {
            // A member: skip its name and the colon.
            var reader = new Utf8JsonReader(json.Slice(i), new JsonReaderOptions { MaxDepth = options.MaxDepth });
            try
            {
                if (reader.Read() && reader.TokenType == JsonTokenType.String)
                {
                    // The slice starts with the name, read as a string value: the next token is the value itself.
                }
            }
            catch (JsonException)
            {
                return "another type of value";
            }
            int k = i + (int)reader.BytesConsumed;
            while (k < json.Length && (json[k] == (byte)' ' || json[k] == (byte)'\t' || json[k] == (byte)'\r' || json[k] == (byte)'\n' || json[k] == (byte)':'))
            {
                k++;
            }
            i = k;
        }
        if (i >= json.Length)
        {
            return "another type of value";
        }
        return json[i] switch
        {
            (byte)'{' => "an object",
            (byte)'[' => "an array",
            (byte)'"' => "a string",
            (byte)'t' or (byte)'f' => "a boolean",
            (byte)'n' => "null",
            _ => "a number",
        };
    }
}
