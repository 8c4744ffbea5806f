using DigitalKpi.Administration;
using DigitalKpi.Aggregation;
using static DigitalKpi.Tests.Aggregation.RollupFixtures;

namespace DigitalKpi.Tests.Aggregation;

/// <summary>
/// Roll-ups across the 2025 reorganisation on the built-in provincial map: 2024 figures of the 63 provinces recomputed
/// on the 34-province map, the seed provinces' successions, targets of old units evaluated on their successors.
/// </summary>
public class SuccessionRollupTests
{
    private static readonly AdministrativeMap Map = AdministrativeMap.BuiltIn;
    private static readonly LocalDate LastDayOf2024 = new(2024, 12, 31);
    private static readonly LocalDate MergerDay = AdministrativeReform.ProvincialMerger;
    private static readonly ReportingPeriod Y2024 = ReportingPeriod.Year(2024);
    private static readonly ReportingPeriod Y2025 = ReportingPeriod.Year(2025);
    private static readonly RollupEngine Old = new(Map, LastDayOf2024);
    private static readonly RollupEngine New = new(Map, MergerDay);
    private static readonly RollupOptions Carry = new(mapping: SuccessionMapping.CarryToSuccessors);
    private static readonly Indicator Fibre = new("DS.FIBRE_VILLAGES", "Thôn có cáp quang", Unit.Fraction, Direction.HigherIsBetter, Pillar.DigitalInfrastructure, TemporalNature.Snapshot);
    private static readonly Indicator Dossiers = new("DG.ONLINE_DOSSIERS", "Hồ sơ trực tuyến", Unit.Count, Direction.HigherIsBetter, Pillar.DigitalGovernment, TemporalNature.Flow);
    private static readonly Indicator Dti = new("DTI", "Chỉ số chuyển đổi số", Unit.IndexScore(1), Direction.HigherIsBetter, Pillar.DigitalGovernment, TemporalNature.Snapshot);

    private static IReadOnlyList<AdministrativeUnit> Provinces2024 => Map.UnitsOn(LastDayOf2024, AdministrativeLevel.Province);

    /// <summary>Made-up 2024 fibre figures for every one of the 63 provinces, different per province.</summary>
    private static Measurement[] Fibre2024(params string[] except)
        => Provinces2024.Where(p => !except.Contains(p.Code))
            .Select(p => Measurement.OfFraction(Fibre.Code, p.Code, Y2024, 1000 + (7 * int.Parse(p.Code, System.Globalization.CultureInfo.InvariantCulture)), 1100 + (11 * int.Parse(p.Code, System.Globalization.CultureInfo.InvariantCulture))))
            .ToArray();

    private static decimal Numerator(string code) => 1000 + (7 * int.Parse(code, System.Globalization.CultureInfo.InvariantCulture));

    private static decimal Denominator(string code) => 1100 + (11 * int.Parse(code, System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void Figures2024_OnTheOldMap_63Provinces()
    {
        RollupResult result = Old.Rollup(Fibre, Fibre2024());
        RollupCell nation = result.Total(Y2024);
        Assert.Equal(63, nation.ExpectedUnits);
        Assert.Equal(63, nation.ReportingUnits);
        Assert.Equal(Provinces2024.Sum(p => Numerator(p.Code)), nation.Numerator);
        Assert.Empty(result.Mappings);
        Assert.Equal("Thừa Thiên Huế", result.At("46", Y2024).Unit.Name);
    }

    [Fact]
    public void Figures2024_RecomputedOnTheNewMap_34Provinces()
    {
        RollupResult old = Old.Rollup(Fibre, Fibre2024());
        RollupResult result = New.Rollup(Fibre, Fibre2024(), Carry);

        RollupCell nation = result.Total(Y2024);
        Assert.Equal(34, nation.ExpectedUnits);
        Assert.Equal(34, nation.ReportingUnits);
        Assert.True(nation.IsComplete);
        Assert.Equal(old.Total(Y2024).Numerator, nation.Numerator);     // exact: decimal sums in any grouping
        Assert.Equal(old.Total(Y2024).Denominator, nation.Denominator);
        Assert.Equal(old.Total(Y2024).Value, nation.Value);

        // Bắc Kạn (06) + Thái Nguyên (19) → Thái Nguyên (19).
        RollupCell thaiNguyen = result.At("19", Y2024);
        Assert.Equal(MergerDay, thaiNguyen.Unit.ValidFrom);
        Assert.Equal(Numerator("06") + Numerator("19"), thaiNguyen.Numerator);
        Assert.Equal(Denominator("06") + Denominator("19"), thaiNguyen.Denominator);

        // Bà Rịa – Vũng Tàu (77) + Bình Dương (74) + Hồ Chí Minh City (79) → Hồ Chí Minh City (79).
        RollupCell hcm = result.At("79", Y2024);
        Assert.Equal(Numerator("74") + Numerator("77") + Numerator("79"), hcm.Numerator);
        Assert.Equal(Denominator("74") + Denominator("77") + Denominator("79"), hcm.Denominator);
        Assert.Equal(100m * hcm.Numerator!.Value / hcm.Denominator!.Value, hcm.Value);

        // Thừa Thiên Huế → Huế (a change of type on 2025-01-01, not a merger).
        RollupCell hue = result.At("46", Y2024);
        Assert.Equal("Huế", hue.Unit.Name);
        Assert.Equal(old.At("46", Y2024).Numerator, hue.Numerator);
        Assert.Equal(old.At("46", Y2024).Value, hue.Value);

        // Quảng Bình (44) + Quảng Trị (45) → Quảng Trị, which took code 44: a reused code names a different unit.
        RollupCell quangTri = result.At("44", Y2024);
        Assert.Equal("Quảng Trị", quangTri.Unit.Name);
        Assert.Equal(Numerator("44") + Numerator("45"), quangTri.Numerator);
        Assert.Equal("Quảng Bình", old.At("44", Y2024).Unit.Name);

        // Hà Giang (02) + Tuyên Quang (08) → Tuyên Quang (08).
        Assert.Equal(Numerator("02") + Numerator("08"), result.At("08", Y2024).Numerator);

        // Hà Nội did not change: no mapping needed.
        Assert.Equal(old.At("01", Y2024).Numerator, result.At("01", Y2024).Numerator);

        // The mapping used is in the result: the 53 units that did not continue.
        Assert.Equal(53, result.Mappings.Count);
        UnitMapping bacKan = Assert.Single(result.Mappings, m => m.Source.Code == "06");
        UnitShare into = Assert.Single(bacKan.Targets);
        Assert.Equal("19", into.Unit.Code);
        Assert.Equal(1m, into.Share);
        Assert.Equal("Bắc Kạn (06@2008-08-01) as of 2024-12-31 → Thái Nguyên (19@2025-07-01) × 1", bacKan.ToString());
        UnitMapping thuaThien = Assert.Single(result.Mappings, m => m.Source.Code == "46");
        Assert.Equal("Huế", Assert.Single(thuaThien.Targets).Unit.Name);
    }

    [Fact]
    public void OldUnitsOnTheNewMap_WithoutAMapping_AreAnError_NamingThem()
    {
        MixedMapsException e = Assert.Throws<MixedMapsException>(() => New.Rollup(Fibre, Fibre2024()));
        Assert.Equal(53, e.Units.Count);
        Assert.Contains(e.Units, u => u.Name == "Bắc Kạn");
        Assert.Contains(e.Units, u => u.Name == "Thừa Thiên Huế");
        Assert.DoesNotContain(e.Units, u => u.Code == "01");
        Assert.Contains("CarryToSuccessors", e.Message, StringComparison.Ordinal);
        Assert.Contains("Bắc Kạn (06@2008-08-01)", e.Message, StringComparison.Ordinal);
        Assert.Contains("and 33 more", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MixingOldAndNewUnitsInOneRollup_WithoutAMapping_IsAnError()
    {
        ReportingPeriod q4 = ReportingPeriod.Quarter(2025, 4);
        var figures = new[]
        {
            Measurement.OfFraction(Fibre.Code, "06", Y2024, 10, 20),   // Bắc Kạn
            Measurement.OfFraction(Fibre.Code, "19", q4, 30, 40),      // the new Thái Nguyên
        };
        MixedMapsException onNew = Assert.Throws<MixedMapsException>(() => New.Rollup(Fibre, figures));
        Assert.Equal(["Bắc Kạn"], onNew.Units.Select(u => u.Name));
        MixedMapsException onOld = Assert.Throws<MixedMapsException>(() => Old.Rollup(Fibre, figures));
        Assert.Equal(MergerDay, Assert.Single(onOld.Units).ValidFrom);
        // Figures cannot be carried backwards, mapping or not.
        Assert.Throws<MixedMapsException>(() => Old.Rollup(Fibre, figures, Carry));

        RollupResult carried = New.Rollup(Fibre, figures, Carry);
        Assert.Equal(10m, carried.At("19", Y2024).Numerator);
        Assert.Equal(30m, carried.At("19", q4).Numerator);
    }

    [Fact]
    public void AMissingOldProvince_MakesItsSuccessorPartial()
    {
        RollupResult result = New.Rollup(Fibre, Fibre2024(except: "77"), Carry);
        RollupCell hcm = result.At("79", Y2024);
        Assert.Equal(Numerator("74") + Numerator("79"), hcm.Numerator);
        Assert.Equal(1, hcm.ReportingUnits);
        Assert.Equal(1, hcm.PartialUnits);
        Assert.False(hcm.IsComplete);
        KeyValuePair<AdministrativeUnit, IReadOnlyList<AdministrativeUnit>> partial = Assert.Single(result.PartialUnits(Map.GetUnit(new AdministrativeUnitId("VN", AdministrativeReform.BuiltInMapStart)), Y2024));
        Assert.Equal("Hồ Chí Minh", partial.Key.Name);
        Assert.Equal(["Bà Rịa - Vũng Tàu"], partial.Value.Select(u => u.Name));
        Assert.Equal(1, result.Total(Y2024).PartialUnits);
        Assert.Equal(34, result.Total(Y2024).ReportingUnits);
    }

    [Fact]
    public void TheDti2024_OnBothMaps_WeightedByPopulation()
    {
        // The national DTI 2024 was published for the 63 and for the 34 provinces; a population-weighted mean of the
        // same provincial scores gives the same national figure on both maps (the sums are exact).
        IReadOnlyList<AdministrativeUnit> provinces = Provinces2024;
        UnitWeights population = UnitWeights.Create(Map, "population",
            provinces.Select((p, i) => new KeyValuePair<AdministrativeUnitId, decimal>(p.Id, 500_000 + (37_000 * i))));
        Measurement[] scores = provinces.Select((p, i) => Measurement.Of(Dti.Code, p.Code, Y2024, 0.4m + (0.007m * i))).ToArray();
        RollupResult old = Old.Rollup(Dti, scores, new RollupOptions(weights: population));
        RollupResult recomputed = New.Rollup(Dti, scores, new RollupOptions(weights: population, mapping: SuccessionMapping.CarryToSuccessors));
        Assert.Equal(old.Total(Y2024).Numerator, recomputed.Total(Y2024).Numerator);
        Assert.Equal(old.Total(Y2024).Denominator, recomputed.Total(Y2024).Denominator);
        Assert.Equal(old.Total(Y2024).Value, recomputed.Total(Y2024).Value);

        decimal Weighted(params string[] codes)
        {
            decimal sum = 0, weight = 0;
            foreach (string code in codes)
            {
                int i = provinces.ToList().FindIndex(p => p.Code == code);
                decimal w = 500_000 + (37_000 * i);
                sum += (0.4m + (0.007m * i)) * w;
                weight += w;
            }
            return sum / weight;
        }
        Assert.Equal(Weighted("74", "77", "79"), recomputed.At("79", Y2024).Value);
        Assert.Equal(Weighted("06", "19"), recomputed.At("19", Y2024).Value);

        // Without weights, merged provinces cannot be given one score.
        Assert.Throws<ArgumentException>(() => New.Rollup(Dti, scores, Carry));
    }

    [Fact]
    public void TheYear2025_AcrossTheMerger()
    {
        ReportingPeriod h1 = ReportingPeriod.HalfYear(2025, 1), h2 = ReportingPeriod.HalfYear(2025, 2);
        var options = new RollupOptions(granularity: PeriodKind.Year, mapping: SuccessionMapping.CarryToSuccessors);

        // A flow adds the first half of the old units to the second half of the new one.
        var dossiers = new[]
        {
            Measurement.Of(Dossiers.Code, "06", h1, 100), Measurement.Of(Dossiers.Code, "19", h1, 300),
            Measurement.Of(Dossiers.Code, "19", h2, 450),
        };
        RollupCell flow = New.Rollup(Dossiers, dossiers, options).At("19", Y2025);
        Assert.Equal(850m, flow.Value);
        Assert.Equal(0, flow.PartialUnits);

        // A snapshot takes the state at the end of the year: the new Thái Nguyên's, not its sum with the old units' June states.
        var fibre = new[]
        {
            Measurement.OfFraction(Fibre.Code, "06", h1, 400, 500), Measurement.OfFraction(Fibre.Code, "19", h1, 900, 1000),
            Measurement.OfFraction(Fibre.Code, "19", h2, 1350, 1500),
        };
        RollupResult snapshot = New.Rollup(Fibre, fibre, options);
        Assert.Equal(1350m, snapshot.At("19", Y2025).Numerator);
        Assert.Equal(1500m, snapshot.At("19", Y2025).Denominator);
        Assert.Equal(0, snapshot.At("19", Y2025).PartialUnits);
        Assert.DoesNotContain(snapshot.Mappings, m => m.Source.Code == "06");

        // Without a second-half figure the latest state is June's, of both old units.
        RollupCell june = New.Rollup(Fibre, fibre.Take(2), options).At("19", Y2025);
        Assert.Equal(1300m, june.Numerator);
        Assert.Equal(1, june.PartialUnits); // the new Thái Nguyên itself did not report
    }

    [Fact]
    public void ATargetOfBacKan_IsEvaluatedOnTheNewThaiNguyen_WithTheMappingShown()
    {
        Target target = Target.For("BK.2025.FIBRE", Fibre.Code).AtLeast(Quantity.Percent(90)).By(2025).CitedFrom("Bắc Kạn").Build();
        RollupResult result = New.Rollup(Fibre, Fibre2024(), Carry);
        AdministrativeUnit bacKan = Map.UnitsWithCode("06").Single();
        SuccessorEvaluation evaluation = result.EvaluateOnSuccessors(target, bacKan.Id, Y2024);

        Assert.True(evaluation.IsMapped);
        SuccessorAttainment successor = Assert.Single(evaluation.Successors);
        Assert.Equal("Thái Nguyên", successor.Unit.Name);
        Assert.Equal(MergerDay, successor.Unit.ValidFrom);
        Assert.Equal(1m, successor.Share);
        Assert.Equal(["Bắc Kạn", "Thái Nguyên"], successor.FormedFrom.Select(u => u.Name));
        Assert.True(successor.LevelMatches);
        decimal value = 100m * (Numerator("06") + Numerator("19")) / (Denominator("06") + Denominator("19"));
        Assert.Equal(value, successor.Cell.Value);
        Assert.Equal(Attainment.Evaluate(target, value, Y2024.End), successor.Result);
        Assert.Equal(target.IsMetBy(value), successor.Result.IsMet);
        string text = evaluation.ToString();
        Assert.Contains("BK.2025.FIBRE set for Bắc Kạn (06@2008-08-01), 2024:", text, StringComparison.Ordinal);
        Assert.Contains("→ Thái Nguyên (19@2025-07-01) × 1, formed from Bắc Kạn, Thái Nguyên", text, StringComparison.Ordinal);

        // A unit that continued is evaluated on itself.
        SuccessorEvaluation haNoi = result.EvaluateOnSuccessors(target, Map.UnitsWithCode("01").Single().Id, Y2024);
        Assert.False(haNoi.IsMapped);
        Assert.Equal("Hà Nội", Assert.Single(haNoi.Successors).Unit.Name);

        // A district-level target names a level that no longer exists at its successor.
        Target districtLevel = Target.For("BK.2025.FIBRE.D", Fibre.Code).AtLeast(Quantity.Percent(80)).AtLevel(AdministrativeLevel.District).By(2025).Build();
        Assert.False(Assert.Single(result.EvaluateOnSuccessors(districtLevel, bacKan.Id, Y2024).Successors).LevelMatches);

        // No figure: no data.
        RollupResult empty = New.Rollup(Fibre, Array.Empty<Measurement>(), Carry);
        Assert.Empty(empty.Periods);
        RollupResult other = New.Rollup(Fibre, Fibre2024(except: ["06", "19"]), Carry);
        Assert.Equal(AttainmentStatus.NoData, Assert.Single(other.EvaluateOnSuccessors(target, bacKan.Id, Y2024).Successors).Result.Status);

        Target wrong = Target.For("X.1", "DS.OTHER").AtLeast(Quantity.Percent(90)).By(2025).Build();
        Assert.Throws<ArgumentException>(() => result.EvaluateOnSuccessors(wrong, bacKan.Id, Y2024));
    }

    [Fact]
    public void Splits_ShareCountsOutByTheirWeights_AndNeedWeights()
    {
        // Commune 00003 split 3 : 7 between 00001 and 00002 on 2025-07-01; 00004 split without weights.
        LocalDate start = new(2020, 1, 1), change = new(2025, 7, 1), lastOld = change.PlusDays(-1);
        var units = new List<AdministrativeUnit>
        {
            new("VN", "Việt Nam", AdministrativeLevel.National, AdministrativeUnitType.Nation, start),
            new("10", "Tỉnh Thử", AdministrativeLevel.Province, AdministrativeUnitType.Province, start, null, "VN"),
            new("00001", "Xã Một", AdministrativeLevel.Commune, AdministrativeUnitType.Commune, start, null, "10"),
            new("00002", "Xã Hai", AdministrativeLevel.Commune, AdministrativeUnitType.Commune, start, null, "10"),
            new("00003", "Xã Ba", AdministrativeLevel.Commune, AdministrativeUnitType.Commune, start, lastOld, "10"),
            new("00004", "Xã Bốn", AdministrativeLevel.Commune, AdministrativeUnitType.Commune, start, lastOld, "10"),
        };
        var successions = new[]
        {
            Succession.Split(change, "00003", ["00001", "00002"], [3m, 7m]),
            Succession.Split(change, "00004", ["00001", "00002"]),
        };
        AdministrativeMap map = AdministrativeMap.Create(units, successions);
        Indicator firms = Indicator("DE.DIGITAL_FIRMS", Unit.Count);
        var engine = new RollupEngine(map, change);
        Measurement[] figures =
        [
            Measurement.Of(firms.Code, "00001", Y2024, 10), Measurement.Of(firms.Code, "00002", Y2024, 20),
            Measurement.Of(firms.Code, "00003", Y2024, 50),
        ];
        RollupResult result = engine.Rollup(firms, figures, Carry);
        Assert.Equal(80m, result.Total(Y2024).Value);
        Assert.Equal(25m, result.At("00001", Y2024).Value);   // 10 + 0.3 × 50
        Assert.Equal(55m, result.At("00002", Y2024).Value);   // 20 + 0.7 × 50
        Assert.Equal(2, result.Total(Y2024).ReportingUnits);
        Assert.Equal(2, result.Total(Y2024).PartialUnits);    // part of both lies in 00004, which did not report
        UnitMapping split = Assert.Single(result.Mappings, m => m.Source.Code == "00003");
        Assert.Equal([0.3m, 0.7m], split.Targets.Select(t => t.Share!.Value));

        RollupException e = Assert.Throws<RollupException>(() => engine.Rollup(firms, [.. figures, Measurement.Of(firms.Code, "00004", Y2024, 5)], Carry));
        Assert.Equal(["00004"], e.Units.Select(u => u.Code));
        Assert.Contains("without weights", e.Message, StringComparison.Ordinal);
    }
}
