using DigitalKpi.Administration;
using DigitalKpi.Aggregation;
using DigitalKpi.Tests.TestHelpers;
using FsCheck;
using FsCheck.Fluent;

namespace DigitalKpi.Tests.Aggregation;

/// <summary>
/// The one-pass roll-up of figures of a small scale (whole, or with up to four decimals) reported once per leaf and
/// period (<see cref="RollupResult"/>'s compact whole-number form) against the general path on the same figures: every
/// cell equal to the bit (numerators, denominators, values as decimals, so the scale too), the same coverage, missing
/// and partial units, the same errors; and the general path taken whenever anything does not fit (large scales or
/// figures, duplicates, partial periods, other levels, zeros of figures of both signs).
/// </summary>
public class WholeLeavesRollupTests
{
    private static readonly LocalDate OldDay = new(2024, 12, 31);
    private static readonly ReportingPeriod[] Months = Enumerable.Range(1, 12).Select(m => ReportingPeriod.Month(2024, m)).ToArray();

    private static readonly Lazy<RollupPropertyTests.Fixture[]> Fixtures = new(() =>
        Enumerable.Range(11, 3).Select(seed => new RollupPropertyTests.Fixture(SyntheticHierarchy.Generate(seed, oldProvinces: 3, districts: 6, oldCommunes: 20, newProvinces: 2, newCommunes: 8))).ToArray());

    private static readonly Indicator[] Indicators =
    [
        RollupFixtures.Indicator("C.FLOW", Unit.Count, TemporalNature.Flow),
        RollupFixtures.Indicator("C.SNAP", Unit.Count, TemporalNature.Snapshot),
        RollupFixtures.Indicator("F.FLOW", Unit.Fraction, TemporalNature.Flow),
        RollupFixtures.Indicator("F.SNAP", Unit.Fraction, TemporalNature.RunningTotal),
    ];

    /// <summary>Whole numbers of the one-pass range: 0, small, negative, at the edge of 2^40.</summary>
    private static readonly Gen<decimal> Whole = Gen.Frequency(
        (2, Gen.Constant(0m)),
        (20, Gen.Choose(0, 5000).Select(n => (decimal)n)),
        (2, Gen.Choose(-5000, -1).Select(n => (decimal)n)),
        (1, Gen.Elements((1L << 40) - 1, -((1L << 40) - 1)).Select(n => (decimal)n)));

    /// <summary>Sometimes not such a number: beyond 2^40, with a scale (5.0, 0.00), a fraction, a negative zero.</summary>
    private static readonly Gen<decimal> Mixed = Gen.Frequency(
        (20, Whole),
        (1, Gen.Elements(1L << 40, -(1L << 40)).Select(n => (decimal)n)),
        (1, Gen.Elements(5.0m, 0.00m, 7.25m, new decimal(0, 0, 0, true, 0), 1234.5m)));

    /// <summary>Figures with decimals as reported, scales 0 to 4: <c>81.2</c> (%), <c>1693.0</c>, <c>0.25</c>, zeros of a scale.</summary>
    private static readonly Gen<decimal> Decimals = Gen.Frequency(
        (10, from m in Gen.Choose(0, 100_000) from scale in Gen.Choose(0, 4) select new decimal(m, 0, 0, false, (byte)scale)),
        (3, Gen.Elements(81.2m, 1693.0m, 0.25m, 0.0m, 0.00m, 100.0m, 99.95m, 1_234_567.8m, 7m)));

    /// <summary>The same, some negative.</summary>
    private static readonly Gen<decimal> SignedDecimals = Gen.Frequency((6, Decimals), (1, Decimals.Select(d => d == 0m ? d : -d)));

    /// <summary>Large counts, whole or with one decimal (below 2^40 at scale 1, some beyond 2^31).</summary>
    private static readonly Gen<decimal> LargeDecimals = Gen.Frequency(
        (10, from m in Gen.Choose(0, 100_000) from scale in Gen.Choose(0, 1) select new decimal(m, 0, 0, false, (byte)scale)),
        (1, Gen.Elements(4_000_000_000.5m, 109_951_162_777.5m, 12_345_678.9m, 3_000_000_000m, -5_000_000_000m)));

    /// <summary>Sometimes beyond the case: scale 5 or 10, 2^40 as integer part, a negative zero with a scale, 2^40 − 1 beside decimals.</summary>
    private static readonly Gen<decimal> DecimalsMixed = Gen.Frequency(
        (40, Decimals),
        (1, Gen.Elements(1.00001m, 0.0000000001m, 109_951_162_777.6m, -1_099_511_627_776m, new decimal(0, 0, 0, true, 1), (1L << 40) - 1m)));

    /// <summary>Decimals and now and then a whole number below 2^40 that is not below it at their scale.</summary>
    private static readonly Gen<decimal> LargeBesideDecimals = Gen.Frequency((40, Decimals), (1, Gen.Elements((1L << 40) - 1m, 999_999_999_999m)));

    /// <summary>Every figure of one scale (the narrow one-pass case for decimals).</summary>
    private static Gen<decimal> OneScale(int scale) => Gen.Choose(-1000, 2_000_000).Select(m => new decimal(Math.Abs(m), 0, 0, m < 0, (byte)scale));

    /// <summary>Small figures of both signs that often cancel out in a unit's sum (zeros whose sign decimal addition leaves to the order).</summary>
    private static readonly Gen<decimal> Cancelling = Gen.Elements(-1.5m, 1.5m, 0.5m, -0.5m, 0.0m, 1m, -1m, 0m, 2.0m, -2m);

    private enum Twist
    {
        None,
        Duplicate,
        District,
        NewCommune,
        BadIndex,
        Quarterly,
    }

    private static readonly Gen<Case> Cases =
        from fixture in Gen.Choose(0, 2)
        from indicator in Gen.Elements(Indicators)
        from rows in Gen.SubListOf(Fixtures.Value[fixture].Pairs)
        from figures in Gen.Frequency((6, Gen.Constant(Whole)), (2, Gen.Constant(Mixed)), (3, Gen.Constant(Decimals)), (1, Gen.Constant(SignedDecimals)),
            (1, Gen.Constant(LargeDecimals)), (1, Gen.Constant(DecimalsMixed)), (1, Gen.Constant(LargeBesideDecimals)), (3, Gen.Choose(0, 4).Select(OneScale)), (1, Gen.Constant(Cancelling)))
        from first in Gen.ArrayOf(figures, rows.Count + 1)
        from second in Gen.ArrayOf(figures.Select(d => d < 0m ? -d : d), rows.Count + 1)
        from twist in Gen.Frequency((12, Gen.Constant(Twist.None)), (1, Gen.Constant(Twist.Duplicate)), (1, Gen.Constant(Twist.District)),
            (1, Gen.Constant(Twist.NewCommune)), (1, Gen.Constant(Twist.BadIndex)), (1, Gen.Constant(Twist.Quarterly)))
        from at in Gen.Choose(0, 1_000_000)
        select new Case(Fixtures.Value[fixture], indicator, rows.ToArray(), first, second, twist, at);

    [Fact]
    public void OnePass_EqualsTheGeneralPath_ToTheBit_OrThrowsTheSameError()
    {
        int onePass = 0, wide = 0, scaled = 0, narrowScaled = 0, severalScales = 0, signedZeros = 0, tooLarge = 0;
        PropertyCheck.ForAll(Cases, c =>
        {
            MeasurementColumns columns = c.Columns();
            RollupOptions options = c.Twist == Twist.Quarterly ? new RollupOptions(granularity: PeriodKind.Quarter) : RollupOptions.Default;
            RollupEngine engine = c.Fixture.Old;
            (RollupResult? general, Exception? generalError) = Try(() => engine.Rollup(c.Indicator, columns, options, wholeLeaves: false));
            (RollupResult? fast, Exception? fastError) = Try(() => engine.Rollup(c.Indicator, columns, options));
            if (generalError is not null)
            {
                AssertSameError(generalError, fastError);
                return;
            }
            Assert.Null(fastError);
            AssertSameResult(general!, fast!);
            Assert.False(general!.IsWholeForm);

            // The one-pass case: every figure of scale 0 to 4 with an integer part below 2^40, also at its column's
            // largest scale, and no unit summing figures of both signs to a zero of a scale.
            decimal[][] figureColumns = c.FigureColumns();
            bool taken = c.Twist == Twist.None && figureColumns.All(col => col.All(IsSmallScaled));
            bool fitsScale = taken && figureColumns.All(FitsLargestScale);
            bool signedZero = fitsScale && MaySignAZero(general, figureColumns);
            Assert.Equal(fitsScale && !signedZero, fast!.IsWholeForm);
            tooLarge += taken && !fitsScale ? 1 : 0;
            signedZeros += signedZero ? 1 : 0;
            if (fast.IsWholeForm)
            {
                onePass++;
                bool narrow = figureColumns.All(col => col.All(d => Scale(d) == Scale(col[0]) && Math.Abs(IntegerPart(d)) < 1L << 31));
                Assert.Equal(narrow, fast.Whole!.IsNarrow);
                bool anyScale = figureColumns.Any(col => col.Any(d => Scale(d) > 0));
                Assert.Equal(anyScale, fast.Whole.HasScale);
                wide += narrow ? 0 : 1;
                scaled += anyScale ? 1 : 0;
                narrowScaled += anyScale && narrow ? 1 : 0;
                severalScales += figureColumns.Any(col => col.Select(Scale).Distinct().Count() > 1) ? 1 : 0;
            }
        }, cases: 1500);
        string counts = string.Join(", ", new[] { onePass, wide, scaled, narrowScaled, severalScales, signedZeros, tooLarge }.Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.True(onePass > 500, "one pass, wide, with a scale, narrow with a scale, several scales, signed zeros, too large: " + counts);
        Assert.True(wide > 50, counts);
        Assert.True(scaled > 300, counts);
        Assert.True(narrowScaled > 60, counts);
        Assert.True(severalScales > 100, counts);
        Assert.True(signedZeros > 10, counts);
        Assert.True(tooLarge > 5, counts);
    }

    [Fact]
    public void TheNationalDataset_OnePass_EqualsTheGeneralPath_EveryCell()
    {
        AdministrativeMap map = SyntheticHierarchy.Generate(2025);
        var engine = new RollupEngine(map, OldDay);
        var first = new List<decimal>();
        var second = new List<decimal>();
        (List<int> units, List<int> periods) = NationalRows(map, 7, (households, random) =>
        {
            first.Add(households * random.Next(0, 1001) / 1000);
            second.Add(households);
        });
        var fractions = MeasurementColumns.ForFractions(Months, units.ToArray(), periods.ToArray(), first.ToArray(), second.ToArray());
        var values = MeasurementColumns.ForValues(Months, units.ToArray(), periods.ToArray(), first.ToArray());
        foreach ((Indicator indicator, MeasurementColumns columns) in new[] { (Indicators[2], fractions), (Indicators[3], fractions), (Indicators[0], values), (Indicators[1], values) })
        {
            RollupResult fast = engine.Rollup(indicator, columns);
            RollupResult general = engine.Rollup(indicator, columns, null, wholeLeaves: false);
            Assert.True(fast.IsWholeForm);
            AssertSameResult(general, fast);
            RollupCell nation = fast.Total(Months[0]);
            Assert.Equal(10_600, nation.ExpectedUnits);
            Assert.Equal(periods.Count(p => p == 0), nation.ReportingUnits);
            Assert.True(nation.MissingUnits > 50);
            Assert.Equal(first.Where((_, i) => periods[i] == 0).Sum(), indicator.Unit.Kind == UnitKind.Fraction ? nation.Numerator : nation.Value);
        }
    }

    [Fact]
    public void LeafNotInForceThroughout_AndPartialPeriods_GoTheGeneralWay()
    {
        // A commune created on 2024-03-15 is not in force throughout the year: the general path, which checks each period.
        var start = new LocalDate(2020, 1, 1);
        var map = AdministrativeMap.Create(
        [
            new AdministrativeUnit("VN", "Việt Nam", AdministrativeLevel.National, AdministrativeUnitType.Nation, start),
            new AdministrativeUnit("10", "Tỉnh Thử", AdministrativeLevel.Province, AdministrativeUnitType.Province, start, null, "VN"),
            new AdministrativeUnit("101", "Huyện Một", AdministrativeLevel.District, AdministrativeUnitType.RuralDistrict, start, null, "10"),
            new AdministrativeUnit("10101", "Xã Một", AdministrativeLevel.Commune, AdministrativeUnitType.Commune, start, null, "101"),
            new AdministrativeUnit("10102", "Xã Mới", AdministrativeLevel.Commune, AdministrativeUnitType.Commune, new LocalDate(2024, 3, 15), null, "101"),
        ]);
        var engine = new RollupEngine(map, OldDay);
        int one = map.IndexOf(RollupFixtures.UnitOf(map, "10101", OldDay).Id), fresh = map.IndexOf(RollupFixtures.UnitOf(map, "10102", OldDay).Id);
        MeasurementColumns columns = MeasurementColumns.ForValues(Months, new[] { one, one, fresh, fresh }, new[] { 2, 3, 2, 3 }, new[] { 10m, 20m, 3m, 4m });
        RollupResult fast = engine.Rollup(Indicators[0], columns);
        RollupResult general = engine.Rollup(Indicators[0], columns, null, wholeLeaves: false);
        Assert.False(fast.IsWholeForm);
        AssertSameResult(general, fast);
        Assert.Equal((13m, 2, 0), (fast.Total(Months[2]).Value!.Value, fast.Total(Months[2]).ReportingUnits, fast.Total(Months[2]).PartialUnits));

        // Quarters from months (Xã Một reports two months of the first quarter): partial units, the general path again.
        MeasurementColumns months = MeasurementColumns.ForValues(Months, new[] { one, one, one, fresh }, new[] { 0, 1, 3, 3 }, new[] { 1m, 2m, 5m, 7m });
        var quarters = new RollupOptions(granularity: PeriodKind.Quarter);
        RollupResult q = engine.Rollup(Indicators[0], months, quarters);
        Assert.False(q.IsWholeForm);
        AssertSameResult(engine.Rollup(Indicators[0], months, quarters, wholeLeaves: false), q);
        RollupCell first = q.Total(q.Periods[0]), second = q.Total(q.Periods[1]);
        Assert.Equal((3m, 1, 1), (first.Value!.Value, first.ReportingUnits, first.PartialUnits));
        Assert.Equal("10101", Assert.Single(q.PartialUnits(first.Unit, q.Periods[0])).Key.Code);
        Assert.Equal((12m, 2, 2), (second.Value!.Value, second.ReportingUnits, second.PartialUnits));

        // A figure for a month of its own, in force throughout: the one-pass result, coverage and all.
        MeasurementColumns own = MeasurementColumns.ForValues(Months, new[] { one, one }, new[] { 0, 1 }, new[] { 1m, 2m });
        RollupResult monthly = engine.Rollup(Indicators[0], own);
        Assert.True(monthly.IsWholeForm);
        AssertSameResult(engine.Rollup(Indicators[0], own, null, wholeLeaves: false), monthly);
        Assert.Equal((1, 2, 0, 0.5m), (monthly.Total(Months[0]).ReportingUnits, monthly.Total(Months[0]).ExpectedUnits, monthly.Total(Months[0]).PartialUnits, monthly.Total(Months[0]).Coverage!.Value));
        Assert.Null(monthly.Total(Months[5]).Value);
    }

    [Fact]
    public void AFigureBeyond32Bits_WidensTheLeafCells_KeepingTheEarlierOnes()
    {
        RollupPropertyTests.Fixture f = Fixtures.Value[1];
        int[] units = [f.Communes[0], f.Communes[1], f.Communes[2], f.Communes[3]];
        decimal big = (1L << 39) + 1, small = int.MinValue + 1L;
        MeasurementColumns columns = MeasurementColumns.ForFractions(Months, units, new[] { 0, 0, 1, 0 }, new[] { 7m, small, big, 0m }, new[] { 9m, 3m, big, int.MaxValue + 1L });
        RollupResult fast = f.Old.Rollup(Indicators[2], columns);
        Assert.True(fast.IsWholeForm);
        Assert.False(fast.Whole!.IsNarrow);
        AssertSameResult(f.Old.Rollup(Indicators[2], columns, null, wholeLeaves: false), fast);
        Assert.Equal(7m + small, fast.Total(Months[0]).Numerator);
        Assert.Equal(9m + 3m + int.MaxValue + 1L, fast.Total(Months[0]).Denominator);
        Assert.Equal((big, big), (fast.Get(units[2], 1).Numerator!.Value, fast.Get(units[2], 1).Denominator!.Value));
        Assert.Equal(0m, fast.Get(units[3], 0).Numerator);
        Assert.Equal(1, fast.Get(units[3], 0).ReportingUnits);
        Assert.Equal(0, fast.Get(units[3], 1).ReportingUnits);
    }

    [Fact]
    public void ScaledFigures_SumWithTheScaleDecimalAdditionGives()
    {
        RollupPropertyTests.Fixture f = Fixtures.Value[0];
        (int a, int b, int other) = TwoCommunesOfADistrict(f);
        int district = f.Old.Tree.ParentIndex(a);
        var inv = System.Globalization.CultureInfo.InvariantCulture;

        // Month 0: 1.5 + 2.25 = 3.75; month 1: 1.0 + 2 = 3.0; month 2: 1693.0 + 1693.0 = 3386.0; month 3: 0.0 + 0.00 = 0.00;
        // month 4: only another district reports (ours stays 0, scale 0); month 5: 2 + 3 (scale 0 beside the others).
        int[] units = [a, b, a, b, a, b, a, b, other, a, b];
        int[] months = [0, 0, 1, 1, 2, 2, 3, 3, 4, 5, 5];
        decimal[] values = [1.5m, 2.25m, 1.0m, 2m, 1693.0m, 1693.0m, 0.0m, 0.00m, 81.2m, 2m, 3m];
        MeasurementColumns columns = MeasurementColumns.ForValues(Months, units, months, values);
        RollupResult fast = f.Old.Rollup(Indicators[0], columns);
        Assert.True(fast.IsWholeForm);
        Assert.False(fast.Whole!.IsNarrow); // several scales: 64-bit leaf cells and their scales
        AssertSameResult(f.Old.Rollup(Indicators[0], columns, null, wholeLeaves: false), fast);
        string[] sums = Enumerable.Range(0, 6).Select(m => fast.Get(district, m).Value is { } v ? v.ToString(inv) : "none").ToArray();
        Assert.Equal(["3.75", "3.0", "3386.0", "0.00", "none", "5"], sums);
        Assert.Equal("2.25", fast.Get(b, 0).Value!.Value.ToString(inv));
        Assert.Equal("81.2", fast.Get(other, 4).Value!.Value.ToString(inv));

        // One scale throughout (1693.0, 81.2): 32-bit leaf cells, every sum of scale 1.
        MeasurementColumns oneScale = MeasurementColumns.ForFractions(Months, new[] { a, b, other }, new[] { 0, 0, 0 }, new[] { 1693.0m, 81.2m, 0.5m }, new[] { 1733.0m, 100.0m, 1.0m });
        RollupResult narrow = f.Old.Rollup(Indicators[2], oneScale);
        Assert.True(narrow.IsWholeForm);
        Assert.True(narrow.Whole!.IsNarrow);
        AssertSameResult(f.Old.Rollup(Indicators[2], oneScale, null, wholeLeaves: false), narrow);
        Assert.Equal(("1774.2", "1833.0"), (narrow.Get(district, 0).Numerator!.Value.ToString(inv), narrow.Get(district, 0).Denominator!.Value.ToString(inv)));
        Assert.Equal("1774.7", narrow.Total(Months[0]).Numerator!.Value.ToString(inv));
    }

    [Fact]
    public void LargeScalesAndFigures_GoTheGeneralWay_WithTheSameResult()
    {
        RollupPropertyTests.Fixture f = Fixtures.Value[0];
        (int a, int b, _) = TwoCommunesOfADistrict(f);
        decimal[][] cases =
        [
            [1m, 0.00001m],                         // scale 5
            [1.5m, 0.0000000001m],                  // scale 10
            [0.1m, 109_951_162_777.6m],             // 2^40 as integer part
            [(1L << 40) - 1m, 0.5m],                // below 2^40 at scale 0, not at scale 1
            [0.5m, 1_099_511_627_775m],             // the same, the figure of scale 1 first
            [1.0m, new decimal(0, 0, 0, true, 1)],  // a negative zero
            [decimal.MaxValue / 1000m, 1m],
        ];
        foreach (decimal[] values in cases)
        {
            MeasurementColumns columns = MeasurementColumns.ForValues(Months, new[] { a, b }, new[] { 0, 0 }, values);
            RollupResult fast = f.Old.Rollup(Indicators[0], columns);
            Assert.False(fast.IsWholeForm);
            AssertSameResult(f.Old.Rollup(Indicators[0], columns, null, wholeLeaves: false), fast);
        }

        // Scale 4, just below 2^40 at the largest scale: still one pass.
        MeasurementColumns edge = MeasurementColumns.ForValues(Months, new[] { a, b }, new[] { 0, 0 }, new[] { 109_951_162.7775m, 0.5m });
        RollupResult taken = f.Old.Rollup(Indicators[0], edge);
        Assert.True(taken.IsWholeForm);
        AssertSameResult(f.Old.Rollup(Indicators[0], edge, null, wholeLeaves: false), taken);
    }

    [Fact]
    public void AZeroOfFiguresOfBothSigns_WithAScale_GoesTheGeneralWay()
    {
        // Decimal addition signs such a zero by the order of the additions (-1.5m + 1.5m is -0.0m, 1.5m + -1.5m is 0.0m).
        RollupPropertyTests.Fixture f = Fixtures.Value[0];
        (int a, int b, _) = TwoCommunesOfADistrict(f);
        int district = f.Old.Tree.ParentIndex(a);
        foreach (decimal[] values in new[] { new[] { -1.5m, 1.5m }, [1.5m, -1.5m], [-2m, 2.0m], [2.0m, -2m] })
        {
            MeasurementColumns columns = MeasurementColumns.ForValues(Months, new[] { a, b }, new[] { 0, 0 }, values);
            RollupResult fast = f.Old.Rollup(Indicators[0], columns);
            RollupResult general = f.Old.Rollup(Indicators[0], columns, null, wholeLeaves: false);
            Assert.False(fast.IsWholeForm);
            AssertSameResult(general, fast);
            Assert.Equal(0m, fast.Get(district, 0).Value);
        }

        // Whole figures of both signs are summed as integers on both paths, and zeros of a scale without negative
        // figures are positive: one pass.
        foreach (decimal[] values in new[] { new[] { -2m, 2m }, [0.0m, 0.00m] })
        {
            MeasurementColumns columns = MeasurementColumns.ForValues(Months, new[] { a, b }, new[] { 0, 0 }, values);
            RollupResult fast = f.Old.Rollup(Indicators[0], columns);
            Assert.True(fast.IsWholeForm);
            AssertSameResult(f.Old.Rollup(Indicators[0], columns, null, wholeLeaves: false), fast);
        }
    }

    [Fact]
    public void TheNationalDataset_WithDecimals_OnePass_EqualsTheGeneralPath_EveryCell()
    {
        AdministrativeMap map = SyntheticHierarchy.Generate(2025);
        var engine = new RollupEngine(map, OldDay);
        var oneScale = new List<decimal>();
        var severalScales = new List<decimal>();
        var denominators = new List<decimal>();
        (List<int> units, List<int> periods) = NationalRows(map, 11, (households, random) =>
        {
            int tenths = households * random.Next(0, 1001) / 100;
            oneScale.Add(new decimal(tenths, 0, 0, false, 1)); // 1693.0, 81.2
            severalScales.Add(random.Next(4) switch { 0 => tenths / 10, 1 => new decimal(tenths, 0, 0, false, 1), 2 => new decimal(tenths * 10 + 5, 0, 0, false, 2), _ => new decimal(tenths, 0, 0, false, 1) * 1.000m });
            denominators.Add(households * 1.0m);
        });
        foreach ((decimal[] first, bool narrow) in new[] { (oneScale.ToArray(), true), (severalScales.ToArray(), false) })
        {
            var fractions = MeasurementColumns.ForFractions(Months, units.ToArray(), periods.ToArray(), first, denominators.ToArray());
            var values = MeasurementColumns.ForValues(Months, units.ToArray(), periods.ToArray(), first);
            foreach ((Indicator indicator, MeasurementColumns columns) in new[] { (Indicators[2], fractions), (Indicators[3], fractions), (Indicators[0], values), (Indicators[1], values) })
            {
                RollupResult fast = engine.Rollup(indicator, columns);
                RollupResult general = engine.Rollup(indicator, columns, null, wholeLeaves: false);
                Assert.True(fast.IsWholeForm);
                Assert.Equal(narrow, fast.Whole!.IsNarrow);
                AssertSameResult(general, fast);
                RollupCell nation = fast.Total(Months[0]);
                decimal expected = first.Where((_, i) => periods[i] == 0).Aggregate(0m, (sum, d) => sum + d);
                Assert.Equal(Bits(expected), Bits(indicator.Unit.Kind == UnitKind.Fraction ? nation.Numerator : nation.Value));
            }
        }
    }

    /// <summary>
    /// The rows of the national dataset on the old map: every commune, twelve months, 1 % of the rows missing; for each row,
    /// <paramref name="figures"/> gets the commune's household count and the generator to add the row's figures.
    /// </summary>
    private static (List<int> Units, List<int> Periods) NationalRows(AdministrativeMap map, int seed, Action<int, Random> figures)
    {
        var units = new List<int>();
        var periods = new List<int>();
        var random = new Random(seed);
        foreach (int commune in map.UnitsOn(OldDay, AdministrativeLevel.Commune).Select(u => map.IndexOf(u.Id)))
        {
            int households = random.Next(200, 5000);
            for (int m = 0; m < 12; m++)
            {
                if (random.Next(100) == 0)
                {
                    continue; // 1 % missing
                }
                units.Add(commune);
                periods.Add(m);
                figures(households, random);
            }
        }
        return (units, periods);
    }

    /// <summary>Two communes of the same district, and a commune of another district.</summary>
    private static (int A, int B, int Other) TwoCommunesOfADistrict(RollupPropertyTests.Fixture f)
    {
        AdministrativeTree tree = f.Old.Tree;
        IGrouping<int, int> district = f.Communes.GroupBy(tree.ParentIndex).First(g => g.Count() >= 2);
        return (district.ElementAt(0), district.ElementAt(1), f.Communes.First(c => tree.ParentIndex(c) != district.Key));
    }

    private static int Scale(decimal d) => (decimal.GetBits(d)[3] >> 16) & 0xFF;

    /// <summary>The digits of <paramref name="d"/> as an integer, signed (81.2: 812); only for integer parts below 2^63.</summary>
    private static long IntegerPart(decimal d)
    {
        int[] bits = decimal.GetBits(d);
        long magnitude = (long)((uint)bits[0] | ((ulong)(uint)bits[1] << 32));
        return d < 0m ? -magnitude : magnitude;
    }

    /// <summary>Scale 0 to 4, an integer part below 2^40 in magnitude, not a negative zero.</summary>
    private static bool IsSmallScaled(decimal d)
    {
        int[] bits = decimal.GetBits(d);
        return bits[2] == 0 && Scale(d) <= 4 && (bits[3] >= 0 || d != 0m) && Math.Abs(IntegerPart(d)) < (1L << 40);
    }

    /// <summary>Every figure's integer part at the column's largest scale below 2^40.</summary>
    private static bool FitsLargestScale(decimal[] column)
    {
        int largest = column.Length == 0 ? 0 : column.Max(Scale);
        return column.All(d => Math.Abs(IntegerPart(d)) * (long)Math.Pow(10, largest - Scale(d)) < 1L << 40);
    }

    /// <summary>
    /// Whether the general path's result has a unit above the leaves whose sum is a zero that decimal addition may have
    /// signed: reporting leaves, a column with a scale (added as decimals) and a negative figure in it.
    /// </summary>
    private static bool MaySignAZero(RollupResult general, decimal[][] columns)
    {
        for (int col = 0; col < columns.Length; col++)
        {
            if (!columns[col].Any(d => Scale(d) > 0) || !columns[col].Any(d => d < 0m))
            {
                continue;
            }
            foreach (ReportingPeriod period in general.Periods)
            {
                foreach (RollupCell cell in general.Cells(period))
                {
                    decimal? sum = col == 1 ? cell.Denominator : cell.Numerator ?? cell.Value;
                    if (!cell.IsLeaf && cell.ReportingUnits > 0 && sum == 0m)
                    {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static (RollupResult? Result, Exception? Error) Try(Func<RollupResult> rollup)
    {
        try
        {
            return (rollup(), null);
        }
        catch (Exception e) when (e is RollupException or ArgumentException)
        {
            return (null, e);
        }
    }

    private static void AssertSameError(Exception expected, Exception? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.GetType(), actual!.GetType());
        Assert.Equal(expected.Message, actual.Message);
        if (expected is RollupException r)
        {
            Assert.Equal(r.Units, ((RollupException)actual).Units);
        }
    }

    private static void AssertSameResult(RollupResult expected, RollupResult actual)
    {
        Assert.Equal(expected.Periods, actual.Periods);
        Assert.Equal(expected.Mappings, actual.Mappings);
        AdministrativeUnit[] roots = expected.Tree.RootIndexes.Select(i => expected.Map[i]).ToArray();
        foreach (ReportingPeriod period in expected.Periods)
        {
            RollupCell[] want = expected.Cells(period).ToArray(), got = actual.Cells(period).ToArray();
            Assert.Equal(want, got);
            for (int i = 0; i < want.Length; i++)
            {
                Assert.Equal(Bits(want[i].Numerator), Bits(got[i].Numerator));
                Assert.Equal(Bits(want[i].Denominator), Bits(got[i].Denominator));
                Assert.Equal(Bits(want[i].Value), Bits(got[i].Value));
                Assert.Equal(want[i].Coverage, got[i].Coverage);
                Assert.Equal(want[i].PartialUnits, got[i].PartialUnits);
                Assert.Equal(want[i].MissingUnits, got[i].MissingUnits);
                Assert.Equal(want[i].ToString(), got[i].ToString());
            }
            foreach (AdministrativeUnit root in roots)
            {
                Assert.Equal(expected.MissingUnits(root, period), actual.MissingUnits(root, period));
                Assert.Equal(expected.PartialUnits(root, period), actual.PartialUnits(root, period));
            }
        }
    }

    private static string Bits(decimal? d) => d is { } v ? string.Join(",", decimal.GetBits(v)) : "null";

    private sealed record Case(RollupPropertyTests.Fixture Fixture, Indicator Indicator, (int Unit, int Month)[] Rows, decimal[] First, decimal[] Second, Twist Twist, int At)
    {
        private bool IsFraction => Indicator.Unit.Kind == UnitKind.Fraction;

        /// <summary>The figures of the rows, per column (values; or numerators and denominators).</summary>
        internal decimal[][] FigureColumns() => IsFraction ? [First.Take(Rows.Length).ToArray(), Second.Take(Rows.Length).ToArray()] : [First.Take(Rows.Length).ToArray()];

        internal MeasurementColumns Columns()
        {
            var units = Rows.Select(r => r.Unit).ToList();
            var periods = Rows.Select(r => r.Month - 1).ToList();
            var first = First.Take(Rows.Length).ToList();
            var second = Second.Take(Rows.Length).ToList();
            AdministrativeMap map = Fixture.Map;
            int extraUnit = Twist switch
            {
                Twist.Duplicate when Rows.Length > 0 => Rows[At % Rows.Length].Unit,
                Twist.District => Pick(map.UnitsOn(OldDay, AdministrativeLevel.District)),
                Twist.NewCommune => Pick(map.UnitsOn(AdministrativeReform.ProvincialMerger, AdministrativeLevel.Commune).Where(u => !u.IsValidOn(OldDay)).ToList()),
                Twist.BadIndex => map.Count + 3,
                _ => -1,
            };
            if (extraUnit >= 0)
            {
                // A figure at a random place among the others (for a duplicate, the same unit and month as a row).
                int month = Twist == Twist.Duplicate ? Rows[At % Rows.Length].Month - 1 : At % 12;
                int place = Rows.Length == 0 ? 0 : (At / 7) % (Rows.Length + 1);
                units.Insert(place, extraUnit);
                periods.Insert(place, month);
                first.Insert(place, First[Rows.Length]);
                second.Insert(place, Second[Rows.Length]);
            }
            return IsFraction
                ? MeasurementColumns.ForFractions(Months, units.ToArray(), periods.ToArray(), first.ToArray(), second.ToArray())
                : MeasurementColumns.ForValues(Months, units.ToArray(), periods.ToArray(), first.ToArray());

            int Pick(IReadOnlyList<AdministrativeUnit> candidates) => map.IndexOf(candidates[At % candidates.Count].Id);
        }
    }
}
