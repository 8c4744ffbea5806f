using System;
using System.Buffers;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using DigitalKpi.Administration;
using DigitalKpi.Utility;
using NodaTime;

namespace DigitalKpi.Json.Internal;

/// <summary>A read failure found by a converter; the serializer adds its JSON path and position.</summary>
internal sealed class KpiConverterException : JsonException
{
    internal KpiConverterException(KpiJsonErrorKind errorKind, string message)
        : base(message)
    {
        ErrorKind = errorKind;
    }

    internal KpiJsonErrorKind ErrorKind { get; }
}

/// <summary>Helpers shared by the converters.</summary>
internal static class ConverterErrors
{
    /// <summary>The longest raw token accepted for a short string value (date, period, unit, enum name).</summary>
    internal const int MaxShortTokenBytes = 256;

    internal static KpiConverterException WrongType(string expected, JsonTokenType found)
        => new(KpiJsonErrorKind.WrongType, "expected " + expected + ", found " + Describe(found) + ".");

    internal static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        _ => "'" + token.ToString() + "'",
    };

    /// <summary>Reads a short string token (a code-like value), refusing long ones before allocating them.</summary>
    internal static string ReadShortString(ref Utf8JsonReader reader, string expected)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw WrongType(expected, reader.TokenType);
        }
        long length = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
        if (length > MaxShortTokenBytes)
        {
            throw new KpiConverterException(KpiJsonErrorKind.InvalidValue, "expected " + expected + ", found a string of " + length.ToString(CultureInfo.InvariantCulture) + " bytes.");
        }
        return GetString(ref reader);
    }

    internal static string GetString(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException e)
        {
            throw new KpiConverterException(KpiJsonErrorKind.InvalidEncoding, "the string is not valid Unicode (" + e.Message.TrimEnd('.') + ").");
        }
    }

    /// <summary>User text quoted for a message: at most 40 characters, control characters escaped.</summary>
    internal static string Quote(string text)
    {
        var sb = new System.Text.StringBuilder("'");
        int n = 0;
        foreach (char c in text)
        {
            if (n++ == 40)
            {
                sb.Append('…');
                break;
            }
            if (c < ' ' || c == '\u007f' || char.IsSurrogate(c))
            {
                sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                sb.Append(c);
            }
        }
        return sb.Append('\'').ToString();
    }
}

/// <summary>
/// Decimals read exactly from the JSON number text, keeping the scale (81.20 stays 81.20); a number that a
/// <see cref="decimal"/> cannot hold exactly (beyond ±79,228,162,514,264,337,593,543,950,335, more than 28 decimal
/// places, or more significant digits than 96 bits hold) is refused rather than rounded.
/// </summary>
internal sealed class DecimalConverter : JsonConverter<decimal>
{
    public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.Number)
        {
            throw ConverterErrors.WrongType("a number", reader.TokenType);
        }
        ReadOnlySpan<byte> raw = reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan;
        if (!ExactDecimal.TryParse(raw, out decimal value, out string? error))
        {
            throw new KpiConverterException(KpiJsonErrorKind.NumberOutOfRange, error!);
        }
        return value;
    }

    public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options)
        => writer.WriteRawValue(ExactDecimal.Format(value), skipInputValidation: true);
}

/// <summary>ISO dates <c>2025-12-31</c>, years 0001–9999, nothing else (no time, no offset, no week dates).</summary>
internal sealed class LocalDateConverter : JsonConverter<LocalDate>
{
    public override LocalDate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        string text = ConverterErrors.ReadShortString(ref reader, "a date like \"2025-12-31\"");
        if (!TryParse(text, out LocalDate date))
        {
            throw new KpiConverterException(KpiJsonErrorKind.InvalidValue, ConverterErrors.Quote(text) + " is not a date: expected an ISO calendar date yyyy-MM-dd such as \"2025-12-31\", year 0001–9999.");
        }
        return date;
    }

    public override void Write(Utf8JsonWriter writer, LocalDate value, JsonSerializerOptions options)
        => writer.WriteStringValue(Format(value));

    internal static string Format(LocalDate date)
    {
        if (date.Calendar != CalendarSystem.Iso || date.Year < 1 || date.Year > 9999)
        {
            throw new ArgumentOutOfRangeException(nameof(date), date, "Only ISO dates in the years 1-9999 can be written.");
        }
        var inv = CultureInfo.InvariantCulture;
        return date.Year.ToString("D4", inv) + "-" + date.Month.ToString("D2", inv) + "-" + date.Day.ToString("D2", inv);
    }

    internal static bool TryParse(string text, out LocalDate date)
    {
        date = default;
        if (text.Length != 10 || text[4] != '-' || text[7] != '-')
        {
            return false;
        }
        if (!TryDigits(text, 0, 4, out int year) || !TryDigits(text, 5, 2, out int month) || !TryDigits(text, 8, 2, out int day))
        {
            return false;
        }
        if (year < 1 || month < 1 || month > 12 || day < 1 || day > ReportingPeriod.DaysInMonth(year, month))
        {
            return false;
        }
        date = new LocalDate(year, month, day);
        return true;
    }

    private static bool TryDigits(string text, int start, int count, out int value)
    {
        value = 0;
        for (int i = start; i < start + count; i++)
        {
            char c = text[i];
            if (c < '0' || c > '9')
            {
                return false;
            }
            value = (value * 10) + (c - '0');
        }
        return true;
    }
}

/// <summary>Reporting periods: written in the canonical form, read in every form <see cref="ReportingPeriod.Parse"/> accepts.</summary>
internal sealed class ReportingPeriodConverter : JsonConverter<ReportingPeriod>
{
    public override ReportingPeriod Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        string text = ConverterErrors.ReadShortString(ref reader, "a reporting period like \"2022\", \"2022-Q3\" or \"2022-06-01/2022-12-31\"");
        try
        {
            return ReportingPeriod.Parse(text);
        }
        catch (PeriodFormatException e)
        {
            throw new KpiConverterException(KpiJsonErrorKind.InvalidValue, e.Message);
        }
    }

    public override void Write(Utf8JsonWriter writer, ReportingPeriod value, JsonSerializerOptions options)
        => writer.WriteStringValue(value.ToString());
}

/// <summary>Units in their canonical text form (<c>percent</c>, <c>share:GRDP</c>, <c>rank:63</c>, <c>score:1000</c>).</summary>
internal sealed class UnitConverter : JsonConverter<Unit>
{
    public override Unit Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        string text = ConverterErrors.ReadShortString(ref reader, "a unit like \"percent\" or \"rank:63\"");
        if (!Unit.TryParse(text, out Unit? unit))
        {
            throw new KpiConverterException(
                KpiJsonErrorKind.InvalidValue,
                ConverterErrors.Quote(text) + " is not a unit: expected percent, fraction, count, share:GRDP|GDP|BUDGET|RETAIL|SECTOR, rank, rank:N (1–100000), score:MAX, milestone or money:XXX.");
        }
        string canonical = unit!.ToString();
        if (!string.Equals(canonical, text, StringComparison.Ordinal))
        {
            throw new KpiConverterException(KpiJsonErrorKind.InvalidValue, ConverterErrors.Quote(text) + " is not in canonical form: write \"" + canonical + "\".");
        }
        return unit;
    }

    public override void Write(Utf8JsonWriter writer, Unit value, JsonSerializerOptions options)
        => writer.WriteStringValue(Preconditions.CheckNotNull(value).ToString());
}

/// <summary>Strings; an escape that is not valid Unicode (a lone surrogate) is an encoding error. Lengths are checked by the scanner.</summary>
internal sealed class StringConverter : JsonConverter<string>
{
    public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw ConverterErrors.WrongType("a string", reader.TokenType);
        }
        return ConverterErrors.GetString(ref reader);
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
        => writer.WriteStringValue(value);
}

/// <summary>Base of the enum converters: exact camelCase names from <see cref="JsonNames"/>, no numbers.</summary>
internal abstract class NamedEnumConverter<T> : JsonConverter<T>
    where T : struct, Enum
{
    private protected abstract EnumNames<T> Names { get; }

    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        EnumNames<T> names = Names;
        if (reader.TokenType != JsonTokenType.String)
        {
            throw ConverterErrors.WrongType(names.Description + " (one of " + names.Expected + ")", reader.TokenType);
        }
        if (names.TryRead(ref reader, out T value))
        {
            return value;
        }
        long length = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
        string shown = length > ConverterErrors.MaxShortTokenBytes ? "a long string" : ConverterErrors.Quote(ConverterErrors.GetString(ref reader));
        throw new KpiConverterException(KpiJsonErrorKind.InvalidValue, shown + " is not " + names.Description + ": expected one of " + names.Expected + ".");
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
        => writer.WriteStringValue(Names.NameOf(value));
}

internal sealed class ComparatorConverter : NamedEnumConverter<Comparator>
{
    private protected override EnumNames<Comparator> Names => JsonNames.Comparator;
}

internal sealed class DirectionConverter : NamedEnumConverter<Direction>
{
    private protected override EnumNames<Direction> Names => JsonNames.Direction;
}

internal sealed class PillarConverter : NamedEnumConverter<Pillar>
{
    private protected override EnumNames<Pillar> Names => JsonNames.Pillar;
}

internal sealed class TemporalNatureConverter : NamedEnumConverter<TemporalNature>
{
    private protected override EnumNames<TemporalNature> Names => JsonNames.TemporalNature;
}

internal sealed class LevelConverter : NamedEnumConverter<AdministrativeLevel>
{
    private protected override EnumNames<AdministrativeLevel> Names => JsonNames.Level;
}

internal sealed class PeriodicityConverter : NamedEnumConverter<PeriodKind>
{
    private protected override EnumNames<PeriodKind> Names => JsonNames.Periodicity;
}

internal sealed class StatusConverter : NamedEnumConverter<ObservationStatus>
{
    private protected override EnumNames<ObservationStatus> Names => JsonNames.Status;
}
