using System;

namespace DigitalKpi.Aggregation;

/// <summary>How a roll-up is computed: method override, period granularity, target, weights, succession mapping, parallelism. Immutable.</summary>
public sealed class RollupOptions
{
    /// <summary>Creates options.</summary>
    /// <param name="method">The aggregation method, or <see langword="null"/> for the indicator unit's default (<see cref="AggregationMethods.Default"/>).</param>
    /// <param name="granularity">
    /// The period to roll figures up to (<see cref="PeriodKind.Year"/>, <see cref="PeriodKind.HalfYear"/>,
    /// <see cref="PeriodKind.Quarter"/>, <see cref="PeriodKind.Month"/>), combining figures over time by the indicator's
    /// <see cref="TemporalNature"/>; <see langword="null"/> keeps the reported periods.
    /// </param>
    /// <param name="target">The target for <see cref="AggregationMethod.ShareMeetingTarget"/>; required for it except for milestones (then: achieved).</param>
    /// <param name="weights">Weights per unit for <see cref="AggregationMethod.WeightedMean"/>.</param>
    /// <param name="mapping">Whether figures of units outside the tree are carried into their successors.</param>
    /// <param name="maxDegreeOfParallelism">
    /// The number of partitions the figures are split into, each aggregated on its own thread and merged with
    /// <see cref="Aggregate.Combine"/>: 1 for sequential, 0 (the default) for one per processor on large inputs.
    /// The result does not depend on it.
    /// </param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="granularity"/> is <see cref="PeriodKind.Custom"/> or undefined, <paramref name="method"/> or <paramref name="mapping"/> is undefined, or <paramref name="maxDegreeOfParallelism"/> is negative.</exception>
    public RollupOptions(
        AggregationMethod? method = null,
        PeriodKind? granularity = null,
        Target? target = null,
        UnitWeights? weights = null,
        SuccessionMapping mapping = SuccessionMapping.None,
        int maxDegreeOfParallelism = 0)
    {
        if (method is { } m)
        {
            Indicator.CheckEnum(m, nameof(method));
        }
        if (granularity is { } g && (g == PeriodKind.Custom || Indicator.CheckEnum(g, nameof(granularity)) == PeriodKind.Custom))
        {
            throw new ArgumentOutOfRangeException(nameof(granularity), g, "Roll up to a year, half-year, quarter or month.");
        }
        if (maxDegreeOfParallelism < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(maxDegreeOfParallelism), maxDegreeOfParallelism, "Use 0 for the default, 1 for sequential.");
        }
        Method = method;
        Granularity = granularity;
        Target = target;
        Weights = weights;
        Mapping = Indicator.CheckEnum(mapping, nameof(mapping));
        MaxDegreeOfParallelism = maxDegreeOfParallelism;
    }

    /// <summary>Gets the default options: the unit's method, reported periods, no target, no weights, no mapping, default parallelism.</summary>
    public static RollupOptions Default { get; } = new();

    /// <summary>Gets the aggregation method, or <see langword="null"/> for the indicator unit's default.</summary>
    public AggregationMethod? Method { get; }

    /// <summary>Gets the period kind figures are rolled up to, or <see langword="null"/> to keep the reported periods.</summary>
    public PeriodKind? Granularity { get; }

    /// <summary>Gets the target for <see cref="AggregationMethod.ShareMeetingTarget"/>, or <see langword="null"/>.</summary>
    public Target? Target { get; }

    /// <summary>Gets the weights per unit, or <see langword="null"/>.</summary>
    public UnitWeights? Weights { get; }

    /// <summary>Gets whether figures of units outside the tree are carried into their successors.</summary>
    public SuccessionMapping Mapping { get; }

    /// <summary>Gets the number of partitions (0: default; 1: sequential).</summary>
    public int MaxDegreeOfParallelism { get; }
}
