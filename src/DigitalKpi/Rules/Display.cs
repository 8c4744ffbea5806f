using System.Globalization;
using DigitalKpi.Administration;
using NodaTime;

namespace DigitalKpi.Rules;

/// <summary>Text for values in messages, in English (<c>vi = false</c>) or Vietnamese: "80%", "15% of GRDP" / "15% GRDP", "rank 10" / "hạng 10".</summary>
internal static class Display
{
    internal static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    internal static string Date(LocalDate date) => date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);

    private static string Aggregate(Unit unit, bool vi) => unit.Aggregate switch
    {
        EconomicAggregate.Grdp => "GRDP",
        EconomicAggregate.Gdp => "GDP",
        EconomicAggregate.BudgetExpenditure => vi ? "tổng chi ngân sách" : "budget expenditure",
        EconomicAggregate.RetailSales => vi ? "tổng mức bán lẻ" : "retail sales",
        _ => vi ? "giá trị tăng thêm của ngành" : "sector value added",
    };

    internal static string Value(decimal value, Unit unit, bool vi) => unit.Kind switch
    {
        UnitKind.Percent or UnitKind.Fraction => Number(value) + "%",
        UnitKind.Share => Number(value) + (vi ? "% " : "% of ") + Aggregate(unit, vi),
        UnitKind.Rank => (vi ? "hạng " : "rank ") + Number(value),
        UnitKind.IndexScore => Number(value) + (vi ? " điểm" : " points"),
        UnitKind.Money => Number(value) + " " + unit.Currency,
        UnitKind.Milestone => value == 1m ? (vi ? "có" : "yes") : value == 0m ? (vi ? "không" : "no") : Number(value),
        _ => Number(value),
    };

    internal static string Band(decimal low, decimal high, Unit unit, bool vi) => unit.Kind switch
    {
        UnitKind.Percent or UnitKind.Fraction => Number(low) + "–" + Number(high) + "%",
        UnitKind.Share => Number(low) + "–" + Number(high) + (vi ? "% " : "% of ") + Aggregate(unit, vi),
        _ => Value(low, unit, vi) + "–" + Value(high, unit, vi),
    };

    internal static string Domain(Unit unit, bool vi)
    {
        string whole = vi ? "số nguyên" : "whole numbers";
        if (unit.MaxValue is { } max)
        {
            return Number(unit.MinValue) + "–" + Number(max) + (unit.Kind is UnitKind.Count or UnitKind.Rank or UnitKind.Milestone ? ", " + whole : string.Empty);
        }
        return unit.Kind is UnitKind.Count or UnitKind.Rank ? whole + " ≥ " + Number(unit.MinValue) : "≥ " + Number(unit.MinValue);
    }

    internal static string Level(AdministrativeLevel level, bool vi) => level switch
    {
        AdministrativeLevel.National => vi ? "quốc gia" : "national",
        AdministrativeLevel.Province => vi ? "tỉnh" : "province",
        AdministrativeLevel.District => vi ? "huyện" : "district",
        AdministrativeLevel.Commune => vi ? "xã" : "commune",
        _ => level.ToString(),
    };

    internal static string Levels(Indicator indicator, bool vi)
    {
        var parts = new string[indicator.Levels.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            parts[i] = Level(indicator.Levels[i], vi);
        }
        return string.Join(", ", parts);
    }

    internal static string Direction(Direction direction, bool vi) => direction == DigitalKpi.Direction.HigherIsBetter
        ? (vi ? "càng cao càng tốt" : "higher is better")
        : (vi ? "càng thấp càng tốt" : "lower is better");

    internal static string Comparison(Target target, bool vi)
    {
        Unit u = target.Unit;
        decimal x = target.Threshold.Value;
        return target.Comparator switch
        {
            Comparator.AtLeast => (vi ? "tối thiểu " : "at least ") + Value(x, u, vi),
            Comparator.Above => (vi ? "trên " : "above ") + Value(x, u, vi),
            Comparator.AtMost => (vi ? "không quá " : "at most ") + Value(x, u, vi),
            Comparator.Below => (vi ? "dưới " : "below ") + Value(x, u, vi),
            Comparator.Between => (vi ? "từ " : "between ") + Band(x, target.Upper!.Value.Value, u, vi),
            Comparator.About => (vi ? "khoảng " : "about ") + Value(x, u, vi) + " ± " + Number(target.Tolerance!.Value),
            Comparator.RankWithin => (vi ? "nhóm " : "rank within ") + Number(x) + (vi ? " dẫn đầu" : string.Empty),
            _ => vi ? "hoàn thành" : "achieved",
        };
    }
}
