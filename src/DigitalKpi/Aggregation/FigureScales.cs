using System;

namespace DigitalKpi.Aggregation;

/// <summary>
/// The decimal scales of one column of figures (values, numerators or denominators) in <see cref="RollupEngine"/>'s
/// one-pass roll-up, so that its 64-bit sums give back the decimal sums exactly, scale included: decimal addition keeps
/// the larger scale (<c>1.0m + 2m = 3.0m</c>), so a unit's sum has the largest scale of the figures of its reporting
/// leaves, and 0 (<c>0m</c>) without any. Each figure is held as its integer part at its own scale (<c>81.2</c>: 812 at
/// 1); the sums above the leaves are integers at the working scale, the largest scale seen so far (raised, and the sums
/// so far multiplied, when a larger one comes). Usually every figure has the common scale (the first figure's) and no
/// array is kept; from the first figure of another scale on, the scale of each leaf figure and of each unit's sum.
/// </summary>
internal sealed class FigureScales
{
    /// <summary>The largest scale taken (the sums of figures of scale 0 to 4, below 2^40 at the working scale, stay exact in 64 bits).</summary>
    internal const int MaxScale = 4;

    private static readonly long[] Pow10 = [1, 10, 100, 1000, 10_000];

    private readonly int _leafCells;
    private readonly int[] _reporting;

    /// <summary>
    /// A column whose first figure has scale <paramref name="common"/>, over <paramref name="leafCells"/> leaf cells and
    /// the units above them with <paramref name="reporting"/> leaves reporting (filled as the figures come).
    /// </summary>
    internal FigureScales(int common, int leafCells, int[] reporting)
    {
        Common = common;
        Working = common;
        _leafCells = leafCells;
        _reporting = reporting;
    }

    /// <summary>The scale of the leaf figures that have no entry in <see cref="Leaf"/>.</summary>
    internal int Common { get; }

    /// <summary>The scale of the sums above the leaves: the largest scale of the column's figures.</summary>
    internal int Working { get; private set; }

    /// <summary>The scale of each leaf cell's figure, once a figure of another scale than <see cref="Common"/> came; otherwise <see langword="null"/>.</summary>
    internal byte[]? Leaf { get; private set; }

    /// <summary>The scale of each sum above the leaves, kept with <see cref="Leaf"/>; otherwise <see langword="null"/> (<see cref="Common"/> where a leaf reported, else 0).</summary>
    internal byte[]? Inner { get; private set; }

    /// <summary>
    /// Records that leaf cell <paramref name="k"/>, below unit cell <paramref name="pk"/> (or -1), holds a figure of scale
    /// <paramref name="scale"/> (at most <see cref="MaxScale"/>), multiplying the <paramref name="sums"/> so far when it
    /// raises the working scale; returns what the figure is multiplied by to be added to the sums.
    /// </summary>
    internal long Take(int k, int pk, int scale, long[] sums)
    {
        if (scale == Common && Leaf is null)
        {
            return 1; // the usual case: a single scale so far, the working one
        }
        if (Leaf is null)
        {
            // The first figure of another scale: every figure so far had the common scale.
            Leaf = new byte[_leafCells];
            Leaf.AsSpan().Fill((byte)Common);
            Inner = new byte[_reporting.Length];
            for (int i = 0; i < Inner.Length; i++)
            {
                Inner[i] = _reporting[i] > 0 ? (byte)Common : (byte)0;
            }
        }
        Leaf[k] = (byte)scale;
        if (pk >= 0 && scale > Inner![pk])
        {
            Inner[pk] = (byte)scale;
        }
        if (scale > Working)
        {
            long factor = Pow10[scale - Working];
            for (int i = 0; i < sums.Length; i++)
            {
                sums[i] *= factor;
            }
            Working = scale;
        }
        return Pow10[Working - scale];
    }

    /// <summary>Gives unit cells <paramref name="into"/> … + <paramref name="t"/> − 1 the scales of their child's cells <paramref name="from"/> … where larger (the bottom-up pass).</summary>
    internal void AddUp(int from, int into, int t)
    {
        if (Inner is not { } inner)
        {
            return;
        }
        for (int ti = 0; ti < t; ti++)
        {
            if (inner[from + ti] > inner[into + ti])
            {
                inner[into + ti] = inner[from + ti];
            }
        }
    }

    /// <summary>
    /// Whether every leaf figure (<paramref name="figures"/>; cells holding <paramref name="none"/> are empty) stays below
    /// 2^<paramref name="bits"/> in magnitude at the working scale, so that no sum of fewer than 2^(63 − bits) of them
    /// overflows. Always so with a single scale (the figures were checked as they came).
    /// </summary>
    internal bool FitWorkingScale(long[] figures, long none, int bits)
    {
        if (Leaf is not { } leaf)
        {
            return true;
        }
        for (int k = 0; k < figures.Length; k++)
        {
            long v = figures[k];
            if (v != none && ((ulong)Math.Abs(v) * (ulong)Pow10[Working - leaf[k]]) >> bits != 0)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>
    /// Whether a unit with reporting leaves sums to zero in a column with a scale. Decimal addition gives such a zero,
    /// when figures of both signs cancel, a sign that depends on the order of the additions (<c>-1.5m + 1.5m</c> is
    /// <c>-0.0m</c>, <c>1.5m + -1.5m</c> is <c>0.0m</c>), which the general path's order decides; columns of scale 0
    /// are summed as integers on both paths, and figures that are all positive or zero only give positive zeros.
    /// </summary>
    internal bool HasZeroSum(long[] sums)
    {
        if (Working == 0)
        {
            return false;
        }
        for (int k = 0; k < sums.Length; k++)
        {
            if (sums[k] == 0 && _reporting[k] > 0)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The figure of leaf cell <paramref name="k"/> (its integer part <paramref name="value"/>) as the decimal it was.</summary>
    internal decimal LeafValue(long value, int k) => DecimalBits.FromScaled(value, Leaf is { } leaf ? leaf[k] : Common);

    /// <summary>The sum of unit cell <paramref name="k"/> (at the working scale) as the decimal sum of its figures; <c>0m</c> when none reported.</summary>
    internal decimal InnerValue(long sum, int reporting, int k)
    {
        int scale = Inner is { } inner ? inner[k] : reporting > 0 ? Common : 0;
        return DecimalBits.FromScaled(sum / Pow10[Working - scale], scale);
    }
}
