using DigitalKpi.Aggregation;
using DigitalKpi.Tests.TestHelpers;
using FsCheck;
using FsCheck.Fluent;

namespace DigitalKpi.Tests.Aggregation;

/// <summary>
/// <see cref="Aggregate.Combine"/> is a commutative monoid, exactly (decimal sums of figures within the documented
/// range are never rounded). Each property is checked on at least 1,000 generated cases.
/// </summary>
public class AggregatePropertyTests
{
    private static readonly LocalDate Day0 = new(2024, 1, 1);

    /// <summary>Figures up to ±10^12 with up to six decimal places, often 0 or small.</summary>
    internal static readonly Gen<decimal> Amount = Gen.Frequency(
        (1, Gen.Constant(0m)),
        (2, Gen.Choose(0, 2000).Select(n => (decimal)n)),
        (4, from high in Gen.Choose(-1_000_000, 1_000_000)
            from low in Gen.Choose(0, 999_999)
            from scale in Gen.Choose(0, 6)
            select ((high * 1_000_000m) + low) / Pow10(scale)));

    private static readonly Gen<long> Count = Gen.Frequency((1, Gen.Constant(0)), (3, Gen.Choose(0, 1_000_000))).Select(i => (long)i);

    /// <summary>Latest observations over a few days and a few values (2 and 2.0 among them), so that ties are frequent.</summary>
    internal static readonly Gen<LatestObservation> Latest =
        from day in Gen.Choose(0, 3)
        from fraction in Gen.Elements(false, true)
        from first in Gen.Elements(0m, 1m, 2m, 2.0m, 3.5m)
        from second in Gen.Elements(1m, 2m, 4m)
        select fraction ? LatestObservation.OfFraction(Day0.PlusDays(day), first, second) : LatestObservation.OfValue(Day0.PlusDays(day), first);

    internal static readonly Gen<Aggregate> Aggregates =
        from counts in Gen.ArrayOf(Count, 6)
        from sums in Gen.ArrayOf(Amount, 5)
        from hasLatest in Gen.Frequency((1, Gen.Constant(false)), (2, Gen.Constant(true)))
        from latest in Latest
        select new Aggregate(counts[0], counts[1], counts[2], counts[3], sums[0], sums[1], sums[2], sums[3], sums[4], counts[4], counts[5],
            hasLatest ? latest : null);

    private static decimal Pow10(int scale)
    {
        decimal p = 1m;
        for (int i = 0; i < scale; i++)
        {
            p *= 10m;
        }
        return p;
    }

    [Fact]
    public void Combine_IsAssociative()
    {
        PropertyCheck.ForAll(Gen.ArrayOf(Aggregates, 3), x =>
            Assert.Equal(Aggregate.Combine(Aggregate.Combine(x[0], x[1]), x[2]), Aggregate.Combine(x[0], Aggregate.Combine(x[1], x[2]))));
    }

    [Fact]
    public void Combine_IsCommutative()
    {
        PropertyCheck.ForAll(Gen.ArrayOf(Aggregates, 2), x => Assert.Equal(Aggregate.Combine(x[0], x[1]), Aggregate.Combine(x[1], x[0])));
    }

    [Fact]
    public void Empty_IsTheIdentity()
    {
        PropertyCheck.ForAll(Aggregates, a =>
        {
            Assert.Equal(a, Aggregate.Combine(a, Aggregate.Empty));
            Assert.Equal(a, Aggregate.Combine(Aggregate.Empty, a));
            Assert.Equal(a.IsEmpty, a == Aggregate.Empty);
        });
    }

    [Fact]
    public void Combine_IsExact_NothingIsRounded()
    {
        PropertyCheck.ForAll(Gen.ArrayOf(Aggregates, 2), x =>
        {
            Aggregate c = Aggregate.Combine(x[0], x[1]);
            Assert.Equal(x[0].Sum, c.Sum - x[1].Sum);
            Assert.Equal(x[0].Numerator, c.Numerator - x[1].Numerator);
            Assert.Equal(x[0].WeightedSum, c.WeightedSum - x[1].WeightedSum);
            Assert.Equal(x[0].ReportingUnits, c.ReportingUnits - x[1].ReportingUnits);
        });
    }

    /// <summary>Observations folded one by one, or split into any chunks folded separately and merged in any order, give the same aggregate.</summary>
    [Fact]
    public void AnyPartitioningAndOrder_GiveTheSameAggregate()
    {
        Gen<Aggregate> observation =
            from day in Gen.Choose(0, 400)
            from days in Gen.Choose(1, 31)
            from fraction in Gen.Elements(false, true)
            from a in Amount
            from b in Amount
            select fraction ? Aggregate.OfFraction(Day0.PlusDays(day), days, a, b) : Aggregate.OfValue(Day0.PlusDays(day), days, a);
        Gen<(Aggregate[] Items, int[] Cuts, Aggregate[] Shuffled)> cases =
            from items in Gen.ArrayOf(observation)
            from cuts in Gen.ArrayOf(Gen.Choose(0, Math.Max(0, items.Length)))
            from shuffled in Gen.Shuffle(items)
            select (items, cuts.Distinct().Order().ToArray(), shuffled.ToArray());
        PropertyCheck.ForAll(cases, c =>
        {
            Aggregate sequential = c.Items.Aggregate(Aggregate.Empty, Aggregate.Combine);
            var chunks = new List<Aggregate>();
            int start = 0;
            foreach (int cut in c.Cuts.Append(c.Items.Length))
            {
                chunks.Add(c.Items[start..cut].Aggregate(Aggregate.Empty, Aggregate.Combine));
                start = cut;
            }
            Aggregate merged = Enumerable.Reverse(chunks).Aggregate(Aggregate.Empty, Aggregate.Combine);
            Assert.Equal(sequential, merged);
            Assert.Equal(sequential, c.Shuffled.Aggregate(Aggregate.Empty, Aggregate.Combine));
            Assert.Equal(c.Items.Length, sequential.Observations);
            if (c.Items.Length > 0)
            {
                Assert.Equal(c.Items.Select(i => i.Latest!.Value).Max(), sequential.Latest);
            }
        });
    }

    [Fact]
    public void LatestObservation_IsATotalOrder()
    {
        PropertyCheck.ForAll(Gen.ArrayOf(Latest, 3), x =>
        {
            Assert.Equal(Math.Sign(x[0].CompareTo(x[1])), -Math.Sign(x[1].CompareTo(x[0])));
            if (x[0] <= x[1] && x[1] <= x[2])
            {
                Assert.True(x[0] <= x[2]);
            }
            Assert.Equal(x[0] == x[1], x[0].CompareTo(x[1]) == 0);
            Assert.Equal(LatestObservation.Max(x[0], x[1]), LatestObservation.Max(x[1], x[0]));
        });
    }

    [Fact]
    public void Doubles_WouldNotBeAssociative()
    {
        // Why the sums are decimals: with doubles the grouping changes the result, so a parallel roll-up would
        // depend on how the figures were partitioned.
        double a = 0.1, b = 0.2, c = 0.3;
        Assert.NotEqual((a + b) + c, a + (b + c));
        Assert.Equal((0.1m + 0.2m) + 0.3m, 0.1m + (0.2m + 0.3m));
    }

    [Fact]
    public void Equality_FollowsTheContract()
    {
        var a = new Aggregate(expectedUnits: 6, reportingUnits: 5, numerator: 1420, denominator: 1460);
        var equal = new Aggregate(expectedUnits: 6, reportingUnits: 5, numerator: 1420.0m, denominator: 1460);
        var other = new Aggregate(expectedUnits: 6, reportingUnits: 6, numerator: 1420, denominator: 1460);
        EqualityContract.AssertEquality(a, equal, other);
        EqualityContract.AssertEqualityAndOrdering(
            LatestObservation.OfValue(Day0, 2m), LatestObservation.OfValue(Day0, 2.0m), LatestObservation.OfValue(Day0.PlusDays(1), 1m));
    }

    [Fact]
    public void DerivedValues()
    {
        var a = new Aggregate(expectedUnits: 6, reportingUnits: 5, meetingUnits: 2, numerator: 1693, denominator: 1733, weightedSum: 690_000, weight: 10_000);
        Assert.Equal(100m * 1693 / 1733, a.FractionValue);
        Assert.Equal(69m, a.Mean);
        Assert.Equal(40m, a.ShareMeeting);
        Assert.Equal(5m / 6m, a.Coverage);
        Assert.Null(Aggregate.Empty.FractionValue);
        Assert.Null(Aggregate.Empty.Mean);
        Assert.Null(Aggregate.Empty.ShareMeeting);
        Assert.Null(Aggregate.Empty.Coverage);
        Assert.Equal(new Aggregate(6, 5), a.CountsOnly());
        Assert.Throws<ArgumentOutOfRangeException>(() => new Aggregate(reportingUnits: -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Aggregate.OfValue(Day0, 0, 1m));
        Assert.Equal("units 5/6, meeting 2, numerator 1693, denominator 1733, weighted sum 690000, weight 10000", a.ToString());
        Assert.Equal("units 0/0, sum 1.5, observations 1, days 31, latest 2024-01-01: 1.5", Aggregate.OfValue(Day0, 31, 1.5m).ToString());
        Assert.Equal("2024-01-01: 1693/1733", LatestObservation.OfFraction(Day0, 1693, 1733).ToString());
        Assert.Equal(100m * 1693 / 1733, LatestObservation.OfFraction(Day0, 1693, 1733).Value);
        Assert.Null(LatestObservation.OfFraction(Day0, 1, 0).Value);
    }
}
