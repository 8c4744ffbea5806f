using System;
using System.Diagnostics;
using DigitalKpi.Utility;
using NodaTime;

namespace DigitalKpi;

/// <summary>
/// A reporting period: an inclusive range of ISO dates in the years 1-9999, such as a year, a half-year, a quarter,
/// a month, a single day or any other range. Immutable value type.
/// </summary>
/// <remarks>
/// <para>
/// A period is fully described by its <see cref="Start"/> and <see cref="End"/> dates; its <see cref="Kind"/> is
/// derived from them, so <c>Between(2022-01-01, 2022-12-31)</c> equals <c>Year(2022)</c> and has kind
/// <see cref="PeriodKind.Year"/>.
/// </para>
/// <para>
/// Equality compares the two dates. Ordering is by <see cref="Start"/>, then by <see cref="End"/> (so the shorter of
/// two periods starting on the same day comes first).
/// </para>
/// <para>
/// The text forms (<see cref="ToString"/>, <see cref="ToSdmxString"/>, <see cref="ToDhis2String"/> and
/// <see cref="Parse(string)"/>) never depend on the current culture.
/// </para>
/// <para>
/// The default value is the single day 0001-01-01.
/// </para>
/// </remarks>
public readonly struct ReportingPeriod : IEquatable<ReportingPeriod>, IComparable<ReportingPeriod>, IComparable
{
    internal const int MinYear = 1;
    internal const int MaxYear = 9999;

    private static readonly LocalDate MinDate = new(MinYear, 1, 1);
    private static readonly LocalDate MaxDate = new(MaxYear, 12, 31);

    private readonly LocalDate start;
    private readonly LocalDate end;

    /// <summary>Trusted constructor: the caller guarantees ISO dates in years 1-9999 with <paramref name="start"/> &lt;= <paramref name="end"/>.</summary>
    internal ReportingPeriod(LocalDate start, LocalDate end)
    {
        Debug.Assert(start.Calendar == CalendarSystem.Iso && end.Calendar == CalendarSystem.Iso, "ISO dates only");
        Debug.Assert(start.Year >= MinYear && start <= end, "start in range and not after end");
        this.start = start;
        this.end = end;
    }

    /// <summary>Gets the first day of the period (inclusive).</summary>
    public LocalDate Start => start;

    /// <summary>Gets the last day of the period (inclusive).</summary>
    public LocalDate End => end;

    /// <summary>
    /// Gets the kind of the period, derived from its dates: <see cref="PeriodKind.Custom"/> unless the period covers
    /// exactly one calendar year, half-year, quarter or month.
    /// </summary>
    public PeriodKind Kind
    {
        get
        {
            if (start.Day != 1 || start.Year != end.Year || end.Day != DaysInMonth(end.Year, end.Month))
            {
                return PeriodKind.Custom;
            }
            int firstMonth = start.Month;
            switch (end.Month - firstMonth)
            {
                case 0:
                    return PeriodKind.Month;
                case 2 when firstMonth % 3 == 1:
                    return PeriodKind.Quarter;
                case 5 when firstMonth % 6 == 1:
                    return PeriodKind.HalfYear;
                case 11:
                    return PeriodKind.Year;
                default:
                    return PeriodKind.Custom;
            }
        }
    }

    /// <summary>
    /// Gets the year of <see cref="Start"/>. For every kind but <see cref="PeriodKind.Custom"/> this is the year the
    /// period lies in; a custom range may end in a later year.
    /// </summary>
    /// <remarks>
    /// Named <c>StartYear</c> rather than <c>Year</c> because <see cref="Year(int)"/> is the year factory.
    /// </remarks>
    public int StartYear => start.Year;

    /// <summary>
    /// Gets the position of the period within its year: the half (1-2) for a <see cref="PeriodKind.HalfYear"/>,
    /// the quarter (1-4) for a <see cref="PeriodKind.Quarter"/>, the month (1-12) for a <see cref="PeriodKind.Month"/>,
    /// and 0 for a <see cref="PeriodKind.Year"/> or a <see cref="PeriodKind.Custom"/> range.
    /// </summary>
    public int Index
    {
        get
        {
            switch (Kind)
            {
                case PeriodKind.HalfYear:
                    return (start.Month + 5) / 6;
                case PeriodKind.Quarter:
                    return (start.Month + 2) / 3;
                case PeriodKind.Month:
                    return start.Month;
                default:
                    return 0;
            }
        }
    }

    /// <summary>Gets the number of days in the period, counting both <see cref="Start"/> and <see cref="End"/>; at least 1.</summary>
    public int LengthInDays => Period.DaysBetween(start, end) + 1;

    /// <summary>Returns the calendar year <paramref name="year"/>.</summary>
    /// <param name="year">The year, 1-9999.</param>
    /// <returns>The period from 1 January to 31 December of <paramref name="year"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="year"/> is outside 1-9999.</exception>
    public static ReportingPeriod Year(int year)
    {
        Preconditions.CheckArgumentRange(year, MinYear, MaxYear);
        return MonthsUnchecked(year, 1, 12);
    }

    /// <summary>Returns a calendar half-year.</summary>
    /// <param name="year">The year, 1-9999.</param>
    /// <param name="half">The half: 1 for January-June, 2 for July-December.</param>
    /// <returns>The requested half-year.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range.</exception>
    public static ReportingPeriod HalfYear(int year, int half)
    {
        Preconditions.CheckArgumentRange(year, MinYear, MaxYear);
        Preconditions.CheckArgumentRange(half, 1, 2);
        return MonthsUnchecked(year, (half * 6) - 5, 6);
    }

    /// <summary>Returns a calendar quarter.</summary>
    /// <param name="year">The year, 1-9999.</param>
    /// <param name="quarter">The quarter, 1-4.</param>
    /// <returns>The requested quarter.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range.</exception>
    public static ReportingPeriod Quarter(int year, int quarter)
    {
        Preconditions.CheckArgumentRange(year, MinYear, MaxYear);
        Preconditions.CheckArgumentRange(quarter, 1, 4);
        return MonthsUnchecked(year, (quarter * 3) - 2, 3);
    }

    /// <summary>Returns a calendar month.</summary>
    /// <param name="year">The year, 1-9999.</param>
    /// <param name="month">The month, 1-12.</param>
    /// <returns>The requested month.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range.</exception>
    public static ReportingPeriod Month(int year, int month)
    {
        Preconditions.CheckArgumentRange(year, MinYear, MaxYear);
        Preconditions.CheckArgumentRange(month, 1, 12);
        return MonthsUnchecked(year, month, 1);
    }

    /// <summary>Returns the single-day period <paramref name="date"/> (of kind <see cref="PeriodKind.Custom"/>).</summary>
    /// <param name="date">The day, an ISO date in the years 1-9999.</param>
    /// <returns>The period that starts and ends on <paramref name="date"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="date"/> is not in the ISO calendar.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="date"/> is before the year 1.</exception>
    public static ReportingPeriod Day(LocalDate date) => Between(date, date);

    /// <summary>
    /// Returns the period from <paramref name="start"/> to <paramref name="end"/>, both inclusive. The result's
    /// <see cref="Kind"/> is derived from the dates, so a range covering exactly a calendar month is a month.
    /// </summary>
    /// <param name="start">The first day, an ISO date in the years 1-9999.</param>
    /// <param name="end">The last day, an ISO date not earlier than <paramref name="start"/>.</param>
    /// <returns>The period covering both dates and every day between them.</returns>
    /// <exception cref="ArgumentException">A date is not in the ISO calendar, or <paramref name="end"/> is earlier than <paramref name="start"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="start"/> is before the year 1.</exception>
    public static ReportingPeriod Between(LocalDate start, LocalDate end)
    {
        Preconditions.CheckArgument(start.Calendar == CalendarSystem.Iso, nameof(start), "The start date must be in the ISO calendar.");
        Preconditions.CheckArgument(end.Calendar == CalendarSystem.Iso, nameof(end), "The end date must be in the ISO calendar.");
        if (start.Year < MinYear)
        {
            throw new ArgumentOutOfRangeException(nameof(start), start, "The start date must be in the years 1-9999.");
        }
        Preconditions.CheckArgument(end >= start, nameof(end), "The end date must not be earlier than the start date.");
        return new ReportingPeriod(start, end);
    }

    /// <summary>Returns the period covering the same dates as <paramref name="interval"/>.</summary>
    /// <param name="interval">An ISO date interval starting in the years 1-9999.</param>
    /// <returns>The period from <see cref="DateInterval.Start"/> to <see cref="DateInterval.End"/>, both inclusive.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="interval"/> is null.</exception>
    /// <exception cref="ArgumentException">The interval is not in the ISO calendar.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The interval starts before the year 1.</exception>
    public static ReportingPeriod FromDateInterval(DateInterval interval)
    {
        Preconditions.CheckNotNull(interval);
        return Between(interval.Start, interval.End);
    }

    /// <summary>Returns a <see cref="DateInterval"/> covering the same dates as this period.</summary>
    /// <returns>A new date interval from <see cref="Start"/> to <see cref="End"/>, both inclusive.</returns>
    public DateInterval ToDateInterval() => new(start, end);

    /// <summary>Returns whether <paramref name="date"/> falls within this period (bounds included).</summary>
    /// <param name="date">An ISO date.</param>
    /// <returns><c>true</c> if <see cref="Start"/> &lt;= <paramref name="date"/> &lt;= <see cref="End"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="date"/> is not in the ISO calendar.</exception>
    public bool Contains(LocalDate date)
    {
        Preconditions.CheckArgument(date.Calendar == CalendarSystem.Iso, nameof(date), "The date must be in the ISO calendar.");
        return start <= date && date <= end;
    }

    /// <summary>Returns whether every day of <paramref name="other"/> falls within this period.</summary>
    /// <param name="other">The period to test.</param>
    /// <returns><c>true</c> if <paramref name="other"/> starts no earlier and ends no later than this period.</returns>
    public bool Contains(ReportingPeriod other) => start <= other.start && other.end <= end;

    /// <summary>Returns whether this period and <paramref name="other"/> share at least one day.</summary>
    /// <param name="other">The period to test.</param>
    /// <returns><c>true</c> if the periods have a day in common.</returns>
    public bool Overlaps(ReportingPeriod other) => start <= other.end && other.start <= end;

    /// <summary>
    /// Returns the period immediately after this one: the next calendar unit of the same kind, or, for a
    /// <see cref="PeriodKind.Custom"/> range, the adjacent range of the same length.
    /// </summary>
    /// <remarks>
    /// The result always starts the day after <see cref="End"/>. Because kinds are derived from dates, the next
    /// range of a custom period can itself be a calendar unit (the 31 days after 2022-10-31/2022-11-30 are
    /// December 2022); in that case <c>Next().Previous()</c> is the previous calendar unit, not the original range.
    /// For every other period <c>Next().Previous()</c> returns the period itself.
    /// </remarks>
    /// <returns>The following period.</returns>
    /// <exception cref="InvalidOperationException">The following period would end after 9999-12-31.</exception>
    public ReportingPeriod Next()
    {
        PeriodKind kind = Kind;
        if (kind == PeriodKind.Custom)
        {
            int length = LengthInDays;
            if (Period.DaysBetween(end, MaxDate) < length)
            {
                throw new InvalidOperationException("There is no reporting period of " + LengthDescription(length) + " after " + ToString() + ": it would end after 9999-12-31.");
            }
            return new ReportingPeriod(end.PlusDays(1), end.PlusDays(length));
        }
        if (end == MaxDate)
        {
            throw new InvalidOperationException("There is no reporting period after " + ToString() + ": it would start after 9999-12-31.");
        }
        return Containing(kind, end.PlusDays(1));
    }

    /// <summary>
    /// Returns the period immediately before this one: the previous calendar unit of the same kind, or, for a
    /// <see cref="PeriodKind.Custom"/> range, the adjacent range of the same length.
    /// </summary>
    /// <remarks>
    /// The result always ends the day before <see cref="Start"/>. As with <see cref="Next"/>, the previous range of
    /// a custom period can itself be a calendar unit.
    /// </remarks>
    /// <returns>The preceding period.</returns>
    /// <exception cref="InvalidOperationException">The preceding period would start before 0001-01-01.</exception>
    public ReportingPeriod Previous()
    {
        PeriodKind kind = Kind;
        if (kind == PeriodKind.Custom)
        {
            int length = LengthInDays;
            if (Period.DaysBetween(MinDate, start) < length)
            {
                throw new InvalidOperationException("There is no reporting period of " + LengthDescription(length) + " before " + ToString() + ": it would start before 0001-01-01.");
            }
            return new ReportingPeriod(start.PlusDays(-length), start.PlusDays(-1));
        }
        if (start == MinDate)
        {
            throw new InvalidOperationException("There is no reporting period before " + ToString() + ": it would end before 0001-01-01.");
        }
        return Containing(kind, start.PlusDays(-1));
    }

    /// <summary>
    /// Returns the calendar year, half-year, quarter or month that contains <see cref="Start"/>. For a kind finer
    /// than this period's, that is the first such unit in it (the <see cref="PeriodKind.Month"/> enclosing a year is
    /// its January); for a custom range it need not contain <see cref="End"/>.
    /// </summary>
    /// <param name="kind">The kind of the result: any kind but <see cref="PeriodKind.Custom"/>.</param>
    /// <returns>The calendar unit of the requested kind containing <see cref="Start"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="kind"/> is <see cref="PeriodKind.Custom"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is not a defined <see cref="PeriodKind"/>.</exception>
    public ReportingPeriod Enclosing(PeriodKind kind)
    {
        if (kind == PeriodKind.Custom)
        {
            throw new ArgumentException("A custom range has no calendar boundaries; use Year, HalfYear, Quarter or Month.", nameof(kind));
        }
        if (kind < PeriodKind.Year || kind > PeriodKind.Custom)
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Undefined period kind.");
        }
        return Containing(kind, start);
    }

    /// <summary>
    /// Returns the canonical text form, which <see cref="Parse(string)"/> reads back: <c>2022</c>, <c>2022-H1</c>,
    /// <c>2022-Q3</c>, <c>2022-06</c>, a single day <c>2022-06-01</c>, any other range <c>2022-06-01/2022-12-31</c>.
    /// </summary>
    /// <returns>The canonical, culture-independent text form of this period.</returns>
    public override string ToString() => PeriodText.Format(this, PeriodText.Style.Canonical);

    /// <summary>
    /// Returns the SDMX reporting-period form: <c>2022</c>, <c>2022-S1</c>, <c>2022-Q3</c>, <c>2022-M06</c>, a single
    /// day <c>2022-06-01</c>, any other range <c>2022-06-01/2022-12-31</c> (start and end dates, not the SDMX
    /// start/duration form). <see cref="Parse(string)"/> reads it back.
    /// </summary>
    /// <returns>The SDMX text form of this period.</returns>
    public string ToSdmxString() => PeriodText.Format(this, PeriodText.Style.Sdmx);

    /// <summary>
    /// Returns the DHIS2 period identifier: <c>2022</c>, <c>2022S1</c>, <c>2022Q3</c>, <c>202206</c>, or a single day
    /// <c>20220601</c>. <see cref="Parse(string)"/> reads it back.
    /// </summary>
    /// <returns>The DHIS2 period identifier of this period.</returns>
    /// <exception cref="InvalidOperationException">The period is a custom range of more than one day, which DHIS2 cannot express.</exception>
    public string ToDhis2String() => PeriodText.Format(this, PeriodText.Style.Dhis2);

    /// <summary>
    /// Parses a reporting period from its canonical, SDMX or DHIS2 text form. The text must match exactly:
    /// surrounding white space, signs, lower-case letters and non-ASCII digits are rejected.
    /// </summary>
    /// <remarks>
    /// Accepted forms (the year is always four ASCII digits, 0001-9999):
    /// <list type="bullet">
    /// <item><description>year: <c>2022</c>, <c>2022-A1</c> (SDMX);</description></item>
    /// <item><description>half-year: <c>2022-H1</c>, <c>2022-S1</c> (SDMX), <c>2022S1</c> (DHIS2);</description></item>
    /// <item><description>quarter: <c>2022-Q3</c>, <c>2022Q3</c> (DHIS2);</description></item>
    /// <item><description>month: <c>2022-06</c>, <c>2022-M06</c> (SDMX), <c>202206</c> (DHIS2);</description></item>
    /// <item><description>day: <c>2022-06-01</c>, <c>20220601</c> (DHIS2);</description></item>
    /// <item><description>range: <c>2022-06-01/2022-12-31</c>, end not before start.</description></item>
    /// </list>
    /// A range or day that covers exactly a calendar unit yields that unit: <c>2022-01-01/2022-12-31</c> equals
    /// <c>2022</c>.
    /// </remarks>
    /// <param name="text">The text to parse.</param>
    /// <returns>The parsed period.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="PeriodFormatException"><paramref name="text"/> is not a reporting period in an accepted form.</exception>
    public static ReportingPeriod Parse(string text)
    {
        Preconditions.CheckNotNull(text);
        if (!PeriodText.TryParse(text, out ReportingPeriod period, out PeriodText.Failure failure))
        {
            throw failure.ToException(text);
        }
        return period;
    }

    /// <summary>
    /// Tries to parse a reporting period from the forms accepted by <see cref="Parse(string)"/>, without throwing.
    /// </summary>
    /// <param name="text">The text to parse; may be null.</param>
    /// <param name="period">The parsed period, or the default value when parsing fails.</param>
    /// <returns><c>true</c> if <paramref name="text"/> was parsed.</returns>
    public static bool TryParse(string? text, out ReportingPeriod period)
    {
        if (text is null)
        {
            period = default;
            return false;
        }
        return PeriodText.TryParse(text, out period, out _);
    }

    /// <summary>Returns whether this period has the same <see cref="Start"/> and <see cref="End"/> as <paramref name="other"/>.</summary>
    /// <param name="other">The period to compare with.</param>
    /// <returns><c>true</c> if both periods cover the same dates.</returns>
    public bool Equals(ReportingPeriod other) => start == other.start && end == other.end;

    /// <summary>Returns whether <paramref name="obj"/> is a <see cref="ReportingPeriod"/> equal to this one.</summary>
    /// <param name="obj">The object to compare with.</param>
    /// <returns><c>true</c> if <paramref name="obj"/> is an equal period.</returns>
    public override bool Equals(object? obj) => obj is ReportingPeriod other && Equals(other);

    /// <summary>Returns a hash code consistent with <see cref="Equals(ReportingPeriod)"/>.</summary>
    /// <returns>A hash code for this period.</returns>
    public override int GetHashCode() => HashCode.Combine(start, end);

    /// <summary>Compares this period with <paramref name="other"/>: by <see cref="Start"/>, then by <see cref="End"/>.</summary>
    /// <param name="other">The period to compare with.</param>
    /// <returns>A negative number, zero or a positive number as this period sorts before, with or after <paramref name="other"/>.</returns>
    public int CompareTo(ReportingPeriod other)
    {
        int byStart = start.CompareTo(other.start);
        return byStart != 0 ? byStart : end.CompareTo(other.end);
    }

    /// <summary>Compares this period with <paramref name="obj"/>, which must be null or a <see cref="ReportingPeriod"/>; null sorts first.</summary>
    /// <param name="obj">The object to compare with.</param>
    /// <returns>A negative number, zero or a positive number as this period sorts before, with or after <paramref name="obj"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="obj"/> is neither null nor a <see cref="ReportingPeriod"/>.</exception>
    int IComparable.CompareTo(object? obj)
    {
        if (obj is null)
        {
            return 1;
        }
        Preconditions.CheckArgument(obj is ReportingPeriod, nameof(obj), "The object must be a ReportingPeriod.");
        return CompareTo((ReportingPeriod)obj);
    }

    /// <summary>Returns whether two periods cover the same dates.</summary>
    /// <param name="left">The first period.</param>
    /// <param name="right">The second period.</param>
    /// <returns><c>true</c> if the periods are equal.</returns>
    public static bool operator ==(ReportingPeriod left, ReportingPeriod right) => left.Equals(right);

    /// <summary>Returns whether two periods differ in their start or end date.</summary>
    /// <param name="left">The first period.</param>
    /// <param name="right">The second period.</param>
    /// <returns><c>true</c> if the periods are not equal.</returns>
    public static bool operator !=(ReportingPeriod left, ReportingPeriod right) => !left.Equals(right);

    /// <summary>Returns whether <paramref name="left"/> sorts before <paramref name="right"/>.</summary>
    /// <param name="left">The first period.</param>
    /// <param name="right">The second period.</param>
    /// <returns><c>true</c> if <paramref name="left"/> sorts before <paramref name="right"/>.</returns>
    public static bool operator <(ReportingPeriod left, ReportingPeriod right) => left.CompareTo(right) < 0;

    /// <summary>Returns whether <paramref name="left"/> sorts after <paramref name="right"/>.</summary>
    /// <param name="left">The first period.</param>
    /// <param name="right">The second period.</param>
    /// <returns><c>true</c> if <paramref name="left"/> sorts after <paramref name="right"/>.</returns>
    public static bool operator >(ReportingPeriod left, ReportingPeriod right) => left.CompareTo(right) > 0;

    /// <summary>Returns whether <paramref name="left"/> sorts before or with <paramref name="right"/>.</summary>
    /// <param name="left">The first period.</param>
    /// <param name="right">The second period.</param>
    /// <returns><c>true</c> if <paramref name="left"/> does not sort after <paramref name="right"/>.</returns>
    public static bool operator <=(ReportingPeriod left, ReportingPeriod right) => left.CompareTo(right) <= 0;

    /// <summary>Returns whether <paramref name="left"/> sorts after or with <paramref name="right"/>.</summary>
    /// <param name="left">The first period.</param>
    /// <param name="right">The second period.</param>
    /// <returns><c>true</c> if <paramref name="left"/> does not sort before <paramref name="right"/>.</returns>
    public static bool operator >=(ReportingPeriod left, ReportingPeriod right) => left.CompareTo(right) >= 0;

    /// <summary>Days in an ISO (proleptic Gregorian) month; no validation.</summary>
    internal static int DaysInMonth(int year, int month)
    {
        switch (month)
        {
            case 2:
                return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28;
            case 4:
            case 6:
            case 9:
            case 11:
                return 30;
            default:
                return 31;
        }
    }

    /// <summary>The calendar unit of <paramref name="monthCount"/> months starting with <paramref name="firstMonth"/>; no validation.</summary>
    internal static ReportingPeriod MonthsUnchecked(int year, int firstMonth, int monthCount)
    {
        int lastMonth = firstMonth + monthCount - 1;
        return new ReportingPeriod(new LocalDate(year, firstMonth, 1), new LocalDate(year, lastMonth, DaysInMonth(year, lastMonth)));
    }

    /// <summary>The calendar unit of a non-custom <paramref name="kind"/> containing <paramref name="date"/>.</summary>
    private static ReportingPeriod Containing(PeriodKind kind, LocalDate date)
    {
        int month = date.Month;
        switch (kind)
        {
            case PeriodKind.Year:
                return MonthsUnchecked(date.Year, 1, 12);
            case PeriodKind.HalfYear:
                return MonthsUnchecked(date.Year, month <= 6 ? 1 : 7, 6);
            case PeriodKind.Quarter:
                return MonthsUnchecked(date.Year, (((month - 1) / 3) * 3) + 1, 3);
            default:
                Debug.Assert(kind == PeriodKind.Month, "calendar kinds only");
                return MonthsUnchecked(date.Year, month, 1);
        }
    }

    private static string LengthDescription(int length)
        => length == 1 ? "1 day" : length.ToString(System.Globalization.CultureInfo.InvariantCulture) + " days";
}
