using DigitalKpi.Administration;
using DigitalKpi.Aggregation;

namespace DigitalKpi.Tests.Aggregation;

/// <summary>Small hand-made maps and indicators for roll-up tests.</summary>
internal static class RollupFixtures
{
    internal static readonly LocalDate Start = new(2020, 1, 1);
    internal static readonly LocalDate Day2022 = new(2022, 12, 31);

    internal static readonly string[] Communes = ["10101", "10102", "10103", "10201", "10202", "10203"];

    /// <summary>VN → province 10 → districts 101, 102 → three communes each.</summary>
    internal static readonly Lazy<AdministrativeMap> TwoDistricts = new(() =>
    {
        var units = new List<AdministrativeUnit>
        {
            new("VN", "Việt Nam", AdministrativeLevel.National, AdministrativeUnitType.Nation, Start),
            new("10", "Tỉnh Thử", AdministrativeLevel.Province, AdministrativeUnitType.Province, Start, null, "VN"),
            new("101", "Huyện Một", AdministrativeLevel.District, AdministrativeUnitType.RuralDistrict, Start, null, "10"),
            new("102", "Huyện Hai", AdministrativeLevel.District, AdministrativeUnitType.RuralDistrict, Start, null, "10"),
        };
        foreach (string code in Communes)
        {
            units.Add(new AdministrativeUnit(code, "Xã " + code, AdministrativeLevel.Commune, AdministrativeUnitType.Commune, Start, null, code[..3]));
        }
        return AdministrativeMap.Create(units);
    });

    internal static readonly AdministrativeLevel[] AllLevels = [AdministrativeLevel.National, AdministrativeLevel.Province, AdministrativeLevel.District, AdministrativeLevel.Commune];

    internal static Indicator Indicator(string code, Unit unit, TemporalNature nature = TemporalNature.Snapshot)
        => new(code, "Chỉ tiêu " + code, unit, unit.Kind == UnitKind.Rank ? Direction.LowerIsBetter : Direction.HigherIsBetter,
            Pillar.DigitalSociety, nature, null, AllLevels);

    internal static Indicator FibreVillages => Indicator("DS.FIBRE_VILLAGES", Unit.Fraction);

    internal static AdministrativeUnit UnitOf(AdministrativeMap map, string code, LocalDate date)
    {
        Assert.True(map.TryGetUnit(code, date, out AdministrativeUnit? unit), "no unit " + code);
        return unit;
    }

    /// <summary>The cell of the unit bearing <paramref name="code"/> in the result's tree.</summary>
    internal static RollupCell At(this RollupResult result, string code, ReportingPeriod period)
    {
        Assert.True(result.TryGet(code, period, out RollupCell cell), "no cell " + code + " " + period.ToString());
        return cell;
    }
}
