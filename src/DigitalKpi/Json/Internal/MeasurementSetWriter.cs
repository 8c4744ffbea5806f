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

    /// <summary>Writes the document and its final newline.</summary>
    internal static void Write(MeasurementSet set, IBufferWriter<byte> output, JsonWriterOptions options)
    {
        using (var writer = new Utf8JsonWriter(output, options))
        {
            Write(set, writer);
        }
        output.Write("\n"u8);
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
