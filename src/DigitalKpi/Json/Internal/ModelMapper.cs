using System;
using System.Collections.Generic;
using System.Globalization;
using DigitalKpi.Administration;

namespace DigitalKpi.Json.Internal;

/// <summary>A problem found while turning the wire types into the model: the reader adds the position of the path.</summary>
internal sealed class JsonMappingException : Exception
{
    internal JsonMappingException(KpiJsonErrorKind errorKind, string path, string reason, Exception? inner = null)
        : base(reason, inner)
    {
        ErrorKind = errorKind;
        Path = path;
    }

    internal KpiJsonErrorKind ErrorKind { get; }

    internal string Path { get; }
}

/// <summary>Converts between the wire types (format version 1) and the immutable model.</summary>
internal static class ModelMapper
{
    internal const int SupportedMajor = 1;
    internal const int SupportedMinor = 0;

    // ---- Reading -------------------------------------------------------------------------------------------------

    internal static Catalog ToCatalog(CatalogDocumentDto dto, KpiJsonReadOptions options)
    {
        CheckEnvelope(dto.Kind, dto.FormatVersion, KpiJson.CatalogKind);
        CheckCount(dto.Indicators.Count, "$.indicators", options);
        CheckCount(dto.Targets.Count, "$.targets", options);
        var indicators = new List<Indicator>(dto.Indicators.Count);
        for (int i = 0; i < dto.Indicators.Count; i++)
        {
            string path = JsonPositions.Element("$.indicators", i);
            indicators.Add(ToIndicator(NotNull(dto.Indicators[i], path), path, options));
        }
        var targets = new List<Target>(dto.Targets.Count);
        for (int i = 0; i < dto.Targets.Count; i++)
        {
            string path = JsonPositions.Element("$.targets", i);
            targets.Add(ToTarget(NotNull(dto.Targets[i], path), path));
        }
        SourceCitation? source = ToSource(dto.Source, "$.source");
        try
        {
            return new Catalog(dto.Id, dto.Title, dto.Issuer, indicators, targets, dto.IssuedOn, source);
        }
        catch (ArgumentException e)
        {
            throw Invalid("$", e, p => p switch
            {
                "id" => "id",
                "title" => "title",
                "issuer" => "issuer",
                "indicators" => "indicators",
                "targets" => "targets",
                _ => null,
            });
        }
    }

    internal static MeasurementSet ToMeasurementSet(MeasurementsDocumentDto dto, KpiJsonReadOptions options)
    {
        CheckEnvelope(dto.Kind, dto.FormatVersion, KpiJson.MeasurementsKind);
        CheckCount(dto.Measurements.Count, "$.measurements", options);
        var measurements = new List<Measurement>(dto.Measurements.Count);
        for (int i = 0; i < dto.Measurements.Count; i++)
        {
            string path = JsonPositions.Element("$.measurements", i);
            measurements.Add(ToMeasurement(NotNull(dto.Measurements[i], path), path));
        }
        SourceCitation? source = ToSource(dto.Source, "$.source");
        try
        {
            return new MeasurementSet(dto.Id, dto.Title, measurements, source);
        }
        catch (ArgumentException e)
        {
            throw Invalid("$", e, p => p switch
            {
                "id" => "id",
                "title" => "title",
                "measurements" => "measurements",
                _ => null,
            });
        }
    }

    /// <summary>Parses "major.minor" (ASCII digits, no leading zeros); false when malformed.</summary>
    internal static bool TryParseVersion(string? text, out int major, out int minor)
    {
        major = 0;
        minor = 0;
        if (text is null)
        {
            return false;
        }
        int dot = text.IndexOf(".", StringComparison.Ordinal);
        return dot > 0
            && TryParseNumber(text.Substring(0, dot), out major)
            && TryParseNumber(text.Substring(dot + 1), out minor);
    }

    internal static string VersionError(string version)
        => "the document uses format version " + version + ", which is newer than this reader: it reads format "
        + SupportedMajor.ToString(CultureInfo.InvariantCulture) + ".x only. Read it with a newer DigitalKpi.";

    private static bool TryParseNumber(string text, out int value)
    {
        value = 0;
        if (text.Length == 0 || text.Length > 6 || (text.Length > 1 && text[0] == '0'))
        {
            return false;
        }
        foreach (char c in text)
        {
            if (c < '0' || c > '9')
            {
                return false;
            }
            value = (value * 10) + (c - '0');
        }
        return true;
    }

    private static void CheckEnvelope(string kind, string version, string expectedKind)
    {
        if (!TryParseVersion(version, out int major, out _))
        {
            throw new JsonMappingException(KpiJsonErrorKind.InvalidValue, "$.formatVersion", ConverterErrors.Quote(version) + " is not a format version: expected \"major.minor\", such as \"1.0\".");
        }
        if (major != SupportedMajor)
        {
            throw new JsonMappingException(KpiJsonErrorKind.UnsupportedVersion, "$.formatVersion", major > SupportedMajor ? VersionError(version) : "format version " + version + " does not exist: the first version is 1.0.");
        }
        if (!string.Equals(kind, expectedKind, StringComparison.Ordinal))
        {
            throw new JsonMappingException(KpiJsonErrorKind.WrongDocumentKind, "$.kind", KindError(kind, expectedKind));
        }
    }

    internal static string KindError(string kind, string expectedKind)
        => string.Equals(kind, KpiJson.CatalogKind, StringComparison.Ordinal) || string.Equals(kind, KpiJson.MeasurementsKind, StringComparison.Ordinal)
            ? "the document is a " + Describe(kind) + ", not a " + Describe(expectedKind) + "."
            : ConverterErrors.Quote(kind) + " is not a DigitalKpi document kind: expected \"" + expectedKind + "\".";

    private static string Describe(string kind) => string.Equals(kind, KpiJson.CatalogKind, StringComparison.Ordinal) ? "catalog (\"" + kind + "\")" : "measurement set (\"" + kind + "\")";

    private static void CheckCount(int count, string path, KpiJsonReadOptions options)
    {
        if (count > options.MaxArrayItems)
        {
            throw new JsonMappingException(
                KpiJsonErrorKind.TooManyItems,
                path,
                "the array has " + count.ToString(CultureInfo.InvariantCulture) + " items, more than the limit of " + options.MaxArrayItems.ToString(CultureInfo.InvariantCulture) + ".");
        }
    }

    private static T NotNull<T>(T? item, string path)
        where T : class
        => item ?? throw new JsonMappingException(KpiJsonErrorKind.WrongType, path, "expected an object, found null.");

    private static SourceCitation? ToSource(SourceDto? dto, string path)
    {
        if (dto is null)
        {
            return null;
        }
        try
        {
            return new SourceCitation(dto.Document, dto.Quote);
        }
        catch (ArgumentException e)
        {
            throw Invalid(path, e, p => p);
        }
    }

    private static Indicator ToIndicator(IndicatorDto dto, string path, KpiJsonReadOptions options)
    {
        if (dto.Levels is not null)
        {
            CheckCount(dto.Levels.Count, path + ".levels", options);
        }
        try
        {
            return new Indicator(dto.Code, dto.NameVi, dto.Unit, dto.Direction, dto.Pillar, dto.TemporalNature, dto.NameEn, dto.Levels, dto.Periodicity ?? PeriodKind.Year);
        }
        catch (ArgumentException e)
        {
            throw Invalid(path, e, p => p);
        }
    }

    private static Target ToTarget(TargetDto dto, string path)
    {
        Comparator c = dto.Comparator;
        if (c == Comparator.Between && dto.Upper is null)
        {
            throw new JsonMappingException(KpiJsonErrorKind.MissingMember, path + ".upper", "a band (\"between\") needs an \"upper\" bound.");
        }
        if (c != Comparator.Between && dto.Upper is not null)
        {
            throw new JsonMappingException(KpiJsonErrorKind.InvalidValue, path + ".upper", "only a band (\"between\") has an \"upper\" bound.");
        }
        if (c == Comparator.About && dto.Tolerance is null)
        {
            throw new JsonMappingException(KpiJsonErrorKind.MissingMember, path + ".tolerance", "an \"about\" target needs a \"tolerance\".");
        }
        if (c != Comparator.About && dto.Tolerance is not null)
        {
            throw new JsonMappingException(KpiJsonErrorKind.InvalidValue, path + ".tolerance", "only an \"about\" target has a \"tolerance\".");
        }
        if (c == Comparator.RankWithin && dto.Unit.Kind != UnitKind.Rank)
        {
            throw new JsonMappingException(KpiJsonErrorKind.InvalidValue, path + ".unit", "a \"rankWithin\" target needs a rank unit such as \"rank:63\".");
        }
        if ((c == Comparator.Achieved) != (dto.Unit.Kind == UnitKind.Milestone))
        {
            throw new JsonMappingException(
                KpiJsonErrorKind.InvalidValue,
                path + ".unit",
                c == Comparator.Achieved ? "an \"achieved\" target has the unit \"milestone\" and the value 1." : "the unit \"milestone\" goes with the comparator \"achieved\".");
        }
        if (c == Comparator.Achieved && dto.Value != 1m)
        {
            throw new JsonMappingException(KpiJsonErrorKind.InvalidValue, path + ".value", "an \"achieved\" target has the value 1.");
        }
        Baseline? baseline = dto.Baseline is null ? null : new Baseline(dto.Baseline.Value, dto.Baseline.Date);
        try
        {
            return new Target(
                dto.Id,
                dto.Indicator,
                c,
                new Quantity(dto.Value, dto.Unit),
                dto.Deadline,
                dto.Level ?? AdministrativeLevel.Province,
                dto.Upper is { } u ? new Quantity(u, dto.Unit) : null,
                dto.Tolerance,
                dto.StartDate,
                baseline,
                dto.Maintain,
                dto.Aspirational,
                dto.Refines,
                ToSource(dto.Source, path + ".source"));
        }
        catch (ArgumentException e)
        {
            throw Invalid(path, e, p => p switch
            {
                "indicatorCode" => "indicator",
                "threshold" => "value",
                _ => p,
            });
        }
    }

    private static Measurement ToMeasurement(MeasurementDto dto, string path)
    {
        ObservationStatus status = dto.Status ?? ObservationStatus.Normal;
        try
        {
            if (dto.Numerator is not null || dto.Denominator is not null)
            {
                if (dto.Numerator is not { } n)
                {
                    throw new JsonMappingException(KpiJsonErrorKind.MissingMember, path + ".numerator", "a fraction needs both \"numerator\" and \"denominator\".");
                }
                if (dto.Denominator is not { } d)
                {
                    throw new JsonMappingException(KpiJsonErrorKind.MissingMember, path + ".denominator", "a fraction needs both \"numerator\" and \"denominator\".");
                }
                if (dto.Value is not null)
                {
                    throw new JsonMappingException(
                        KpiJsonErrorKind.InvalidValue,
                        path + ".value",
                        "a fraction has no \"value\": its value is computed from \"numerator\" and \"denominator\"; put a percentage the source reported in \"reportedValue\".");
                }
                return Measurement.OfFraction(dto.Indicator, dto.AdminUnit, dto.Period, n, d, dto.ReportedValue, status, ToSource(dto.Source, path + ".source"));
            }
            if (dto.ReportedValue is not null)
            {
                throw new JsonMappingException(KpiJsonErrorKind.InvalidValue, path + ".reportedValue", "\"reportedValue\" goes with \"numerator\" and \"denominator\"; a plain figure is a \"value\".");
            }
            if (dto.Value is { } v)
            {
                return Measurement.Of(dto.Indicator, dto.AdminUnit, dto.Period, v, status, ToSource(dto.Source, path + ".source"));
            }
            if (dto.Status is null)
            {
                throw new JsonMappingException(
                    KpiJsonErrorKind.MissingMember,
                    path + ".value",
                    "a measurement has a \"value\", a \"numerator\" and \"denominator\", or, for a missing figure, \"status\": \"missing\" or \"missingCannotExist\".");
            }
            if (status is not (ObservationStatus.Missing or ObservationStatus.MissingCannotExist))
            {
                throw new JsonMappingException(
                    KpiJsonErrorKind.InvalidValue,
                    path + ".status",
                    "a measurement without a value is a missing figure: its \"status\" is \"missing\" or \"missingCannotExist\", not " + ConverterErrors.Quote(JsonNames.Status.NameOf(status)) + ".");
            }
            return Measurement.Missing(dto.Indicator, dto.AdminUnit, dto.Period, status, ToSource(dto.Source, path + ".source"));
        }
        catch (ArgumentException e)
        {
            throw Invalid(path, e, p => p switch
            {
                "indicatorCode" => "indicator",
                "unitCode" => "adminUnit",
                "reportedPercent" => "reportedValue",
                _ => p,
            });
        }
    }

    /// <summary>A model constructor refused a value: locate it by the parameter's JSON member and keep the model's reason.</summary>
    private static JsonMappingException Invalid(string path, ArgumentException e, Func<string, string?> member)
    {
        string? name = e.ParamName is null ? null : member(e.ParamName);
        string at = name is null ? path : (path == "$" ? "$." + name : path + "." + name);
        string reason = e.Message;
        int cut = reason.IndexOf(" (Parameter '", StringComparison.Ordinal);
        if (cut >= 0)
        {
            reason = reason.Substring(0, cut);
        }
        int newline = reason.IndexOf("\n", StringComparison.Ordinal);
        if (newline >= 0)
        {
            reason = reason.Substring(0, newline).TrimEnd('\r');
        }
        if (reason.Length > 0)
        {
            reason = char.ToLowerInvariant(reason[0]) + reason.Substring(1);
        }
        return new JsonMappingException(KpiJsonErrorKind.InvalidValue, at, reason, e);
    }

    // ---- Writing -------------------------------------------------------------------------------------------------

    internal static CatalogDocumentDto FromCatalog(Catalog catalog)
    {
        var indicators = new List<IndicatorDto>(catalog.Indicators.Length);
        foreach (Indicator i in catalog.Indicators)
        {
            indicators.Add(new IndicatorDto
            {
                Code = i.Code,
                NameVi = i.NameVi,
                NameEn = i.NameEn,
                Unit = i.Unit,
                Direction = i.Direction,
                Pillar = i.Pillar,
                TemporalNature = i.TemporalNature,
                Levels = i.Levels.Length == 1 && i.Levels[0] == AdministrativeLevel.Province ? null : new List<AdministrativeLevel>(i.Levels),
                Periodicity = i.Periodicity == PeriodKind.Year ? null : i.Periodicity,
            });
        }
        var targets = new List<TargetDto>(catalog.Targets.Length);
        foreach (Target t in catalog.Targets)
        {
            targets.Add(new TargetDto
            {
                Id = t.Id,
                Indicator = t.IndicatorCode,
                Comparator = t.Comparator,
                Value = t.Threshold.Value,
                Upper = t.Upper?.Value,
                Tolerance = t.Tolerance,
                Unit = t.Unit,
                Level = t.Level == AdministrativeLevel.Province ? null : t.Level,
                Deadline = t.Deadline,
                StartDate = t.StartDate,
                Baseline = t.Baseline is { } b ? new BaselineDto { Value = b.Value, Date = b.Date } : null,
                Maintain = t.Maintain,
                Aspirational = t.Aspirational,
                Refines = t.Refines,
                Source = FromSource(t.Source),
            });
        }
        return new CatalogDocumentDto
        {
            Schema = KpiJson.CatalogSchemaId,
            Kind = KpiJson.CatalogKind,
            FormatVersion = KpiJson.FormatVersion,
            Id = catalog.Id,
            Title = catalog.Title,
            Issuer = catalog.Issuer,
            IssuedOn = catalog.IssuedOn,
            Source = FromSource(catalog.Source),
            Indicators = indicators,
            Targets = targets,
        };
    }

    internal static MeasurementsDocumentDto FromMeasurementSet(MeasurementSet set)
    {
        var measurements = new List<MeasurementDto>(set.Measurements.Length);
        foreach (Measurement m in set.Measurements)
        {
            measurements.Add(new MeasurementDto
            {
                Indicator = m.IndicatorCode,
                AdminUnit = m.UnitCode,
                Period = m.Period,
                Value = m.IsFraction ? null : m.ReportedValue,
                Numerator = m.Numerator,
                Denominator = m.Denominator,
                ReportedValue = m.IsFraction ? m.ReportedValue : null,
                Status = m.Status == ObservationStatus.Normal ? null : m.Status,
                Source = FromSource(m.Source),
            });
        }
        return new MeasurementsDocumentDto
        {
            Schema = KpiJson.MeasurementsSchemaId,
            Kind = KpiJson.MeasurementsKind,
            FormatVersion = KpiJson.FormatVersion,
            Id = set.Id,
            Title = set.Title,
            Source = FromSource(set.Source),
            Measurements = measurements,
        };
    }

    private static SourceDto? FromSource(SourceCitation? source)
        => source is null ? null : new SourceDto { Document = source.Document, Quote = source.Quote };
}
