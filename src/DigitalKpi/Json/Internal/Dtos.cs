using System.Collections.Generic;
using System.Text.Json.Serialization;
using DigitalKpi.Administration;
using NodaTime;

#pragma warning disable CA1002 // Lists are what the serializer fills.
#pragma warning disable CA2227 // Settable collections are what the serializer fills.

namespace DigitalKpi.Json.Internal;

// The wire shape of format version 1 (internal, mutable, serializer-facing). The model types stay immutable; the
// mapper converts between the two. Optional reference members are declared non-nullable on purpose: with
// RespectNullableAnnotations an explicit JSON null is then refused, while an absent member stays null.
// Property order here is the order members are written in.

/// <summary>A catalog document.</summary>
internal sealed class CatalogDocumentDto
{
    [JsonPropertyName("$schema")]
    public string? Schema { get; set; }

    [JsonRequired]
    public string Kind { get; set; } = null!;

    [JsonRequired]
    public string FormatVersion { get; set; } = null!;

    [JsonRequired]
    public string Id { get; set; } = null!;

    [JsonRequired]
    public string Title { get; set; } = null!;

    [JsonRequired]
    public string Issuer { get; set; } = null!;

    public LocalDate? IssuedOn { get; set; }

    public SourceDto? Source { get; set; }

    [JsonRequired]
    public List<IndicatorDto> Indicators { get; set; } = null!;

    [JsonRequired]
    public List<TargetDto> Targets { get; set; } = null!;
}

/// <summary>A measurement-set document.</summary>
internal sealed class MeasurementsDocumentDto
{
    [JsonPropertyName("$schema")]
    public string? Schema { get; set; }

    [JsonRequired]
    public string Kind { get; set; } = null!;

    [JsonRequired]
    public string FormatVersion { get; set; } = null!;

    [JsonRequired]
    public string Id { get; set; } = null!;

    [JsonRequired]
    public string Title { get; set; } = null!;

    public SourceDto? Source { get; set; }

    [JsonRequired]
    public List<MeasurementDto> Measurements { get; set; } = null!;
}

/// <summary>A source citation.</summary>
internal sealed class SourceDto
{
    [JsonRequired]
    public string Document { get; set; } = null!;

    public string? Quote { get; set; }
}

/// <summary>An indicator.</summary>
internal sealed class IndicatorDto
{
    [JsonRequired]
    public string Code { get; set; } = null!;

    [JsonRequired]
    public string NameVi { get; set; } = null!;

    public string? NameEn { get; set; }

    [JsonRequired]
    public Unit Unit { get; set; } = null!;

    [JsonRequired]
    public Direction Direction { get; set; }

    [JsonRequired]
    public Pillar Pillar { get; set; }

    [JsonRequired]
    public TemporalNature TemporalNature { get; set; }

    public List<AdministrativeLevel>? Levels { get; set; }

    public PeriodKind? Periodicity { get; set; }
}

/// <summary>A target.</summary>
internal sealed class TargetDto
{
    [JsonRequired]
    public string Id { get; set; } = null!;

    [JsonRequired]
    public string Indicator { get; set; } = null!;

    [JsonRequired]
    public Comparator Comparator { get; set; }

    [JsonRequired]
    public decimal Value { get; set; }

    public decimal? Upper { get; set; }

    public decimal? Tolerance { get; set; }

    [JsonRequired]
    public Unit Unit { get; set; } = null!;

    public AdministrativeLevel? Level { get; set; }

    [JsonRequired]
    public LocalDate Deadline { get; set; }

    public LocalDate? StartDate { get; set; }

    public BaselineDto? Baseline { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Maintain { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Aspirational { get; set; }

    public string? Refines { get; set; }

    public SourceDto? Source { get; set; }
}

/// <summary>A target's baseline.</summary>
internal sealed class BaselineDto
{
    [JsonRequired]
    public decimal Value { get; set; }

    [JsonRequired]
    public LocalDate Date { get; set; }
}

/// <summary>A measurement.</summary>
internal sealed class MeasurementDto
{
    [JsonRequired]
    public string Indicator { get; set; } = null!;

    [JsonRequired]
    public string AdminUnit { get; set; } = null!;

    [JsonRequired]
    public ReportingPeriod Period { get; set; }

    public decimal? Value { get; set; }

    public decimal? Numerator { get; set; }

    public decimal? Denominator { get; set; }

    public decimal? ReportedValue { get; set; }

    public ObservationStatus? Status { get; set; }

    public SourceDto? Source { get; set; }
}

/// <summary>
/// The source-generated serializer context of the JSON format: metadata for the wire types, strict reading
/// (unknown members refused, required members enforced, no comments or trailing commas, numbers only as JSON numbers)
/// and the converters for the model's value types. Nulls, duplicate members and the limits are checked before, by
/// <see cref="DocumentScanner"/>.
/// </summary>
[JsonSourceGenerationOptions(
    GenerationMode = JsonSourceGenerationMode.Metadata,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
#if NET9_0_OR_GREATER
    AllowDuplicateProperties = false,
    RespectNullableAnnotations = true,
#endif
    NumberHandling = JsonNumberHandling.Strict,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Disallow,
    AllowTrailingCommas = false,
    PropertyNameCaseInsensitive = false,
    MaxDepth = DocumentScanner.SerializerMaxDepth,
    Converters = new[]
    {
        typeof(StringConverter),
        typeof(DecimalConverter),
        typeof(LocalDateConverter),
        typeof(ReportingPeriodConverter),
        typeof(UnitConverter),
        typeof(ComparatorConverter),
        typeof(DirectionConverter),
        typeof(PillarConverter),
        typeof(TemporalNatureConverter),
        typeof(LevelConverter),
        typeof(PeriodicityConverter),
        typeof(StatusConverter),
    })]
[JsonSerializable(typeof(CatalogDocumentDto))]
[JsonSerializable(typeof(MeasurementsDocumentDto))]
internal sealed partial class KpiJsonContext : JsonSerializerContext
{
}
