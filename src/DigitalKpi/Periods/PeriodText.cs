using System;
using System.Globalization;
using NodaTime;

namespace DigitalKpi;

/// <summary>
/// Culture-independent formatting and parsing of <see cref="ReportingPeriod"/> text forms. Parsing works on
/// character indexes and allocates nothing unless it fails inside <see cref="ReportingPeriod.Parse(string)"/>.
/// </summary>
internal static class PeriodText
{
    private const string ExpectedYear = "expected a four-digit year 0001-9999";
    private const string ExpectedMonth = "expected a two-digit month 01-12";
    private const string ExpectedDay = "expected a two-digit day";
    private const string ExpectedHalf = "expected a half-year number 1-2";
    private const string ExpectedQuarter = "expected a quarter number 1-4";
    private const string ExpectedAfterYear = "expected '-', 'S', 'Q' or a two-digit month after the year";
    private const string ExpectedAfterDash = "expected a two-digit month or one of 'H', 'S', 'Q', 'M', 'A' after '-'";
    private const string ExpectedAnnual = "expected '1' after 'A' (SDMX annual period)";
    private const string ExpectedDayDash = "expected '-' before the day";
    private const string ExpectedRangeSlash = "expected '/' before the end date";
    private const string ExpectedDateDash = "expected '-' between the parts of the end date";
    private const string YearOutOfRange = "year must be 0001-9999";
    private const string MonthOutOfRange = "month must be 01-12";
    private const string HalfOutOfRange = "half-year must be 1-2";
    private const string QuarterOutOfRange = "quarter must be 1-4";
    private const string EndBeforeStart = "the end date must not be before the start date";
    private const string TrailingText = "unexpected text after a complete period";
    private const string EmptyText = "the text is empty";

    internal enum Style
    {
        Canonical,
        Sdmx,
        Dhis2,
    }

    internal static string Format(ReportingPeriod period, Style style)
    {
        Span<char> buffer = stackalloc char[MaxLength];
        int length = Write(period, style, buffer);
        return buffer.Slice(0, length).ToString();
    }

    /// <summary>The longest text form: a custom range, <c>2022-06-01/2022-12-31</c>.</summary>
    internal const int MaxLength = 21;

    /// <summary>Writes a text form into <paramref name="buffer"/> (at least <see cref="MaxLength"/> characters) and returns its length.</summary>
    internal static int Write(ReportingPeriod period, Style style, Span<char> buffer)
    {
        LocalDate start = period.Start;
        WriteDigits(buffer, 0, start.Year, 4);
        switch (period.Kind)
        {
            case PeriodKind.Year:
                return 4;
            case PeriodKind.HalfYear:
                return WriteIndexed(buffer, style, style == Style.Canonical ? 'H' : 'S', (start.Month + 5) / 6);
            case PeriodKind.Quarter:
                return WriteIndexed(buffer, style, 'Q', (start.Month + 2) / 3);
            case PeriodKind.Month:
                switch (style)
                {
                    case Style.Dhis2:
                        WriteDigits(buffer, 4, start.Month, 2);
                        return 6;
                    case Style.Sdmx:
                        buffer[4] = '-';
                        buffer[5] = 'M';
                        WriteDigits(buffer, 6, start.Month, 2);
                        return 8;
                    default:
                        buffer[4] = '-';
                        WriteDigits(buffer, 5, start.Month, 2);
                        return 7;
                }
            default:
                bool singleDay = period.Start == period.End;
                if (style == Style.Dhis2)
                {
                    if (!singleDay)
                    {
                        throw new InvalidOperationException(
                            "The reporting period " + period.ToString() + " is a custom date range, which has no DHIS2 period form; "
                            + "only years, half-years, quarters, months and single days have one.");
                    }
                    WriteDigits(buffer, 4, start.Month, 2);
                    WriteDigits(buffer, 6, start.Day, 2);
                    return 8;
                }
                WriteDateAfterYear(buffer, 4, start);
                if (singleDay)
                {
                    return 10;
                }
                buffer[10] = '/';
                LocalDate end = period.End;
                WriteDigits(buffer, 11, end.Year, 4);
                WriteDateAfterYear(buffer, 15, end);
                return 21;
        }
    }

    private static int WriteIndexed(Span<char> buffer, Style style, char letter, int index)
    {
        if (style == Style.Dhis2)
        {
            buffer[4] = letter;
            buffer[5] = (char)('0' + index);
            return 6;
        }
        buffer[4] = '-';
        buffer[5] = letter;
        buffer[6] = (char)('0' + index);
        return 7;
    }

    /// <summary>Writes "-MM-dd" at <paramref name="position"/>.</summary>
    private static void WriteDateAfterYear(Span<char> buffer, int position, LocalDate date)
    {
        buffer[position] = '-';
        WriteDigits(buffer, position + 1, date.Month, 2);
        buffer[position + 3] = '-';
        WriteDigits(buffer, position + 4, date.Day, 2);
    }

    private static void WriteDigits(Span<char> buffer, int position, int value, int width)
    {
        for (int i = position + width - 1; i >= position; i--)
        {
            buffer[i] = (char)('0' + (value % 10));
            value /= 10;
        }
    }

    internal static bool TryParse(string text, out ReportingPeriod period, out Failure failure)
    {
        period = default;
        if (text.Length == 0)
        {
            failure = new Failure(-1, EmptyText);
            return false;
        }
        if (!TryReadNumber(text, 0, 4, ExpectedYear, out int year, out failure))
        {
            return false;
        }
        if (year < ReportingPeriod.MinYear)
        {
            failure = new Failure(0, YearOutOfRange);
            return false;
        }
        if (text.Length == 4)
        {
            period = ReportingPeriod.MonthsUnchecked(year, 1, 12);
            failure = default;
            return true;
        }
        char c = text[4];
        switch (c)
        {
            case '-':
                return TryParseAfterDash(text, year, out period, out failure);
            case 'S':
                return TryParseIndexed(text, 5, year, 2, out period, out failure);
            case 'Q':
                return TryParseIndexed(text, 5, year, 4, out period, out failure);
            default:
                if (!IsAsciiDigit(c))
                {
                    failure = new Failure(4, ExpectedAfterYear);
                    return false;
                }
                // DHIS2 month (yyyyMM) or day (yyyyMMdd).
                if (!TryReadMonth(text, 4, out int month, out failure))
                {
                    return false;
                }
                if (text.Length == 6)
                {
                    period = ReportingPeriod.MonthsUnchecked(year, month, 1);
                    return true;
                }
                if (!TryReadDay(text, 6, year, month, out int day, out failure) || !ExpectEnd(text, 8, out failure))
                {
                    return false;
                }
                LocalDate date = new(year, month, day);
                period = new ReportingPeriod(date, date);
                return true;
        }
    }

    private static bool TryParseAfterDash(string text, int year, out ReportingPeriod period, out Failure failure)
    {
        period = default;
        if (text.Length == 5)
        {
            failure = new Failure(-1, ExpectedAfterDash);
            return false;
        }
        char c = text[5];
        switch (c)
        {
            case 'H':
            case 'S':
                return TryParseIndexed(text, 6, year, 2, out period, out failure);
            case 'Q':
                return TryParseIndexed(text, 6, year, 4, out period, out failure);
            case 'A':
                if (text.Length == 6)
                {
                    failure = new Failure(-1, ExpectedAnnual);
                    return false;
                }
                if (text[6] != '1')
                {
                    failure = new Failure(6, ExpectedAnnual);
                    return false;
                }
                if (!ExpectEnd(text, 7, out failure))
                {
                    return false;
                }
                period = ReportingPeriod.MonthsUnchecked(year, 1, 12);
                return true;
            case 'M':
            {
                if (!TryReadMonth(text, 6, out int month, out failure) || !ExpectEnd(text, 8, out failure))
                {
                    return false;
                }
                period = ReportingPeriod.MonthsUnchecked(year, month, 1);
                return true;
            }
            default:
            {
                if (!IsAsciiDigit(c))
                {
                    failure = new Failure(5, ExpectedAfterDash);
                    return false;
                }
                if (!TryReadMonth(text, 5, out int month, out failure))
                {
                    return false;
                }
                if (text.Length == 7)
                {
                    period = ReportingPeriod.MonthsUnchecked(year, month, 1);
                    return true;
                }
                if (!TryExpectChar(text, 7, '-', ExpectedDayDash, out failure)
                    || !TryReadDay(text, 8, year, month, out int day, out failure))
                {
                    return false;
                }
                LocalDate start = new(year, month, day);
                if (text.Length == 10)
                {
                    period = new ReportingPeriod(start, start);
                    return true;
                }
                if (!TryExpectChar(text, 10, '/', ExpectedRangeSlash, out failure)
                    || !TryReadDate(text, 11, out LocalDate end, out failure)
                    || !ExpectEnd(text, 21, out failure))
                {
                    return false;
                }
                if (end < start)
                {
                    failure = new Failure(11, EndBeforeStart);
                    return false;
                }
                period = new ReportingPeriod(start, end);
                return true;
            }
        }
    }

    /// <summary>Reads a half-year (max 2) or quarter (max 4) digit at <paramref name="position"/>, which must end the text.</summary>
    private static bool TryParseIndexed(string text, int position, int year, int max, out ReportingPeriod period, out Failure failure)
    {
        period = default;
        string expected = max == 2 ? ExpectedHalf : ExpectedQuarter;
        if (position >= text.Length)
        {
            failure = new Failure(-1, expected);
            return false;
        }
        char c = text[position];
        if (!IsAsciiDigit(c))
        {
            failure = new Failure(position, expected);
            return false;
        }
        int index = c - '0';
        if (index < 1 || index > max)
        {
            failure = new Failure(position, max == 2 ? HalfOutOfRange : QuarterOutOfRange);
            return false;
        }
        if (!ExpectEnd(text, position + 1, out failure))
        {
            return false;
        }
        int months = 12 / max;
        period = ReportingPeriod.MonthsUnchecked(year, ((index - 1) * months) + 1, months);
        return true;
    }

    /// <summary>Reads a full yyyy-MM-dd date at <paramref name="position"/>.</summary>
    private static bool TryReadDate(string text, int position, out LocalDate date, out Failure failure)
    {
        date = default;
        if (!TryReadNumber(text, position, 4, ExpectedYear, out int year, out failure))
        {
            return false;
        }
        if (year < ReportingPeriod.MinYear)
        {
            failure = new Failure(position, YearOutOfRange);
            return false;
        }
        if (!TryExpectChar(text, position + 4, '-', ExpectedDateDash, out failure)
            || !TryReadMonth(text, position + 5, out int month, out failure)
            || !TryExpectChar(text, position + 7, '-', ExpectedDateDash, out failure)
            || !TryReadDay(text, position + 8, year, month, out int day, out failure))
        {
            return false;
        }
        date = new LocalDate(year, month, day);
        return true;
    }

    private static bool TryReadMonth(string text, int position, out int month, out Failure failure)
    {
        if (!TryReadNumber(text, position, 2, ExpectedMonth, out month, out failure))
        {
            return false;
        }
        if (month < 1 || month > 12)
        {
            failure = new Failure(position, MonthOutOfRange);
            return false;
        }
        return true;
    }

    private static bool TryReadDay(string text, int position, int year, int month, out int day, out Failure failure)
    {
        if (!TryReadNumber(text, position, 2, ExpectedDay, out day, out failure))
        {
            return false;
        }
        if (day < 1 || day > ReportingPeriod.DaysInMonth(year, month))
        {
            failure = new Failure(position, year, month);
            return false;
        }
        return true;
    }

    /// <summary>Reads exactly <paramref name="width"/> ASCII digits at <paramref name="position"/>.</summary>
    private static bool TryReadNumber(string text, int position, int width, string expected, out int value, out Failure failure)
    {
        value = 0;
        for (int i = position; i < position + width; i++)
        {
            if (i >= text.Length)
            {
                failure = new Failure(-1, expected);
                return false;
            }
            char c = text[i];
            if (!IsAsciiDigit(c))
            {
                failure = new Failure(i, expected);
                return false;
            }
            value = (value * 10) + (c - '0');
        }
        failure = default;
        return true;
    }

    private static bool TryExpectChar(string text, int position, char expectedChar, string expected, out Failure failure)
    {
        if (position >= text.Length)
        {
            failure = new Failure(-1, expected);
            return false;
        }
        if (text[position] != expectedChar)
        {
            failure = new Failure(position, expected);
            return false;
        }
        failure = default;
        return true;
    }

    private static bool ExpectEnd(string text, int position, out Failure failure)
    {
        if (text.Length > position)
        {
            failure = new Failure(position, TrailingText);
            return false;
        }
        failure = default;
        return true;
    }

    private static bool IsAsciiDigit(char c) => c >= '0' && c <= '9';

    /// <summary>
    /// Why and where parsing failed. The reason is a constant, except for a day out of range, whose message
    /// (naming the month's length) is only built when an exception is thrown.
    /// </summary>
    internal readonly struct Failure
    {
        private readonly string? reason;
        private readonly int year;
        private readonly int month;

        internal Failure(int position, string reason)
        {
            Position = position;
            this.reason = reason;
            year = 0;
            month = 0;
        }

        /// <summary>A day outside 1..(days in <paramref name="month"/>).</summary>
        internal Failure(int position, int year, int month)
        {
            Position = position;
            reason = null;
            this.year = year;
            this.month = month;
        }

        /// <summary>Gets the index of the offending character, or -1 when the text ended too early.</summary>
        internal int Position { get; }

        internal string Reason
        {
            get
            {
                if (reason is not null)
                {
                    return reason;
                }
                string days = ReportingPeriod.DaysInMonth(year, month).ToString(CultureInfo.InvariantCulture);
                string yearMonth = ReportingPeriod.Month(year, month).ToString();
                return "day must be 01-" + days + " in " + yearMonth;
            }
        }

        internal PeriodFormatException ToException(string text)
        {
            // A missing part is reported as "expected ..., but the text ended" with position -1.
            string message = Position < 0 && text.Length > 0 ? Reason + ", but the text ended" : Reason;
            return new PeriodFormatException(text, Position, message);
        }
    }
}
