using System;
using DigitalKpi.Utility;

namespace DigitalKpi.Aggregation;

/// <summary>How the figures of several administrative units combine into the figure of the unit they lie in.</summary>
/// <remarks>
/// The method of an indicator is derived from its unit (<see cref="AggregationMethods.Default"/>) and may be overridden
/// with <see cref="RollupOptions.Method"/>, within the combinations <see cref="AggregationMethods.IsAllowed"/> accepts.
/// Combining over time (months into a quarter) is decided by <see cref="Indicator.TemporalNature"/>, not by this method.
/// </remarks>
public enum AggregationMethod
{
    /// <summary>Fractions: add the numerators and add the denominators; the value is 100 × Σ numerators / Σ denominators. Never an average of percentages.</summary>
    SumFractions,

    /// <summary>Counts and amounts of money: add the values.</summary>
    Sum,

    /// <summary>Percentages, shares and index scores without numerator and denominator: Σ (value × weight) / Σ weight, with weights per unit such as population or households (<see cref="RollupOptions.Weights"/>).</summary>
    WeightedMean,

    /// <summary>An unweighted mean of the units' values. Never chosen by default: only when asked for explicitly, because it is wrong for percentages of populations of different sizes.</summary>
    Mean,

    /// <summary>Not aggregated (ranks): each unit keeps its own value, parents have none; coverage is still reported.</summary>
    None,

    /// <summary>"Tỷ lệ xã đạt": the percentage of reporting units whose own value meets a target (<see cref="RollupOptions.Target"/>; for milestones, "achieved").</summary>
    ShareMeetingTarget,
}

/// <summary>The rules that tie an <see cref="AggregationMethod"/> to the unit of an indicator.</summary>
public static class AggregationMethods
{
    /// <summary>
    /// The default method for values in <paramref name="unit"/>: fractions → <see cref="AggregationMethod.SumFractions"/>;
    /// counts and money → <see cref="AggregationMethod.Sum"/>; percentages, shares and index scores →
    /// <see cref="AggregationMethod.WeightedMean"/> (a roll-up without weights then fails and says so); ranks →
    /// <see cref="AggregationMethod.None"/>; milestones → <see cref="AggregationMethod.ShareMeetingTarget"/>.
    /// </summary>
    /// <param name="unit">The indicator's unit.</param>
    /// <returns>The method.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="unit"/> is <see langword="null"/>.</exception>
    public static AggregationMethod Default(Unit unit) => Preconditions.CheckNotNull(unit).Kind switch
    {
        UnitKind.Fraction => AggregationMethod.SumFractions,
        UnitKind.Count or UnitKind.Money => AggregationMethod.Sum,
        UnitKind.Rank => AggregationMethod.None,
        UnitKind.Milestone => AggregationMethod.ShareMeetingTarget,
        _ => AggregationMethod.WeightedMean,
    };

    /// <summary>
    /// Whether <paramref name="method"/> makes sense for values in <paramref name="unit"/>. Allowed: <see cref="AggregationMethod.None"/>
    /// and <see cref="AggregationMethod.ShareMeetingTarget"/> for every unit; <see cref="AggregationMethod.SumFractions"/>
    /// for fractions, percentages and shares (figures must then carry numerator and denominator);
    /// <see cref="AggregationMethod.Sum"/> for counts, money and milestones (the number achieved);
    /// <see cref="AggregationMethod.WeightedMean"/> and <see cref="AggregationMethod.Mean"/> for every unit except
    /// fractions (add their parts instead) and ranks.
    /// </summary>
    /// <param name="unit">The indicator's unit.</param>
    /// <param name="method">The method.</param>
    /// <returns><see langword="true"/> when allowed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="unit"/> is <see langword="null"/>.</exception>
    public static bool IsAllowed(Unit unit, AggregationMethod method)
    {
        UnitKind kind = Preconditions.CheckNotNull(unit).Kind;
        return method switch
        {
            AggregationMethod.None or AggregationMethod.ShareMeetingTarget => true,
            AggregationMethod.SumFractions => kind is UnitKind.Fraction or UnitKind.Percent or UnitKind.Share,
            AggregationMethod.Sum => kind is UnitKind.Count or UnitKind.Money or UnitKind.Milestone,
            AggregationMethod.WeightedMean or AggregationMethod.Mean => kind is not (UnitKind.Fraction or UnitKind.Rank),
            _ => false,
        };
    }

    /// <summary>
    /// The method that gives one unit's own value when several reported figures fall into it (units merged by a
    /// succession) — the value that <see cref="AggregationMethod.ShareMeetingTarget"/> compares with the target.
    /// </summary>
    internal static AggregationMethod ValueMethod(Unit unit, AggregationMethod method, bool fractions)
    {
        if (method != AggregationMethod.ShareMeetingTarget)
        {
            return method;
        }
        if (fractions)
        {
            return AggregationMethod.SumFractions;
        }
        return unit.Kind switch
        {
            UnitKind.Fraction => AggregationMethod.SumFractions,
            UnitKind.Count or UnitKind.Money => AggregationMethod.Sum,
            UnitKind.Rank => AggregationMethod.None,
            // 0/1 values: the mean is 1 only when every part achieved it.
            UnitKind.Milestone => AggregationMethod.Mean,
            _ => AggregationMethod.WeightedMean,
        };
    }

    /// <summary>Whether figures over time can be added for a flow: fractions and sums can; means and ranks cannot.</summary>
    internal static bool IsAdditive(AggregationMethod valueMethod) => valueMethod is AggregationMethod.SumFractions or AggregationMethod.Sum;
}
