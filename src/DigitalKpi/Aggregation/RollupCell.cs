using System;
using System.Globalization;
using System.Text;
using DigitalKpi.Administration;

namespace DigitalKpi.Aggregation;

/// <summary>
/// The rolled-up figure of one unit for one period: the value, its parts, and the coverage (how many of the leaf units
/// below it reported). A value type; obtained from <see cref="RollupResult"/>.
/// </summary>
public readonly struct RollupCell : IEquatable<RollupCell>
{
    private readonly decimal _first;
    private readonly decimal _second;

    internal RollupCell(AdministrativeUnit unit, int unitIndex, ReportingPeriod period, AggregationMethod method, bool fractions,
        decimal first, decimal second, int expected, int reporting, int partial, int meeting, bool isLeaf)
    {
        Unit = unit;
        UnitIndex = unitIndex;
        Period = period;
        Method = method;
        IsLeaf = isLeaf;
        _first = first;
        _second = second;
        ExpectedUnits = expected;
        ReportingUnits = reporting;
        PartialUnits = partial;
        MeetingUnits = meeting;
        IsFractionData = fractions;
    }

    /// <summary>Gets the unit.</summary>
    public AdministrativeUnit Unit { get; }

    /// <summary>Gets the unit's dense index in the map.</summary>
    public int UnitIndex { get; }

    /// <summary>Gets the period.</summary>
    public ReportingPeriod Period { get; }

    /// <summary>Gets the aggregation method.</summary>
    public AggregationMethod Method { get; }

    /// <summary>Gets whether the unit is at the leaf level of the roll-up (its figures are reported, not aggregated).</summary>
    public bool IsLeaf { get; }

    /// <summary>Gets the number of leaf units expected to report below (or at) this unit.</summary>
    public int ExpectedUnits { get; }

    /// <summary>Gets the number of those that reported.</summary>
    public int ReportingUnits { get; }

    /// <summary>Gets the number of reporting units whose figures cover only part of the period or of their territory.</summary>
    public int PartialUnits { get; }

    /// <summary>Gets the number of leaf units that did not report (<see cref="ExpectedUnits"/> − <see cref="ReportingUnits"/>).</summary>
    public int MissingUnits => ExpectedUnits - ReportingUnits;

    /// <summary>Gets the number of reporting units meeting the target (<see cref="AggregationMethod.ShareMeetingTarget"/>; otherwise 0).</summary>
    public int MeetingUnits { get; }

    /// <summary>Gets the share of expected leaf units that reported, in [0, 1]; <see langword="null"/> when none is expected.</summary>
    public decimal? Coverage => ExpectedUnits > 0 ? (decimal)ReportingUnits / ExpectedUnits : null;

    /// <summary>Gets whether every expected leaf unit reported for the whole period.</summary>
    public bool IsComplete => ReportingUnits == ExpectedUnits && PartialUnits == 0;

    /// <summary>
    /// Gets the numerator: Σ numerators (<see cref="AggregationMethod.SumFractions"/>), Σ value × weight (means), the
    /// number of units meeting the target (<see cref="AggregationMethod.ShareMeetingTarget"/>), the leaf's own
    /// numerator (<see cref="AggregationMethod.None"/> with fractions); otherwise <see langword="null"/>.
    /// </summary>
    public decimal? Numerator => Method switch
    {
        AggregationMethod.SumFractions or AggregationMethod.WeightedMean or AggregationMethod.Mean => _first,
        AggregationMethod.ShareMeetingTarget => MeetingUnits,
        AggregationMethod.None when IsFractionData && IsLeaf && ReportingUnits > 0 => _first,
        _ => null,
    };

    /// <summary>Gets the denominator matching <see cref="Numerator"/>: Σ denominators, Σ weights, the number of reporting units, or <see langword="null"/>.</summary>
    public decimal? Denominator => Method switch
    {
        AggregationMethod.SumFractions or AggregationMethod.WeightedMean or AggregationMethod.Mean => _second,
        AggregationMethod.ShareMeetingTarget => ReportingUnits,
        AggregationMethod.None when IsFractionData && IsLeaf && ReportingUnits > 0 => _second,
        _ => null,
    };

    /// <summary>
    /// Gets the value: 100 × Σ numerators / Σ denominators; Σ values; Σ value × weight / Σ weight; the percentage of
    /// reporting units meeting the target (for a leaf 100 or 0); for <see cref="AggregationMethod.None"/> a leaf's own
    /// value and nothing above it. <see langword="null"/> when no unit reported (missing data is never zero) or a
    /// denominator is 0.
    /// </summary>
    public decimal? Value
    {
        get
        {
            if (ReportingUnits == 0)
            {
                return null;
            }
            return Method switch
            {
                AggregationMethod.SumFractions => _second != 0m ? 100m * _first / _second : null,
                AggregationMethod.Sum => _first,
                AggregationMethod.WeightedMean or AggregationMethod.Mean => _second != 0m ? _first / _second : null,
                AggregationMethod.ShareMeetingTarget => 100m * MeetingUnits / ReportingUnits,
                _ => !IsLeaf ? null : IsFractionData ? (_second != 0m ? 100m * _first / _second : null) : _first,
            };
        }
    }

    private bool IsFractionData { get; }

    /// <inheritdoc />
    public bool Equals(RollupCell other)
        => Equals(Unit, other.Unit) && UnitIndex == other.UnitIndex && Period == other.Period && Method == other.Method && IsLeaf == other.IsLeaf
        && IsFractionData == other.IsFractionData && _first == other._first && _second == other._second && ExpectedUnits == other.ExpectedUnits
        && ReportingUnits == other.ReportingUnits && PartialUnits == other.PartialUnits && MeetingUnits == other.MeetingUnits;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is RollupCell other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(UnitIndex, Period, _first, _second, ReportingUnits, PartialUnits, MeetingUnits);

    /// <summary>Equality operator.</summary>
    /// <param name="left">Left.</param>
    /// <param name="right">Right.</param>
    /// <returns>Whether equal.</returns>
    public static bool operator ==(RollupCell left, RollupCell right) => left.Equals(right);

    /// <summary>Inequality operator.</summary>
    /// <param name="left">Left.</param>
    /// <param name="right">Right.</param>
    /// <returns>Whether not equal.</returns>
    public static bool operator !=(RollupCell left, RollupCell right) => !left.Equals(right);

    /// <summary>Invariant text, e.g. <c>Bắc Kạn (06@2008-08-01) 2022: 97.69 = 1693/1733, 5/6 units reporting</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        CultureInfo inv = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.Append(Unit?.Name).Append(" (").Append(Unit?.Id.ToString()).Append(") ").Append(Period.ToString()).Append(": ");
        text.Append(Value is { } v ? Math.Round(v, 4).ToString(inv) : "no value");
        if (Numerator is { } n && Denominator is { } d)
        {
            text.Append(" = ").Append(n.ToString(inv)).Append('/').Append(d.ToString(inv));
        }
        text.Append(", ").Append(ReportingUnits.ToString(inv)).Append('/').Append(ExpectedUnits.ToString(inv)).Append(" units reporting");
        if (PartialUnits > 0)
        {
            text.Append(" (").Append(PartialUnits.ToString(inv)).Append(" partly)");
        }
        return text.ToString();
    }
}
