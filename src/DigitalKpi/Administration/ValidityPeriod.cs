using System;
using NodaTime;
using NodaTime.Text;

namespace DigitalKpi.Administration;

/// <summary>
/// The days on which an administrative unit or a parent link is in force: from <see cref="Start"/> to
/// <see cref="End"/>, both <b>inclusive</b>, or without end when <see cref="End"/> is <see langword="null"/>.
/// </summary>
/// <remarks>
/// Ends are inclusive because legal texts and official lists name the last day a unit exists ("until 30/6/2025");
/// a unit abolished by a change effective on day D ends on D - 1 and its successor starts on D.
/// </remarks>
public readonly struct ValidityPeriod : IEquatable<ValidityPeriod>
{
    /// <summary>Creates a period from <paramref name="start"/> to <paramref name="end"/> inclusive.</summary>
    /// <param name="start">The first day.</param>
    /// <param name="end">The last day, or <see langword="null"/> for a period without end.</param>
    /// <exception cref="ArgumentException"><paramref name="end"/> is before <paramref name="start"/>, or a date is not in the ISO calendar.</exception>
    public ValidityPeriod(LocalDate start, LocalDate? end)
    {
        if (start.Calendar != CalendarSystem.Iso || (end is { } e && e.Calendar != CalendarSystem.Iso))
        {
            throw new ArgumentException("Validity dates must be in the ISO calendar.", nameof(start));
        }
        if (end is { } last && last < start)
        {
            throw new ArgumentException(
                "The last day (" + Format(last) + ") is before the first day (" + Format(start) + ").", nameof(end));
        }
        Start = start;
        End = end;
    }

    /// <summary>Gets the first day of the period.</summary>
    public LocalDate Start { get; }

    /// <summary>Gets the last day of the period (inclusive), or <see langword="null"/> when the period has no end.</summary>
    public LocalDate? End { get; }

    /// <summary>Gets a value indicating whether the period has no end.</summary>
    public bool IsOpenEnded => End is null;

    /// <summary>Returns whether <paramref name="date"/> falls within the period.</summary>
    /// <param name="date">The day to test.</param>
    /// <returns><see langword="true"/> when <see cref="Start"/> &lt;= date &lt;= <see cref="End"/>.</returns>
    public bool Contains(LocalDate date) => date >= Start && (End is not { } end || date <= end);

    /// <summary>Returns whether every day of <paramref name="other"/> falls within this period.</summary>
    /// <param name="other">The period to test.</param>
    /// <returns><see langword="true"/> when this period covers <paramref name="other"/>.</returns>
    public bool Covers(ValidityPeriod other)
        => other.Start >= Start && (End is not { } end || (other.End is { } otherEnd && otherEnd <= end));

    /// <summary>Returns whether the two periods share at least one day.</summary>
    /// <param name="other">The other period.</param>
    /// <returns><see langword="true"/> when some day lies in both periods.</returns>
    public bool Overlaps(ValidityPeriod other)
        => (End is not { } end || other.Start <= end) && (other.End is not { } otherEnd || Start <= otherEnd);

    /// <inheritdoc/>
    public bool Equals(ValidityPeriod other) => Start == other.Start && End == other.End;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is ValidityPeriod other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Start, End);

    /// <summary>Formats the period as ISO dates, "2008-08-01..2025-06-30" or "2025-07-01.." when open-ended.</summary>
    /// <returns>The period as text, independent of the current culture.</returns>
    public override string ToString() => Format(Start) + ".." + (End is { } end ? Format(end) : string.Empty);

    /// <summary>Compares two periods for equality.</summary>
    /// <param name="left">The first period.</param>
    /// <param name="right">The second period.</param>
    /// <returns><see langword="true"/> when both have the same start and end.</returns>
    public static bool operator ==(ValidityPeriod left, ValidityPeriod right) => left.Equals(right);

    /// <summary>Compares two periods for inequality.</summary>
    /// <param name="left">The first period.</param>
    /// <param name="right">The second period.</param>
    /// <returns><see langword="true"/> when start or end differ.</returns>
    public static bool operator !=(ValidityPeriod left, ValidityPeriod right) => !left.Equals(right);

    internal static string Format(LocalDate date) => LocalDatePattern.Iso.Format(date);

    /// <summary>The day after <paramref name="date"/>, or <see langword="null"/> when there is none.</summary>
    internal static LocalDate? DayAfter(LocalDate date) => date == LocalDate.MaxIsoValue ? null : date.PlusDays(1);
}
