using DigitalKpi.Administration;
using FsCheck;
using FsCheck.Fluent;

namespace DigitalKpi.Tests.TestHelpers;

/// <summary>FsCheck generators for model types. Values deliberately include out-of-domain and inconsistent ones.</summary>
internal static class ModelGen
{
    internal static readonly Unit[] Units =
    [
        Unit.Percent, Unit.Fraction, Unit.Count, Unit.ShareOf(EconomicAggregate.Grdp), Unit.ShareOf(EconomicAggregate.BudgetExpenditure),
        Unit.RankAmong(63), Unit.RankAmong(34), Unit.IndexScore(1000m), Unit.Milestone, Unit.Vnd,
    ];

    /// <summary>Decimals with 0–3 decimal places in [-200, 2000].</summary>
    internal static Gen<decimal> Decimal =>
        Gen.Choose(-200_000, 2_000_000).SelectMany(n => Gen.Choose(0, 3).Select(scale => Math.Round(n / 1000m, scale)));

    internal static Gen<LocalDate> Date => Gen.Choose(0, 365 * 15).Select(d => new LocalDate(2019, 1, 1).PlusDays(d));

    internal static Gen<string> Code(string prefix) => Gen.Choose(0, 40).Select(i => prefix + i.ToString(System.Globalization.CultureInfo.InvariantCulture));

    internal static Gen<Indicator> Indicator =>
        from code in Code("IND")
        from unit in Gen.Elements(Units)
        from direction in Gen.Elements(Direction.HigherIsBetter, Direction.LowerIsBetter)
        from pillar in Gen.Elements(Enum.GetValues<Pillar>())
        from nature in Gen.Elements(Enum.GetValues<TemporalNature>())
        from levels in Gen.SubListOf(Enum.GetValues<AdministrativeLevel>()).Where(l => l.Count > 0)
        select new Indicator(code, "Chỉ số " + code, unit, direction, pillar, nature, null, levels);

    internal static Gen<Target> Target =>
        from id in Code("T")
        from indicator in Code("IND")
        from comparator in Gen.Elements(Enum.GetValues<Comparator>())
        from unit in Gen.Elements(Units)
        from value in Decimal
        from upper in Decimal
        from tolerance in Decimal
        from level in Gen.Elements(Enum.GetValues<AdministrativeLevel>())
        from deadline in Date
        from hasBaseline in Gen.Elements(true, false)
        from baselineValue in Decimal
        from baselineDate in Date
        from hasStart in Gen.Elements(true, false)
        from start in Date
        from maintain in Gen.Elements(true, false)
        from refines in Gen.Elements<string?>(null, "T1", "T2", "NOPE")
        select Make(id, indicator, comparator, unit, value, upper, tolerance, level, deadline, hasBaseline ? new Baseline(baselineValue, baselineDate) : null, hasStart ? start : null, maintain, refines);

    private static Target Make(string id, string indicator, Comparator comparator, Unit unit, decimal value, decimal upper, decimal tolerance, AdministrativeLevel level, LocalDate deadline, Baseline? baseline, LocalDate? start, bool maintain, string? refines)
    {
        Quantity threshold = comparator switch
        {
            Comparator.Achieved => Quantity.Yes,
            Comparator.RankWithin => new Quantity(value, unit.Kind == UnitKind.Rank ? unit : Unit.RankAmong(63)),
            _ => new Quantity(value, unit.Kind == UnitKind.Milestone ? Unit.Percent : unit),
        };
        return new Target(
            id, indicator, comparator, threshold, deadline, level,
            upper: comparator == Comparator.Between ? new Quantity(upper, threshold.Unit) : null,
            tolerance: comparator == Comparator.About ? tolerance : null,
            startDate: start, baseline: baseline, maintain: maintain, refines: refines);
    }

    internal static Gen<Catalog> Catalog =>
        from indicatorCount in Gen.Choose(0, 6)
        from indicators in Gen.ListOf(Indicator, indicatorCount)
        from targetCount in Gen.Choose(0, 12)
        from targets in Gen.ListOf(Target, targetCount)
        select new Catalog("CAT", "Danh mục thử", "VN", indicators, targets);
}
