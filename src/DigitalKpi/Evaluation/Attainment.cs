using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using DigitalKpi.Utility;
using NodaTime;

namespace DigitalKpi;

/// <summary>
/// Evaluates measured values against targets: whether met, the attainment ratio, progress from the baseline, the
/// expected value on a straight path, the gap, the pace and a status. Formulas and edge cases: docs/attainment.md.
/// </summary>
public static class Attainment
{
    private const double DaysPerYear = 365.25;

    /// <summary>Whether a value meets a target's comparison (dates aside). Exact decimal comparison.</summary>
    /// <param name="target">The target.</param>
    /// <param name="value">The value, in the target's unit.</param>
    /// <returns>True when met.</returns>
    [MethodImpl(HotPath.Optimized)]
    public static bool IsMet(Target target, decimal value)
    {
        Preconditions.CheckNotNull(target);
        decimal x = target.Threshold.Value;
        return target.Comparator switch
        {
            Comparator.AtLeast => value >= x,
            Comparator.Above => value > x,
            Comparator.AtMost or Comparator.RankWithin => value <= x,
            Comparator.Below => value < x,
            Comparator.Between => value >= x && value <= target.Upper!.Value.Value,
            Comparator.About => IsWithin(value, x, target.Tolerance!.Value),
            _ => value >= 1m,
        };
    }

    /// <summary>|<paramref name="value"/> − <paramref name="centre"/>| ≤ <paramref name="tolerance"/>, exact and without overflow for any decimals.</summary>
    /// <param name="value">The value.</param>
    /// <param name="centre">The centre.</param>
    /// <param name="tolerance">The tolerance (a negative one is never met).</param>
    /// <returns>Whether the value is within the tolerance of the centre.</returns>
    internal static bool IsWithin(decimal value, decimal centre, decimal tolerance)
    {
        if ((value >= 0m) == (centre >= 0m))
        {
            // Same sign: the difference cannot overflow.
            return Math.Abs(value - centre) <= tolerance;
        }

        // Opposite signs: |value - centre| = |value| + |centre|, which may exceed decimal's range; compare without forming it.
        decimal a = Math.Abs(value);
        decimal b = Math.Abs(centre);
        return a <= tolerance && b <= tolerance - a;
    }

    /// <summary>The attainment ratio of a value (see <see cref="AttainmentResult.Ratio"/>).</summary>
    /// <param name="target">The target.</param>
    /// <param name="value">The value.</param>
    /// <param name="options">Options (for the cap), or null for <see cref="AttainmentOptions.Default"/>.</param>
    /// <returns>The ratio in [0, MaxRatio].</returns>
    public static double Ratio(Target target, decimal value, AttainmentOptions? options = null)
    {
        Preconditions.CheckNotNull(target);
        return RatioCore(target, (double)value, IsMet(target, value), (options ?? AttainmentOptions.Default).MaxRatio);
    }

    /// <summary>Evaluates one measured value.</summary>
    /// <param name="target">The target.</param>
    /// <param name="value">The measured value, in the target's unit.</param>
    /// <param name="measuredOn">The date the value refers to (the end of its reporting period).</param>
    /// <param name="options">Thresholds and method, or null for <see cref="AttainmentOptions.Default"/>.</param>
    /// <returns>The result.</returns>
    public static AttainmentResult Evaluate(Target target, decimal value, LocalDate measuredOn, AttainmentOptions? options = null)
    {
        Preconditions.CheckNotNull(target);
        options ??= AttainmentOptions.Default;
        bool met = IsMet(target, value);
        return EvaluateCore(target, value, met, measuredOn, options);
    }

    /// <summary>
    /// Evaluates a series of measurements of the target's indicator for one administrative unit: the latest value up to
    /// the earlier of <paramref name="asOf"/> and the target's deadline decides (a value after the deadline does not rescue
    /// a missed target), except for "maintain" targets, which must hold in every period in force. Measurements of other
    /// indicators and missing values are ignored.
    /// </summary>
    /// <param name="target">The target.</param>
    /// <param name="measurements">Measurements (any order) of one administrative unit.</param>
    /// <param name="asOf">Ignore measurements whose period ends after this date.</param>
    /// <param name="options">Thresholds and method, or null for <see cref="AttainmentOptions.Default"/>.</param>
    /// <returns>The result; status <see cref="AttainmentStatus.NoData"/> when no value qualifies.</returns>
    /// <exception cref="ArgumentException">The target's indicator is measured for more than one administrative unit: use the overload that names the unit.</exception>
    public static AttainmentResult Evaluate(Target target, IEnumerable<Measurement> measurements, LocalDate asOf, AttainmentOptions? options = null)
        => EvaluateSeries(target, measurements, null, asOf, options);

    /// <summary>
    /// Evaluates the measurements of one administrative unit (<paramref name="unitCode"/>) in a series that may hold
    /// several units; otherwise as <see cref="Evaluate(Target, IEnumerable{Measurement}, LocalDate, AttainmentOptions?)"/>.
    /// </summary>
    /// <param name="target">The target.</param>
    /// <param name="measurements">Measurements (any order).</param>
    /// <param name="unitCode">The administrative unit whose measurements count.</param>
    /// <param name="asOf">Ignore measurements whose period ends after this date.</param>
    /// <param name="options">Thresholds and method, or null for <see cref="AttainmentOptions.Default"/>.</param>
    /// <returns>The result; status <see cref="AttainmentStatus.NoData"/> when no value qualifies.</returns>
    public static AttainmentResult Evaluate(Target target, IEnumerable<Measurement> measurements, string unitCode, LocalDate asOf, AttainmentOptions? options = null)
        => EvaluateSeries(target, measurements, Preconditions.CheckNotNull(unitCode), asOf, options);

    private static AttainmentResult EvaluateSeries(Target target, IEnumerable<Measurement> measurements, string? unitCode, LocalDate asOf, AttainmentOptions? options)
    {
        Preconditions.CheckNotNull(target);
        Preconditions.CheckNotNull(measurements);
        options ??= AttainmentOptions.Default;
        LocalDate cutoff = asOf < target.Deadline ? asOf : target.Deadline;
        Measurement? latest = null;
        string? seenUnit = null;
        bool brokenInSomePeriod = false;
        foreach (Measurement m in measurements)
        {
            if (m is null || !string.Equals(m.IndicatorCode, target.IndicatorCode, StringComparison.Ordinal) || m.Value is not { } v || m.Period.End > cutoff)
            {
                continue;
            }
            if (unitCode is not null)
            {
                if (!string.Equals(m.UnitCode, unitCode, StringComparison.Ordinal))
                {
                    continue;
                }
            }
            else if (seenUnit is null)
            {
                seenUnit = m.UnitCode;
            }
            else if (!string.Equals(seenUnit, m.UnitCode, StringComparison.Ordinal))
            {
                throw new ArgumentException(
                    $"Target '{target.Id}': the measurements of {target.IndicatorCode} are for several administrative units ({seenUnit}, {m.UnitCode}); name the unit to evaluate.",
                    nameof(measurements));
            }
            if (latest is null || m.Period.End > latest.Period.End || (m.Period.End == latest.Period.End && m.Period.Start > latest.Period.Start))
            {
                latest = m;
            }
            if (target.Maintain && IsInForce(target, m.Period.End) && !IsMet(target, v))
            {
                brokenInSomePeriod = true;
            }
        }
        if (latest is null)
        {
            return AttainmentResult.NoData(options.Method);
        }
        decimal value = latest.Value!.Value;
        return EvaluateCore(target, value, IsMet(target, value) && !brokenInSomePeriod, latest.Period.End, options);
    }

    private static bool IsInForce(Target target, LocalDate date) => target.StartDate is not { } start || date >= start;

    private static AttainmentResult EvaluateCore(Target target, decimal value, bool met, LocalDate measuredOn, AttainmentOptions options)
    {
        double v = (double)value;
        double ratio = RatioCore(target, v, met, options.MaxRatio);
        double gap = Gap(target, v);
        double? progress = null;
        double? expected = null;
        double? pace = null;
        bool baselineMeets = false;
        bool overshoot = false;
        if (target.Baseline is { } baseline && target.Comparator != Comparator.Achieved)
        {
            double b = (double)baseline.Value;
            baselineMeets = IsMet(target, baseline.Value);
            double? point = baselineMeets ? null : TargetPoint(target, b);
            if (point is { } t)
            {
                // A band value beyond the far edge overshot the band: no meaningful progress toward it.
                (double lo, double hi) = Band(target);
                overshoot = IsBand(target.Comparator) && ((b < lo && v > hi) || (b > hi && v < lo));
                int totalDays = Period.DaysBetween(baseline.Date, target.Deadline);
                if (!overshoot)
                {
                    progress = (v - b) / (t - b);
                }
                if (totalDays > 0)
                {
                    int elapsedDays = Period.DaysBetween(baseline.Date, measuredOn);
                    double f = Math.Min(1.0, Math.Max(0.0, elapsedDays / (double)totalDays));
                    expected = b + ((t - b) * f);
                    if (!overshoot)
                    {
                        pace = options.Method == ProgressMethod.Linear
                            ? (f > 0 ? progress / f : null)
                            : GrowthPace(b, v, t, elapsedDays, totalDays);
                    }
                }
            }
        }

        AttainmentStatus status;
        if (!IsInForce(target, measuredOn))
        {
            status = AttainmentStatus.NotYetDue;
        }
        else if (met)
        {
            status = AttainmentStatus.Achieved;
        }
        else if (measuredOn >= target.Deadline || target.Maintain || baselineMeets || overshoot)
        {
            // Missed at the deadline; a "maintain" target that does not hold (now or in an earlier period); a value that
            // fell back from a baseline that already met the target; or a band overshot on the far side.
            status = AttainmentStatus.OffTrack;
        }
        else if (pace is not { } r)
        {
            status = AttainmentStatus.NotYetDue;
        }
        else
        {
            status = r >= options.OnTrackThreshold ? AttainmentStatus.OnTrack
                : r >= options.AtRiskThreshold ? AttainmentStatus.AtRisk
                : AttainmentStatus.OffTrack;
        }
        return new AttainmentResult(status, met, v, ratio, progress, expected, gap, pace, measuredOn, options.Method);
    }

    private static bool IsBand(Comparator comparator) => comparator is Comparator.Between or Comparator.About;

    /// <summary>The value progress is measured toward: the threshold, or for bands the edge nearer the baseline; null when the baseline is inside the band.</summary>
    private static double? TargetPoint(Target target, double b)
    {
        if (!IsBand(target.Comparator))
        {
            return (double)target.Threshold.Value;
        }
        (double lo, double hi) = Band(target);
        return b < lo ? lo : b > hi ? hi : null;
    }

    internal static (double Low, double High) Band(Target target)
    {
        double x = (double)target.Threshold.Value;
        return target.Comparator switch
        {
            Comparator.Between => (x, (double)target.Upper!.Value.Value),
            Comparator.About => (x - (double)target.Tolerance!.Value, x + (double)target.Tolerance!.Value),
            _ => (x, x),
        };
    }

    private static double? GrowthPace(double b, double v, double t, int elapsedDays, int totalDays)
    {
        if (b <= 0 || v <= 0 || t <= 0 || elapsedDays <= 0)
        {
            return null;
        }
        double observed = Math.Pow(v / b, DaysPerYear / elapsedDays) - 1.0;
        double required = Math.Pow(t / b, DaysPerYear / totalDays) - 1.0;
        return required == 0.0 ? null : observed / required;
    }

    private static double Gap(Target target, double v)
    {
        double x = (double)target.Threshold.Value;
        switch (target.Comparator)
        {
            case Comparator.AtLeast:
            case Comparator.Above:
                return x - v;
            case Comparator.AtMost:
            case Comparator.Below:
            case Comparator.RankWithin:
                return v - x;
            case Comparator.Between:
            case Comparator.About:
            {
                (double lo, double hi) = Band(target);
                return v < lo ? lo - v : v > hi ? v - hi : 0.0;
            }
            default:
                return 1.0 - v;
        }
    }

    internal static double RatioCore(Target target, double v, bool met, double maxRatio)
        => AttainmentKernel.Create(target, maxRatio).Ratio(v, met);
}
