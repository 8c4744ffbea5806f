using System;
using System.Globalization;
using NodaTime;

namespace DigitalKpi.Aggregation;

/// <summary>
/// The figure of a snapshot or running total that a longer period keeps: a value, or a numerator and denominator,
/// with the date it refers to (the end of its reporting period). Ordered so that the latest is the greatest.
/// </summary>
/// <remarks>
/// The order is total: by <see cref="Date"/>, then plain values before fractions, then by value (numerator), then by
/// denominator. Keeping the greatest of two observations is therefore associative and commutative even when two
/// figures carry the same date: the tie is broken by the larger figure, never by the order of arrival.
/// </remarks>
public readonly struct LatestObservation : IEquatable<LatestObservation>, IComparable<LatestObservation>
{
    private readonly decimal _first;
    private readonly decimal _second;

    private LatestObservation(LocalDate date, bool isFraction, decimal first, decimal second)
    {
        Date = date;
        IsFraction = isFraction;
        _first = first;
        _second = second;
    }

    /// <summary>Gets the date the figure refers to.</summary>
    public LocalDate Date { get; }

    /// <summary>Gets whether the figure is a numerator and denominator.</summary>
    public bool IsFraction { get; }

    /// <summary>Gets the value: the plain value, or for a fraction 100 × numerator / denominator (<see langword="null"/> when the denominator is 0).</summary>
    public decimal? Value => IsFraction ? (_second != 0m ? 100m * _first / _second : null) : _first;

    /// <summary>Gets the numerator of a fraction, or <see langword="null"/>.</summary>
    public decimal? Numerator => IsFraction ? _first : null;

    /// <summary>Gets the denominator of a fraction, or <see langword="null"/>.</summary>
    public decimal? Denominator => IsFraction ? _second : null;

    /// <summary>The plain value, or the numerator of a fraction.</summary>
    internal decimal First => _first;

    /// <summary>The denominator of a fraction, else 0.</summary>
    internal decimal Second => _second;

    /// <summary>A plain value on <paramref name="date"/>.</summary>
    /// <param name="date">The date the value refers to.</param>
    /// <param name="value">The value.</param>
    /// <returns>The observation.</returns>
    public static LatestObservation OfValue(LocalDate date, decimal value) => new(date, false, value, 0m);

    /// <summary>A fraction on <paramref name="date"/>.</summary>
    /// <param name="date">The date the fraction refers to.</param>
    /// <param name="numerator">The numerator.</param>
    /// <param name="denominator">The denominator.</param>
    /// <returns>The observation.</returns>
    public static LatestObservation OfFraction(LocalDate date, decimal numerator, decimal denominator) => new(date, true, numerator, denominator);

    /// <summary>The greater (later) of two observations; see the remarks on <see cref="LatestObservation"/>.</summary>
    /// <param name="a">One observation.</param>
    /// <param name="b">The other.</param>
    /// <returns>The greater, which is <paramref name="a"/> when they are equal.</returns>
    public static LatestObservation Max(LatestObservation a, LatestObservation b) => a.CompareTo(b) >= 0 ? a : b;

    /// <inheritdoc />
    public int CompareTo(LatestObservation other)
    {
        int c = Date.CompareTo(other.Date);
        if (c != 0)
        {
            return c;
        }
        c = IsFraction.CompareTo(other.IsFraction);
        if (c != 0)
        {
            return c;
        }
        c = _first.CompareTo(other._first);
        return c != 0 ? c : _second.CompareTo(other._second);
    }

    /// <inheritdoc />
    public bool Equals(LatestObservation other) => CompareTo(other) == 0;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is LatestObservation other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Date, IsFraction, _first, _second);

    /// <summary>Equality operator.</summary>
    /// <param name="left">Left.</param>
    /// <param name="right">Right.</param>
    /// <returns>Whether equal.</returns>
    public static bool operator ==(LatestObservation left, LatestObservation right) => left.Equals(right);

    /// <summary>Inequality operator.</summary>
    /// <param name="left">Left.</param>
    /// <param name="right">Right.</param>
    /// <returns>Whether not equal.</returns>
    public static bool operator !=(LatestObservation left, LatestObservation right) => !left.Equals(right);

    /// <summary>Ordering operator.</summary>
    /// <param name="left">Left.</param>
    /// <param name="right">Right.</param>
    /// <returns>Whether <paramref name="left"/> sorts before <paramref name="right"/>.</returns>
    public static bool operator <(LatestObservation left, LatestObservation right) => left.CompareTo(right) < 0;

    /// <summary>Ordering operator.</summary>
    /// <param name="left">Left.</param>
    /// <param name="right">Right.</param>
    /// <returns>Whether <paramref name="left"/> sorts after <paramref name="right"/>.</returns>
    public static bool operator >(LatestObservation left, LatestObservation right) => left.CompareTo(right) > 0;

    /// <summary>Ordering operator.</summary>
    /// <param name="left">Left.</param>
    /// <param name="right">Right.</param>
    /// <returns>Whether <paramref name="left"/> does not sort after <paramref name="right"/>.</returns>
    public static bool operator <=(LatestObservation left, LatestObservation right) => left.CompareTo(right) <= 0;

    /// <summary>Ordering operator.</summary>
    /// <param name="left">Left.</param>
    /// <param name="right">Right.</param>
    /// <returns>Whether <paramref name="left"/> does not sort before <paramref name="right"/>.</returns>
    public static bool operator >=(LatestObservation left, LatestObservation right) => left.CompareTo(right) >= 0;

    /// <summary>Invariant text, e.g. <c>2024-12-31: 1693/1733</c> or <c>2024-12-31: 81.2</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        CultureInfo inv = CultureInfo.InvariantCulture;
        string date = Date.ToString("uuuu-MM-dd", inv);
        return IsFraction ? date + ": " + _first.ToString(inv) + "/" + _second.ToString(inv) : date + ": " + _first.ToString(inv);
    }
}
