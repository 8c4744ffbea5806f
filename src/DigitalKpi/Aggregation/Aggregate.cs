using System;
using System.Globalization;
using System.Text;
using NodaTime;

namespace DigitalKpi.Aggregation;

/// <summary>
/// A partial aggregate of figures: everything any <see cref="AggregationMethod"/> and any <see cref="TemporalNature"/>
/// needs, in a form that merges with <see cref="Combine"/> in any order and any grouping. Partial aggregates can
/// therefore be computed per thread, per partition of a data set or per machine, and merged afterwards.
/// </summary>
/// <remarks>
/// <para><b>Fields.</b> Counts of units (<see cref="ExpectedUnits"/>, <see cref="ReportingUnits"/>,
/// <see cref="PartialUnits"/>, <see cref="MeetingUnits"/>) and of observations (<see cref="Observations"/>,
/// <see cref="CoveredDays"/>) are <see cref="long"/>; sums (<see cref="Numerator"/>, <see cref="Denominator"/>,
/// <see cref="Sum"/>, <see cref="WeightedSum"/>, <see cref="Weight"/>) are <see cref="decimal"/>; <see cref="Latest"/>
/// keeps the latest observation for snapshots and running totals.</para>
/// <para><b>Combine is exact.</b> <see cref="Combine"/> adds the counts and the sums and keeps the greater
/// <see cref="Latest"/> (a total order with a deterministic tie-break, see <see cref="LatestObservation"/>). Integer
/// addition is associative and commutative; so is decimal addition <i>as long as no sum is rounded</i>, i.e. as long as
/// every partial sum fits in decimal's 28–29 significant digits. That holds with a wide margin for the figures of this
/// domain: for example a billion figures of up to 10^12 with six decimal places sum to at most 10^21 with six decimal
/// places, 27 digits. (Doubles would not do: (a + b) + c and a + (b + c) differ in the last bit for most inputs, so a
/// parallel result would depend on the partitioning.) <see cref="Empty"/> is the identity. A sum beyond decimal's range
/// throws <see cref="OverflowException"/> rather than rounding.</para>
/// <para>Equality compares values (1.0 equals 1.00), field by field.</para>
/// </remarks>
public readonly struct Aggregate : IEquatable<Aggregate>
{
    private readonly LatestObservation _latest;
    private readonly bool _hasLatest;

    /// <summary>Creates an aggregate from its fields; see the properties for their meaning.</summary>
    /// <param name="expectedUnits">Units expected to report (at the leaf level, in the subtree).</param>
    /// <param name="reportingUnits">Units that reported.</param>
    /// <param name="partialUnits">Units that reported for part of the period or of their territory only.</param>
    /// <param name="meetingUnits">Units whose own value meets the target.</param>
    /// <param name="numerator">Sum of numerators.</param>
    /// <param name="denominator">Sum of denominators.</param>
    /// <param name="sum">Sum of values.</param>
    /// <param name="weightedSum">Sum of value × weight.</param>
    /// <param name="weight">Sum of weights.</param>
    /// <param name="observations">Number of figures combined over time.</param>
    /// <param name="coveredDays">Number of days those figures cover (the sum of their periods' lengths).</param>
    /// <param name="latest">The latest figure, or <see langword="null"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative.</exception>
    public Aggregate(
        long expectedUnits = 0,
        long reportingUnits = 0,
        long partialUnits = 0,
        long meetingUnits = 0,
        decimal numerator = 0m,
        decimal denominator = 0m,
        decimal sum = 0m,
        decimal weightedSum = 0m,
        decimal weight = 0m,
        long observations = 0,
        long coveredDays = 0,
        LatestObservation? latest = null)
    {
        if ((expectedUnits | reportingUnits | partialUnits | meetingUnits | observations | coveredDays) < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(expectedUnits), "Counts must not be negative.");
        }
        ExpectedUnits = expectedUnits;
        ReportingUnits = reportingUnits;
        PartialUnits = partialUnits;
        MeetingUnits = meetingUnits;
        Numerator = numerator;
        Denominator = denominator;
        Sum = sum;
        WeightedSum = weightedSum;
        Weight = weight;
        Observations = observations;
        CoveredDays = coveredDays;
        _hasLatest = latest.HasValue;
        _latest = latest.GetValueOrDefault();
    }

    private Aggregate(in Aggregate a, in Aggregate b)
    {
        ExpectedUnits = checked(a.ExpectedUnits + b.ExpectedUnits);
        ReportingUnits = checked(a.ReportingUnits + b.ReportingUnits);
        PartialUnits = checked(a.PartialUnits + b.PartialUnits);
        MeetingUnits = checked(a.MeetingUnits + b.MeetingUnits);
        Numerator = a.Numerator + b.Numerator;
        Denominator = a.Denominator + b.Denominator;
        Sum = a.Sum + b.Sum;
        WeightedSum = a.WeightedSum + b.WeightedSum;
        Weight = a.Weight + b.Weight;
        Observations = checked(a.Observations + b.Observations);
        CoveredDays = checked(a.CoveredDays + b.CoveredDays);
        if (a._hasLatest && b._hasLatest)
        {
            _hasLatest = true;
            _latest = LatestObservation.Max(a._latest, b._latest);
        }
        else
        {
            _hasLatest = a._hasLatest || b._hasLatest;
            _latest = a._hasLatest ? a._latest : b._latest;
        }
    }

    /// <summary>Gets the empty aggregate, the identity of <see cref="Combine"/>.</summary>
    public static Aggregate Empty => default;

    /// <summary>Gets the number of units expected to report (leaf units of the subtree); the denominator of the coverage.</summary>
    public long ExpectedUnits { get; }

    /// <summary>Gets the number of expected units that reported a figure.</summary>
    public long ReportingUnits { get; }

    /// <summary>Gets how many of the reporting units reported for only part of the period, or (after a reorganisation) for only part of their territory.</summary>
    public long PartialUnits { get; }

    /// <summary>Gets the number of reporting units whose own value meets the target (<see cref="AggregationMethod.ShareMeetingTarget"/>).</summary>
    public long MeetingUnits { get; }

    /// <summary>Gets the sum of numerators (<see cref="AggregationMethod.SumFractions"/>; flows of fractions over time).</summary>
    public decimal Numerator { get; }

    /// <summary>Gets the sum of denominators.</summary>
    public decimal Denominator { get; }

    /// <summary>Gets the sum of values (<see cref="AggregationMethod.Sum"/>; flows over time).</summary>
    public decimal Sum { get; }

    /// <summary>Gets the sum of value × weight (<see cref="AggregationMethod.WeightedMean"/>; with weight 1, <see cref="AggregationMethod.Mean"/>).</summary>
    public decimal WeightedSum { get; }

    /// <summary>Gets the sum of weights.</summary>
    public decimal Weight { get; }

    /// <summary>Gets the number of figures combined over time.</summary>
    public long Observations { get; }

    /// <summary>Gets the number of days the figures combined over time cover (the sum of their periods' lengths).</summary>
    public long CoveredDays { get; }

    /// <summary>Gets the latest figure (snapshots and running totals), or <see langword="null"/> when there is none.</summary>
    public LatestObservation? Latest => _hasLatest ? _latest : null;

    /// <summary>Gets whether this is <see cref="Empty"/>.</summary>
    public bool IsEmpty => Equals(default);

    /// <summary>Gets Σ numerators / Σ denominators as a percentage, or <see langword="null"/> when the denominator is 0.</summary>
    public decimal? FractionValue => Denominator != 0m ? 100m * Numerator / Denominator : null;

    /// <summary>Gets Σ (value × weight) / Σ weight, or <see langword="null"/> when the weight is 0.</summary>
    public decimal? Mean => Weight != 0m ? WeightedSum / Weight : null;

    /// <summary>Gets the percentage of reporting units that meet the target, or <see langword="null"/> when none reports.</summary>
    public decimal? ShareMeeting => ReportingUnits > 0 ? 100m * MeetingUnits / ReportingUnits : null;

    /// <summary>Gets the share of expected units that reported, in [0, 1], or <see langword="null"/> when none is expected.</summary>
    public decimal? Coverage => ExpectedUnits > 0 ? (decimal)ReportingUnits / ExpectedUnits : null;

    /// <summary>A plain figure for a period ending on <paramref name="date"/> and <paramref name="days"/> days long, to be combined over time.</summary>
    /// <param name="date">The last day of the figure's period.</param>
    /// <param name="days">The length of the figure's period in days.</param>
    /// <param name="value">The value.</param>
    /// <returns>One observation: <see cref="Sum"/> = value (for flows) and <see cref="Latest"/> = value (for snapshots and running totals).</returns>
    public static Aggregate OfValue(LocalDate date, int days, decimal value)
        => new(sum: value, observations: 1, coveredDays: CheckDays(days), latest: LatestObservation.OfValue(date, value));

    /// <summary>A fraction for a period ending on <paramref name="date"/> and <paramref name="days"/> days long, to be combined over time.</summary>
    /// <param name="date">The last day of the figure's period.</param>
    /// <param name="days">The length of the figure's period in days.</param>
    /// <param name="numerator">The numerator.</param>
    /// <param name="denominator">The denominator.</param>
    /// <returns>One observation: <see cref="Numerator"/> and <see cref="Denominator"/> (for flows) and <see cref="Latest"/> (for snapshots and running totals).</returns>
    public static Aggregate OfFraction(LocalDate date, int days, decimal numerator, decimal denominator)
        => new(numerator: numerator, denominator: denominator, observations: 1, coveredDays: CheckDays(days), latest: LatestObservation.OfFraction(date, numerator, denominator));

    /// <summary>
    /// Merges two partial aggregates: counts and sums add, the later <see cref="Latest"/> wins (ties broken by the
    /// larger figure). Associative and commutative, exactly, within decimal's precision (see the remarks on
    /// <see cref="Aggregate"/>); <see cref="Empty"/> is the identity.
    /// </summary>
    /// <param name="a">One partial aggregate.</param>
    /// <param name="b">The other.</param>
    /// <returns>The merged aggregate.</returns>
    /// <exception cref="OverflowException">A count or sum exceeds its type's range.</exception>
    public static Aggregate Combine(Aggregate a, Aggregate b) => new(in a, in b);

    /// <summary>Keeps only the unit counts (expected, reporting, partial): what a parent of units that do not aggregate (ranks) still reports.</summary>
    /// <returns>The counts.</returns>
    public Aggregate CountsOnly() => new(ExpectedUnits, ReportingUnits, PartialUnits);

    /// <inheritdoc />
    public bool Equals(Aggregate other)
        => ExpectedUnits == other.ExpectedUnits && ReportingUnits == other.ReportingUnits && PartialUnits == other.PartialUnits
        && MeetingUnits == other.MeetingUnits && Numerator == other.Numerator && Denominator == other.Denominator && Sum == other.Sum
        && WeightedSum == other.WeightedSum && Weight == other.Weight && Observations == other.Observations
        && CoveredDays == other.CoveredDays && _hasLatest == other._hasLatest && (!_hasLatest || _latest.Equals(other._latest));

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Aggregate other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode()
        => HashCode.Combine(HashCode.Combine(ExpectedUnits, ReportingUnits, PartialUnits, MeetingUnits, Observations, CoveredDays),
            HashCode.Combine(Numerator, Denominator, Sum, WeightedSum, Weight), Latest);

    /// <summary>Equality operator.</summary>
    /// <param name="left">Left.</param>
    /// <param name="right">Right.</param>
    /// <returns>Whether equal.</returns>
    public static bool operator ==(Aggregate left, Aggregate right) => left.Equals(right);

    /// <summary>Inequality operator.</summary>
    /// <param name="left">Left.</param>
    /// <param name="right">Right.</param>
    /// <returns>Whether not equal.</returns>
    public static bool operator !=(Aggregate left, Aggregate right) => !left.Equals(right);

    /// <summary>Invariant text listing the non-zero fields, e.g. <c>units 5/6, numerator 8465, denominator 8665</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        CultureInfo inv = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.Append("units ").Append(ReportingUnits.ToString(inv)).Append('/').Append(ExpectedUnits.ToString(inv));
        Append("partial", PartialUnits);
        Append("meeting", MeetingUnits);
        Append("numerator", Numerator);
        Append("denominator", Denominator);
        Append("sum", Sum);
        Append("weighted sum", WeightedSum);
        Append("weight", Weight);
        Append("observations", Observations);
        Append("days", CoveredDays);
        if (_hasLatest)
        {
            text.Append(", latest ").Append(_latest.ToString());
        }
        return text.ToString();

        void Append(string name, decimal value)
        {
            if (value != 0m)
            {
                text.Append(", ").Append(name).Append(' ').Append(value.ToString(inv));
            }
        }
    }

    private static long CheckDays(int days)
        => days > 0 ? days : throw new ArgumentOutOfRangeException(nameof(days), days, "A period is at least one day long.");
}
