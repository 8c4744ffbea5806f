using FsCheck;
using FsCheck.Fluent;

namespace DigitalKpi.Tests.Periods;

/// <summary>FsCheck generators for reporting periods of every kind, biased towards edge years and leap days.</summary>
internal static class PeriodGenerators
{
    private static readonly LocalDate MaxDate = new(9999, 12, 31);

    /// <summary>Years 1-9999, often an edge year or a (non-)leap century.</summary>
    internal static readonly Gen<int> Year = Gen.Frequency(
        (6, Gen.Choose(1, 9999)),
        (3, Gen.Choose(1990, 2040)),
        (1, Gen.Elements(1, 2, 4, 100, 400, 1900, 2000, 2024, 2100, 9996, 9998, 9999)));

    /// <summary>Any ISO date in years 1-9999.</summary>
    internal static readonly Gen<LocalDate> Date =
        from year in Year
        from month in Gen.Choose(1, 12)
        from day in Gen.Frequency(
            (4, Gen.Choose(1, CalendarSystem.Iso.GetDaysInMonth(year, month))),
            (1, Gen.Elements(1, CalendarSystem.Iso.GetDaysInMonth(year, month))))
        select new LocalDate(year, month, day);

    internal static readonly Gen<ReportingPeriod> Years = Year.Select(ReportingPeriod.Year);

    internal static readonly Gen<ReportingPeriod> HalfYears =
        from year in Year from half in Gen.Choose(1, 2) select ReportingPeriod.HalfYear(year, half);

    internal static readonly Gen<ReportingPeriod> Quarters =
        from year in Year from quarter in Gen.Choose(1, 4) select ReportingPeriod.Quarter(year, quarter);

    internal static readonly Gen<ReportingPeriod> Months =
        from year in Year from month in Gen.Choose(1, 12) select ReportingPeriod.Month(year, month);

    internal static readonly Gen<ReportingPeriod> Days = Date.Select(ReportingPeriod.Day);

    /// <summary>Ranges of 1 to about 1,500 days (clamped at 9999-12-31); a few happen to be calendar units.</summary>
    internal static readonly Gen<ReportingPeriod> Ranges =
        from start in Date
        from length in Gen.Frequency((3, Gen.Choose(1, 45)), (2, Gen.Choose(1, 400)), (1, Gen.Choose(1, 1500)))
        select Range(start, length);

    /// <summary>
    /// Ranges of 1-25 whole months (first day of a month to last day of a month), often across a year boundary: the
    /// aligned ones are calendar units, the rest (such as February-April) are custom ranges that only just miss.
    /// </summary>
    internal static readonly Gen<ReportingPeriod> MonthSpans =
        from year in Year.Where(y => y <= 9997)
        from firstMonth in Gen.Choose(1, 12)
        from count in Gen.Frequency((4, Gen.Elements(1, 2, 3, 4, 5, 6, 7, 11, 12, 13)), (1, Gen.Choose(1, 25)))
        let last = new LocalDate(year, firstMonth, 1).PlusMonths(count - 1)
        select ReportingPeriod.Between(
            new LocalDate(year, firstMonth, 1),
            LastDay(last.Year, last.Month));

    /// <summary>Periods of every kind, roughly equally often.</summary>
    internal static readonly Gen<ReportingPeriod> Any = Gen.OneOf(Years, HalfYears, Quarters, Months, Days, Ranges, MonthSpans);

    /// <summary>Periods of every kind inside 2021-2023, so that two of them often overlap or touch.</summary>
    internal static readonly Gen<ReportingPeriod> Nearby =
        from start in Gen.Choose(0, 3 * 365).Select(offset => new LocalDate(2021, 1, 1).PlusDays(offset))
        from kind in Gen.Choose(0, 4)
        from length in Gen.Choose(1, 120)
        select kind switch
        {
            0 => ReportingPeriod.Year(start.Year),
            1 => ReportingPeriod.HalfYear(start.Year, (start.Month + 5) / 6),
            2 => ReportingPeriod.Quarter(start.Year, (start.Month + 2) / 3),
            3 => ReportingPeriod.Month(start.Year, start.Month),
            _ => Range(start, length),
        };

    /// <summary>A period paired with the kind it was built as (Custom for days and ranges that are no calendar unit).</summary>
    internal static readonly Gen<(PeriodKind Kind, ReportingPeriod Period)> WithKind = Gen.OneOf(
        Years.Select(p => (PeriodKind.Year, p)),
        HalfYears.Select(p => (PeriodKind.HalfYear, p)),
        Quarters.Select(p => (PeriodKind.Quarter, p)),
        Months.Select(p => (PeriodKind.Month, p)),
        Days.Select(p => (PeriodKind.Custom, p)),
        Ranges.Where(p => !IsCalendarUnit(p.Start, p.End)).Select(p => (PeriodKind.Custom, p)),
        MonthSpans.Select(p => (ExpectedKind(p.Start, p.End), p)));

    internal static ReportingPeriod Range(LocalDate start, int length)
    {
        int available = Period.DaysBetween(start, MaxDate) + 1;
        return ReportingPeriod.Between(start, start.PlusDays(Math.Min(length, available) - 1));
    }

    internal static bool IsCalendarUnit(LocalDate start, LocalDate end) => ExpectedKind(start, end) != PeriodKind.Custom;

    /// <summary>Independent oracle for the derived kind: compares with the calendar units that contain the start.</summary>
    internal static PeriodKind ExpectedKind(LocalDate start, LocalDate end)
    {
        int year = start.Year;
        int month = start.Month;
        int half = month <= 6 ? 1 : 2;
        int quarter = ((month - 1) / 3) + 1;
        (PeriodKind Kind, LocalDate First, LocalDate Last)[] units =
        [
            (PeriodKind.Year, new LocalDate(year, 1, 1), new LocalDate(year, 12, 31)),
            (PeriodKind.HalfYear, new LocalDate(year, (half * 6) - 5, 1), LastDay(year, half * 6)),
            (PeriodKind.Quarter, new LocalDate(year, (quarter * 3) - 2, 1), LastDay(year, quarter * 3)),
            (PeriodKind.Month, new LocalDate(year, month, 1), LastDay(year, month)),
        ];
        foreach ((PeriodKind kind, LocalDate first, LocalDate last) in units)
        {
            if (start == first && end == last)
            {
                return kind;
            }
        }
        return PeriodKind.Custom;
    }

    private static LocalDate LastDay(int year, int month) => new(year, month, CalendarSystem.Iso.GetDaysInMonth(year, month));
}
