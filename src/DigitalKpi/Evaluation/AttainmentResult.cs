using System;
using System.Globalization;
using NodaTime;

namespace DigitalKpi;

/// <summary>How far a measured value is toward a target. A value type: evaluating allocates nothing.</summary>
public readonly struct AttainmentResult : IEquatable<AttainmentResult>
{
    internal AttainmentResult(AttainmentStatus status, bool isMet, double value, double ratio, double? progress, double? expected, double gap, double? pace, LocalDate measuredOn, ProgressMethod method)
    {
        Status = status;
        IsMet = isMet;
        Value = value;
        Ratio = ratio;
        Progress = progress;
        Expected = expected;
        Gap = gap;
        Pace = pace;
        MeasuredOn = measuredOn;
        Method = method;
    }

    internal static AttainmentResult NoData(ProgressMethod method) => new(AttainmentStatus.NoData, false, double.NaN, 0.0, null, null, double.NaN, null, default, method);

    /// <summary>The status.</summary>
    public AttainmentStatus Status { get; }

    /// <summary>Whether the target's comparison holds (for "maintain" targets: in every period evaluated).</summary>
    public bool IsMet { get; }

    /// <summary>The measured value evaluated (NaN when there is no data).</summary>
    public double Value { get; }

    /// <summary>
    /// Attainment ratio, the same meaning for every comparator: 1 means exactly at the threshold, above 1 beyond it,
    /// below 1 short of it. Higher-is-better: value / threshold; lower-is-better and ranks: threshold / value; bands: 1
    /// inside, else distance-scaled toward the nearer edge; milestones 1 or 0. Clamped to [0, MaxRatio]. A met target
    /// always has a ratio of at least 1.
    /// </summary>
    public double Ratio { get; }

    /// <summary>
    /// Share of the baseline-to-target gap closed: 0 at the baseline, 1 at the target, above 1 beyond it, below 0 a regression.
    /// Null without a baseline, for milestones, when the baseline already meets the target (including a baseline inside a band),
    /// and when a band value overshot the far edge.
    /// </summary>
    public double? Progress { get; }

    /// <summary>The value expected at the measurement's date on a straight line from baseline to target (clamped to the baseline-to-deadline span); null when there is no trajectory (no baseline, a milestone, a baseline that already meets the target, or a deadline not after the baseline date).</summary>
    public double? Expected { get; }

    /// <summary>Signed shortfall in the value's unit: positive is still to go, negative is a surplus, 0 inside a band.</summary>
    public double Gap { get; }

    /// <summary>Pace: progress against elapsed time (linear) or observed against required growth (growth rate); null when it cannot be computed (no progress, a measurement at or before the baseline date, non-positive values for the growth-rate method).</summary>
    public double? Pace { get; }

    /// <summary>The date of the measured value (the end of its period).</summary>
    public LocalDate MeasuredOn { get; }

    /// <summary>The method used for <see cref="Pace"/>.</summary>
    public ProgressMethod Method { get; }

    /// <inheritdoc />
    public bool Equals(AttainmentResult other)
        => Status == other.Status && IsMet == other.IsMet && Value.Equals(other.Value) && Ratio.Equals(other.Ratio)
        && Nullable.Equals(Progress, other.Progress) && Nullable.Equals(Expected, other.Expected) && Gap.Equals(other.Gap)
        && Nullable.Equals(Pace, other.Pace) && MeasuredOn == other.MeasuredOn && Method == other.Method;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is AttainmentResult other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Status, IsMet, Value, Ratio, Progress, Gap, MeasuredOn);

    /// <summary>Equality operator.</summary>
    /// <param name="left">Left.</param>
    /// <param name="right">Right.</param>
    /// <returns>Whether equal.</returns>
    public static bool operator ==(AttainmentResult left, AttainmentResult right) => left.Equals(right);

    /// <summary>Inequality operator.</summary>
    /// <param name="left">Left.</param>
    /// <param name="right">Right.</param>
    /// <returns>Whether not equal.</returns>
    public static bool operator !=(AttainmentResult left, AttainmentResult right) => !left.Equals(right);

    /// <summary>Invariant summary, e.g. <c>OnTrack ratio=0.85 progress=0.70 pace=1.02</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        var inv = CultureInfo.InvariantCulture;
        return Status.ToString() + " ratio=" + Ratio.ToString("0.###", inv)
            + (Progress is { } p ? " progress=" + p.ToString("0.###", inv) : string.Empty)
            + (Pace is { } r ? " pace=" + r.ToString("0.###", inv) : string.Empty);
    }
}
