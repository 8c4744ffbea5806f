using DigitalKpi.Administration;
using DigitalKpi.Aggregation;
using static DigitalKpi.Tests.Aggregation.RollupFixtures;

namespace DigitalKpi.Tests.Aggregation;

/// <summary>Combining over time by the indicator's temporal nature: snapshots latest, flows added, running totals last.</summary>
public class TemporalRollupTests
{
    private static readonly RollupEngine Engine = new(TwoDistricts.Value, Day2022);
    private static readonly ReportingPeriod Q1 = ReportingPeriod.Quarter(2022, 1);
    private static readonly RollupOptions Quarterly = new(granularity: PeriodKind.Quarter);

    private static ReportingPeriod Month(int m) => ReportingPeriod.Month(2022, m);

    /// <summary>Commune 10101: 10, 12, 11 in January–March; commune 10201: 20, 25, 30; listed out of order.</summary>
    private static Measurement[] Months(string indicator) =>
    [
        Measurement.Of(indicator, "10101", Month(3), 11),
        Measurement.Of(indicator, "10201", Month(2), 25),
        Measurement.Of(indicator, "10101", Month(1), 10),
        Measurement.Of(indicator, "10201", Month(3), 30),
        Measurement.Of(indicator, "10101", Month(2), 12),
        Measurement.Of(indicator, "10201", Month(1), 20),
    ];

    [Fact]
    public void Snapshots_TakeTheLatestValueInThePeriod()
    {
        Indicator firms = Indicator("DE.DIGITAL_FIRMS", Unit.Count, TemporalNature.Snapshot);
        RollupResult result = Engine.Rollup(firms, Months("DE.DIGITAL_FIRMS"), Quarterly);
        Assert.Equal([Q1], result.Periods);
        Assert.Equal(11m, result.At("10101", Q1).Value); // March, not the largest (12)
        Assert.Equal(30m, result.At("10201", Q1).Value);
        Assert.Equal(41m, result.At("10", Q1).Value);
    }

    [Fact]
    public void Flows_AddUp()
    {
        Indicator dossiers = Indicator("DG.ONLINE_DOSSIERS", Unit.Count, TemporalNature.Flow);
        RollupResult result = Engine.Rollup(dossiers, Months("DG.ONLINE_DOSSIERS"), Quarterly);
        Assert.Equal(33m, result.At("10101", Q1).Value);
        Assert.Equal(75m, result.At("10201", Q1).Value);
        Assert.Equal(108m, result.At("10", Q1).Value);
        Assert.Equal(0, result.At("10", Q1).PartialUnits);

        RollupResult monthly = Engine.Rollup(dossiers, Months("DG.ONLINE_DOSSIERS"));
        Assert.Equal([Month(1), Month(2), Month(3)], monthly.Periods);
        Assert.Equal(37m, monthly.At("10", Month(2)).Value);
    }

    [Fact]
    public void RunningTotals_TakeTheLast()
    {
        Indicator accounts = Indicator("DS.EPAY_ACCOUNTS", Unit.Count, TemporalNature.RunningTotal);
        var figures = new[]
        {
            Measurement.Of("DS.EPAY_ACCOUNTS", "10101", Month(2), 150),
            Measurement.Of("DS.EPAY_ACCOUNTS", "10101", Month(3), 170),
            Measurement.Of("DS.EPAY_ACCOUNTS", "10101", Month(1), 100),
        };
        RollupResult result = Engine.Rollup(accounts, figures, new RollupOptions(granularity: PeriodKind.Year));
        Assert.Equal(170m, result.At("10", ReportingPeriod.Year(2022)).Value);
    }

    [Fact]
    public void FractionFlows_AddNumeratorsAndDenominatorsOverTime()
    {
        Indicator online = Indicator("DG.ONLINE_SHARE", Unit.Fraction, TemporalNature.Flow);
        var figures = new[]
        {
            Measurement.OfFraction("DG.ONLINE_SHARE", "10101", Month(1), 10, 40),
            Measurement.OfFraction("DG.ONLINE_SHARE", "10101", Month(2), 30, 40),
            Measurement.OfFraction("DG.ONLINE_SHARE", "10101", Month(3), 50, 120),
        };
        RollupResult result = Engine.Rollup(online, figures, Quarterly);
        Assert.Equal(90m, result.At("10", Q1).Numerator);
        Assert.Equal(200m, result.At("10", Q1).Denominator);
        Assert.Equal(45m, result.At("10", Q1).Value);
    }

    [Fact]
    public void FractionSnapshots_KeepTheLatestParts()
    {
        Indicator fibre = FibreVillages;
        var figures = new[]
        {
            Measurement.OfFraction("DS.FIBRE_VILLAGES", "10101", Month(3), 200, 310),
            Measurement.OfFraction("DS.FIBRE_VILLAGES", "10101", Month(1), 150, 310),
            Measurement.OfFraction("DS.FIBRE_VILLAGES", "10101", Month(2), 180, 310),
            Measurement.OfFraction("DS.FIBRE_VILLAGES", "10201", Month(2), 90, 100),
        };
        RollupResult result = Engine.Rollup(fibre, figures, Quarterly);
        Assert.Equal(290m, result.At("10", Q1).Numerator);
        Assert.Equal(410m, result.At("10", Q1).Denominator);
        // 10201 reported February only: it reports, but not for the whole quarter.
        Assert.Equal(2, result.At("10", Q1).ReportingUnits);
        Assert.Equal(1, result.At("10", Q1).PartialUnits);
    }

    [Fact]
    public void AMissingMonthOfAFlow_IsReportedAsPartial()
    {
        Indicator dossiers = Indicator("DG.ONLINE_DOSSIERS", Unit.Count, TemporalNature.Flow);
        Measurement[] figures = Months("DG.ONLINE_DOSSIERS").Where(m => !(m.UnitCode == "10201" && m.Period == Month(2))).ToArray();
        RollupResult result = Engine.Rollup(dossiers, figures, Quarterly);
        RollupCell province = result.At("10", Q1);
        Assert.Equal(83m, province.Value);
        Assert.Equal(2, province.ReportingUnits);
        Assert.Equal(1, province.PartialUnits);
        Assert.False(province.IsComplete);
        AdministrativeUnit unit = UnitOf(TwoDistricts.Value, "10", Day2022);
        KeyValuePair<AdministrativeUnit, IReadOnlyList<AdministrativeUnit>> partial = Assert.Single(result.PartialUnits(unit, Q1));
        Assert.Equal("10201", partial.Key.Code);
        Assert.Equal(["10201"], partial.Value.Select(u => u.Code));
        Assert.Contains("(1 partly)", province.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void OverlappingFigures_AreAnError()
    {
        Indicator dossiers = Indicator("DG.ONLINE_DOSSIERS", Unit.Count, TemporalNature.Flow);
        Measurement[] figures = [.. Months("DG.ONLINE_DOSSIERS"), Measurement.Of("DG.ONLINE_DOSSIERS", "10101", Q1, 33)];
        RollupException e = Assert.Throws<RollupException>(() => Engine.Rollup(dossiers, figures, Quarterly));
        Assert.Equal(["10101"], e.Units.Select(u => u.Code));
        Assert.Contains("overlapping", e.Message, StringComparison.Ordinal);

        Measurement[] twice = [.. Months("DG.ONLINE_DOSSIERS"), Measurement.Of("DG.ONLINE_DOSSIERS", "10201", Month(1), 20)];
        Assert.Throws<RollupException>(() => Engine.Rollup(dossiers, twice));
    }

    [Fact]
    public void PercentagesOfAFlow_CannotBeAddedOverTime()
    {
        Indicator share = Indicator("DG.ONLINE_PCT", Unit.Percent, TemporalNature.Flow);
        Measurement[] figures = Months("DG.ONLINE_PCT");
        var options = new RollupOptions(method: AggregationMethod.Mean, granularity: PeriodKind.Quarter);
        RollupException e = Assert.Throws<RollupException>(() => Engine.Rollup(share, figures, options));
        Assert.Contains("over time", e.Message, StringComparison.Ordinal);
        // Month by month they can be averaged (when asked for explicitly).
        RollupResult monthly = Engine.Rollup(share, figures, new RollupOptions(method: AggregationMethod.Mean));
        Assert.Equal(18.5m, monthly.At("10", Month(2)).Value); // (12 + 25) / 2
    }

    [Fact]
    public void APeriodAcrossTheTargetBoundary_IsAnError()
    {
        Indicator dossiers = Indicator("DG.ONLINE_DOSSIERS", Unit.Count, TemporalNature.Flow);
        var figures = new[] { Measurement.Of("DG.ONLINE_DOSSIERS", "10101", ReportingPeriod.Between(new LocalDate(2022, 3, 15), new LocalDate(2022, 4, 14)), 5) };
        Assert.Throws<RollupException>(() => Engine.Rollup(dossiers, figures, Quarterly));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RollupOptions(granularity: PeriodKind.Custom));
    }

    [Fact]
    public void SnapshotTies_AreBrokenByTheLargerFigure_WhateverTheOrder()
    {
        Indicator firms = Indicator("DE.DIGITAL_FIRMS", Unit.Count, TemporalNature.Snapshot);
        var march = Measurement.Of("DE.DIGITAL_FIRMS", "10101", Month(3), 11);
        var lateMarch = Measurement.Of("DE.DIGITAL_FIRMS", "10101", ReportingPeriod.Between(new LocalDate(2022, 3, 20), new LocalDate(2022, 3, 31)), 9);
        foreach (Measurement[] figures in new[] { new[] { march, lateMarch }, new[] { lateMarch, march } })
        {
            foreach (int parts in new[] { 1, 2 })
            {
                RollupResult result = Engine.Rollup(firms, figures, new RollupOptions(granularity: PeriodKind.Quarter, maxDegreeOfParallelism: parts));
                Assert.Equal(11m, result.At("10", Q1).Value);
            }
        }
    }
}
