using System;
using DigitalKpi.Administration;
using NodaTime;

namespace DigitalKpi.Aggregation;

/// <summary>The roll-up's usual case in one pass: whole numbers, reported once per leaf and period.</summary>
public sealed partial class RollupEngine
{
    private volatile LeavesInForce? _leavesInForce;

    /// <summary>
    /// Per map index, the tree position of the leaf unit at that index when it is in force from <paramref name="from"/>
    /// through <paramref name="to"/>, otherwise -1. Kept for the last pair of days asked (roll-ups of one engine
    /// usually share their periods).
    /// </summary>
    private int[] LeafPositionsInForce(LocalDate from, LocalDate to)
    {
        LeavesInForce? cached = _leavesInForce;
        if (cached is not null && cached.From == from && cached.To == to)
        {
            return cached.Positions;
        }
        var positions = new int[_position.Length];
        positions.AsSpan().Fill(-1);
        foreach (int pos in _leaves)
        {
            AdministrativeUnit unit = Map[_members[pos]];
            if (unit.Level == LeafLevel && unit.ValidFrom <= from && (unit.ValidTo is not { } end || end >= to))
            {
                positions[_members[pos]] = pos;
            }
        }
        _leavesInForce = new LeavesInForce(from, to, positions);
        return positions;
    }

    private sealed class LeavesInForce
    {
        internal LeavesInForce(LocalDate from, LocalDate to, int[] positions)
        {
            From = from;
            To = to;
            Positions = positions;
        }

        internal LocalDate From { get; }

        internal LocalDate To { get; }

        internal int[] Positions { get; }
    }

    private sealed partial class Run
    {
#if NET5_0_OR_GREATER
        private static long[] Uninitialized(int length) => GC.AllocateUninitializedArray<long>(length);
#else
        private static long[] Uninitialized(int length) => new long[length];
#endif

        /// <summary>
        /// All steps at once for the usual case, straight into the result: figures summed (<see cref="AggregationMethod.Sum"/>
        /// or <see cref="AggregationMethod.SumFractions"/>) without succession mapping, every reported period one of the
        /// roll-up's periods, every figure a whole number of scale 0 below 2^40 in magnitude, for a leaf of the tree in
        /// force throughout, at most one figure per leaf and period. Each figure is then its leaf's cell (complete: no
        /// partial units, nothing to check), and the tree is summed in 64-bit integers, which are the decimal sums
        /// exactly. The result stores 8 bytes per cell and value (<see cref="RollupResult"/>'s whole-number form),
        /// a leaf without a figure marked by <see cref="RollupResult.NoFigure"/>, and reporting counts only for the
        /// units above the leaves. Returns <see langword="null"/> at the first row that does not fit (a second figure for
        /// a cell, an index out of range, another unit, a fractional or large figure); the general path then starts
        /// afresh and reports any problem.
        /// </summary>
        private RollupResult? TryWholeLeaves()
        {
            int rows = _columns.Count;
            if (!DecimalBits.IsSupported || _mapping || _t == 0 || rows >= MaxWholeRows
                || _method is not (AggregationMethod.Sum or AggregationMethod.SumFractions) || _valueMethod != _method)
            {
                return null;
            }
            for (int p = 0; p < _targetOf.Length; p++)
            {
                if (_days[p] != _periodLength[_targetOf[p]])
                {
                    return null; // several periods combined into one: the general path
                }
            }
            RollupEngine e = _e;
            int[] leafOf = e.LeafPositionsInForce(_periods[0].Start, _lastDay);
            int[] parents = e._parent;
            bool[] isLeaf = e._isLeaf;
            int[] innerSlot = e._innerSlot;
            int n = parents.Length, t = _t, cells = n * t;
            ReadOnlySpan<int> units = _columns.UnitIndexes.Span;
            ReadOnlySpan<int> periods = _columns.PeriodIndexes.Span;
            ReadOnlySpan<decimal> firsts = _fractions ? _columns.Numerators.Span : _columns.Values.Span;
            ReadOnlySpan<decimal> seconds = _fractions ? _columns.Denominators.Span : default;
            if (rows > 0 && !DecimalBits.TryGetSmallWhole(firsts[0], WholeBits, out _))
            {
                return null; // decimals with fractions: do not allocate for nothing
            }

            // Leaf cells start as "no figure", the others (and every second value) at 0; every cell is written here.
            long[] first = Uninitialized(cells);
            long[]? second = _fractions ? Uninitialized(cells) : null;
            for (int pos = 0; pos < n; pos++)
            {
                first.AsSpan(pos * t, t).Fill(isLeaf[pos] ? RollupResult.NoFigure : 0L);
            }
            second?.AsSpan().Clear();

            int[] targetOf = _targetOf;
            int unitCount = leafOf.Length;
            for (int i = 0; i < units.Length; i++)
            {
                int u = units[i], p = periods[i];
                if ((uint)u >= (uint)unitCount || (uint)p >= (uint)targetOf.Length)
                {
                    return null;
                }
                int pos = leafOf[u];
                if (pos < 0 || !DecimalBits.TryGetSmallWhole(firsts[i], WholeBits, out long a))
                {
                    return null;
                }
                int k = (pos * t) + targetOf[p];
                if (first[k] != RollupResult.NoFigure)
                {
                    return null;
                }
                if (second is not null)
                {
                    if (!DecimalBits.TryGetSmallWhole(seconds[i], WholeBits, out long b))
                    {
                        return null;
                    }
                    second[k] = b;
                }
                first[k] = a;
            }

            // Bottom-up (children have higher positions than their parents); reporting counts for the inner units only.
            // Units below the leaf level (a roll-up from districts on a tree of communes) stay at 0.
            int[] reporting = new int[e._innerCount * t];
            for (int pos = n - 1; pos >= 0; pos--)
            {
                int parent = parents[pos];
                if (parent < 0 || isLeaf[parent])
                {
                    continue; // a root, or a unit below the leaf level (nothing reported, nothing to add)
                }
                Span<long> from = first.AsSpan(pos * t, t), into = first.AsSpan(parent * t, t);
                Span<int> counts = reporting.AsSpan(innerSlot[parent] * t, t);
                if (isLeaf[pos])
                {
                    for (int ti = 0; ti < from.Length; ti++)
                    {
                        long v = from[ti];
                        bool has = v != RollupResult.NoFigure;
                        into[ti] += has ? v : 0L;
                        counts[ti] += has ? 1 : 0;
                    }
                }
                else
                {
                    ReadOnlySpan<int> below = reporting.AsSpan(innerSlot[pos] * t, t);
                    for (int ti = 0; ti < from.Length; ti++)
                    {
                        into[ti] += from[ti];
                        counts[ti] += below[ti];
                    }
                }
                if (second is not null)
                {
                    Span<long> from2 = second.AsSpan(pos * t, t), into2 = second.AsSpan(parent * t, t);
                    for (int ti = 0; ti < from2.Length; ti++)
                    {
                        into2[ti] += from2[ti];
                    }
                }
            }
            return new RollupResult(e, _indicator, _method, _fractions, _options, _periods, first, second, reporting);
        }
    }
}
