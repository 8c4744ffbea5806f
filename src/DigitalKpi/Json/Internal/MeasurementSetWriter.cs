#if NET9_0_OR_GREATER
using System;
using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace DigitalKpi.Json.Internal;

/// <summary>
/// Writes a measurement set straight from the model with <see cref="Utf8JsonWriter"/>: the same bytes as serializing
/// <see cref="ModelMapper.FromMeasurementSet"/> through <see cref="KpiJsonContext"/> (members in the order of
/// <see cref="MeasurementDto"/>, decimals with their scale, periods in canonical form), without building the wire
/// objects or any string per measurement. A test compares the two writers.
/// </summary>
internal static class MeasurementSetWriter
{
    private static readonly System.Text.Encodings.Web.JavaScriptEncoder Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    private static readonly JsonEncodedText SchemaName = JsonEncodedText.Encode("$schema", Encoder);
    private static readonly JsonEncodedText KindName = JsonEncodedText.Encode("kind", Encoder);
    private static readonly JsonEncodedText FormatVersionName = JsonEncodedText.Encode("formatVersion", Encoder);
    private static readonly JsonEncodedText IdName = JsonEncodedText.Encode("id", Encoder);
    private static readonly JsonEncodedText TitleName = JsonEncodedText.Encode("title", Encoder);
    private static readonly JsonEncodedText SourceName = JsonEncodedText.Encode("source", Encoder);
    private static readonly JsonEncodedText MeasurementsName = JsonEncodedText.Encode("measurements", Encoder);
    private static readonly JsonEncodedText IndicatorName = JsonEncodedText.Encode("indicator", Encoder);
    private static readonly JsonEncodedText AdminUnitName = JsonEncodedText.Encode("adminUnit", Encoder);
    private static readonly JsonEncodedText PeriodName = JsonEncodedText.Encode("period", Encoder);
    private static readonly JsonEncodedText ValueName = JsonEncodedText.Encode("value", Encoder);
    private static readonly JsonEncodedText NumeratorName = JsonEncodedText.Encode("numerator", Encoder);
    private static readonly JsonEncodedText DenominatorName = JsonEncodedText.Encode("denominator", Encoder);
    private static readonly JsonEncodedText ReportedValueName = JsonEncodedText.Encode("reportedValue", Encoder);
    private static readonly JsonEncodedText StatusName = JsonEncodedText.Encode("status", Encoder);
    private static readonly JsonEncodedText DocumentName = JsonEncodedText.Encode("document", Encoder);
    private static readonly JsonEncodedText QuoteName = JsonEncodedText.Encode("quote", Encoder);
    private static readonly JsonEncodedText SchemaId = JsonEncodedText.Encode(KpiJson.MeasurementsSchemaId, Encoder);
    private static readonly JsonEncodedText KindValue = JsonEncodedText.Encode(KpiJson.MeasurementsKind, Encoder);
    private static readonly JsonEncodedText VersionValue = JsonEncodedText.Encode(KpiJson.FormatVersion, Encoder);

    /// <summary>Bytes buffered by the writer before they are flushed to the output (a stream, say).</summary>
    private const int FlushThreshold = 1 << 16;

    /// <summary>Writes the document and its final newline with <see cref="Utf8JsonWriter"/>.</summary>
    internal static void Write(MeasurementSet set, IBufferWriter<byte> output, JsonWriterOptions options)
    {
        using (var writer = new Utf8JsonWriter(output, options))
        {
            Write(set, writer);
        }
        output.Write("\n"u8);
    }

    /// <summary>
    /// Writes the document and its final newline straight into <paramref name="output"/>, in the layout
    /// <see cref="Utf8JsonWriter"/> produces with <see cref="KpiJson.WriterOptions"/> (two-space indentation, LF): the
    /// format's members are fixed, codes, periods, enum names and numbers never need escaping, and a text that does is
    /// escaped by <see cref="JsonEncodedText"/> with the writer's encoder. A test compares the bytes with the
    /// serializer context's.
    /// </summary>
    internal static void WriteDirect(MeasurementSet set, IBufferWriter<byte> output)
    {
        var o = new Output(output);
        o.Raw("{\n  \"$schema\": \""u8);
        o.Raw(SchemaId.EncodedUtf8Bytes);
        o.Raw("\",\n  \"kind\": \""u8);
        o.Raw(KindValue.EncodedUtf8Bytes);
        o.Raw("\",\n  \"formatVersion\": \""u8);
        o.Raw(VersionValue.EncodedUtf8Bytes);
        o.Raw("\",\n  \"id\": "u8);
        o.Text(set.Id);
        o.Raw(",\n  \"title\": "u8);
        o.Text(set.Title);
        if (set.Source is { } source)
        {
            o.Raw(",\n  \"source\": {\n    \"document\": "u8);
            o.Text(source.Document);
            if (source.Quote is { } quote)
            {
                o.Raw(",\n    \"quote\": "u8);
                o.Text(quote);
            }
            o.Raw("\n  }"u8);
        }
        if (set.Measurements.IsEmpty)
        {
            o.Raw(",\n  \"measurements\": []\n}\n"u8);
            o.Flush();
            return;
        }
        o.Raw(",\n  \"measurements\": ["u8);
        bool first = true;
        Span<char> period = stackalloc char[PeriodText.MaxLength];
        foreach (Measurement m in set.Measurements)
        {
            o.Raw(first ? "\n    {\n      \"indicator\": \""u8 : ",\n    {\n      \"indicator\": \""u8);
            first = false;
            o.Ascii(m.IndicatorCode);
            o.Raw("\",\n      \"adminUnit\": \""u8);
            o.Ascii(m.UnitCode);
            o.Raw("\",\n      \"period\": \""u8);
            o.Ascii(period.Slice(0, PeriodText.Write(m.Period, PeriodText.Style.Canonical, period)));
            o.Raw("\""u8);
            bool fraction = m.IsFraction;
            if (!fraction && m.ReportedValue is { } value)
            {
                o.Raw(",\n      \"value\": "u8);
                o.Number(value);
            }
            if (m.Numerator is { } numerator)
            {
                o.Raw(",\n      \"numerator\": "u8);
                o.Number(numerator);
            }
            if (m.Denominator is { } denominator)
            {
                o.Raw(",\n      \"denominator\": "u8);
                o.Number(denominator);
            }
            if (fraction && m.ReportedValue is { } reported)
            {
                o.Raw(",\n      \"reportedValue\": "u8);
                o.Number(reported);
            }
            if (m.Status != ObservationStatus.Normal)
            {
                o.Raw(",\n      \"status\": \""u8);
                o.Ascii(JsonNames.Status.NameOf(m.Status));
                o.Raw("\""u8);
            }
            if (m.Source is { } citation)
            {
                o.Raw(",\n      \"source\": {\n        \"document\": "u8);
                o.Text(citation.Document);
                if (citation.Quote is { } quote)
                {
                    o.Raw(",\n        \"quote\": "u8);
                    o.Text(quote);
                }
                o.Raw("\n      }"u8);
            }
            o.Raw("\n    }"u8);
        }
        o.Raw("\n  ]\n}\n"u8);
        o.Flush();
    }

    /// <summary>Bytes written into large spans of the buffer writer, advanced when a span is full and at the end.</summary>
    private ref struct Output
    {
        private const int Chunk = 1 << 16;
        private readonly IBufferWriter<byte> writer;
        private Span<byte> span;
        private int used;

        internal Output(IBufferWriter<byte> writer)
        {
            this.writer = writer;
            span = writer.GetSpan(Chunk);
            used = 0;
        }

        internal void Raw(scoped ReadOnlySpan<byte> bytes)
        {
            Ensure(bytes.Length);
            bytes.CopyTo(span.Slice(used));
            used += bytes.Length;
        }

        /// <summary>ASCII text (codes, periods, enum names): one byte per character.</summary>
        internal void Ascii(scoped ReadOnlySpan<char> text)
        {
            Ensure(text.Length);
            Span<byte> target = span.Slice(used, text.Length);
            for (int i = 0; i < text.Length; i++)
            {
                target[i] = (byte)text[i];
            }
            used += text.Length;
        }

        internal void Number(decimal value)
        {
            Ensure(64);
            if (!value.TryFormat(span.Slice(used), out int written, default, CultureInfo.InvariantCulture))
            {
                throw new InvalidOperationException("A decimal did not fit its buffer.");
            }
            used += written;
        }

        /// <summary>A string value, quoted, escaped as <see cref="Utf8JsonWriter"/> escapes it with the writer's encoder.</summary>
        internal void Text(string text)
        {
            int max = System.Text.Encoding.UTF8.GetMaxByteCount(text.Length) + 2;
            Ensure(max);
            Span<byte> target = span.Slice(used);
            int length = System.Text.Encoding.UTF8.GetBytes(text, target.Slice(1));
            if (Encoder.FindFirstCharacterToEncodeUtf8(target.Slice(1, length)) < 0)
            {
                target[0] = (byte)'"';
                target[length + 1] = (byte)'"';
                used += length + 2;
                return;
            }
            JsonEncodedText escaped = JsonEncodedText.Encode(text, Encoder);
            Raw("\""u8);
            Raw(escaped.EncodedUtf8Bytes);
            Raw("\""u8);
        }

        internal void Flush()
        {
            writer.Advance(used);
            used = 0;
            span = default;
        }

        private void Ensure(int count)
        {
            if (span.Length - used >= count)
            {
                return;
            }
            writer.Advance(used);
            used = 0;
            span = writer.GetSpan(Math.Max(Chunk, count));
        }
    }

    /// <summary>Writes the document and its final newline to a stream, flushing as it goes.</summary>
    internal static void Write(MeasurementSet set, System.IO.Stream output, JsonWriterOptions options)
    {
        using (var writer = new Utf8JsonWriter(output, options))
        {
            Write(set, writer);
        }
        output.Write("\n"u8);
    }

    private static void Write(MeasurementSet set, Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString(SchemaName, SchemaId);
        writer.WriteString(KindName, KindValue);
        writer.WriteString(FormatVersionName, VersionValue);
        writer.WriteString(IdName, set.Id);
        writer.WriteString(TitleName, set.Title);
        WriteSource(writer, set.Source);
        writer.WriteStartArray(MeasurementsName);
        Span<char> period = stackalloc char[PeriodText.MaxLength];
        foreach (Measurement m in set.Measurements)
        {
            writer.WriteStartObject();
            writer.WriteString(IndicatorName, m.IndicatorCode);
            writer.WriteString(AdminUnitName, m.UnitCode);
            writer.WriteString(PeriodName, period.Slice(0, PeriodText.Write(m.Period, PeriodText.Style.Canonical, period)));
            bool fraction = m.IsFraction;
            if (!fraction && m.ReportedValue is { } value)
            {
                WriteDecimal(writer, ValueName, value);
            }
            if (m.Numerator is { } numerator)
            {
                WriteDecimal(writer, NumeratorName, numerator);
            }
            if (m.Denominator is { } denominator)
            {
                WriteDecimal(writer, DenominatorName, denominator);
            }
            if (fraction && m.ReportedValue is { } reported)
            {
                WriteDecimal(writer, ReportedValueName, reported);
            }
            if (m.Status != ObservationStatus.Normal)
            {
                writer.WriteString(StatusName, JsonNames.Status.NameOf(m.Status));
            }
            WriteSource(writer, m.Source);
            writer.WriteEndObject();
            if (writer.BytesPending > FlushThreshold)
            {
                writer.Flush();
            }
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteSource(Utf8JsonWriter writer, SourceCitation? source)
    {
        if (source is null)
        {
            return;
        }
        writer.WriteStartObject(SourceName);
        writer.WriteString(DocumentName, source.Document);
        if (source.Quote is { } quote)
        {
            writer.WriteString(QuoteName, quote);
        }
        writer.WriteEndObject();
    }

    /// <summary>A decimal as <see cref="ExactDecimal.Format"/> writes it (invariant, with its scale, never an exponent).</summary>
    private static void WriteDecimal(Utf8JsonWriter writer, JsonEncodedText name, decimal value)
    {
        Span<byte> text = stackalloc byte[64];
        if (!value.TryFormat(text, out int written, default, CultureInfo.InvariantCulture))
        {
            throw new InvalidOperationException("A decimal did not fit its buffer.");
        }
        writer.WritePropertyName(name);
        writer.WriteRawValue(text.Slice(0, written), skipInputValidation: true);
    }
}
#endif
