using DigitalKpi.Administration;
using DigitalKpi.Tests.Periods;
using FsCheck;
using FsCheck.Fluent;

namespace DigitalKpi.Tests.TestHelpers;

/// <summary>
/// FsCheck generators that reach every corner of the model for the JSON round trip: all units, comparators, levels,
/// statuses and period kinds; every optional member present or absent; decimals of every scale and magnitude; codes
/// of every allowed character; names with Vietnamese diacritics, quotes, backslashes, control characters and emoji.
/// </summary>
internal static class JsonModelGen
{
    private const string CodeFirst = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private const string CodeRest = CodeFirst + "._-";

    /// <summary>Decimals: realistic ones (0–3 places), trailing zeros, and arbitrary 96-bit values with any scale.</summary>
    internal static Gen<decimal> Decimal => Gen.Frequency(
        (5, ModelGen.Decimal),
        (2, Gen.Choose(0, 100_000).SelectMany(n => Gen.Choose(0, 4).Select(scale => new decimal(n, 0, 0, false, (byte)scale)))),
        (2, from lo in ArbMap.Default.GeneratorFor<int>()
            from mid in ArbMap.Default.GeneratorFor<int>()
            from hi in ArbMap.Default.GeneratorFor<int>()
            from negative in ArbMap.Default.GeneratorFor<bool>()
            from scale in Gen.Choose(0, 28)
            select new decimal(lo, mid, hi, negative, (byte)scale)),
        (1, Gen.Elements(0m, 0.00m, 1m, -1m, 81.20m, 100.000m, decimal.MaxValue, decimal.MinValue, 0.0000000000000000000000000001m, 1e-28m, 79228162514264337593543950.335m)));

    internal static Gen<string> Code =>
        from length in Gen.Frequency((6, Gen.Choose(1, 12)), (1, Gen.Choose(1, 64)))
        from first in Gen.Elements(CodeFirst.ToCharArray())
        from rest in Gen.ArrayOf(Gen.Elements(CodeRest.ToCharArray()), length - 1)
        select first + new string(rest);

    private static readonly string[] Fragments =
    [
        "Tỷ lệ hộ gia đình có đường truyền internet cáp quang", "Kinh tế số chiếm khoảng 10% GRDP", "Thừa Thiên Huế", "Quảng Trị",
        "hồ sơ công việc tại cấp xã", "1.693/1.733 thôn, bản", "đạt 81,2%", "\"quoted\"", "back\\slash", "line\nbreak", "tab\there",
        "ctrl\u0001char", "emoji 😀", "<html> & 'apos'", "sep\u2028line", "e\u0301 (decomposed)", "Ω", "中文", "  padded  ", "/slash/",
    ];

    /// <summary>Human-readable text: fragments joined, never blank.</summary>
    internal static Gen<string> Name =>
        from count in Gen.Choose(1, 3)
        from parts in Gen.ArrayOf(Gen.Elements(Fragments), count)
        select string.Join(" ", parts);

    internal static Gen<string?> OptionalName => Gen.Frequency((1, Gen.Constant<string?>(null)), (2, Name.Select(n => (string?)n)));

    /// <summary>ISO dates in years 1–9999, often near the present.</summary>
    internal static Gen<LocalDate> Date => Gen.Frequency((3, ModelGen.Date), (1, PeriodGenerators.Date));

    internal static Gen<LocalDate?> OptionalDate => Gen.Frequency((1, Gen.Constant<LocalDate?>(null)), (1, Date.Select(d => (LocalDate?)d)));

    internal static Gen<Unit> Unit => Gen.OneOf(
        Gen.Elements(ModelGen.Units),
        Gen.Elements(Enum.GetValues<EconomicAggregate>()).Select(DigitalKpi.Unit.ShareOf),
        Gen.Choose(1, DigitalKpi.Unit.MaxRankPool).Select(DigitalKpi.Unit.RankAmong),
        Gen.Constant(DigitalKpi.Unit.Rank),
        Gen.Elements(1000m, 100m, 12.5m, 12.50m, 0.5m, 7m).Select(DigitalKpi.Unit.IndexScore),
        Gen.Elements("VND", "USD", "EUR").Select(DigitalKpi.Unit.Money));

    internal static Gen<SourceCitation?> Source =>
        Gen.Frequency(
            (1, Gen.Constant<SourceCitation?>(null)),
            (2, from document in Gen.Elements("02-NQ/TU", "749/QĐ-TTg", "48-NQ/TU", "Báo cáo số 342/BC STTTT")
                from quote in OptionalName
                select (SourceCitation?)new SourceCitation(document, quote)));

    internal static Gen<Indicator> Indicator =>
        from code in Code
        from nameVi in Name
        from nameEn in OptionalName
        from unit in Unit
        from direction in Gen.Elements(Enum.GetValues<Direction>())
        from pillar in Gen.Elements(Enum.GetValues<Pillar>())
        from nature in Gen.Elements(Enum.GetValues<TemporalNature>())
        from levels in Gen.Frequency(
            (1, Gen.Constant<IEnumerable<AdministrativeLevel>?>(null)),
            (2, Gen.Shuffle(Enum.GetValues<AdministrativeLevel>()).SelectMany(all => Gen.Choose(1, all.Length).Select(n => (IEnumerable<AdministrativeLevel>?)all.Take(n).ToArray()))))
        from periodicity in Gen.Elements(Enum.GetValues<PeriodKind>())
        select new Indicator(code, nameVi, unit, direction, pillar, nature, nameEn, levels, periodicity);

    internal static Gen<Target> Target =>
        from id in Code
        from indicator in Code
        from comparator in Gen.Elements(Enum.GetValues<Comparator>())
        from unit in Unit
        from value in Decimal
        from upper in Decimal
        from tolerance in Decimal
        from level in Gen.Elements(Enum.GetValues<AdministrativeLevel>())
        from deadline in Date
        from start in OptionalDate
        from hasBaseline in ArbMap.Default.GeneratorFor<bool>()
        from baselineValue in Decimal
        from baselineDate in Date
        from maintain in ArbMap.Default.GeneratorFor<bool>()
        from aspirational in ArbMap.Default.GeneratorFor<bool>()
        from refines in Gen.Frequency((2, Gen.Constant<string?>(null)), (1, Code.Select(c => (string?)c)))
        from source in Source
        select MakeTarget(id, indicator, comparator, unit, value, upper, tolerance, level, deadline, start, hasBaseline ? new Baseline(baselineValue, baselineDate) : null, maintain, aspirational, refines, source);

    private static Target MakeTarget(
        string id, string indicator, Comparator comparator, Unit unit, decimal value, decimal upper, decimal tolerance, AdministrativeLevel level,
        LocalDate deadline, LocalDate? start, Baseline? baseline, bool maintain, bool aspirational, string? refines, SourceCitation? source)
    {
        Quantity threshold = comparator switch
        {
            Comparator.Achieved => Quantity.Yes,
            Comparator.RankWithin => new Quantity(value, unit.Kind == UnitKind.Rank ? unit : DigitalKpi.Unit.RankAmong(63)),
            _ => new Quantity(value, unit.Kind == UnitKind.Milestone ? DigitalKpi.Unit.Percent : unit),
        };
        return new Target(
            id, indicator, comparator, threshold, deadline, level,
            upper: comparator == Comparator.Between ? new Quantity(upper, threshold.Unit) : null,
            tolerance: comparator == Comparator.About ? tolerance : null,
            startDate: start, baseline: baseline, maintain: maintain, aspirational: aspirational, refines: refines, source: source);
    }

    internal static Gen<Catalog> Catalog =>
        from id in Code
        from title in Name
        from issuer in Gen.Frequency((3, Gen.Elements("VN", "45", "46", "08", "06")), (1, Code))
        from indicators in Gen.Choose(0, 6).SelectMany(n => Gen.ListOf(Indicator, n))
        from targets in Gen.Choose(0, 10).SelectMany(n => Gen.ListOf(Target, n))
        from issuedOn in OptionalDate
        from source in Source
        select new Catalog(id, title, issuer, indicators, targets, issuedOn, source);

    internal static Gen<Measurement> Measurement =>
        from shape in Gen.Choose(0, 3)
        from indicator in Code
        from unitCode in Gen.Frequency((3, Gen.Elements("VN", "08", "45", "00001")), (1, Code))
        from period in PeriodGenerators.Any
        from value in Decimal
        from numerator in Decimal
        from denominator in Decimal
        from reported in Gen.Frequency((1, Gen.Constant<decimal?>(null)), (2, Decimal.Select(d => (decimal?)d)))
        from status in Gen.Elements(Enum.GetValues<ObservationStatus>())
        from missing in Gen.Elements(ObservationStatus.Missing, ObservationStatus.MissingCannotExist)
        from source in Source
        select shape switch
        {
            0 => DigitalKpi.Measurement.Of(indicator, unitCode, period, value, status, source),
            1 => DigitalKpi.Measurement.OfFraction(indicator, unitCode, period, numerator, denominator, reported, status, source),
            2 => DigitalKpi.Measurement.Missing(indicator, unitCode, period, missing, source),
            _ => DigitalKpi.Measurement.Of(indicator, unitCode, period, value),
        };

    internal static Gen<MeasurementSet> MeasurementSet =>
        from id in Code
        from title in Name
        from measurements in Gen.Choose(0, 12).SelectMany(n => Gen.ListOf(Measurement, n))
        from source in Source
        select new MeasurementSet(id, title, measurements, source);
}
