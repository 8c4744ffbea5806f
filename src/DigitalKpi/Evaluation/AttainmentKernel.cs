using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using DigitalKpi.Utility;

namespace DigitalKpi;

/// <summary>
/// A target compiled for batch evaluation over <see cref="double"/> values: the attainment ratio and whether the
/// target is met, for one value or for spans of values (vectorised, allocation-free). The ratio has the meaning of
/// <see cref="AttainmentResult.Ratio"/>; in the vectorised path a division may be replaced by a multiplication with the
/// threshold's reciprocal, so results can differ from <see cref="Attainment.Ratio"/> in the last bit, never in whether the
/// target is met and never below 1 for a met target. NaN values are never met and have a ratio of 0.
/// </summary>
public readonly struct AttainmentKernel : IEquatable<AttainmentKernel>
{
    private readonly Mode mode;
    private readonly double low;
    private readonly double high;
    private readonly double maxRatio;

    private AttainmentKernel(Mode mode, double low, double high, double maxRatio)
    {
        this.mode = mode;
        this.low = low;
        this.high = high;
        this.maxRatio = maxRatio;
    }

    private enum Mode : byte
    {
        AtLeast,
        Above,
        AtMost,
        Below,
        Band,
        Milestone,
    }

    /// <summary>Compiles a target.</summary>
    /// <param name="target">The target.</param>
    /// <param name="options">Options (for the ratio cap), or null for <see cref="AttainmentOptions.Default"/>.</param>
    /// <returns>The kernel.</returns>
    public static AttainmentKernel Create(Target target, AttainmentOptions? options = null)
        => Create(Preconditions.CheckNotNull(target), (options ?? AttainmentOptions.Default).MaxRatio);

    internal static AttainmentKernel Create(Target target, double max)
    {
        double x = (double)target.Threshold.Value;
        switch (target.Comparator)
        {
            case Comparator.AtLeast: return new(Mode.AtLeast, x, x, max);
            case Comparator.Above: return new(Mode.Above, x, x, max);
            case Comparator.AtMost:
            case Comparator.RankWithin: return new(Mode.AtMost, x, x, max);
            case Comparator.Below: return new(Mode.Below, x, x, max);
            case Comparator.Between:
            case Comparator.About:
                (double lo, double hi) = Attainment.Band(target);
                return new(Mode.Band, lo, hi, max);
            default: return new(Mode.Milestone, 1.0, 1.0, max);
        }
    }

    /// <summary>Whether a value meets the target.</summary>
    /// <param name="value">The value.</param>
    /// <returns>True when met.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool IsMet(double value) => mode switch
    {
        Mode.AtLeast or Mode.Milestone => value >= low,
        Mode.Above => value > low,
        Mode.AtMost => value <= low,
        Mode.Below => value < low,
        _ => value >= low && value <= high,
    };

    /// <summary>The attainment ratio of a value, in [0, MaxRatio].</summary>
    /// <param name="value">The value.</param>
    /// <returns>The ratio.</returns>
    public double Ratio(double value) => Ratio(value, IsMet(value));

    /// <summary>The ratio given whether the target is met (decided exactly in decimal by <see cref="Attainment"/>, or as a double here).</summary>
    internal double Ratio(double value, bool met)
    {
        double x = low;
        double r;
        switch (mode)
        {
            case Mode.AtLeast:
            case Mode.Above:
                r = x > 0 ? value / x : (met ? 1.0 : 0.0);
                break;
            case Mode.AtMost:
            case Mode.Below:
                r = x > 0 ? (value > 0 ? x / value : maxRatio) : (met ? 1.0 : 0.0);
                break;
            case Mode.Band:
                r = met ? 1.0 : value < low ? (low > 0 ? value / low : 0.0) : (value > 0 ? high / value : 0.0);
                break;
            default:
                r = met ? 1.0 : 0.0;
                break;
        }
        if (met && r < 1.0)
        {
            r = 1.0;
        }
        // Written so that NaN ends as 0.
        return r > maxRatio ? maxRatio : r >= 0 ? r : 0.0;
    }

    /// <summary>Writes the attainment ratio of every value. Vectorised; allocates nothing.</summary>
    /// <param name="values">The values.</param>
    /// <param name="ratios">Receives the ratios; at least as long as <paramref name="values"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="ratios"/> is shorter than <paramref name="values"/>.</exception>
    public void Ratios(ReadOnlySpan<double> values, Span<double> ratios)
    {
        if (ratios.Length < values.Length)
        {
            throw new ArgumentException("The destination is shorter than the values.", nameof(ratios));
        }
        int i = 0;
        if (Vector.IsHardwareAccelerated && values.Length >= Vector<double>.Count)
        {
            i = RatiosVector(values, ratios);
        }
        for (; i < values.Length; i++)
        {
            ratios[i] = Ratio(values[i]);
        }
    }

    /// <summary>Counts the values that meet the target. Vectorised; allocates nothing.</summary>
    /// <param name="values">The values.</param>
    /// <returns>How many meet it.</returns>
    public int CountMet(ReadOnlySpan<double> values)
    {
        int count = 0;
        int i = 0;
        if (Vector.IsHardwareAccelerated && values.Length >= Vector<double>.Count)
        {
            ReadOnlySpan<Vector<double>> vectors = MemoryMarshal.Cast<double, Vector<double>>(values);
            var lo = new Vector<double>(low);
            var hi = new Vector<double>(high);
            Vector<long> acc = Vector<long>.Zero;
            foreach (Vector<double> v in vectors)
            {
                acc -= MetMask(v, lo, hi);
            }
            for (int k = 0; k < Vector<long>.Count; k++)
            {
                count += (int)acc[k];
            }
            i = vectors.Length * Vector<double>.Count;
        }
        for (; i < values.Length; i++)
        {
            if (IsMet(values[i]))
            {
                count++;
            }
        }
        return count;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Vector<long> MetMask(Vector<double> v, Vector<double> lo, Vector<double> hi) => mode switch
    {
        Mode.AtLeast or Mode.Milestone => Vector.GreaterThanOrEqual(v, lo),
        Mode.Above => Vector.GreaterThan(v, lo),
        Mode.AtMost => Vector.LessThanOrEqual(v, lo),
        Mode.Below => Vector.LessThan(v, lo),
        _ => Vector.BitwiseAnd(Vector.GreaterThanOrEqual(v, lo), Vector.LessThanOrEqual(v, hi)),
    };

    private int RatiosVector(ReadOnlySpan<double> values, Span<double> ratios)
    {
        ReadOnlySpan<Vector<double>> src = MemoryMarshal.Cast<double, Vector<double>>(values);
        Span<Vector<double>> dst = MemoryMarshal.Cast<double, Vector<double>>(ratios);
        var lo = new Vector<double>(low);
        var hi = new Vector<double>(high);
        var max = new Vector<double>(maxRatio);
        Vector<double> zero = Vector<double>.Zero;
        Vector<double> one = Vector<double>.One;
        switch (mode)
        {
            case Mode.AtLeast:
            case Mode.Above:
                if (low > 0)
                {
                    var inverse = new Vector<double>(1.0 / low);
                    for (int k = 0; k < src.Length; k++)
                    {
                        Vector<double> v = src[k];
                        Vector<double> r = v * inverse;
                        dst[k] = Finish(r, MetMask(v, lo, hi), zero, one, max);
                    }
                    return src.Length * Vector<double>.Count;
                }
                break;
            case Mode.AtMost:
            case Mode.Below:
                if (low > 0)
                {
                    for (int k = 0; k < src.Length; k++)
                    {
                        Vector<double> v = src[k];
                        Vector<double> r = Vector.ConditionalSelect(Vector.GreaterThan(v, zero), lo / v, max);
                        dst[k] = Finish(r, MetMask(v, lo, hi), zero, one, max);
                    }
                    return src.Length * Vector<double>.Count;
                }
                break;
            case Mode.Band:
                {
                    // Below a band whose lower edge is not positive the ratio is 0 (a zero multiplier).
                    var inverseLow = new Vector<double>(low > 0 ? 1.0 / low : 0.0);
                    for (int k = 0; k < src.Length; k++)
                    {
                        Vector<double> v = src[k];
                        Vector<double> below = v * inverseLow;
                        Vector<double> above = Vector.ConditionalSelect(Vector.GreaterThan(v, zero), hi / v, zero);
                        Vector<long> met = MetMask(v, lo, hi);
                        Vector<double> r = Vector.ConditionalSelect(met, one, Vector.ConditionalSelect(Vector.LessThan(v, lo), below, above));
                        dst[k] = Finish(r, met, zero, one, max);
                    }
                    return src.Length * Vector<double>.Count;
                }
        }
        // Degenerate thresholds (≤ 0) and milestones: 1 when met, else 0.
        for (int k = 0; k < src.Length; k++)
        {
            dst[k] = Vector.ConditionalSelect(MetMask(src[k], lo, hi), one, zero);
        }
        return src.Length * Vector<double>.Count;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<double> Finish(Vector<double> r, Vector<long> met, Vector<double> zero, Vector<double> one, Vector<double> max)
    {
        r = Vector.ConditionalSelect(met, Vector.Max(r, one), r);
        r = Vector.Min(r, max);
        // NaN compares false: keep r only where r >= 0.
        return Vector.ConditionalSelect(Vector.GreaterThanOrEqual(r, zero), r, zero);
    }

    /// <inheritdoc />
    public bool Equals(AttainmentKernel other) => mode == other.mode && low.Equals(other.low) && high.Equals(other.high) && maxRatio.Equals(other.maxRatio);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is AttainmentKernel other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(mode, low, high, maxRatio);

    /// <summary>Equality operator.</summary>
    /// <param name="left">Left.</param>
    /// <param name="right">Right.</param>
    /// <returns>Whether equal.</returns>
    public static bool operator ==(AttainmentKernel left, AttainmentKernel right) => left.Equals(right);

    /// <summary>Inequality operator.</summary>
    /// <param name="left">Left.</param>
    /// <param name="right">Right.</param>
    /// <returns>Whether not equal.</returns>
    public static bool operator !=(AttainmentKernel left, AttainmentKernel right) => !left.Equals(right);

    /// <summary>Invariant description, e.g. <c>AtLeast 50</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
        => mode.ToString() + " " + low.ToString("R", System.Globalization.CultureInfo.InvariantCulture)
        + (mode == Mode.Band ? ".." + high.ToString("R", System.Globalization.CultureInfo.InvariantCulture) : string.Empty);
}
