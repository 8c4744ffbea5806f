using DigitalKpi.Administration;
using DigitalKpi.Aggregation;
using DigitalKpi.Tests.TestHelpers;
using FsCheck;
using FsCheck.Fluent;

namespace DigitalKpi.Tests.Aggregation;

/// <summary>
/// The engine on small synthetic maps with random figures: the same result whatever the partitioning and the order
/// of the figures, equal to a reference built from <see cref="Aggregate.Combine"/> alone, and conserving totals
/// when 2024 figures are carried onto the new map. At least 1,000 cases each.
/// </summary>
public class RollupPropertyTests
{
    private static readonly LocalDate OldDay = new(2024, 12, 31);
    private static readonly LocalDate NewDay = AdministrativeReform.ProvincialMerger;

    private static readonly Lazy<Fixture[]> Fixtures = new(() =>
        Enumerable.Range(1, 4).Select(seed => new Fixture(SyntheticHierarchy.Generate(seed, oldProvinces: 3, districts: 6, oldCommunes: 20, newProvinces: 2, newCommunes: 8))).ToArray());

    private static readonly Indicator[] Indicators =
    [
        RollupFixtures.Indicator("C.FLOW", Unit.Count, TemporalNature.Flow),
        RollupFixtures.Indicator("C.SNAP", Unit.Count, TemporalNature.Snapshot),
        RollupFixtures.Indicator("F.FLOW", Unit.Fraction, TemporalNature.Flow),
        RollupFixtures.Indicator("F.SNAP", Unit.Fraction, TemporalNature.RunningTotal),
    ];

    private static readonly Gen<decimal> NonNegative = AggregatePropertyTests.Amount.Select(Math.Abs);

    private static readonly Gen<Case> Cases =
        from fixture in Gen.Choose(0, 3)
        from indicator in Gen.Elements(Indicators)
        from rows in Gen.SubListOf(Fixtures.Value[fixture].Pairs)
        from first in Gen.ArrayOf(NonNegative, rows.Count)
        from second in Gen.ArrayOf(NonNegative, rows.Count)
        from granularity in Gen.Elements<PeriodKind?>(null, PeriodKind.Quarter, PeriodKind.Year)
        from parts in Gen.Choose(2, 5)
        from order in Gen.Shuffle(Enumerable.Range(0, rows.Count))
        select new Case(Fixtures.Value[fixture], indicator, rows.ToArray(), first, second, granularity, parts, order);

    [Fact]
    public void PartitioningAndOrder_DoNotChangeTheResult_AndItMatchesTheReference()
    {
        PropertyCheck.ForAll(Cases, c =>
        {
            var options = new RollupOptions(granularity: c.Granularity, maxDegreeOfParallelism: 1);
            RollupResult sequential = c.Fixture.Old.Rollup(c.Indicator, c.Columns(Enumerable.Range(0, c.Rows.Length)), options);
            RollupResult parallel = c.Fixture.Old.Rollup(c.Indicator, c.Columns(c.Order),
                new RollupOptions(granularity: c.Granularity, maxDegreeOfParallelism: c.Parts));
            Assert.Equal(sequential.Periods, parallel.Periods);
            foreach (ReportingPeriod period in sequential.Periods)
            {
                Assert.Equal(sequential.Cells(period), parallel.Cells(period));
                foreach (RollupCell cell in sequential.Cells(period))
                {
                    c.AssertMatchesReference(cell);
                }
            }
        }, cases: 1000);
    }

    [Fact]
    public void CarryingOntoTheNewMap_ConservesTotals_WhateverThePartitioning()
    {
        PropertyCheck.ForAll(Cases, c =>
        {
            var options = new RollupOptions(granularity: c.Granularity, maxDegreeOfParallelism: 1);
            RollupResult old = c.Fixture.Old.Rollup(c.Indicator, c.Columns(Enumerable.Range(0, c.Rows.Length)), options);
            RollupResult carried = c.Fixture.New.Rollup(c.Indicator, c.Columns(Enumerable.Range(0, c.Rows.Length)),
                new RollupOptions(granularity: c.Granularity, mapping: SuccessionMapping.CarryToSuccessors, maxDegreeOfParallelism: 1));
            RollupResult parallel = c.Fixture.New.Rollup(c.Indicator, c.Columns(c.Order),
                new RollupOptions(granularity: c.Granularity, mapping: SuccessionMapping.CarryToSuccessors, maxDegreeOfParallelism: c.Parts));
            foreach (ReportingPeriod period in old.Periods)
            {
                Assert.Equal(carried.Cells(period), parallel.Cells(period));
                RollupCell before = old.Total(period), after = carried.Total(period);
                // Splits share figures in tenths, which decimal represents exactly: nothing is lost or rounded.
                Assert.Equal(before.Numerator, after.Numerator);
                Assert.Equal(before.Denominator, after.Denominator);
                Assert.Equal(before.Value, after.Value);
                Assert.Equal(before.ReportingUnits > 0, after.ReportingUnits > 0);
            }
        }, cases: 1000);
    }

    internal sealed class Fixture
    {
        internal Fixture(AdministrativeMap map)
        {
            Map = map;
            Old = new RollupEngine(map, OldDay);
            New = new RollupEngine(map, NewDay);
            Communes = map.UnitsOn(OldDay, AdministrativeLevel.Commune).Select(u => map.IndexOf(u.Id)).ToArray();
            Pairs = Communes.SelectMany(u => Enumerable.Range(1, 12).Select(m => (u, m))).ToArray();
            LeavesUnder = new Dictionary<int, HashSet<int>>();
            foreach (int commune in Communes)
            {
                Add(commune, commune);
                foreach (AdministrativeUnit ancestor in map.GetAncestors(map[commune].Id, OldDay))
                {
                    Add(map.IndexOf(ancestor.Id), commune);
                }
            }

            void Add(int unit, int leaf)
            {
                if (!LeavesUnder.TryGetValue(unit, out HashSet<int>? set))
                {
                    LeavesUnder[unit] = set = new HashSet<int>();
                }
                set.Add(leaf);
            }
        }

        internal AdministrativeMap Map { get; }

        internal RollupEngine Old { get; }

        internal RollupEngine New { get; }

        internal int[] Communes { get; }

        internal (int Unit, int Month)[] Pairs { get; }

        internal Dictionary<int, HashSet<int>> LeavesUnder { get; }
    }

    internal sealed record Case(Fixture Fixture, Indicator Indicator, (int Unit, int Month)[] Rows, decimal[] First, decimal[] Second, PeriodKind? Granularity, int Parts, int[] Order)
    {
        private static readonly ReportingPeriod[] Months = Enumerable.Range(1, 12).Select(m => ReportingPeriod.Month(2024, m)).ToArray();

        private bool IsFraction => Indicator.Unit.Kind == UnitKind.Fraction;

        internal MeasurementColumns Columns(IEnumerable<int> order)
        {
            int[] rows = order.ToArray();
            int[] units = rows.Select(r => Rows[r].Unit).ToArray();
            int[] periods = rows.Select(r => Rows[r].Month - 1).ToArray();
            decimal[] first = rows.Select(r => First[r]).ToArray();
            decimal[] second = rows.Select(r => Second[r]).ToArray();
            return IsFraction
                ? MeasurementColumns.ForFractions(Months, units, periods, first, second)
                : MeasurementColumns.ForValues(Months, units, periods, first);
        }

        /// <summary>The reference: each leaf's figures folded with Aggregate.Combine, then summed over the leaves below the unit.</summary>
        internal void AssertMatchesReference(RollupCell cell)
        {
            decimal first = 0, second = 0;
            int reporting = 0;
            foreach (int leaf in Fixture.LeavesUnder.GetValueOrDefault(cell.UnitIndex) ?? [])
            {
                Aggregate folded = Aggregate.Empty;
                for (int r = 0; r < Rows.Length; r++)
                {
                    ReportingPeriod month = Months[Rows[r].Month - 1];
                    if (Rows[r].Unit == leaf && cell.Period.Contains(month))
                    {
                        folded = Aggregate.Combine(folded, IsFraction
                            ? Aggregate.OfFraction(month.End, month.LengthInDays, First[r], Second[r])
                            : Aggregate.OfValue(month.End, month.LengthInDays, First[r]));
                    }
                }
                if (folded.Observations == 0)
                {
                    continue;
                }
                reporting++;
                if (Indicator.TemporalNature == TemporalNature.Flow)
                {
                    first += IsFraction ? folded.Numerator : folded.Sum;
                    second += folded.Denominator;
                }
                else
                {
                    first += IsFraction ? folded.Latest!.Value.Numerator!.Value : folded.Latest!.Value.Value!.Value;
                    second += IsFraction ? folded.Latest!.Value.Denominator!.Value : 0m;
                }
            }
            Assert.Equal(reporting, cell.ReportingUnits);
            if (IsFraction)
            {
                Assert.Equal(first, cell.Numerator);
                Assert.Equal(second, cell.Denominator);
                Assert.Equal(reporting == 0 || second == 0 ? null : 100m * first / second, cell.Value);
            }
            else
            {
                Assert.Equal(reporting == 0 ? null : first, cell.Value);
            }
        }
    }
}
