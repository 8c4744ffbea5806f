using System;
using DigitalKpi.Utility;

namespace DigitalKpi;

/// <summary>How progress toward a target is judged.</summary>
public enum ProgressMethod
{
    /// <summary>Share of the baseline-to-target gap closed, against the share of time elapsed (pace = progress / elapsed).</summary>
    Linear,

    /// <summary>Observed compound annual growth rate against the rate required to reach the target on time (Open SDG's progress measure).</summary>
    GrowthRate,
}

/// <summary>The status of a target at a measurement.</summary>
public enum AttainmentStatus
{
    /// <summary>No measured value to judge.</summary>
    NoData,

    /// <summary>The target is not in force yet (before its start date), or its deadline is ahead and there is no pace to judge (no baseline, a milestone, a baseline equal to the target, or a measurement at the baseline date).</summary>
    NotYetDue,

    /// <summary>
    /// The deadline has passed without the target being met; a "maintain" target does not hold now or failed in an earlier
    /// period; the value fell back from a baseline that already met the target; a band was overshot on the far side; or the
    /// pace is below the at-risk threshold.
    /// </summary>
    OffTrack,

    /// <summary>The pace is at or above the at-risk threshold but below the on-track threshold.</summary>
    AtRisk,

    /// <summary>The pace is at or above the on-track threshold.</summary>
    OnTrack,

    /// <summary>The target is met.</summary>
    Achieved,
}

/// <summary>Thresholds and method for attainment statuses. Immutable; <see cref="Default"/> follows Open SDG's bands (0.95 and 0.6).</summary>
public sealed class AttainmentOptions
{
    /// <summary>Creates options.</summary>
    /// <param name="method">Progress method.</param>
    /// <param name="onTrackThreshold">Pace at or above which a target is on track (default 0.95).</param>
    /// <param name="atRiskThreshold">Pace at or above which a target is at risk rather than off track (default 0.6); not above <paramref name="onTrackThreshold"/>.</param>
    /// <param name="maxRatio">Upper bound of the attainment ratio (default 10); must be at least 1.</param>
    public AttainmentOptions(ProgressMethod method = ProgressMethod.Linear, double onTrackThreshold = 0.95, double atRiskThreshold = 0.6, double maxRatio = 10.0)
    {
        Method = Indicator.CheckEnum(method, nameof(method));
        Preconditions.CheckFinite(onTrackThreshold);
        Preconditions.CheckFinite(atRiskThreshold);
        Preconditions.CheckFinite(maxRatio);
        Preconditions.CheckArgument(atRiskThreshold <= onTrackThreshold, nameof(atRiskThreshold), "The at-risk threshold must not be above the on-track threshold.");
        Preconditions.CheckArgument(maxRatio >= 1.0, nameof(maxRatio), "The maximum ratio must be at least 1.");
        OnTrackThreshold = onTrackThreshold;
        AtRiskThreshold = atRiskThreshold;
        MaxRatio = maxRatio;
    }

    /// <summary>Linear method, on track at 0.95, at risk at 0.6, ratio capped at 10.</summary>
    public static AttainmentOptions Default { get; } = new();

    /// <summary>Progress method.</summary>
    public ProgressMethod Method { get; }

    /// <summary>Pace at or above which a target is on track.</summary>
    public double OnTrackThreshold { get; }

    /// <summary>Pace at or above which a target is at risk rather than off track.</summary>
    public double AtRiskThreshold { get; }

    /// <summary>Upper bound of the attainment ratio.</summary>
    public double MaxRatio { get; }
}
