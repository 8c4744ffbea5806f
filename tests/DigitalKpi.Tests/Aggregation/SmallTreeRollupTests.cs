using DigitalKpi.Administration;
using DigitalKpi.Aggregation;
using static DigitalKpi.Tests.Aggregation.RollupFixtures;

namespace DigitalKpi.Tests.Aggregation;

/// <summary>Roll-ups on a hand-made tree (VN → province 10 → districts 101, 102 → three communes each), checked by hand.</summary>
public class SmallTreeRollupTests
{
    private static readonly ReportingPeriod Y2022 = ReportingPeriod.Year(2022);
    private static readonly RollupEngine Engine = new(TwoDistricts.Value, Day2022);

    // Fibre to villages per commune; together 1693/1733 (the Tuyên Quang figure of the seeds).
    private static readonly (string Code, decimal Numerator, decimal Denominator)[] Fibre =
    [
        ("10101", 300, 310), ("10102", 280, 290), ("10103", 290, 295),
        ("10201", 270, 280), ("10202", 280, 285), ("10203", 273, 273),
    ];

    private static IEnumerable<Measurement> FibreFigures(params string[] except)
        => Fibre.Where(f => !except.Contains(f.Code)).Select(f => Measurement.OfFraction("DS.FIBRE_VILLAGES", f.Code, Y2022, f.Numerator, f.Denominator));

    [Fact]
    public void EngineKnowsItsTree()
    {
        Assert.Equal(AdministrativeLevel.Commune, Engine.LeafLevel);
        Assert.Equal(10, Engine.Tree.Count);
        Assert.Same(TwoDistricts.Value, Engine.Map);
    }

    [Fact]
    public void Fractions_AddNumeratorsAndDenominators_NeverAveragePercentages()
    {
        RollupResult result = Engine.Rollup(FibreVillages, FibreFigures());
        Assert.Equal(AggregationMethod.SumFractions, result.Method);

        RollupCell province = result.At("10", Y2022);
        Assert.Equal(1693m, province.Numerator);
        Assert.Equal(1733m, province.Denominator);
        Assert.Equal(100m * 1693m / 1733m, province.Value);
        Assert.Equal(6, province.ExpectedUnits);
        Assert.Equal(6, province.ReportingUnits);
        Assert.True(province.IsComplete);
        Assert.Equal(1m, province.Coverage);

        decimal meanOfPercentages = Fibre.Average(f => 100m * f.Numerator / f.Denominator);
        Assert.NotEqual(Math.Round(meanOfPercentages, 4), Math.Round(province.Value!.Value, 4));

        RollupCell first = result.At("101", Y2022);
        Assert.Equal(870m, first.Numerator);
        Assert.Equal(895m, first.Denominator);
        RollupCell second = result.At("102", Y2022);
        Assert.Equal(823m, second.Numerator);
        Assert.Equal(838m, second.Denominator);

        RollupCell nation = result.Total(Y2022);
        Assert.Equal(province.Value, nation.Value);
        Assert.Equal("VN", nation.Unit.Code);

        RollupCell commune = result.At("10103", Y2022);
        Assert.True(commune.IsLeaf);
        Assert.Equal(100m * 290m / 295m, commune.Value);
        Assert.Equal(1, commune.ExpectedUnits);
    }

    [Fact]
    public void AMissingCommuneIsCoverage_NotZero()
    {
        RollupResult result = Engine.Rollup(FibreVillages, FibreFigures(except: "10203"));
        RollupCell province = result.At("10", Y2022);
        Assert.Equal(1420m, province.Numerator);
        Assert.Equal(1460m, province.Denominator);
        Assert.Equal(100m * 1420m / 1460m, province.Value);
        Assert.Equal(5, province.ReportingUnits);
        Assert.Equal(6, province.ExpectedUnits);
        Assert.Equal(1, province.MissingUnits);
        Assert.Equal(5m / 6m, province.Coverage);
        Assert.False(province.IsComplete);

        RollupCell district = result.At("102", Y2022);
        Assert.Equal(550m, district.Numerator);
        Assert.Equal(565m, district.Denominator);
        Assert.Equal(2, district.ReportingUnits);
        Assert.Equal(3, district.ExpectedUnits);

        RollupCell missing = result.At("10203", Y2022);
        Assert.Null(missing.Value);
        Assert.Equal(0, missing.ReportingUnits);

        AdministrativeUnit provinceUnit = UnitOf(TwoDistricts.Value, "10", Day2022);
        Assert.Equal(["10203"], result.MissingUnits(provinceUnit, Y2022).Select(u => u.Code));
        Assert.Empty(result.MissingUnits(UnitOf(TwoDistricts.Value, "101", Day2022), Y2022));
        Assert.Contains("5/6 units reporting", province.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void NoFiguresAtAll_GiveNoValue_NotZero()
    {
        Indicator count = Indicator("DE.DIGITAL_FIRMS", Unit.Count);
        var figures = new[] { Measurement.Of("DE.DIGITAL_FIRMS", "10101", Y2022, 3), Measurement.Of("DE.DIGITAL_FIRMS", "10102", Y2022, 0) };
        RollupResult result = Engine.Rollup(count, figures);
        RollupCell empty = result.At("102", Y2022);
        Assert.Null(empty.Value);
        Assert.Equal(0, empty.ReportingUnits);
        Assert.Equal(3, empty.ExpectedUnits);
        Assert.Equal(0m, empty.Coverage);

        RollupCell first = result.At("101", Y2022);
        Assert.Equal(3m, first.Value);
        Assert.Equal(2, first.ReportingUnits); // a reported 0 is a figure
        Assert.Equal(3m, result.At("10", Y2022).Value);
        Assert.Equal(2, result.At("10", Y2022).ReportingUnits);
    }

    [Fact]
    public void Counts_Add()
    {
        Indicator count = Indicator("DE.DIGITAL_FIRMS", Unit.Count);
        decimal[] values = [3, 5, 0, 7, 4, 2];
        IEnumerable<Measurement> figures = Communes.Select((c, i) => Measurement.Of("DE.DIGITAL_FIRMS", c, Y2022, values[i]));
        RollupResult result = Engine.Rollup(count, figures);
        Assert.Equal(AggregationMethod.Sum, result.Method);
        Assert.Equal(8m, result.At("101", Y2022).Value);
        Assert.Equal(13m, result.At("102", Y2022).Value);
        Assert.Equal(21m, result.At("10", Y2022).Value);
        Assert.Null(result.At("10", Y2022).Numerator);
    }

    [Fact]
    public void Percentages_WeightedByHouseholds()
    {
        Indicator percent = Indicator("DS.FIBRE_HOUSEHOLDS", Unit.Percent);
        decimal[] values = [80, 60, 90, 50, 70, 100];
        decimal[] households = [1000, 3000, 1000, 2000, 2000, 1000];
        AdministrativeMap map = TwoDistricts.Value;
        UnitWeights weights = UnitWeights.FromCodes(map, "households", Day2022, Communes.Select((c, i) => new KeyValuePair<string, decimal>(c, households[i])));
        IEnumerable<Measurement> figures = Communes.Select((c, i) => Measurement.Of("DS.FIBRE_HOUSEHOLDS", c, Y2022, values[i]));

        RollupResult weighted = Engine.Rollup(percent, figures, new RollupOptions(weights: weights));
        Assert.Equal(AggregationMethod.WeightedMean, weighted.Method);
        Assert.Equal(70m, weighted.At("101", Y2022).Value);   // (80·1000 + 60·3000 + 90·1000) / 5000
        Assert.Equal(68m, weighted.At("102", Y2022).Value);   // (50·2000 + 70·2000 + 100·1000) / 5000
        Assert.Equal(69m, weighted.At("10", Y2022).Value);
        Assert.Equal(690_000m, weighted.At("10", Y2022).Numerator);
        Assert.Equal(10_000m, weighted.At("10", Y2022).Denominator);

        RollupResult mean = Engine.Rollup(percent, figures, new RollupOptions(method: AggregationMethod.Mean));
        Assert.Equal(230m / 3m, mean.At("101", Y2022).Value);
        Assert.Equal(75m, mean.At("10", Y2022).Value);
    }

    [Fact]
    public void Percentages_WithoutWeights_AreRefused_UnlessAMeanIsAskedFor()
    {
        Indicator percent = Indicator("DS.FIBRE_HOUSEHOLDS", Unit.Percent);
        var figures = new[] { Measurement.Of("DS.FIBRE_HOUSEHOLDS", "10101", Y2022, 80) };
        ArgumentException e = Assert.Throws<ArgumentException>(() => Engine.Rollup(percent, figures));
        Assert.Contains("weights", e.Message, StringComparison.Ordinal);
        Assert.Contains("Mean", e.Message, StringComparison.Ordinal);
        Assert.Equal(80m, Engine.Rollup(percent, figures, new RollupOptions(method: AggregationMethod.Mean)).At("10", Y2022).Value);
    }

    [Fact]
    public void MissingWeight_IsAnError()
    {
        Indicator percent = Indicator("DS.FIBRE_HOUSEHOLDS", Unit.Percent);
        UnitWeights weights = UnitWeights.FromCodes(TwoDistricts.Value, "households", Day2022, [new KeyValuePair<string, decimal>("10101", 10)]);
        var figures = new[] { Measurement.Of("DS.FIBRE_HOUSEHOLDS", "10101", Y2022, 80), Measurement.Of("DS.FIBRE_HOUSEHOLDS", "10102", Y2022, 70) };
        RollupException e = Assert.Throws<RollupException>(() => Engine.Rollup(percent, figures, new RollupOptions(weights: weights)));
        Assert.Equal(["10102"], e.Units.Select(u => u.Code));
        Assert.Contains("households", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ranks_DoNotAggregate()
    {
        Indicator rank = Indicator("DG.PAR_RANK", Unit.RankAmong(6));
        IEnumerable<Measurement> figures = Communes.Select((c, i) => Measurement.Of("DG.PAR_RANK", c, Y2022, i + 1));
        RollupResult result = Engine.Rollup(rank, figures);
        Assert.Equal(AggregationMethod.None, result.Method);
        Assert.Equal(3m, result.At("10103", Y2022).Value);
        RollupCell district = result.At("101", Y2022);
        Assert.Null(district.Value);
        Assert.Equal(3, district.ReportingUnits);
        Assert.Null(result.At("10", Y2022).Value);
        Assert.Equal(6, result.At("10", Y2022).ReportingUnits);
        Assert.False(AggregationMethods.IsAllowed(Unit.RankAmong(6), AggregationMethod.Mean));
        Assert.Throws<ArgumentException>(() => Engine.Rollup(rank, figures, new RollupOptions(method: AggregationMethod.Mean)));
    }

    [Fact]
    public void ShareOfCommunesMeetingTheTarget()
    {
        // Communes at 96.8, 96.6, 98.3 | 96.4, 98.2, 100 per cent against "at least 97 %".
        Target target = Target.For("T.FIBRE.COMMUNE", "DS.FIBRE_VILLAGES").AtLeast(Quantity.Percent(97)).AtLevel(AdministrativeLevel.Commune).By(2025).Build();
        RollupResult result = Engine.Rollup(FibreVillages, FibreFigures(), new RollupOptions(method: AggregationMethod.ShareMeetingTarget, target: target));
        RollupCell province = result.At("10", Y2022);
        Assert.Equal(3, province.MeetingUnits);
        Assert.Equal(50m, province.Value);
        Assert.Equal(3m, province.Numerator);
        Assert.Equal(6m, province.Denominator);
        Assert.Equal(100m / 3m, result.At("101", Y2022).Value);
        Assert.Equal(200m / 3m, result.At("102", Y2022).Value);
        Assert.Equal(100m, result.At("10103", Y2022).Value);
        Assert.Equal(0m, result.At("10101", Y2022).Value);

        // A missing commune is left out of the share, and shows in the coverage.
        RollupResult partial = Engine.Rollup(FibreVillages, FibreFigures(except: "10203"), new RollupOptions(method: AggregationMethod.ShareMeetingTarget, target: target));
        Assert.Equal(40m, partial.At("10", Y2022).Value);
        Assert.Equal(5, partial.At("10", Y2022).ReportingUnits);

        Assert.Throws<ArgumentException>(() => Engine.Rollup(FibreVillages, FibreFigures(), new RollupOptions(method: AggregationMethod.ShareMeetingTarget)));
    }

    [Fact]
    public void Milestones_ShareOfUnitsAchieving()
    {
        Indicator ioc = Indicator("DG.IOC", Unit.Milestone);
        decimal[] achieved = [1, 0, 1, 1, 1];
        IEnumerable<Measurement> figures = Communes.Take(5).Select((c, i) => Measurement.Of("DG.IOC", c, Y2022, achieved[i]));
        RollupResult result = Engine.Rollup(ioc, figures);
        Assert.Equal(AggregationMethod.ShareMeetingTarget, result.Method);
        Assert.Equal(80m, result.At("10", Y2022).Value);
        Assert.Equal(4, result.At("10", Y2022).MeetingUnits);
        Assert.Equal(5, result.At("10", Y2022).ReportingUnits);
        Assert.Equal(6, result.At("10", Y2022).ExpectedUnits);

        RollupResult counted = Engine.Rollup(ioc, figures, new RollupOptions(method: AggregationMethod.Sum));
        Assert.Equal(4m, counted.At("10", Y2022).Value);
    }

    [Fact]
    public void DefaultMethods_FollowTheUnit()
    {
        Assert.Equal(AggregationMethod.SumFractions, AggregationMethods.Default(Unit.Fraction));
        Assert.Equal(AggregationMethod.Sum, AggregationMethods.Default(Unit.Count));
        Assert.Equal(AggregationMethod.Sum, AggregationMethods.Default(Unit.Vnd));
        Assert.Equal(AggregationMethod.WeightedMean, AggregationMethods.Default(Unit.Percent));
        Assert.Equal(AggregationMethod.WeightedMean, AggregationMethods.Default(Unit.ShareOf(EconomicAggregate.Grdp)));
        Assert.Equal(AggregationMethod.WeightedMean, AggregationMethods.Default(Unit.IndexScore(1000)));
        Assert.Equal(AggregationMethod.None, AggregationMethods.Default(Unit.RankAmong(63)));
        Assert.Equal(AggregationMethod.ShareMeetingTarget, AggregationMethods.Default(Unit.Milestone));
        Assert.False(AggregationMethods.IsAllowed(Unit.Percent, AggregationMethod.Sum));
        Assert.False(AggregationMethods.IsAllowed(Unit.Fraction, AggregationMethod.Mean));
        Assert.True(AggregationMethods.IsAllowed(Unit.Percent, AggregationMethod.SumFractions));
    }

    [Fact]
    public void PercentIndicatorWithFractionFigures_CanAddTheParts()
    {
        Indicator percent = Indicator("DS.FIBRE_VILLAGES_PCT", Unit.Percent);
        IEnumerable<Measurement> figures = Fibre.Select(f => Measurement.OfFraction("DS.FIBRE_VILLAGES_PCT", f.Code, Y2022, f.Numerator, f.Denominator, 81.2m));
        RollupResult result = Engine.Rollup(percent, figures, new RollupOptions(method: AggregationMethod.SumFractions));
        Assert.Equal(100m * 1693m / 1733m, result.At("10", Y2022).Value);
    }

    [Fact]
    public void AFractionIndicatorWithAPercentageOnly_IsRefused()
    {
        var figures = new[] { Measurement.Of("DS.FIBRE_VILLAGES", "10101", Y2022, 81.2m) };
        RollupException e = Assert.Throws<RollupException>(() => Engine.Rollup(FibreVillages, figures));
        Assert.Contains("percentage", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OtherIndicatorsAndMissingFiguresAreIgnored()
    {
        var figures = FibreFigures().Concat(
        [
            Measurement.Of("DE.OTHER", "10101", Y2022, 5),
            Measurement.Missing("DS.FIBRE_VILLAGES", "10203", ReportingPeriod.Year(2023)),
        ]);
        RollupResult result = Engine.Rollup(FibreVillages, figures);
        Assert.Equal([Y2022], result.Periods);
        Assert.Equal(1693m, result.At("10", Y2022).Numerator);
    }

    [Fact]
    public void FiguresAboveTheLeafLevel_AreAnError()
    {
        var figures = FibreFigures().Append(Measurement.OfFraction("DS.FIBRE_VILLAGES", "101", Y2022, 870, 895));
        RollupException e = Assert.Throws<RollupException>(() => Engine.Rollup(FibreVillages, figures));
        Assert.Equal(["101"], e.Units.Select(u => u.Code));

        // Rolled up from the district level instead, the district figure is the leaf.
        var byDistrict = new RollupEngine(TwoDistricts.Value, Day2022, AdministrativeLevel.District);
        RollupResult result = byDistrict.Rollup(FibreVillages, [Measurement.OfFraction("DS.FIBRE_VILLAGES", "101", Y2022, 870, 895)]);
        Assert.Equal(1, result.At("10", Y2022).ReportingUnits);
        Assert.Equal(2, result.At("10", Y2022).ExpectedUnits);
    }

    [Fact]
    public void UnknownCodes_AreAnError()
    {
        var figures = FibreFigures().Append(Measurement.OfFraction("DS.FIBRE_VILLAGES", "10999", Y2022, 1, 2));
        RollupException e = Assert.Throws<RollupException>(() => Engine.Rollup(FibreVillages, figures));
        Assert.Contains("10999", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ResultsAreTheSameWhateverThePartitioningOrOrder()
    {
        Measurement[] figures = FibreFigures().ToArray();
        RollupResult sequential = Engine.Rollup(FibreVillages, figures, new RollupOptions(maxDegreeOfParallelism: 1));
        RollupResult parallel = Engine.Rollup(FibreVillages, Enumerable.Reverse(figures), new RollupOptions(maxDegreeOfParallelism: 4));
        Assert.Equal(sequential.Cells(Y2022), parallel.Cells(Y2022));
    }

    [Fact]
    public void ColumnsAreTheFastPath()
    {
        AdministrativeMap map = TwoDistricts.Value;
        int[] units = Fibre.Select(f => map.IndexOf(UnitOf(map, f.Code, Day2022).Id)).ToArray();
        MeasurementColumns columns = MeasurementColumns.ForFractions([Y2022], units, new int[units.Length],
            Fibre.Select(f => f.Numerator).ToArray(), Fibre.Select(f => f.Denominator).ToArray());
        RollupResult result = Engine.Rollup(FibreVillages, columns);
        Assert.Equal(1693m, result.At("10", Y2022).Numerator);
        Assert.Equal(Engine.Rollup(FibreVillages, FibreFigures()).Cells(Y2022), result.Cells(Y2022));

        MeasurementColumns bad = MeasurementColumns.ForFractions([Y2022], new[] { map.Count }, new[] { 0 }, new[] { 1m }, new[] { 2m });
        Assert.Throws<ArgumentOutOfRangeException>(() => Engine.Rollup(FibreVillages, bad));
        MeasurementColumns values = MeasurementColumns.ForValues([Y2022], units, new int[units.Length], new decimal[units.Length]);
        Assert.Throws<ArgumentException>(() => Engine.Rollup(FibreVillages, values));
        Assert.Throws<ArgumentException>(() => MeasurementColumns.ForValues([Y2022], units, new int[1], new decimal[units.Length]));
    }

    [Fact]
    public void CellsToStringIsInvariant()
    {
        RollupResult result = Engine.Rollup(FibreVillages, FibreFigures());
        string text = result.At("10", Y2022).ToString();
        Assert.Equal("Tỉnh Thử (10@2020-01-01) 2022: 97.6919 = 1693/1733, 6/6 units reporting", text);
    }
}
