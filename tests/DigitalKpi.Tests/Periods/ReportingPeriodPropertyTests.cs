using DigitalKpi.Tests.TestHelpers;
using FsCheck;
using FsCheck.Fluent;

namespace DigitalKpi.Tests.Periods;

/// <summary>FsCheck properties, each checked for at least 1,000 generated cases.</summary>
public class ReportingPeriodPropertyTests
{
    [Fact]
    public void Kind_IsDerivedFromTheDates()
    {
        PropertyCheck.ForAll(PeriodGenerators.WithKind, pair =>
        {
            (PeriodKind kind, ReportingPeriod period) = pair;
            Assert.Equal(kind, period.Kind);
            ReportingPeriod rebuilt = ReportingPeriod.Between(period.Start, period.End);
            Assert.Equal(period, rebuilt);
            Assert.Equal(kind, rebuilt.Kind);
            Assert.Equal(period.Start.Year, period.StartYear);
            Assert.Equal(Period.DaysBetween(period.Start, period.End) + 1, period.LengthInDays);
            Assert.Equal(period.ToDateInterval().Length, period.LengthInDays);
            int expectedIndex = kind switch
            {
                PeriodKind.HalfYear => period.Start.Month <= 6 ? 1 : 2,
                PeriodKind.Quarter => ((period.Start.Month - 1) / 3) + 1,
                PeriodKind.Month => period.Start.Month,
                _ => 0,
            };
            Assert.Equal(expectedIndex, period.Index);
        });
    }

    [Fact]
    public void ToString_RoundTripsThroughParse()
    {
        PropertyCheck.ForAll(PeriodGenerators.Any, period =>
        {
            string text = period.ToString();
            ReportingPeriod parsed = ReportingPeriod.Parse(text);
            Assert.Equal(period, parsed);
            Assert.Equal(period.Kind, parsed.Kind);
            Assert.True(ReportingPeriod.TryParse(text, out ReportingPeriod tried));
            Assert.Equal(period, tried);
            Assert.Equal(text, parsed.ToString());
        });
    }

    [Fact]
    public void EveryKind_RoundTripsThroughItsCanonicalForm()
    {
        foreach (Gen<ReportingPeriod> generator in new[]
        {
            PeriodGenerators.Years, PeriodGenerators.HalfYears, PeriodGenerators.Quarters,
            PeriodGenerators.Months, PeriodGenerators.Days, PeriodGenerators.Ranges,
        })
        {
            PropertyCheck.ForAll(generator, period => Assert.Equal(period, ReportingPeriod.Parse(period.ToString())));
        }
    }

    [Fact]
    public void SdmxForm_RoundTrips()
    {
        PropertyCheck.ForAll(PeriodGenerators.Any, period =>
        {
            string sdmx = period.ToSdmxString();
            Assert.Equal(period, ReportingPeriod.Parse(sdmx));
            if (period.Kind == PeriodKind.Month)
            {
                Assert.Equal(8, sdmx.Length);
                Assert.Equal('M', sdmx[5]);
            }
        });
    }

    [Fact]
    public void Dhis2Form_RoundTripsOrIsRefusedForMultiDayRanges()
    {
        PropertyCheck.ForAll(PeriodGenerators.Any, period =>
        {
            if (period.Kind == PeriodKind.Custom && period.LengthInDays > 1)
            {
                Assert.Throws<InvalidOperationException>(() => period.ToDhis2String());
                return;
            }
            string dhis2 = period.ToDhis2String();
            Assert.Equal(period, ReportingPeriod.Parse(dhis2));
            Assert.False(dhis2.Contains('-', StringComparison.Ordinal), dhis2);
        });
    }

    [Fact]
    public void AcceptedText_AlwaysReparsesFromItsCanonicalForm()
    {
        // Mutations of valid texts: whatever parses must round-trip, everything else must be a PeriodFormatException.
        Gen<string> texts =
            from period in PeriodGenerators.Any
            from form in Gen.Choose(0, 2)
            let text = form switch
            {
                0 => period.ToString(),
                1 => period.ToSdmxString(),
                _ => period.Kind == PeriodKind.Custom && period.LengthInDays > 1 ? period.ToString() : period.ToDhis2String(),
            }
            from position in Gen.Choose(0, text.Length)
            from edit in Gen.Choose(0, 3)
            from replacement in Gen.Elements('0', '1', '2', '3', '9', '-', '/', 'Q', 'H', 'S', 'M', 'A', ' ', '\u0663', 'q')
            select edit switch
            {
                0 => text.Insert(position, new string(replacement, 1)),
                1 when position < text.Length => text.Remove(position, 1),
                2 when position < text.Length => text.Remove(position, 1).Insert(position, new string(replacement, 1)),
                _ => text.Substring(0, position),
            };

        PropertyCheck.ForAll(texts, text =>
        {
            if (ReportingPeriod.TryParse(text, out ReportingPeriod period))
            {
                Assert.Equal(period, ReportingPeriod.Parse(text));
                Assert.Equal(period, ReportingPeriod.Parse(period.ToString()));
            }
            else
            {
                PeriodFormatException ex = Assert.Throws<PeriodFormatException>(() => ReportingPeriod.Parse(text));
                Assert.Equal(text, ex.Text);
                Assert.InRange(ex.Position, -1, text.Length - 1);
                Assert.Contains("'" + text + "'", ex.Message, StringComparison.Ordinal);
            }
        });
    }

    [Fact]
    public void ContainsDate_AgreesWithTheDates()
    {
        Gen<(ReportingPeriod, LocalDate)> cases =
            from period in PeriodGenerators.Any
            from offset in Gen.Choose(-3, period.LengthInDays + 2)
            let date = Shift(period.Start, offset)
            select (period, date);

        PropertyCheck.ForAll(cases, pair =>
        {
            (ReportingPeriod period, LocalDate date) = pair;
            bool expected = period.Start <= date && date <= period.End;
            Assert.Equal(expected, period.Contains(date));
            Assert.Equal(period.ToDateInterval().Contains(date), period.Contains(date));
            Assert.True(period.Contains(period.Start));
            Assert.True(period.Contains(period.End));
        });
    }

    [Fact]
    public void ContainsAndOverlaps_AgreeWithTheDates()
    {
        PropertyCheck.ForAll(Gen.Zip(PeriodGenerators.Nearby, PeriodGenerators.Nearby), pair =>
        {
            (ReportingPeriod a, ReportingPeriod b) = pair;
            DateInterval ia = a.ToDateInterval();
            DateInterval ib = b.ToDateInterval();

            Assert.Equal(ia.Contains(ib), a.Contains(b));
            Assert.Equal(ia.Intersection(ib) is not null, a.Overlaps(b));
            Assert.Equal(a.Overlaps(b), b.Overlaps(a));
            Assert.Equal(a.Overlaps(b), a.Contains(b.Start) || b.Contains(a.Start));
            if (a.Contains(b))
            {
                Assert.True(a.Overlaps(b));
                Assert.True(a.Contains(b.Start) && a.Contains(b.End));
            }
            Assert.Equal(a.Contains(b) && b.Contains(a), a == b);
            Assert.True(a.Contains(a));
            Assert.True(a.Overlaps(a));
        });
    }

    [Fact]
    public void Next_IsAdjacentAndPrevious_UndoesIt()
    {
        PropertyCheck.ForAll(PeriodGenerators.Any, period =>
        {
            if (!HasRoomAfter(period))
            {
                Assert.Throws<InvalidOperationException>(() => period.Next());
                return;
            }
            ReportingPeriod next = period.Next();
            Assert.Equal(period.End.PlusDays(1), next.Start);
            Assert.True(next > period);
            Assert.False(next.Overlaps(period));
            if (period.Kind == PeriodKind.Custom)
            {
                Assert.Equal(period.LengthInDays, next.LengthInDays);
            }
            else
            {
                Assert.Equal(period.Kind, next.Kind);
            }
            // Identity, except when a custom range steps onto a calendar unit (see ReportingPeriod.Next remarks).
            if (period.Kind != PeriodKind.Custom || next.Kind == PeriodKind.Custom)
            {
                Assert.Equal(period, next.Previous());
            }
            else
            {
                Assert.Equal(period.End, next.Previous().End);
            }
        });
    }

    [Fact]
    public void Previous_IsAdjacentAndNext_UndoesIt()
    {
        PropertyCheck.ForAll(PeriodGenerators.Any, period =>
        {
            if (!HasRoomBefore(period))
            {
                Assert.Throws<InvalidOperationException>(() => period.Previous());
                return;
            }
            ReportingPeriod previous = period.Previous();
            Assert.Equal(period.Start.PlusDays(-1), previous.End);
            Assert.True(previous < period);
            if (period.Kind == PeriodKind.Custom)
            {
                Assert.Equal(period.LengthInDays, previous.LengthInDays);
            }
            else
            {
                Assert.Equal(period.Kind, previous.Kind);
            }
            if (period.Kind != PeriodKind.Custom || previous.Kind == PeriodKind.Custom)
            {
                Assert.Equal(period, previous.Next());
            }
        });
    }

    [Fact]
    public void Enclosing_ContainsTheStartAndHasTheRequestedKind()
    {
        Gen<(ReportingPeriod, PeriodKind)> cases = Gen.Zip(
            PeriodGenerators.Any,
            Gen.Elements(PeriodKind.Year, PeriodKind.HalfYear, PeriodKind.Quarter, PeriodKind.Month));

        PropertyCheck.ForAll(cases, pair =>
        {
            (ReportingPeriod period, PeriodKind kind) = pair;
            ReportingPeriod enclosing = period.Enclosing(kind);
            Assert.Equal(kind, enclosing.Kind);
            Assert.True(enclosing.Contains(period.Start));
            Assert.Equal(enclosing, enclosing.Enclosing(kind));
            if (period.Kind != PeriodKind.Custom && kind <= period.Kind)
            {
                Assert.True(enclosing.Contains(period), $"{enclosing} should contain {period}.");
            }
        });
    }

    [Fact]
    public void Ordering_IsTotalAndConsistentWithEquality()
    {
        Gen<ReportingPeriod> mixed = Gen.OneOf(PeriodGenerators.Nearby, PeriodGenerators.Any);
        Gen<(ReportingPeriod, ReportingPeriod, ReportingPeriod)> triples =
            from a in mixed from b in mixed from c in mixed select (a, b, c);
        PropertyCheck.ForAll(triples, triple =>
        {
            (ReportingPeriod a, ReportingPeriod b, ReportingPeriod c) = triple;

            int ab = Math.Sign(a.CompareTo(b));
            Assert.Equal(-ab, Math.Sign(b.CompareTo(a)));
            Assert.Equal(ab == 0, a.Equals(b));
            Assert.Equal(ab == 0, a == b);
            Assert.Equal(ab != 0, a != b);
            Assert.Equal(ab < 0, a < b);
            Assert.Equal(ab > 0, a > b);
            Assert.Equal(ab <= 0, a <= b);
            Assert.Equal(ab >= 0, a >= b);
            Assert.Equal(Math.Sign(((IComparable)a).CompareTo(b)), ab);
            if (ab == 0)
            {
                Assert.Equal(a.GetHashCode(), b.GetHashCode());
            }

            // Same order as comparing (Start, End).
            int expected = a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.End.CompareTo(b.End);
            Assert.Equal(Math.Sign(expected), ab);

            // Transitivity.
            if (a <= b && b <= c)
            {
                Assert.True(a <= c);
            }
            if (a < b && b < c)
            {
                Assert.True(a < c);
            }
        });
    }

    [Fact]
    public void EqualityContract_HoldsForGeneratedPeriods()
    {
        PropertyCheck.ForAll(PeriodGenerators.Any.Where(HasRoomAfter), period =>
            EqualityContract.AssertEqualityAndOrdering(period, ReportingPeriod.Between(period.Start, period.End), period.Next()));
    }

    private static LocalDate Shift(LocalDate date, int days)
    {
        // Stay inside years 1-9999 so NodaTime never overflows; clamping keeps the case meaningful.
        LocalDate min = new(1, 1, 1);
        LocalDate max = new(9999, 12, 31);
        if (days < 0 && Period.DaysBetween(min, date) < -days)
        {
            return min;
        }
        if (days > 0 && Period.DaysBetween(date, max) < days)
        {
            return max;
        }
        return date.PlusDays(days);
    }

    private static bool HasRoomAfter(ReportingPeriod period)
    {
        int room = Period.DaysBetween(period.End, new LocalDate(9999, 12, 31));
        return period.Kind == PeriodKind.Custom ? room >= period.LengthInDays : room >= 1;
    }

    private static bool HasRoomBefore(ReportingPeriod period)
    {
        int room = Period.DaysBetween(new LocalDate(1, 1, 1), period.Start);
        return period.Kind == PeriodKind.Custom ? room >= period.LengthInDays : room >= 1;
    }
}
