using System.Globalization;
using NodaTime;

namespace DigitalKpi.Rules;

/// <summary>Invariant text for values in messages: "80%", "15% of GRDP", "rank 10", "300".</summary>
internal static class Display
{
    internal static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    internal static string Date(LocalDate date) => date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);

    internal static string Value(decimal value, Unit unit) => unit.Kind switch
    {
        UnitKind.Percent or UnitKind.Fraction => Number(value) + "%",
        UnitKind.Share => Number(value) + "% of " + AggregateName(unit),
        UnitKind.Rank => "rank " + Number(value),
        UnitKind.IndexScore => Number(value) + " points",
        UnitKind.Money => Number(value) + " " + unit.Currency,
        UnitKind.Milestone => value == 1m ? "yes" : value == 0m ? "no" : Number(value),
        _ => Number(value),
    };

    private static string AggregateName(Unit unit) => unit.Aggregate switch
    {
        EconomicAggregate.Grdp => "GRDP",
        EconomicAggregate.Gdp => "GDP",
        EconomicAggregate.BudgetExpenditure => "budget expenditure",
        EconomicAggregate.RetailSales => "retail sales",
        _ => "sector value added",
    };

    internal static string Band(decimal low, decimal high, Unit unit) => unit.Kind switch
    {
        UnitKind.Percent or UnitKind.Fraction => Number(low) + "–" + Number(high) + "%",
        UnitKind.Share => Number(low) + "–" + Number(high) + "% of " + AggregateName(unit),
        _ => Value(low, unit) + "–" + Value(high, unit),
    };

    internal static string Domain(Unit unit) => unit.MaxValue is { } max
        ? Number(unit.MinValue) + "–" + Number(max) + (unit.Kind is UnitKind.Count or UnitKind.Rank or UnitKind.Milestone ? ", whole numbers" : string.Empty)
        : (unit.Kind == UnitKind.Count ? "whole numbers ≥ 0" : "≥ " + Number(unit.MinValue));

    internal static string Comparison(Target target)
    {
        Unit u = target.Unit;
        decimal x = target.Threshold.Value;
        return target.Comparator switch
        {
            Comparator.AtLeast => "at least " + Value(x, u),
            Comparator.Above => "above " + Value(x, u),
            Comparator.AtMost => "at most " + Value(x, u),
            Comparator.Below => "below " + Value(x, u),
            Comparator.Between => "between " + Band(x, target.Upper!.Value.Value, u),
            Comparator.About => "about " + Value(x, u) + " ± " + Number(target.Tolerance!.Value),
            Comparator.RankWithin => "rank within " + Number(x),
            _ => "achieved",
        };
    }
}
