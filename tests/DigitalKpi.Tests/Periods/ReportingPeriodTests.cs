using DigitalKpi.Tests.TestHelpers;

namespace DigitalKpi.Tests.Periods;

public class ReportingPeriodTests
{
    private static LocalDate D(int year, int month, int day) => new(year, month, day);

    [Fact]
    public void Year_CoversTheCalendarYear()
    {
        ReportingPeriod period = ReportingPeriod.Year(2022);

        Assert.Equal(D(2022, 1, 1), period.Start);
        Assert.Equal(D(2022, 12, 31), period.End);
        Assert.Equal(PeriodKind.Year, period.Kind);
        Assert.Equal(2022, period.StartYear);
        Assert.Equal(0, period.Index);
        Assert.Equal(365, period.LengthInDays);
        Assert.Equal(366, ReportingPeriod.Year(2024).LengthInDays);
        Assert.Equal("2022", period.ToString());
    }

    [Theory]
    [InlineData(1, 1, 1, 6, 30, 181)]
    [InlineData(2, 7, 1, 12, 31, 184)]
    public void HalfYear_CoversSixMonths(int half, int startMonth, int startDay, int endMonth, int endDay, int length)
    {
        ReportingPeriod period = ReportingPeriod.HalfYear(2022, half);

        Assert.Equal(D(2022, startMonth, startDay), period.Start);
        Assert.Equal(D(2022, endMonth, endDay), period.End);
        Assert.Equal(PeriodKind.HalfYear, period.Kind);
        Assert.Equal(half, period.Index);
        Assert.Equal(length, period.LengthInDays);
        Assert.Equal("2022-H" + half.ToString(System.Globalization.CultureInfo.InvariantCulture), period.ToString());
    }

    [Theory]
    [InlineData(1, 1, 3, 31, 90)]
    [InlineData(2, 4, 6, 30, 91)]
    [InlineData(3, 7, 9, 30, 92)]
    [InlineData(4, 10, 12, 31, 92)]
    public void Quarter_CoversThreeMonths(int quarter, int startMonth, int endMonth, int endDay, int length)
    {
        ReportingPeriod period = ReportingPeriod.Quarter(2022, quarter);

        Assert.Equal(D(2022, startMonth, 1), period.Start);
        Assert.Equal(D(2022, endMonth, endDay), period.End);
        Assert.Equal(PeriodKind.Quarter, period.Kind);
        Assert.Equal(quarter, period.Index);
        Assert.Equal(length, period.LengthInDays);
    }

    [Theory]
    [InlineData(2022, 1, 31)]
    [InlineData(2023, 2, 28)]
    [InlineData(2024, 2, 29)]
    [InlineData(1900, 2, 28)]
    [InlineData(2000, 2, 29)]
    [InlineData(2022, 4, 30)]
    [InlineData(2022, 12, 31)]
    public void Month_EndsOnTheLastDayOfTheMonth(int year, int month, int lastDay)
    {
        ReportingPeriod period = ReportingPeriod.Month(year, month);

        Assert.Equal(D(year, month, 1), period.Start);
        Assert.Equal(D(year, month, lastDay), period.End);
        Assert.Equal(PeriodKind.Month, period.Kind);
        Assert.Equal(month, period.Index);
        Assert.Equal(lastDay, period.LengthInDays);
    }

    [Fact]
    public void Day_IsASingleDayCustomPeriod()
    {
        ReportingPeriod period = ReportingPeriod.Day(D(2022, 6, 1));

        Assert.Equal(D(2022, 6, 1), period.Start);
        Assert.Equal(D(2022, 6, 1), period.End);
        Assert.Equal(PeriodKind.Custom, period.Kind);
        Assert.Equal(0, period.Index);
        Assert.Equal(1, period.LengthInDays);
        Assert.Equal("2022-06-01", period.ToString());
    }

    [Fact]
    public void Default_IsTheFirstDayOfYearOne()
    {
        ReportingPeriod period = default;

        Assert.Equal(ReportingPeriod.Day(D(1, 1, 1)), period);
        Assert.Equal(PeriodKind.Custom, period.Kind);
        Assert.Equal("0001-01-01", period.ToString());
    }

    [Theory]
    [InlineData("2022-01-01", "2022-12-31", PeriodKind.Year, 0)]
    [InlineData("2022-01-01", "2022-06-30", PeriodKind.HalfYear, 1)]
    [InlineData("2022-07-01", "2022-12-31", PeriodKind.HalfYear, 2)]
    [InlineData("2022-04-01", "2022-06-30", PeriodKind.Quarter, 2)]
    [InlineData("2022-10-01", "2022-12-31", PeriodKind.Quarter, 4)]
    [InlineData("2024-02-01", "2024-02-29", PeriodKind.Month, 2)]
    [InlineData("2023-02-01", "2023-02-28", PeriodKind.Month, 2)]
    [InlineData("2024-02-01", "2024-02-28", PeriodKind.Custom, 0)] // not the whole leap February
    [InlineData("2022-02-01", "2022-03-31", PeriodKind.Custom, 0)] // two months
    [InlineData("2022-02-01", "2022-04-30", PeriodKind.Custom, 0)] // three months, not a quarter
    [InlineData("2022-04-01", "2022-09-30", PeriodKind.Custom, 0)] // six months, not a half-year
    [InlineData("2022-01-02", "2022-12-31", PeriodKind.Custom, 0)]
    [InlineData("2022-01-01", "2022-12-30", PeriodKind.Custom, 0)]
    [InlineData("2022-12-01", "2023-01-31", PeriodKind.Custom, 0)] // across a year boundary
    [InlineData("2022-01-01", "2023-12-31", PeriodKind.Custom, 0)] // two years
    [InlineData("2022-06-01", "2022-06-01", PeriodKind.Custom, 0)]
    public void Between_DerivesTheKindFromTheDates(string start, string end, PeriodKind kind, int index)
    {
        ReportingPeriod period = ReportingPeriod.Between(IsoDate(start), IsoDate(end));

        Assert.Equal(kind, period.Kind);
        Assert.Equal(index, period.Index);
        Assert.Equal(IsoDate(start), period.Start);
        Assert.Equal(IsoDate(end), period.End);
    }

    [Fact]
    public void Between_EqualsTheMatchingFactory()
    {
        Assert.Equal(ReportingPeriod.Year(2022), ReportingPeriod.Between(D(2022, 1, 1), D(2022, 12, 31)));
        Assert.Equal(ReportingPeriod.HalfYear(2022, 2), ReportingPeriod.Between(D(2022, 7, 1), D(2022, 12, 31)));
        Assert.Equal(ReportingPeriod.Quarter(2022, 3), ReportingPeriod.Between(D(2022, 7, 1), D(2022, 9, 30)));
        Assert.Equal(ReportingPeriod.Month(2022, 6), ReportingPeriod.Between(D(2022, 6, 1), D(2022, 6, 30)));
        Assert.Equal(ReportingPeriod.Day(D(2022, 6, 1)), ReportingPeriod.Between(D(2022, 6, 1), D(2022, 6, 1)));
    }

    [Fact]
    public void Factories_RejectOutOfRangeArguments()
    {
        Assert.Equal("year", Assert.Throws<ArgumentOutOfRangeException>(() => ReportingPeriod.Year(0)).ParamName);
        Assert.Equal("year", Assert.Throws<ArgumentOutOfRangeException>(() => ReportingPeriod.Year(10000)).ParamName);
        Assert.Equal("year", Assert.Throws<ArgumentOutOfRangeException>(() => ReportingPeriod.Year(-1)).ParamName);
        Assert.Equal("year", Assert.Throws<ArgumentOutOfRangeException>(() => ReportingPeriod.HalfYear(0, 1)).ParamName);
        Assert.Equal("half", Assert.Throws<ArgumentOutOfRangeException>(() => ReportingPeriod.HalfYear(2022, 0)).ParamName);
        Assert.Equal("half", Assert.Throws<ArgumentOutOfRangeException>(() => ReportingPeriod.HalfYear(2022, 3)).ParamName);
        Assert.Equal("year", Assert.Throws<ArgumentOutOfRangeException>(() => ReportingPeriod.Quarter(10000, 1)).ParamName);
        Assert.Equal("quarter", Assert.Throws<ArgumentOutOfRangeException>(() => ReportingPeriod.Quarter(2022, 0)).ParamName);
        Assert.Equal("quarter", Assert.Throws<ArgumentOutOfRangeException>(() => ReportingPeriod.Quarter(2022, 5)).ParamName);
        Assert.Equal("year", Assert.Throws<ArgumentOutOfRangeException>(() => ReportingPeriod.Month(0, 1)).ParamName);
        Assert.Equal("month", Assert.Throws<ArgumentOutOfRangeException>(() => ReportingPeriod.Month(2022, 0)).ParamName);
        Assert.Equal("month", Assert.Throws<ArgumentOutOfRangeException>(() => ReportingPeriod.Month(2022, 13)).ParamName);
    }

    [Fact]
    public void Between_RejectsInvalidRanges()
    {
        Assert.Equal("end", Assert.Throws<ArgumentException>(() => ReportingPeriod.Between(D(2022, 6, 2), D(2022, 6, 1))).ParamName);
        Assert.Equal("start", Assert.Throws<ArgumentOutOfRangeException>(() => ReportingPeriod.Between(D(0, 12, 31), D(1, 1, 1))).ParamName);
        Assert.Equal("start", Assert.Throws<ArgumentOutOfRangeException>(() => ReportingPeriod.Day(D(-5, 1, 1))).ParamName);

        LocalDate julian = new(2022, 6, 1, CalendarSystem.Julian);
        Assert.Equal("start", Assert.Throws<ArgumentException>(() => ReportingPeriod.Between(julian, julian)).ParamName);
        Assert.Equal("end", Assert.Throws<ArgumentException>(() => ReportingPeriod.Between(D(2022, 6, 1), julian)).ParamName);
        Assert.Equal("start", Assert.Throws<ArgumentException>(() => ReportingPeriod.Day(julian)).ParamName);
    }

    [Fact]
    public void DateInterval_RoundTrips()
    {
        DateInterval interval = new(D(2022, 6, 1), D(2022, 12, 31));

        ReportingPeriod period = ReportingPeriod.FromDateInterval(interval);

        Assert.Equal(ReportingPeriod.Between(D(2022, 6, 1), D(2022, 12, 31)), period);
        Assert.Equal(interval, period.ToDateInterval());
        Assert.Equal(interval.Length, period.LengthInDays);
        Assert.Equal(ReportingPeriod.Quarter(2022, 2), ReportingPeriod.FromDateInterval(ReportingPeriod.Quarter(2022, 2).ToDateInterval()));
        Assert.Throws<ArgumentNullException>(() => ReportingPeriod.FromDateInterval(null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => ReportingPeriod.FromDateInterval(new DateInterval(D(0, 1, 1), D(1, 1, 1))));
        LocalDate julian = new(2022, 6, 1, CalendarSystem.Julian);
        Assert.Throws<ArgumentException>(() => ReportingPeriod.FromDateInterval(new DateInterval(julian, julian)));
    }

    [Fact]
    public void Contains_Date_IncludesBothBounds()
    {
        ReportingPeriod q3 = ReportingPeriod.Quarter(2022, 3);

        Assert.True(q3.Contains(D(2022, 7, 1)));
        Assert.True(q3.Contains(D(2022, 8, 15)));
        Assert.True(q3.Contains(D(2022, 9, 30)));
        Assert.False(q3.Contains(D(2022, 6, 30)));
        Assert.False(q3.Contains(D(2022, 10, 1)));
        Assert.Equal("date", Assert.Throws<ArgumentException>(() => q3.Contains(new LocalDate(2022, 8, 1, CalendarSystem.Julian))).ParamName);
    }

    [Fact]
    public void Contains_Period_AndOverlaps()
    {
        ReportingPeriod year = ReportingPeriod.Year(2022);
        ReportingPeriod q3 = ReportingPeriod.Quarter(2022, 3);
        ReportingPeriod straddle = ReportingPeriod.Between(D(2022, 12, 1), D(2023, 1, 31));

        Assert.True(year.Contains(q3));
        Assert.True(year.Contains(year));
        Assert.False(q3.Contains(year));
        Assert.False(year.Contains(straddle));
        Assert.True(year.Overlaps(straddle));
        Assert.True(straddle.Overlaps(year));
        Assert.True(year.Overlaps(q3));
        Assert.False(q3.Overlaps(straddle));
        Assert.False(ReportingPeriod.Month(2022, 6).Overlaps(ReportingPeriod.Month(2022, 7)));
        Assert.True(ReportingPeriod.Month(2022, 6).Overlaps(ReportingPeriod.Day(D(2022, 6, 30))));
    }

    [Theory]
    [InlineData("2022", "2023", "2021")]
    [InlineData("2022-H1", "2022-H2", "2021-H2")]
    [InlineData("2022-H2", "2023-H1", "2022-H1")]
    [InlineData("2022-Q1", "2022-Q2", "2021-Q4")]
    [InlineData("2022-Q4", "2023-Q1", "2022-Q3")]
    [InlineData("2022-01", "2022-02", "2021-12")]
    [InlineData("2022-12", "2023-01", "2022-11")]
    [InlineData("2024-02", "2024-03", "2024-01")]
    [InlineData("2022-06-01", "2022-06-02", "2022-05-31")]
    [InlineData("2024-02-28", "2024-02-29", "2024-02-27")]
    [InlineData("2022-06-01/2022-06-10", "2022-06-11/2022-06-20", "2022-05-22/2022-05-31")]
    [InlineData("2022-12-15/2023-01-14", "2023-01-15/2023-02-14", "2022-11-14/2022-12-14")]
    [InlineData("0001", "0002", null)]
    [InlineData("0001-01-01", "0001-01-02", null)]
    [InlineData("9999", null, "9998")]
    [InlineData("9999-Q4", null, "9999-Q3")]
    [InlineData("9999-12-31", null, "9999-12-30")]
    [InlineData("9999-12-01/9999-12-30", null, "9999-11-01/9999-11-30")]
    public void Next_AndPrevious_StepToTheAdjacentPeriod(string text, string? next, string? previous)
    {
        ReportingPeriod period = ReportingPeriod.Parse(text);

        if (next is null)
        {
            Assert.Throws<InvalidOperationException>(() => period.Next());
        }
        else
        {
            Assert.Equal(ReportingPeriod.Parse(next), period.Next());
        }
        if (previous is null)
        {
            Assert.Throws<InvalidOperationException>(() => period.Previous());
        }
        else
        {
            Assert.Equal(ReportingPeriod.Parse(previous), period.Previous());
        }
    }

    [Fact]
    public void Next_OfACustomRangeNearTheEndOfTime_Throws()
    {
        ReportingPeriod period = ReportingPeriod.Between(D(9999, 12, 1), D(9999, 12, 20)); // 20 days, only 11 left
        InvalidOperationException ex = Assert.Throws<InvalidOperationException>(() => period.Next());
        Assert.Contains("20 days", ex.Message, StringComparison.Ordinal);
        Assert.Contains("9999-12-01/9999-12-20", ex.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => ReportingPeriod.Between(D(1, 1, 5), D(1, 1, 9)).Previous());
        Assert.Equal(ReportingPeriod.Between(D(1, 1, 1), D(1, 1, 4)), ReportingPeriod.Between(D(1, 1, 5), D(1, 1, 8)).Previous());
    }

    [Fact]
    public void Next_OfACustomRange_CanBeACalendarUnit()
    {
        // Kinds are derived from dates, so stepping a custom range can land on a calendar unit, whose own
        // Previous() steps by calendar months: this is the documented exception to Next().Previous() == identity.
        ReportingPeriod custom = ReportingPeriod.Between(D(2022, 10, 31), D(2022, 11, 30)); // 31 days

        ReportingPeriod next = custom.Next();

        Assert.Equal(ReportingPeriod.Month(2022, 12), next);
        Assert.Equal(PeriodKind.Month, next.Kind);
        Assert.Equal(ReportingPeriod.Month(2022, 11), next.Previous());
    }

    [Fact]
    public void Enclosing_ReturnsTheCalendarUnitContainingTheStart()
    {
        ReportingPeriod august = ReportingPeriod.Month(2022, 8);

        Assert.Equal(ReportingPeriod.Quarter(2022, 3), august.Enclosing(PeriodKind.Quarter));
        Assert.Equal(ReportingPeriod.HalfYear(2022, 2), august.Enclosing(PeriodKind.HalfYear));
        Assert.Equal(ReportingPeriod.Year(2022), august.Enclosing(PeriodKind.Year));
        Assert.Equal(august, august.Enclosing(PeriodKind.Month));
        Assert.Equal(ReportingPeriod.Month(2022, 1), ReportingPeriod.Year(2022).Enclosing(PeriodKind.Month));
        Assert.Equal(ReportingPeriod.Quarter(2022, 4), ReportingPeriod.Between(D(2022, 12, 15), D(2023, 2, 1)).Enclosing(PeriodKind.Quarter));
        Assert.Equal(ReportingPeriod.HalfYear(2022, 1), ReportingPeriod.Day(D(2022, 6, 30)).Enclosing(PeriodKind.HalfYear));
    }

    [Fact]
    public void Enclosing_RejectsCustomAndUndefinedKinds()
    {
        ReportingPeriod august = ReportingPeriod.Month(2022, 8);

        ArgumentException custom = Assert.Throws<ArgumentException>(() => august.Enclosing(PeriodKind.Custom));
        Assert.Equal("kind", custom.ParamName);
        Assert.Equal("kind", Assert.Throws<ArgumentOutOfRangeException>(() => august.Enclosing((PeriodKind)99)).ParamName);
        Assert.Equal("kind", Assert.Throws<ArgumentOutOfRangeException>(() => august.Enclosing((PeriodKind)(-1))).ParamName);
    }

    [Fact]
    public void EqualityAndOrdering_FollowTheContract()
    {
        EqualityContract.AssertEqualityAndOrdering(
            ReportingPeriod.Quarter(2022, 3),
            ReportingPeriod.Between(D(2022, 7, 1), D(2022, 9, 30)),
            ReportingPeriod.Quarter(2022, 4));
        EqualityContract.AssertEqualityAndOrdering(
            ReportingPeriod.Month(2022, 7),
            ReportingPeriod.Parse("2022-M07"),
            ReportingPeriod.Quarter(2022, 3)); // same start, longer
        EqualityContract.AssertEqualityAndOrdering(
            ReportingPeriod.Day(D(2022, 6, 1)),
            ReportingPeriod.Parse("20220601"),
            ReportingPeriod.Day(D(2022, 6, 2)));
        EqualityContract.AssertEqualityAndOrdering(default, ReportingPeriod.Day(D(1, 1, 1)), ReportingPeriod.Year(1));
    }

    [Fact]
    public void Ordering_IsByStartThenShorterFirst()
    {
        EqualityContract.AssertStrictlyAscending(
            ReportingPeriod.Day(D(2021, 12, 31)),
            ReportingPeriod.Day(D(2022, 1, 1)),
            ReportingPeriod.Month(2022, 1),
            ReportingPeriod.Quarter(2022, 1),
            ReportingPeriod.HalfYear(2022, 1),
            ReportingPeriod.Year(2022),
            ReportingPeriod.Between(D(2022, 1, 1), D(2023, 6, 30)),
            ReportingPeriod.Between(D(2022, 1, 2), D(2022, 1, 2)),
            ReportingPeriod.Month(2022, 2),
            ReportingPeriod.HalfYear(2022, 2),
            ReportingPeriod.Year(2023));
    }

    [Fact]
    public void HashCode_DistinguishesTypicalPeriods()
    {
        var hashes = new HashSet<int>();
        for (int month = 1; month <= 12; month++)
        {
            hashes.Add(ReportingPeriod.Month(2022, month).GetHashCode());
        }
        for (int quarter = 1; quarter <= 4; quarter++)
        {
            hashes.Add(ReportingPeriod.Quarter(2022, quarter).GetHashCode());
        }
        hashes.Add(ReportingPeriod.Year(2022).GetHashCode());
        Assert.True(hashes.Count >= 15, "Too many hash collisions among the periods of one year.");
    }

    internal static LocalDate IsoDate(string text)
        => NodaTime.Text.LocalDatePattern.Iso.Parse(text).Value;
}
