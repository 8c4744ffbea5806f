using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using DigitalKpi.Json.Internal;
using DigitalKpi.Utility;

namespace DigitalKpi.Json;

/// <summary>
/// Reads and writes catalogs and measurement sets in the DigitalKpi JSON format (docs/json-format.md), a public
/// contract for systems in any language: versioned documents (<c>kind</c>, <c>formatVersion</c>), camelCase members,
/// enums as camelCase names, units and periods in their text forms, ISO dates, and numbers as exact JSON numbers.
/// </summary>
/// <remarks>
/// <para>
/// Reading is strict and safe on untrusted files: malformed JSON, wrong encodings, wrong types, unknown or duplicate
/// members, explicit nulls, numbers a decimal cannot hold exactly, and documents beyond the limits of
/// <see cref="KpiJsonReadOptions"/> all throw <see cref="KpiJsonException"/>, which names the JSON path, line and
/// column; nothing is silently defaulted. A UTF-8 byte order mark is accepted and ignored. A document that is
/// well-formed but breaks a consistency rule is read, and its <see cref="KpiDocument{T}.Diagnostics"/> report it
/// (DKPI001–DKPI012), located in the document.
/// </para>
/// <para>
/// Serialization goes through a source-generated <c>JsonSerializerContext</c>: no reflection, trimming and AOT safe.
/// Measurement sets take a fast path that reads and writes them in one pass with the same results (docs/json-format.md).
/// Writing is deterministic (two-space indentation, LF line ends, a final newline; non-ASCII letters unescaped).
/// </para>
/// </remarks>
public static class KpiJson
{
    /// <summary>The <c>kind</c> of a catalog document.</summary>
    public const string CatalogKind = "digitalkpi.catalog";

    /// <summary>The <c>kind</c> of a measurement-set document.</summary>
    public const string MeasurementsKind = "digitalkpi.measurements";

    /// <summary>The format version written: <c>1.0</c>. Readers read every 1.x document and reject newer major versions.</summary>
    public const string FormatVersion = "1.0";

    /// <summary>The <c>$id</c> of the catalog schema (written as the document's <c>$schema</c>).</summary>
    public const string CatalogSchemaId = "https://digitalkpi.github.io/schema/catalog/1.0/catalog.schema.json";

    /// <summary>The <c>$id</c> of the measurement-set schema (written as the document's <c>$schema</c>).</summary>
    public const string MeasurementsSchemaId = "https://digitalkpi.github.io/schema/measurements/1.0/measurements.schema.json";

    internal static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
#if NET9_0_OR_GREATER
        IndentSize = 2,
        NewLine = "\n",
#endif
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Reads a catalog from UTF-8 JSON.</summary>
    /// <param name="utf8Json">The document's bytes.</param>
    /// <param name="options">Limits, source name and rule options; null for <see cref="KpiJsonReadOptions.Default"/>.</param>
    /// <returns>The catalog and its located consistency findings.</returns>
    /// <exception cref="KpiJsonException">The document cannot be read as a catalog.</exception>
    public static KpiDocument<Catalog> ReadCatalog(ReadOnlySpan<byte> utf8Json, KpiJsonReadOptions? options = null)
        => DocumentReader.ReadCatalog(utf8Json, options ?? KpiJsonReadOptions.Default);

    /// <summary>Reads a catalog from a stream of UTF-8 JSON, reading at most <see cref="KpiJsonReadOptions.MaxDocumentBytes"/> (plus one) bytes.</summary>
    /// <param name="utf8Json">The stream, read to its end; not closed.</param>
    /// <param name="options">Limits, source name and rule options; null for <see cref="KpiJsonReadOptions.Default"/>.</param>
    /// <returns>The catalog and its located consistency findings.</returns>
    /// <exception cref="KpiJsonException">The document cannot be read as a catalog.</exception>
    /// <exception cref="IOException">The stream cannot be read.</exception>
    public static KpiDocument<Catalog> ReadCatalog(Stream utf8Json, KpiJsonReadOptions? options = null)
    {
        Preconditions.CheckNotNull(utf8Json);
        KpiJsonReadOptions o = options ?? KpiJsonReadOptions.Default;
        return DocumentReader.ReadCatalog(Utf8Input.ReadBounded(utf8Json, o), o);
    }

    /// <summary>Reads a catalog from JSON text.</summary>
    /// <param name="json">The document.</param>
    /// <param name="options">Limits, source name and rule options; null for <see cref="KpiJsonReadOptions.Default"/>.</param>
    /// <returns>The catalog and its located consistency findings.</returns>
    /// <exception cref="KpiJsonException">The document cannot be read as a catalog.</exception>
    public static KpiDocument<Catalog> ReadCatalog(string json, KpiJsonReadOptions? options = null)
    {
        Preconditions.CheckNotNull(json);
        KpiJsonReadOptions o = options ?? KpiJsonReadOptions.Default;
        return DocumentReader.ReadCatalog(Utf8Input.FromString(json, o), o);
    }

#if !DKPI_ANALYZER
    /// <summary>Reads a catalog file; its path becomes the source name of locations unless the options name one.</summary>
    /// <param name="path">The file.</param>
    /// <param name="options">Limits, source name and rule options; null for the defaults.</param>
    /// <returns>The catalog and its located consistency findings.</returns>
    /// <exception cref="KpiJsonException">The document cannot be read as a catalog.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static KpiDocument<Catalog> ReadCatalogFile(string path, KpiJsonReadOptions? options = null)
    {
        KpiJsonReadOptions o = WithSource(path, options);
        using FileStream stream = File.OpenRead(path);
        return ReadCatalog(stream, o);
    }
#endif

    /// <summary>Reads a measurement set from UTF-8 JSON and checks it against the indicators of <paramref name="catalogs"/>.</summary>
    /// <param name="utf8Json">The document's bytes.</param>
    /// <param name="catalogs">Catalogs defining the indicators measured, or null (unknown indicators are then not reported).</param>
    /// <param name="options">Limits, source name and rule options; null for <see cref="KpiJsonReadOptions.Default"/>.</param>
    /// <returns>The measurement set and its located consistency findings.</returns>
    /// <exception cref="KpiJsonException">The document cannot be read as a measurement set.</exception>
    public static KpiDocument<MeasurementSet> ReadMeasurementSet(ReadOnlySpan<byte> utf8Json, IEnumerable<Catalog>? catalogs = null, KpiJsonReadOptions? options = null)
        => DocumentReader.ReadMeasurementSet(utf8Json, catalogs, options ?? KpiJsonReadOptions.Default);

    /// <summary>Reads a measurement set from a stream of UTF-8 JSON, reading at most <see cref="KpiJsonReadOptions.MaxDocumentBytes"/> (plus one) bytes.</summary>
    /// <param name="utf8Json">The stream, read to its end; not closed.</param>
    /// <param name="catalogs">Catalogs defining the indicators measured, or null.</param>
    /// <param name="options">Limits, source name and rule options; null for <see cref="KpiJsonReadOptions.Default"/>.</param>
    /// <returns>The measurement set and its located consistency findings.</returns>
    /// <exception cref="KpiJsonException">The document cannot be read as a measurement set.</exception>
    /// <exception cref="IOException">The stream cannot be read.</exception>
    public static KpiDocument<MeasurementSet> ReadMeasurementSet(Stream utf8Json, IEnumerable<Catalog>? catalogs = null, KpiJsonReadOptions? options = null)
    {
        Preconditions.CheckNotNull(utf8Json);
        KpiJsonReadOptions o = options ?? KpiJsonReadOptions.Default;
        return DocumentReader.ReadMeasurementSet(Utf8Input.ReadBounded(utf8Json, o), catalogs, o);
    }

    /// <summary>Reads a measurement set from JSON text.</summary>
    /// <param name="json">The document.</param>
    /// <param name="catalogs">Catalogs defining the indicators measured, or null.</param>
    /// <param name="options">Limits, source name and rule options; null for <see cref="KpiJsonReadOptions.Default"/>.</param>
    /// <returns>The measurement set and its located consistency findings.</returns>
    /// <exception cref="KpiJsonException">The document cannot be read as a measurement set.</exception>
    public static KpiDocument<MeasurementSet> ReadMeasurementSet(string json, IEnumerable<Catalog>? catalogs = null, KpiJsonReadOptions? options = null)
    {
        Preconditions.CheckNotNull(json);
        KpiJsonReadOptions o = options ?? KpiJsonReadOptions.Default;
        return DocumentReader.ReadMeasurementSet(Utf8Input.FromString(json, o), catalogs, o);
    }

#if !DKPI_ANALYZER
    /// <summary>Reads a measurement-set file; its path becomes the source name of locations unless the options name one.</summary>
    /// <param name="path">The file.</param>
    /// <param name="catalogs">Catalogs defining the indicators measured, or null.</param>
    /// <param name="options">Limits, source name and rule options; null for the defaults.</param>
    /// <returns>The measurement set and its located consistency findings.</returns>
    /// <exception cref="KpiJsonException">The document cannot be read as a measurement set.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static KpiDocument<MeasurementSet> ReadMeasurementSetFile(string path, IEnumerable<Catalog>? catalogs = null, KpiJsonReadOptions? options = null)
    {
        KpiJsonReadOptions o = WithSource(path, options);
        using FileStream stream = File.OpenRead(path);
        return ReadMeasurementSet(stream, catalogs, o);
    }
#endif

    /// <summary>Writes a catalog as UTF-8 JSON (no byte order mark).</summary>
    /// <param name="catalog">The catalog.</param>
    /// <param name="utf8Json">The stream written to; not closed.</param>
    public static void Write(Catalog catalog, Stream utf8Json)
    {
        Preconditions.CheckNotNull(utf8Json);
        byte[] bytes = ToUtf8Bytes(catalog);
        utf8Json.Write(bytes, 0, bytes.Length);
    }

    /// <summary>Writes a catalog as UTF-8 JSON to a buffer writer.</summary>
    /// <param name="catalog">The catalog.</param>
    /// <param name="utf8Json">The buffer written to.</param>
    public static void Write(Catalog catalog, IBufferWriter<byte> utf8Json)
    {
        Preconditions.CheckNotNull(catalog);
        Preconditions.CheckNotNull(utf8Json);
        WriteDocument(ModelMapper.FromCatalog(catalog), KpiJsonContext.Default.CatalogDocumentDto, utf8Json);
    }

    /// <summary>Writes a measurement set as UTF-8 JSON (no byte order mark).</summary>
    /// <param name="set">The measurement set.</param>
    /// <param name="utf8Json">The stream written to; not closed.</param>
    public static void Write(MeasurementSet set, Stream utf8Json)
    {
        Preconditions.CheckNotNull(utf8Json);
#if NET9_0_OR_GREATER
        Preconditions.CheckNotNull(set);
        MeasurementSetWriter.Write(set, utf8Json, WriterOptions);
#else
        byte[] bytes = ToUtf8Bytes(set);
        utf8Json.Write(bytes, 0, bytes.Length);
#endif
    }

    /// <summary>Writes a measurement set as UTF-8 JSON to a buffer writer.</summary>
    /// <param name="set">The measurement set.</param>
    /// <param name="utf8Json">The buffer written to.</param>
    public static void Write(MeasurementSet set, IBufferWriter<byte> utf8Json)
    {
        Preconditions.CheckNotNull(set);
        Preconditions.CheckNotNull(utf8Json);
#if NET9_0_OR_GREATER
        MeasurementSetWriter.WriteDirect(set, utf8Json);
#else
        WriteThroughContext(set, utf8Json);
#endif
    }

    /// <summary>Writes a measurement set through the source-generated context (the reference the direct writer is tested against).</summary>
    internal static void WriteThroughContext(MeasurementSet set, IBufferWriter<byte> utf8Json)
        => WriteDocument(ModelMapper.FromMeasurementSet(set), KpiJsonContext.Default.MeasurementsDocumentDto, utf8Json);

    /// <summary>A catalog as UTF-8 JSON bytes.</summary>
    /// <param name="catalog">The catalog.</param>
    /// <returns>The document.</returns>
    public static byte[] ToUtf8Bytes(Catalog catalog)
    {
        using var buffer = new ByteBuffer(pooled: true);
        Write(catalog, buffer);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>A measurement set as UTF-8 JSON bytes.</summary>
    /// <param name="set">The measurement set.</param>
    /// <returns>The document.</returns>
    public static byte[] ToUtf8Bytes(MeasurementSet set)
    {
        using var buffer = new ByteBuffer(pooled: true);
        Write(set, buffer);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>A catalog as JSON text.</summary>
    /// <param name="catalog">The catalog.</param>
    /// <returns>The document.</returns>
    public static string ToJson(Catalog catalog) => Encoding.UTF8.GetString(ToUtf8Bytes(catalog));

    /// <summary>A measurement set as JSON text.</summary>
    /// <param name="set">The measurement set.</param>
    /// <returns>The document.</returns>
    public static string ToJson(MeasurementSet set) => Encoding.UTF8.GetString(ToUtf8Bytes(set));

    /// <summary>
    /// The JSON Schema (draft 2020-12) of a document kind: the schema generated from the model and committed as
    /// <c>docs/schema/catalog.schema.json</c> or <c>docs/schema/measurements.schema.json</c>, embedded in the library.
    /// </summary>
    /// <param name="kind">The document kind.</param>
    /// <returns>The schema text (UTF-8 JSON, indented, LF line ends).</returns>
    public static string GetSchema(KpiDocumentKind kind)
    {
        string name = kind switch
        {
            KpiDocumentKind.Catalog => "DigitalKpi.Json.catalog.schema.json",
            KpiDocumentKind.Measurements => "DigitalKpi.Json.measurements.schema.json",
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown document kind."),
        };
        using Stream stream = typeof(KpiJson).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException("The embedded schema " + name + " is missing.");
        using var reader = new StreamReader(stream, new UTF8Encoding(false));
        return reader.ReadToEnd();
    }

    /// <summary>Writes a document: two-space indentation, LF line ends on every platform, a final newline.</summary>
    private static void WriteDocument<T>(T dto, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo, IBufferWriter<byte> output)
    {
#if NET9_0_OR_GREATER
        using (var writer = new Utf8JsonWriter(output, WriterOptions))
        {
            JsonSerializer.Serialize(writer, dto, typeInfo);
        }
        output.Write("\n"u8);
#else
        // Before System.Text.Json 9 the writer ends lines with Environment.NewLine. A raw CR never occurs inside a
        // JSON string (it is escaped), so dropping every CR byte yields LF line ends.
        var buffer = new ByteBuffer();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            JsonSerializer.Serialize(writer, dto, typeInfo);
        }
        ReadOnlySpan<byte> written = buffer.WrittenSpan;
        Span<byte> target = output.GetSpan(written.Length + 1);
        int n = 0;
        foreach (byte b in written)
        {
            if (b != (byte)'\r')
            {
                target[n++] = b;
            }
        }
        target[n++] = (byte)'\n';
        output.Advance(n);
#endif
    }

    private static KpiJsonReadOptions WithSource(string path, KpiJsonReadOptions? options)
    {
        Preconditions.CheckNotNull(path);
        KpiJsonReadOptions o = options ?? KpiJsonReadOptions.Default;
        if (o.SourceName is not null)
        {
            return o;
        }
        return new KpiJsonReadOptions
        {
            MaxDocumentBytes = o.MaxDocumentBytes,
            MaxDepth = o.MaxDepth,
            MaxStringLength = o.MaxStringLength,
            MaxArrayItems = o.MaxArrayItems,
            SourceName = path,
            Validation = o.Validation,
        };
    }
}
