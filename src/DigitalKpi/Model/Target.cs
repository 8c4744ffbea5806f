using System;
using System.Runtime.CompilerServices;
using DigitalKpi.Administration;
using DigitalKpi.Utility;
using NodaTime;

namespace DigitalKpi;

/// <summary>The value an indicator had when a target was set ("từ mức 17,5% hiện nay"), in the target's unit.</summary>
public readonly struct Baseline : IEquatable<Baseline>
{
    /// <summary>Creates a baseline.</summary>
    /// <param name="value">The value, in the target's unit.</param>
    /// <param name="date">The date the value refers to.</param>
    [MethodImpl(HotPath.Optimized)]
    public Baseline(decimal value, LocalDate date)
    {
        Value = value;
        Date = date;
    }

    /// <summary>The value, in the target's unit.</summary>
    public decimal Value { get; }

    /// <summary>The date the value refers to.</summary>
    public LocalDate Date { get; }

    /// <inheritdoc />
    public bool Equals(Baseline other) => Value == other.Value && Date == other.Date;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Baseline other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Value, Date);

    /// <summary>Equality operator.</summary>
    /// <param name="left">Left.</param>
    /// <param name="right">Right.</param>
    /// <returns>Whether equal.</returns>
    public static bool operator ==(Baseline left, Baseline right) => left.Equals(right);

    /// <summary>Inequality operator.</summary>
    /// <param name="left">Left.</param>
    /// <param name="right">Right.</param>
    /// <returns>Whether not equal.</returns>
    public static bool operator !=(Baseline left, Baseline right) => !left.Equals(right);

    /// <summary>Invariant text, e.g. <c>17.5 on 2021-12-31</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture) + " on " + Date.ToString("uuuu-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>Where a target or figure comes from: a document and, ideally, the sentence it was taken from.</summary>
public sealed class SourceCitation : IEquatable<SourceCitation>
{
    /// <summary>Creates a citation.</summary>
    /// <param name="document">Document reference, e.g. <c>02-NQ/TU</c> or <c>749/QĐ-TTg</c>.</param>
    /// <param name="quote">The sentence the target was taken from, verbatim (Vietnamese); optional.</param>
    public SourceCitation(string document, string? quote = null)
    {
        Document = Text.CheckName(document, nameof(document));
        Quote = Text.CheckOptionalName(quote, nameof(quote));
    }

    /// <summary>Document reference.</summary>
    public string Document { get; }

    /// <summary>Verbatim quote, or null.</summary>
    public string? Quote { get; }

    /// <inheritdoc />
    public bool Equals(SourceCitation? other)
        => other is not null && string.Equals(Document, other.Document, StringComparison.Ordinal) && string.Equals(Quote, other.Quote, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as SourceCitation);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Document, Quote);

    /// <summary>The document reference.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Document;
}

/// <summary>
/// A target for one indicator at one administrative level: a comparator and threshold, a deadline, optionally a start
/// date, a baseline, the "maintain" and "aspirational" flags, the national target it refines and its source.
/// </summary>
/// <remarks>
/// The constructor checks only the target's shape (a band has an upper bound, "about" has a tolerance, a rank target is
/// in rank units). Whether the values make sense (an inverted band, a percentage above 100, a deadline before the
/// baseline) is for the consistency rules (<c>CatalogValidator</c>) to report, so that such targets can be
/// read and reported rather than refused.
/// </remarks>
public sealed class Target : IEquatable<Target>
{
    /// <summary>Creates a target. Prefer <see cref="For(string, string)"/> for readable definitions.</summary>
    /// <param name="id">Stable target id (code syntax, e.g. <c>QT.2025.DOSSIERS.PROVINCE</c>).</param>
    /// <param name="indicatorCode">The indicator's code.</param>
    /// <param name="comparator">The comparison.</param>
    /// <param name="threshold">The threshold; for <see cref="Comparator.Between"/> the lower bound; for <see cref="Comparator.Achieved"/> <see cref="Quantity.Yes"/>.</param>
    /// <param name="deadline">The date by which it must hold ("đến năm 2025" is 2025-12-31).</param>
    /// <param name="level">The administrative level it applies to.</param>
    /// <param name="upper">For <see cref="Comparator.Between"/>: the upper bound; otherwise null.</param>
    /// <param name="tolerance">For <see cref="Comparator.About"/>: the tolerance in the threshold's unit; otherwise null.</param>
    /// <param name="startDate">The date the rule is in force from ("từ ngày 01/6/2022"), or null.</param>
    /// <param name="baseline">The value when the target was set, or null.</param>
    /// <param name="maintain">"Giữ vững": must hold in every period up to the deadline.</param>
    /// <param name="aspirational">"Phấn đấu": a stretch goal.</param>
    /// <param name="refines">Id of the national target it refines, or null.</param>
    /// <param name="source">Where it comes from, or null.</param>
    /// <param name="band">For a band (<see cref="Comparator.Between"/>, <see cref="Comparator.About"/>): whether passing the far bound is welcome (the default decides by the indicator's direction); other comparators take <see cref="BandSemantics.ByDirection"/>.</param>
    /// <exception cref="ArgumentException">The target's shape is wrong.</exception>
    [MethodImpl(HotPath.Optimized)]
    public Target(
        string id,
        string indicatorCode,
        Comparator comparator,
        Quantity threshold,
        LocalDate deadline,
        AdministrativeLevel level = AdministrativeLevel.Province,
        Quantity? upper = null,
        decimal? tolerance = null,
        LocalDate? startDate = null,
        Baseline? baseline = null,
        bool maintain = false,
        bool aspirational = false,
        string? refines = null,
        SourceCitation? source = null,
        BandSemantics band = BandSemantics.ByDirection)
    {
        Band = Indicator.CheckEnum(band, nameof(band));
        Preconditions.CheckArgument(
            band == BandSemantics.ByDirection || comparator is Comparator.Between or Comparator.About,
            nameof(band),
            "Only a band (Between or About) has band semantics.");
        Id = Text.CheckCode(id, nameof(id));
        IndicatorCode = Text.CheckCode(indicatorCode, nameof(indicatorCode));
        Comparator = Indicator.CheckEnum(comparator, nameof(comparator));
        Level = Indicator.CheckEnum(level, nameof(level));
        Refines = refines is null ? null : Text.CheckCode(refines, nameof(refines));
        Preconditions.CheckArgument(
            (comparator == Comparator.Between) == upper.HasValue,
            nameof(upper),
            comparator == Comparator.Between ? "A band (Between) needs an upper bound." : "Only a band (Between) has an upper bound.");
        Preconditions.CheckArgument(
            (comparator == Comparator.About) == tolerance.HasValue,
            nameof(tolerance),
            comparator == Comparator.About ? "An 'about' target needs a tolerance." : "Only an 'about' target has a tolerance.");
        if (upper is { } u)
        {
            Preconditions.CheckArgument(u.Unit.Equals(threshold.Unit), nameof(upper), "A band's bounds must be in the same unit.");
        }
        Preconditions.CheckArgument(
            comparator != Comparator.RankWithin || threshold.Unit.Kind == UnitKind.Rank,
            nameof(threshold),
            "A rank target (RankWithin) needs a rank threshold, e.g. Quantity.Rank(10, outOf: 63).");
        Preconditions.CheckArgument(
            (comparator == Comparator.Achieved) == (threshold.Unit.Kind == UnitKind.Milestone),
            nameof(threshold),
            comparator == Comparator.Achieved ? "A milestone target (Achieved) has the threshold Quantity.Yes." : "A milestone threshold goes with the Achieved comparator.");
        if (comparator == Comparator.Achieved)
        {
            Preconditions.CheckArgument(threshold.Value == 1m, nameof(threshold), "A milestone target's threshold is Quantity.Yes.");
        }
        Threshold = threshold;
        Upper = upper;
        Tolerance = tolerance;
        Deadline = deadline;
        StartDate = startDate;
        Baseline = baseline;
        Maintain = maintain;
        Aspirational = aspirational;
        Source = source;
    }

    /// <summary>A copy of <paramref name="other"/> for another indicator: only the new code is checked (the rest was checked when <paramref name="other"/> was made).</summary>
    [MethodImpl(HotPath.Optimized)]
    private Target(Target other, string indicatorCode)
    {
        Id = other.Id;
        IndicatorCode = Text.CheckCode(indicatorCode, nameof(indicatorCode));
        Comparator = other.Comparator;
        Level = other.Level;
        Refines = other.Refines;
        Threshold = other.Threshold;
        Upper = other.Upper;
        Tolerance = other.Tolerance;
        Deadline = other.Deadline;
        StartDate = other.StartDate;
        Baseline = other.Baseline;
        Maintain = other.Maintain;
        Aspirational = other.Aspirational;
        Source = other.Source;
        Band = other.Band;
    }

    /// <summary>Starts a fluent definition: <c>Target.For("QT.2025.FIBRE", "DS.FIBRE_HOUSEHOLDS").Above(Quantity.Percent(80)).By(2025).Build()</c>.</summary>
    /// <param name="id">Stable target id.</param>
    /// <param name="indicatorCode">The indicator's code.</param>
    /// <returns>A builder.</returns>
    public static TargetBuilder For(string id, string indicatorCode) => new(id, indicatorCode);

    /// <summary>Stable target id.</summary>
    public string Id { get; }

    /// <summary>For a band: whether passing the far bound is welcome (see <see cref="BandSemantics"/>).</summary>
    public BandSemantics Band { get; }

    /// <summary>The indicator's code.</summary>
    public string IndicatorCode { get; }

    /// <summary>The comparison.</summary>
    public Comparator Comparator { get; }

    /// <summary>The threshold (lower bound of a band; the centre of "about"; N of "rank within N").</summary>
    public Quantity Threshold { get; }

    /// <summary>Upper bound of a band, or null.</summary>
    public Quantity? Upper { get; }

    /// <summary>Tolerance of an "about" target, or null.</summary>
    public decimal? Tolerance { get; }

    /// <summary>The unit of the threshold.</summary>
    public Unit Unit => Threshold.Unit;

    /// <summary>The administrative level it applies to.</summary>
    public AdministrativeLevel Level { get; }

    /// <summary>The date by which it must hold.</summary>
    public LocalDate Deadline { get; }

    /// <summary>The date the rule is in force from, or null.</summary>
    public LocalDate? StartDate { get; }

    /// <summary>The baseline, or null.</summary>
    public Baseline? Baseline { get; }

    /// <summary>"Giữ vững": must hold in every period up to the deadline, not only at it.</summary>
    public bool Maintain { get; }

    /// <summary>"Phấn đấu": a stretch goal.</summary>
    public bool Aspirational { get; }

    /// <summary>Id of the national target it refines, or null.</summary>
    public string? Refines { get; }

    /// <summary>Where it comes from, or null.</summary>
    public SourceCitation? Source { get; }

    /// <summary>The same target for the indicator with the given code (the analyzer resolves codes it reads as expressions).</summary>
    /// <exception cref="ArgumentException">The code is not a valid code.</exception>
    internal Target WithIndicatorCode(string indicatorCode)
        => string.Equals(IndicatorCode, indicatorCode, StringComparison.Ordinal) ? this : new Target(this, indicatorCode);

    /// <summary>Whether a value meets the target's comparison (dates aside).</summary>
    /// <param name="value">The measured value, in the target's unit.</param>
    /// <returns>True when met.</returns>
    public bool IsMetBy(decimal value) => Attainment.IsMet(this, value);

    /// <inheritdoc />
    public bool Equals(Target? other)
        => other is not null
        && (ReferenceEquals(this, other)
            || (string.Equals(Id, other.Id, StringComparison.Ordinal)
                && string.Equals(IndicatorCode, other.IndicatorCode, StringComparison.Ordinal)
                && Comparator == other.Comparator
                && Threshold.Equals(other.Threshold)
                && Nullable.Equals(Upper, other.Upper)
                && Tolerance == other.Tolerance
                && Level == other.Level
                && Deadline == other.Deadline
                && StartDate == other.StartDate
                && Nullable.Equals(Baseline, other.Baseline)
                && Maintain == other.Maintain
                && Band == other.Band
                && Aspirational == other.Aspirational
                && string.Equals(Refines, other.Refines, StringComparison.Ordinal)
                && Equals(Source, other.Source)));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as Target);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, IndicatorCode, Comparator, Threshold, Level, Deadline);

    /// <summary>A readable invariant summary, e.g. <c>QT.2025.FIBRE: DS.FIBRE_HOUSEHOLDS &gt; 80 percent at Province by 2025-12-31</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
        => Id + ": " + IndicatorCode + " " + DescribeComparison() + " at " + Level.ToString() + " by " + Deadline.ToString("uuuu-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The comparison in invariant text, e.g. <c>&gt;= 90 percent</c>, <c>in [15, 20] share:GRDP</c>.</summary>
    /// <returns>The text.</returns>
    public string DescribeComparison()
    {
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        string v = Threshold.Value.ToString(inv);
        string unit = Threshold.Unit.ToString();
        return Comparator switch
        {
            Comparator.AtLeast => ">= " + v + " " + unit,
            Comparator.Above => "> " + v + " " + unit,
            Comparator.AtMost => "<= " + v + " " + unit,
            Comparator.Below => "< " + v + " " + unit,
            Comparator.Between => "in [" + v + ", " + Upper!.Value.Value.ToString(inv) + "] " + unit,
            Comparator.About => "about " + v + " ± " + Tolerance!.Value.ToString(inv) + " " + unit,
            Comparator.RankWithin => "rank <= " + v + (Threshold.Unit.RankPool > 0 ? " of " + Threshold.Unit.RankPool.ToString(inv) : string.Empty),
            _ => "achieved",
        };
    }
}
