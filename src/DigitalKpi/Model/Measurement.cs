using System;
using DigitalKpi.Administration;
using DigitalKpi.Utility;

namespace DigitalKpi;

/// <summary>
/// A reported figure: an indicator's value for one administrative unit and period, either a value or a numerator and
/// denominator (optionally with the percentage the source reported alongside), with an observation status and a source.
/// A figure may carry a qualifier ("trên 75%": the value is above 75; see <see cref="WithQualifier"/>) and a tier: the
/// administrative level of the agencies it counts ("80% hồ sơ công việc cấp huyện" reported for a province; see
/// <see cref="WithTier"/>), which is distinct from the unit it is reported for.
/// </summary>
public sealed class Measurement : IEquatable<Measurement>
{
    // The three optional numbers are stored as plain decimals with presence flags (not as decimal?, which pads each to
    // 24 bytes): 104 bytes per measurement instead of 128, which matters for sets of 100,000 read from JSON.
    private const byte HasReported = 1, HasNumerator = 2, HasDenominator = 4;

    private readonly decimal reportedValue;
    private readonly decimal numerator;
    private readonly decimal denominator;
    private readonly byte present;
    private readonly byte qualifier;
    private readonly byte tier; // 0: none; otherwise 1 + the level

    private Measurement(
        string indicatorCode, string unitCode, ReportingPeriod period, decimal? reportedValue, decimal? numerator, decimal? denominator,
        ObservationStatus status, SourceCitation? source, bool codesChecked = false, ValueQualifier qualifier = ValueQualifier.Exact, AdministrativeLevel? tier = null)
    {
        this.qualifier = (byte)Indicator.CheckEnum(qualifier, nameof(qualifier));
        this.tier = tier is { } t ? (byte)(1 + (int)Indicator.CheckEnum(t, nameof(tier))) : (byte)0;
        IndicatorCode = codesChecked ? indicatorCode : Text.CheckCode(indicatorCode, nameof(indicatorCode));
        UnitCode = codesChecked ? unitCode : Text.CheckCode(unitCode, nameof(unitCode));
        Period = period;
        this.reportedValue = reportedValue.GetValueOrDefault();
        this.numerator = numerator.GetValueOrDefault();
        this.denominator = denominator.GetValueOrDefault();
        present = (byte)((reportedValue.HasValue ? HasReported : 0) | (numerator.HasValue ? HasNumerator : 0) | (denominator.HasValue ? HasDenominator : 0));
        Status = Indicator.CheckEnum(status, nameof(status));
        Source = source;
    }

    /// <summary>A measured value.</summary>
    /// <param name="indicatorCode">The indicator's code.</param>
    /// <param name="unitCode">The administrative unit's code (e.g. <c>08</c> for Tuyên Quang, <c>VN</c> for the nation).</param>
    /// <param name="period">The reporting period.</param>
    /// <param name="value">The value, in the indicator's unit.</param>
    /// <param name="status">Observation status (default normal).</param>
    /// <param name="source">Where it comes from.</param>
    /// <returns>The measurement.</returns>
    public static Measurement Of(string indicatorCode, string unitCode, ReportingPeriod period, decimal value, ObservationStatus status = ObservationStatus.Normal, SourceCitation? source = null)
        => new(indicatorCode, unitCode, period, value, null, null, status, source);

    /// <summary>A fraction: "1.693/1.733 thôn … đạt 81,2%".</summary>
    /// <param name="indicatorCode">The indicator's code.</param>
    /// <param name="unitCode">The administrative unit's code.</param>
    /// <param name="period">The reporting period.</param>
    /// <param name="numerator">Numerator (1693).</param>
    /// <param name="denominator">Denominator (1733).</param>
    /// <param name="reportedPercent">The percentage the source reported with it (81.2), or null. Kept as written, even when it disagrees (rule DKPI010).</param>
    /// <param name="status">Observation status (default normal).</param>
    /// <param name="source">Where it comes from.</param>
    /// <returns>The measurement.</returns>
    public static Measurement OfFraction(string indicatorCode, string unitCode, ReportingPeriod period, decimal numerator, decimal denominator, decimal? reportedPercent = null, ObservationStatus status = ObservationStatus.Normal, SourceCitation? source = null)
        => new(indicatorCode, unitCode, period, reportedPercent, numerator, denominator, status, source);

    /// <summary>A figure that is missing (status <see cref="ObservationStatus.Missing"/> or another missing status).</summary>
    /// <param name="indicatorCode">The indicator's code.</param>
    /// <param name="unitCode">The administrative unit's code.</param>
    /// <param name="period">The reporting period.</param>
    /// <param name="status">A missing status (default <see cref="ObservationStatus.Missing"/>).</param>
    /// <param name="source">Where it comes from.</param>
    /// <returns>The measurement.</returns>
    public static Measurement Missing(string indicatorCode, string unitCode, ReportingPeriod period, ObservationStatus status = ObservationStatus.Missing, SourceCitation? source = null)
    {
        Preconditions.CheckArgument(status is ObservationStatus.Missing or ObservationStatus.MissingCannotExist, nameof(status), "A missing figure has status Missing (O) or MissingCannotExist (M).");
        return new(indicatorCode, unitCode, period, null, null, null, status, source);
    }

    /// <summary>
    /// For readers that have already checked both codes with <see cref="Text.IsValidCode"/> (the JSON fast path checks
    /// each distinct code once): the same measurement as <see cref="Of"/>, <see cref="OfFraction"/> or
    /// <see cref="Missing"/> (a value; numerator and denominator; or neither, with a missing status).
    /// </summary>
    internal static Measurement WithCheckedCodes(
        string indicatorCode, string unitCode, ReportingPeriod period, decimal? reportedValue, decimal? numerator, decimal? denominator, ObservationStatus status, SourceCitation? source,
        ValueQualifier qualifier = ValueQualifier.Exact, AdministrativeLevel? tier = null)
    {
        Preconditions.CheckArgument((numerator is null) == (denominator is null), nameof(denominator), "A fraction has a numerator and a denominator.");
        Preconditions.CheckArgument(numerator is not null || reportedValue is not null || status is ObservationStatus.Missing or ObservationStatus.MissingCannotExist, nameof(status), "A missing figure has status Missing (O) or MissingCannotExist (M).");
        return new(indicatorCode, unitCode, period, reportedValue, numerator, denominator, status, source, codesChecked: true, qualifier, tier);
    }

    /// <summary>
    /// A copy of this figure with a qualifier: "trên 75%" is <c>Measurement.Of(…, 75m).WithQualifier(ValueQualifier.Above)</c>.
    /// A bound proves a target only when every value it allows meets the target (a lower bound of 75 cannot prove
    /// "at least 80"); see docs/attainment.md.
    /// </summary>
    /// <param name="value">The qualifier.</param>
    /// <returns>The new measurement.</returns>
    /// <exception cref="ArgumentException">The qualifier is not a named value, or a missing figure is qualified.</exception>
    public Measurement WithQualifier(ValueQualifier value)
    {
        Preconditions.CheckArgument(value == ValueQualifier.Exact || present != 0, nameof(value), "A missing figure has no qualifier.");
        return new(IndicatorCode, UnitCode, Period, ReportedValue, Numerator, Denominator, Status, Source, codesChecked: true, value, Tier);
    }

    /// <summary>
    /// A copy of this figure with a tier: the administrative level of the agencies it counts, e.g. Quảng Trị's share of
    /// work files processed online by its district-level agencies is reported for unit 45 with tier
    /// <see cref="AdministrativeLevel.District"/>. A figure with a tier is evaluated only against targets at that level.
    /// </summary>
    /// <param name="value">The tier, or null for none (the unit as a whole).</param>
    /// <returns>The new measurement.</returns>
    public Measurement WithTier(AdministrativeLevel? value)
        => new(IndicatorCode, UnitCode, Period, ReportedValue, Numerator, Denominator, Status, Source, codesChecked: true, Qualifier, value);

    /// <summary>The indicator's code.</summary>
    public string IndicatorCode { get; }

    /// <summary>The administrative unit's code.</summary>
    public string UnitCode { get; }

    /// <summary>The reporting period.</summary>
    public ReportingPeriod Period { get; }

    /// <summary>The value as reported: the plain value, or for a fraction the percentage reported alongside it (may be null).</summary>
    public decimal? ReportedValue
    {
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        get => (present & HasReported) != 0 ? reportedValue : null;
    }

    /// <summary>Numerator of a fraction, or null.</summary>
    public decimal? Numerator
    {
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        get => (present & HasNumerator) != 0 ? numerator : null;
    }

    /// <summary>Denominator of a fraction, or null.</summary>
    public decimal? Denominator
    {
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        get => (present & HasDenominator) != 0 ? denominator : null;
    }

    /// <summary>Whether this is a fraction (numerator and denominator).</summary>
    public bool IsFraction => (present & HasNumerator) != 0;

    /// <summary>Observation status.</summary>
    public ObservationStatus Status { get; }

    /// <summary>Where it comes from, or null.</summary>
    public SourceCitation? Source { get; }

    /// <summary>What the figure says about the value (<see cref="ValueQualifier.Exact"/> unless qualified, e.g. "trên 75%").</summary>
    public ValueQualifier Qualifier => (ValueQualifier)qualifier;

    /// <summary>The administrative level of the agencies the figure counts, or null when it is for the unit as a whole.</summary>
    public AdministrativeLevel? Tier => tier == 0 ? null : (AdministrativeLevel)(tier - 1);

    /// <summary>
    /// The value used for evaluation: for a fraction with a positive denominator, 100 × numerator / denominator (the
    /// counts are trusted over a reported percentage); otherwise the reported value; null when there is none.
    /// </summary>
    public decimal? Value
    {
        get
        {
            if (Numerator is { } n && Denominator is { } d)
            {
                return d > 0m ? 100m * n / d : ReportedValue;
            }
            return ReportedValue;
        }
    }

    /// <inheritdoc />
    public bool Equals(Measurement? other)
        => other is not null
        && (ReferenceEquals(this, other)
            || (string.Equals(IndicatorCode, other.IndicatorCode, StringComparison.Ordinal)
                && string.Equals(UnitCode, other.UnitCode, StringComparison.Ordinal)
                && Period.Equals(other.Period)
                && ReportedValue == other.ReportedValue
                && Numerator == other.Numerator
                && Denominator == other.Denominator
                && Status == other.Status
                && qualifier == other.qualifier
                && tier == other.tier
                && Equals(Source, other.Source)));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as Measurement);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(IndicatorCode, UnitCode, Period, ReportedValue, Numerator, Denominator, Status);

    /// <summary>Invariant text, e.g. <c>DS.FIBRE_VILLAGES@08 2022 = 1693/1733 (reported 81.2)</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        string head = IndicatorCode + "@" + UnitCode + (Tier is { } t ? "/" + t.ToString() : string.Empty) + " " + Period.ToString() + " = "
            + (Qualifier == ValueQualifier.Exact ? string.Empty : Qualifier.ToString() + " ");
        if (IsFraction)
        {
            return head + Numerator!.Value.ToString(inv) + "/" + Denominator!.Value.ToString(inv)
                + (ReportedValue is { } r ? " (reported " + r.ToString(inv) + ")" : string.Empty);
        }
        return head + (ReportedValue is { } v ? v.ToString(inv) : "missing") + " [" + Status.ToSdmxCode() + "]";
    }
}
