using System;
using System.Globalization;
using System.Runtime.CompilerServices;
using DigitalKpi.Utility;

namespace DigitalKpi;

/// <summary>
/// A number with its <see cref="Unit"/>. Targets and baselines are quantities, so a bare number never stands
/// for a percentage in one place and a count in another. Factories do not check the unit's domain: a
/// percentage of 120 can be written down, and the consistency rules report it (DKPI001).
/// </summary>
public readonly struct Quantity : IEquatable<Quantity>
{
    private readonly Unit? unit;

    /// <summary>Creates a quantity.</summary>
    /// <param name="value">The value.</param>
    /// <param name="unit">The unit.</param>
    [MethodImpl(HotPath.Optimized)]
    public Quantity(decimal value, Unit unit)
    {
        Value = value;
        this.unit = Preconditions.CheckNotNull(unit);
    }

    /// <summary>The value, in the unit's terms (percentage points for percent, fraction and share).</summary>
    public decimal Value { get; }

    /// <summary>The unit. The default quantity is 0 <see cref="Unit.Count"/>.</summary>
    public Unit Unit => unit ?? Unit.Count;

    /// <summary>A percentage of a population.</summary>
    /// <param name="points">Percentage points, e.g. 80 for 80%.</param>
    /// <returns>The quantity.</returns>
    public static Quantity Percent(decimal points) => new(points, Unit.Percent);

    /// <summary>A count.</summary>
    /// <param name="count">The count.</param>
    /// <returns>The quantity.</returns>
    public static Quantity Count(decimal count) => new(count, Unit.Count);

    /// <summary>A share of an economic total, in percentage points.</summary>
    /// <param name="points">Percentage points, e.g. 10 for "10% of GRDP".</param>
    /// <param name="aggregate">The total.</param>
    /// <returns>The quantity.</returns>
    public static Quantity Share(decimal points, EconomicAggregate aggregate) => new(points, Unit.ShareOf(aggregate));

    /// <summary>A rank among a number of units.</summary>
    /// <param name="rank">The rank (1 is best).</param>
    /// <param name="outOf">How many units are ranked.</param>
    /// <returns>The quantity.</returns>
    public static Quantity Rank(int rank, int outOf) => new(rank, Unit.RankAmong(outOf));

    /// <summary>A rank among an unstated number of units (see <see cref="Unit.Rank"/>).</summary>
    /// <param name="rank">The rank (1 is best).</param>
    /// <returns>The quantity.</returns>
    public static Quantity Rank(int rank) => new(rank, Unit.Rank);

    /// <summary>An index score.</summary>
    /// <param name="score">The score.</param>
    /// <param name="maximum">The scale's maximum.</param>
    /// <returns>The quantity.</returns>
    public static Quantity Score(decimal score, decimal maximum) => new(score, Unit.IndexScore(maximum));

    /// <summary>An amount of Vietnamese đồng.</summary>
    /// <param name="amount">The amount.</param>
    /// <returns>The quantity.</returns>
    public static Quantity Vnd(decimal amount) => new(amount, Unit.Vnd);

    /// <summary>A milestone reached (1).</summary>
    public static Quantity Yes => new(1m, Unit.Milestone);

    /// <summary>A milestone not reached (0).</summary>
    public static Quantity No => new(0m, Unit.Milestone);

    /// <inheritdoc />
    public bool Equals(Quantity other) => Value == other.Value && Unit.Equals(other.Unit);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Quantity other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Value, Unit);

    /// <summary>Equality operator.</summary>
    /// <param name="left">Left.</param>
    /// <param name="right">Right.</param>
    /// <returns>Whether equal.</returns>
    public static bool operator ==(Quantity left, Quantity right) => left.Equals(right);

    /// <summary>Inequality operator.</summary>
    /// <param name="left">Left.</param>
    /// <param name="right">Right.</param>
    /// <returns>Whether not equal.</returns>
    public static bool operator !=(Quantity left, Quantity right) => !left.Equals(right);

    /// <summary>Invariant text, e.g. <c>80 percent</c>, <c>10 share:GRDP</c>, <c>10 rank:63</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture) + " " + Unit.ToString();
}
