using System;
using System.Collections.Generic;
using System.Linq;
using DigitalKpi.Utility;

namespace DigitalKpi.Aggregation;

/// <summary>
/// The figures of one indicator in columns, for the fast path of <see cref="RollupEngine"/>: per row the reporting
/// unit (its dense index in the map), the period (an index into <see cref="Periods"/>) and either a value or a
/// numerator and denominator. Nothing is copied: the columns are read where they are. A row is a reported figure; a
/// missing figure is simply absent.
/// </summary>
public sealed class MeasurementColumns
{
    private MeasurementColumns(IReadOnlyList<ReportingPeriod> periods, ReadOnlyMemory<int> unitIndexes, ReadOnlyMemory<int> periodIndexes,
        ReadOnlyMemory<decimal> values, ReadOnlyMemory<decimal> numerators, ReadOnlyMemory<decimal> denominators, bool isFraction)
    {
        Preconditions.CheckNotNull(periods);
        Periods = Array.AsReadOnly(periods.ToArray());
        Preconditions.CheckArgument(periodIndexes.Length == unitIndexes.Length, nameof(periodIndexes), "There must be one period index per unit index.");
        if (isFraction)
        {
            Preconditions.CheckArgument(numerators.Length == unitIndexes.Length, nameof(numerators), "There must be one numerator per unit index.");
            Preconditions.CheckArgument(denominators.Length == unitIndexes.Length, nameof(denominators), "There must be one denominator per unit index.");
        }
        else
        {
            Preconditions.CheckArgument(values.Length == unitIndexes.Length, nameof(values), "There must be one value per unit index.");
        }
        UnitIndexes = unitIndexes;
        PeriodIndexes = periodIndexes;
        Values = values;
        Numerators = numerators;
        Denominators = denominators;
        IsFraction = isFraction;
    }

    /// <summary>Gets the distinct reporting periods the rows refer to.</summary>
    public IReadOnlyList<ReportingPeriod> Periods { get; }

    /// <summary>Gets the dense map index of the reporting unit of each row.</summary>
    public ReadOnlyMemory<int> UnitIndexes { get; }

    /// <summary>Gets the index into <see cref="Periods"/> of each row.</summary>
    public ReadOnlyMemory<int> PeriodIndexes { get; }

    /// <summary>Gets the value of each row (empty for fractions).</summary>
    public ReadOnlyMemory<decimal> Values { get; }

    /// <summary>Gets the numerator of each row (empty for values).</summary>
    public ReadOnlyMemory<decimal> Numerators { get; }

    /// <summary>Gets the denominator of each row (empty for values).</summary>
    public ReadOnlyMemory<decimal> Denominators { get; }

    /// <summary>Gets whether the rows are fractions.</summary>
    public bool IsFraction { get; }

    /// <summary>Gets the number of rows.</summary>
    public int Count => UnitIndexes.Length;

    /// <summary>Creates columns of values.</summary>
    /// <param name="periods">The distinct periods.</param>
    /// <param name="unitIndexes">Per row, the reporting unit's dense index in the map.</param>
    /// <param name="periodIndexes">Per row, an index into <paramref name="periods"/>.</param>
    /// <param name="values">Per row, the value.</param>
    /// <returns>The columns.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="periods"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The columns differ in length.</exception>
    public static MeasurementColumns ForValues(IReadOnlyList<ReportingPeriod> periods, ReadOnlyMemory<int> unitIndexes, ReadOnlyMemory<int> periodIndexes, ReadOnlyMemory<decimal> values)
        => new(periods, unitIndexes, periodIndexes, values, ReadOnlyMemory<decimal>.Empty, ReadOnlyMemory<decimal>.Empty, false);

    /// <summary>Creates columns of fractions.</summary>
    /// <param name="periods">The distinct periods.</param>
    /// <param name="unitIndexes">Per row, the reporting unit's dense index in the map.</param>
    /// <param name="periodIndexes">Per row, an index into <paramref name="periods"/>.</param>
    /// <param name="numerators">Per row, the numerator.</param>
    /// <param name="denominators">Per row, the denominator.</param>
    /// <returns>The columns.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="periods"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The columns differ in length.</exception>
    public static MeasurementColumns ForFractions(IReadOnlyList<ReportingPeriod> periods, ReadOnlyMemory<int> unitIndexes, ReadOnlyMemory<int> periodIndexes,
        ReadOnlyMemory<decimal> numerators, ReadOnlyMemory<decimal> denominators)
        => new(periods, unitIndexes, periodIndexes, ReadOnlyMemory<decimal>.Empty, numerators, denominators, true);
}
