using System;
using System.Runtime.CompilerServices;
using DigitalKpi.Administration;
using NodaTime;

namespace DigitalKpi;

/// <summary>
/// An immutable fluent builder for <see cref="Target"/>: each call returns a new builder, so a partly built
/// definition can be shared (e.g. one per administrative level). Start with <see cref="Target.For(string, string)"/>.
/// </summary>
public readonly struct TargetBuilder
{
    private readonly string id;
    private readonly string indicatorCode;
    private readonly Comparator? comparator;
    private readonly Quantity threshold;
    private readonly Quantity? upper;
    private readonly decimal? tolerance;
    private readonly AdministrativeLevel level;
    private readonly LocalDate? deadline;
    private readonly LocalDate? startDate;
    private readonly Baseline? baseline;
    private readonly bool maintain;
    private readonly bool aspirational;
    private readonly string? refines;
    private readonly SourceCitation? source;
    private readonly Unit? baselineUnit;
    private readonly BandSemantics band;

    [MethodImpl(HotPath.Optimized)]
    internal TargetBuilder(string id, string indicatorCode)
        : this(id, indicatorCode, null, default, null, null, AdministrativeLevel.Province, null, null, null, false, false, null, null)
    {
    }

    [MethodImpl(HotPath.Optimized)]
    private TargetBuilder(
        string id, string indicatorCode, Comparator? comparator, Quantity threshold, Quantity? upper, decimal? tolerance,
        AdministrativeLevel level, LocalDate? deadline, LocalDate? startDate, Baseline? baseline, bool maintain, bool aspirational,
        string? refines, SourceCitation? source, Unit? baselineUnit = null, BandSemantics band = BandSemantics.ByDirection)
    {
        this.band = band;
        this.baselineUnit = baselineUnit;
        this.id = id;
        this.indicatorCode = indicatorCode;
        this.comparator = comparator;
        this.threshold = threshold;
        this.upper = upper;
        this.tolerance = tolerance;
        this.level = level;
        this.deadline = deadline;
        this.startDate = startDate;
        this.baseline = baseline;
        this.maintain = maintain;
        this.aspirational = aspirational;
        this.refines = refines;
        this.source = source;
    }

    [MethodImpl(HotPath.Optimized)]
    private TargetBuilder WithComparison(Comparator c, Quantity t, Quantity? u = null, decimal? tol = null)
        => new(id, indicatorCode, c, t, u, tol, level, deadline, startDate, baseline, maintain, aspirational, refines, source, baselineUnit, band);

    /// <summary>Tối thiểu / ít nhất / đạt: value ≥ <paramref name="value"/>.</summary>
    /// <param name="value">The threshold.</param>
    /// <returns>A new builder.</returns>
    [MethodImpl(HotPath.Optimized)]
    public TargetBuilder AtLeast(Quantity value) => WithComparison(Comparator.AtLeast, value);

    /// <summary>Trên: value &gt; <paramref name="value"/>.</summary>
    /// <param name="value">The threshold.</param>
    /// <returns>A new builder.</returns>
    [MethodImpl(HotPath.Optimized)]
    public TargetBuilder Above(Quantity value) => WithComparison(Comparator.Above, value);

    /// <summary>Không quá: value ≤ <paramref name="value"/>.</summary>
    /// <param name="value">The threshold.</param>
    /// <returns>A new builder.</returns>
    [MethodImpl(HotPath.Optimized)]
    public TargetBuilder AtMost(Quantity value) => WithComparison(Comparator.AtMost, value);

    /// <summary>Dưới: value &lt; <paramref name="value"/>.</summary>
    /// <param name="value">The threshold.</param>
    /// <returns>A new builder.</returns>
    [MethodImpl(HotPath.Optimized)]
    public TargetBuilder Below(Quantity value) => WithComparison(Comparator.Below, value);

    /// <summary>Từ X đến Y: value in the closed band [<paramref name="lower"/>, <paramref name="upper"/>].</summary>
    /// <param name="lower">Lower bound.</param>
    /// <param name="upper">Upper bound.</param>
    /// <returns>A new builder.</returns>
    [MethodImpl(HotPath.Optimized)]
    public TargetBuilder Between(Quantity lower, Quantity upper) => WithComparison(Comparator.Between, lower, upper);

    /// <summary>Khoảng X: value within <paramref name="value"/> ± <paramref name="tolerance"/>.</summary>
    /// <param name="value">The centre.</param>
    /// <param name="tolerance">The tolerance, in the value's unit.</param>
    /// <returns>A new builder.</returns>
    [MethodImpl(HotPath.Optimized)]
    public TargetBuilder About(Quantity value, decimal tolerance) => WithComparison(Comparator.About, value, null, tolerance);

    /// <summary>Nhóm N dẫn đầu: rank ≤ <paramref name="rank"/> among <paramref name="outOf"/> units.</summary>
    /// <param name="rank">N.</param>
    /// <param name="outOf">How many units are ranked (63 provinces before 2025-07-01, 34 after).</param>
    /// <returns>A new builder.</returns>
    public TargetBuilder RankWithin(int rank, int outOf) => WithComparison(Comparator.RankWithin, Quantity.Rank(rank, outOf));

    /// <summary>Top <paramref name="rank"/> in a ranking whose number of entrants is not stated (international rankings).</summary>
    /// <param name="rank">N.</param>
    /// <returns>A new builder.</returns>
    public TargetBuilder RankWithin(int rank) => WithComparison(Comparator.RankWithin, Quantity.Rank(rank));

    /// <summary>A yes/no milestone that must be achieved.</summary>
    /// <returns>A new builder.</returns>
    public TargetBuilder Achieved() => WithComparison(Comparator.Achieved, Quantity.Yes);

    /// <summary>The administrative level (default: province).</summary>
    /// <param name="value">The level.</param>
    /// <returns>A new builder.</returns>
    [MethodImpl(HotPath.Optimized)]
    public TargetBuilder AtLevel(AdministrativeLevel value)
        => new(id, indicatorCode, comparator, threshold, upper, tolerance, value, deadline, startDate, baseline, maintain, aspirational, refines, source, baselineUnit, band);

    /// <summary>The deadline.</summary>
    /// <param name="date">The date by which the target must hold.</param>
    /// <returns>A new builder.</returns>
    [MethodImpl(HotPath.Optimized)]
    public TargetBuilder By(LocalDate date)
        => new(id, indicatorCode, comparator, threshold, upper, tolerance, level, date, startDate, baseline, maintain, aspirational, refines, source, baselineUnit, band);

    /// <summary>"Đến năm <paramref name="year"/>": the deadline is the end of that year.</summary>
    /// <param name="year">The year.</param>
    /// <returns>A new builder.</returns>
    [MethodImpl(HotPath.Optimized)]
    public TargetBuilder By(int year) => By(new LocalDate(year, 12, 31));

    /// <summary>"Từ ngày …": the rule is in force from a date.</summary>
    /// <param name="date">The start date.</param>
    /// <returns>A new builder.</returns>
    [MethodImpl(HotPath.Optimized)]
    public TargetBuilder From(LocalDate date)
        => new(id, indicatorCode, comparator, threshold, upper, tolerance, level, deadline, date, baseline, maintain, aspirational, refines, source, baselineUnit, band);

    /// <summary>"Từ mức …": the value when the target was set.</summary>
    /// <param name="value">The baseline value; its unit must be the threshold's (checked by <see cref="Build"/>).</param>
    /// <param name="date">The date it refers to.</param>
    /// <returns>A new builder.</returns>
    [MethodImpl(HotPath.Optimized)]
    public TargetBuilder WithBaseline(Quantity value, LocalDate date)
        => new(id, indicatorCode, comparator, threshold, upper, tolerance, level, deadline, startDate, new Baseline(value.Value, date), maintain, aspirational, refines, source, value.Unit, band);

    /// <summary>
    /// For a band (<see cref="Between"/>, <see cref="About"/>): whether passing the far bound is welcome
    /// (<see cref="BandSemantics.ReachBand"/>, "từ 15% đến 20% GRDP" at 25% is exceeded) or a failure
    /// (<see cref="BandSemantics.StayInside"/>). Without this call the indicator's direction decides (reach the band).
    /// </summary>
    /// <param name="value">The semantics.</param>
    /// <returns>A new builder.</returns>
    [MethodImpl(HotPath.Optimized)]
    public TargetBuilder WithBand(BandSemantics value)
        => new(id, indicatorCode, comparator, threshold, upper, tolerance, level, deadline, startDate, baseline, maintain, aspirational, refines, source, baselineUnit, value);

    /// <summary>"Giữ vững": the target must hold in every period up to the deadline.</summary>
    /// <returns>A new builder.</returns>
    [MethodImpl(HotPath.Optimized)]
    public TargetBuilder Maintained()
        => new(id, indicatorCode, comparator, threshold, upper, tolerance, level, deadline, startDate, baseline, true, aspirational, refines, source, baselineUnit, band);

    /// <summary>"Phấn đấu": a stretch goal.</summary>
    /// <returns>A new builder.</returns>
    [MethodImpl(HotPath.Optimized)]
    public TargetBuilder Aspirational()
        => new(id, indicatorCode, comparator, threshold, upper, tolerance, level, deadline, startDate, baseline, maintain, true, refines, source, baselineUnit, band);

    /// <summary>The national target this one refines.</summary>
    /// <param name="nationalTargetId">Its id.</param>
    /// <returns>A new builder.</returns>
    [MethodImpl(HotPath.Optimized)]
    public TargetBuilder Refining(string nationalTargetId)
        => new(id, indicatorCode, comparator, threshold, upper, tolerance, level, deadline, startDate, baseline, maintain, aspirational, nationalTargetId, source, baselineUnit, band);

    /// <summary>The source document and the sentence the target comes from.</summary>
    /// <param name="document">Document reference, e.g. <c>02-NQ/TU</c>.</param>
    /// <param name="quote">Verbatim sentence, optional.</param>
    /// <returns>A new builder.</returns>
    [MethodImpl(HotPath.Optimized)]
    public TargetBuilder CitedFrom(string document, string? quote = null)
        => new(id, indicatorCode, comparator, threshold, upper, tolerance, level, deadline, startDate, baseline, maintain, aspirational, refines, new SourceCitation(document, quote), baselineUnit, band);

    /// <summary>Builds the target.</summary>
    /// <returns>The target.</returns>
    /// <exception cref="InvalidOperationException">No comparison or no deadline was given.</exception>
    /// <exception cref="ArgumentException">The target's shape is wrong (see <see cref="Target"/>).</exception>
    [MethodImpl(HotPath.Optimized)]
    public Target Build()
    {
        if (id is null)
        {
            throw new InvalidOperationException("Start a target with Target.For(id, indicatorCode).");
        }
        if (comparator is not { } c)
        {
            throw new InvalidOperationException($"Target '{id}' has no comparison: call AtLeast, Above, AtMost, Below, Between, About, RankWithin or Achieved.");
        }
        if (deadline is not { } d)
        {
            throw new InvalidOperationException($"Target '{id}' has no deadline: call By(year) or By(date).");
        }
        if (baselineUnit is not null && !baselineUnit.Equals(threshold.Unit))
        {
            throw new ArgumentException($"Target '{id}': the baseline is in {baselineUnit} but the threshold is in {threshold.Unit}.");
        }
        return new Target(id, indicatorCode, c, threshold, d, level, upper, tolerance, startDate, baseline, maintain, aspirational, refines, source, band);
    }
}
