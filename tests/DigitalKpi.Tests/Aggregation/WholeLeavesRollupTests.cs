using DigitalKpi.Administration;
using DigitalKpi.Aggregation;
using DigitalKpi.Tests.TestHelpers;
using FsCheck;
using FsCheck.Fluent;

namespace DigitalKpi.Tests.Aggregation;

/// <summary>
/// The one-pass roll-up of whole figures reported once per leaf and period (<see cref="RollupResult"/>'s compact
/// whole-number form) against the general path on the same figures: every cell equal to the bit (numerators,
/// denominators, values as decimals), the same coverage, missing and partial units, the same errors; and the general
/// path taken whenever anything does not fit (fractional figures, scales, duplicates, partial periods, other levels).
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
        from figures in Gen.Frequency((3, Gen.Constant(Whole)), (1, Gen.Constant(Mixed)))
        from first in Gen.ArrayOf(figures, rows.Count + 1)
        from second in Gen.ArrayOf(figures.Select(d => d < 0m ? -d : d), rows.Count + 1)
        from twist in Gen.Frequency((12, Gen.Constant(Twist.None)), (1, Gen.Constant(Twist.Duplicate)), (1, Gen.Constant(Twist.District)),
            (1, Gen.Constant(Twist.NewCommune)), (1, Gen.Constant(Twist.BadIndex)), (1, Gen.Constant(Twist.Quarterly)))
        from at in Gen.Choose(0, 1_000_000)
        select new Case(Fixtures.Value[fixture], indicator, rows.ToArray(), first, second, twist, at);

    [Fact]
    public void OnePass_EqualsTheGeneralPath_ToTheBit_OrThrowsTheSameError()
    {
        int onePass = 0, wide = 0;
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
            bool fits = c.Twist == Twist.None && c.Figures().All(IsSmallWhole);
            Assert.Equal(fits, fast!.IsWholeForm);
            onePass += fast.IsWholeForm ? 1 : 0;
            bool beyond32Bits = c.Figures().Any(d => d <= int.MinValue || d > int.MaxValue);
            if (fast.IsWholeForm)
            {
                Assert.Equal(!beyond32Bits, fast.Whole!.IsNarrow);
                wide += beyond32Bits ? 1 : 0;
            }
        }, cases: 1000);
        Assert.True(onePass > 300, "the one-pass roll-up ran " + onePass.ToString(System.Globalization.CultureInfo.InvariantCulture) + " times");
        Assert.True(wide > 30, "figures beyond 32 bits in " + wide.ToString(System.Globalization.CultureInfo.InvariantCulture) + " one-pass roll-ups");
    }

    [Fact]
    public void TheNationalDataset_OnePass_EqualsTheGeneralPath_EveryCell()
    {
        AdministrativeMap map = SyntheticHierarchy.Generate(2025);
        var engine = new RollupEngine(map, OldDay);
        int[] communes = map.UnitsOn(OldDay, AdministrativeLevel.Commune).Select(u => map.IndexOf(u.Id)).ToArray();
        var units = new List<int>();
        var periods = new List<int>();
        var first = new List<decimal>();
        var second = new List<decimal>();
        var random = new Random(7);
        foreach (int commune in communes)
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
                first.Add(households * random.Next(0, 1001) / 1000);
                second.Add(households);
            }
        }
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
    public void ScaledAndFractionalFigures_KeepTheirDecimals()
    {
        RollupPropertyTests.Fixture f = Fixtures.Value[0];
        int[] units = [f.Communes[0], f.Communes[1], f.Communes[2]];
        MeasurementColumns whole = MeasurementColumns.ForValues(Months, units, new[] { 0, 0, 0 }, new[] { 1m, 2m, 3m });
        MeasurementColumns scaled = MeasurementColumns.ForValues(Months, units, new[] { 0, 0, 0 }, new[] { 1m, 2.00m, 3m });
        RollupResult a = f.Old.Rollup(Indicators[0], whole), b = f.Old.Rollup(Indicators[0], scaled);
        Assert.True(a.IsWholeForm);
        Assert.False(b.IsWholeForm);
        Assert.Equal("6", a.Total(Months[0]).Value!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("6.00", b.Total(Months[0]).Value!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("2.00", b.Get(units[1], 0).Value!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private static bool IsSmallWhole(decimal d)
    {
        int[] bits = decimal.GetBits(d);
        return bits[2] == 0 && (bits[3] & 0x00FF0000) == 0 && (bits[3] == 0 || d != 0m) && Math.Abs(d) < (1L << 40);
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

        internal IEnumerable<decimal> Figures() => IsFraction ? First.Take(Rows.Length).Concat(Second.Take(Rows.Length)) : First.Take(Rows.Length);

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
