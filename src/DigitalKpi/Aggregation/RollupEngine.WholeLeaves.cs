using System;
using DigitalKpi.Administration;
using NodaTime;

namespace DigitalKpi.Aggregation;

/// <summary>The roll-up's usual case in one pass: whole numbers or figures of a small scale, reported once per leaf and period.</summary>
public sealed partial class RollupEngine
{
    private volatile LeavesInForce? _leavesInForce;

    /// <summary>
    /// Per map index, the index among the leaves (<see cref="SlotAt"/>) of the leaf unit at that index when it is in
    /// force from <paramref name="from"/> through <paramref name="to"/>, otherwise -1. Kept for the last pair of days
    /// asked (roll-ups of one engine usually share their periods).
    /// </summary>
    private int[] LeafSlotsInForce(LocalDate from, LocalDate to)
    {
        LeavesInForce? cached = _leavesInForce;
        if (cached is not null && cached.From == from && cached.To == to)
        {
            return cached.Slots;
        }
        var slots = new int[_position.Length];
        slots.AsSpan().Fill(-1);
        for (int slot = 0; slot < _leaves.Length; slot++)
        {
            int index = _members[_leaves[slot]];
            AdministrativeUnit unit = Map[index];
            if (unit.Level == LeafLevel && unit.ValidFrom <= from && (unit.ValidTo is not { } end || end >= to))
            {
                slots[index] = slot;
            }
        }
        _leavesInForce = new LeavesInForce(from, to, slots);
        return slots;
    }

    private sealed class LeavesInForce
    {
        internal LeavesInForce(LocalDate from, LocalDate to, int[] slots)
        {
            From = from;
            To = to;
            Slots = slots;
        }

        internal LocalDate From { get; }

        internal LocalDate To { get; }

        internal int[] Slots { get; }
    }

    private sealed partial class Run
    {
#if NET5_0_OR_GREATER
        private static int[] Uninitialized(int length) => GC.AllocateUninitializedArray<int>(length);
#else
        private static int[] Uninitialized(int length) => new int[length];
#endif

        /// <summary>
        /// All steps at once for the usual case, straight into the result: figures summed (<see cref="AggregationMethod.Sum"/>
        /// or <see cref="AggregationMethod.SumFractions"/>) without succession mapping, every reported period one of the
        /// roll-up's periods, every figure of a scale from 0 to <see cref="FigureScales.MaxScale"/> (<c>1693</c>,
        /// <c>81.2</c>, <c>0.25</c>) with an integer part below 2^40 in magnitude (also at the largest scale of its
        /// column), for a leaf of the tree in force throughout, at most one figure per leaf and period. Each figure is then
        /// its leaf's cell (complete: no partial units, nothing else to check) and is added to its parent's as it is read;
        /// the units above are summed bottom-up in 64-bit integers at the column's largest scale, which give the decimal
        /// sums exactly, each with the scale decimal addition gives it (<see cref="FigureScales"/>). The result is
        /// <see cref="WholeCells"/>: leaf figures in 32 bits while they fit and have their column's first scale (widened to
        /// 64 at the first that does not). Returns <see langword="null"/> at the first row that does not fit the case (a
        /// second figure for a cell, an index out of range, another unit, a large figure or scale), or when a sum is a zero
        /// whose sign decimal addition leaves to the order of the additions; the general path then starts afresh and
        /// reports any problem.
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
            ReadOnlySpan<decimal> firsts = _fractions ? _columns.Numerators.Span : _columns.Values.Span;
            int firstScale = 0, secondScale = 0;
            if (rows > 0 && (!DecimalBits.TryGetSmallScaled(firsts[0], WholeBits, FigureScales.MaxScale, out _, out firstScale)
                || (_fractions && !DecimalBits.TryGetSmallScaled(_columns.Denominators.Span[0], WholeBits, FigureScales.MaxScale, out _, out secondScale))))
            {
                return null; // large figures or scales: do not allocate for nothing
            }
            RollupEngine e = _e;
            int t = _t, leafCells = e._leaves.Length * t, innerCells = e._innerCount * t;
            var reporting = new int[innerCells];
            var s = new Scatter
            {
                LeafOf = e.LeafSlotsInForce(_periods[0].Start, _lastDay),
                ParentOf = e._parentSlotOfLeaf,
                TargetOf = _targetOf,
                T = t,
                InnerFirst = new long[innerCells],
                InnerSecond = _fractions ? new long[innerCells] : null,
                Reporting = reporting,
                FirstScales = new FigureScales(firstScale, leafCells, reporting),
                SecondScales = _fractions ? new FigureScales(secondScale, leafCells, reporting) : null,
            };

            // Leaf cells start as "no figure" (and every second value at 0): every leaf cell is written here.
            int[] first = Uninitialized(leafCells);
            first.AsSpan().Fill(WholeCells.NoNarrowFigure);
            int[]? second = _fractions ? new int[leafCells] : null;
            int stop = ScatterNarrow(ref s, first, second);
            WholeCells cells;
            if (stop < 0)
            {
                return null;
            }
            if (stop < rows)
            {
                // A figure beyond 32 bits or of another scale: the leaf figures so far in 64 bits, then the rest of the rows.
                var wideFirst = new long[leafCells];
                for (int k = 0; k < wideFirst.Length; k++)
                {
                    wideFirst[k] = first[k] == WholeCells.NoNarrowFigure ? WholeCells.NoWideFigure : first[k];
                }
                long[]? wideSecond = null;
                if (second is not null)
                {
                    wideSecond = new long[leafCells];
                    for (int k = 0; k < wideSecond.Length; k++)
                    {
                        wideSecond[k] = second[k];
                    }
                }
                if (ScatterWide(ref s, stop, wideFirst, wideSecond) < 0
                    || !s.FirstScales.FitWorkingScale(wideFirst, WholeCells.NoWideFigure, WholeBits)
                    || (wideSecond is not null && !s.SecondScales!.FitWorkingScale(wideSecond, WholeCells.NoWideFigure, WholeBits)))
                {
                    return null;
                }
                cells = new WholeCells(wideFirst, wideSecond, s.InnerFirst, s.InnerSecond, reporting, s.FirstScales, s.SecondScales);
            }
            else
            {
                cells = new WholeCells(first, second, s.InnerFirst, s.InnerSecond, reporting, s.FirstScales, s.SecondScales);
            }

            // The units above the leaves, bottom-up (children have higher positions than their parents); units below
            // the leaf level (a roll-up from districts on a tree of communes) stay at 0.
            int[] parents = e._parent, slots = e._slot;
            bool[] isLeaf = e._isLeaf;
            for (int pos = parents.Length - 1; pos >= 0; pos--)
            {
                int parent = parents[pos];
                if (isLeaf[pos] || parent < 0 || isLeaf[parent])
                {
                    continue;
                }
                int from = slots[pos] * t, into = slots[parent] * t;
                for (int ti = 0; ti < t; ti++)
                {
                    s.InnerFirst[into + ti] += s.InnerFirst[from + ti];
                    reporting[into + ti] += reporting[from + ti];
                }
                s.FirstScales.AddUp(from, into, t);
                if (s.InnerSecond is { } innerSecond)
                {
                    for (int ti = 0; ti < t; ti++)
                    {
                        innerSecond[into + ti] += innerSecond[from + ti];
                    }
                    s.SecondScales!.AddUp(from, into, t);
                }
            }
            if ((s.FirstScales.HasZeroSum(s.InnerFirst) && cells.HasNegativeFigure(second: false))
                || (s.InnerSecond is not null && s.SecondScales!.HasZeroSum(s.InnerSecond) && cells.HasNegativeFigure(second: true)))
            {
                return null; // a zero of figures of both signs: its sign is the general path's order of additions
            }
            return new RollupResult(e, _indicator, _method, _fractions, _options, _periods, cells);
        }

        /// <summary>
        /// The rows from the first into 32-bit leaf cells, each added to its parent's sums. Returns the number of rows
        /// (all done), the first row whose figure needs 64 bits or has another scale than its column's first (not done),
        /// or -1 when a row does not fit the case.
        /// </summary>
        private int ScatterNarrow(ref Scatter s, int[] first, int[]? second)
            => second is null ? ScatterNarrow<ValueFigures>(ref s, first, first) : ScatterNarrow<FractionFigures>(ref s, first, second);

        /// <summary><see cref="ScatterNarrow(ref Scatter, int[], int[])"/> for values or for fractions (<typeparamref name="TFigures"/>, so that the loop has no test of it).</summary>
        private int ScatterNarrow<TFigures>(ref Scatter s, int[] first, int[] second)
            where TFigures : struct, IFigures
        {
            bool fractions = default(TFigures).Fractions;
            ReadOnlySpan<int> units = _columns.UnitIndexes.Span;
            ReadOnlySpan<int> periods = _columns.PeriodIndexes.Span;
            ReadOnlySpan<decimal> firsts = fractions ? _columns.Numerators.Span : _columns.Values.Span;
            ReadOnlySpan<decimal> seconds = fractions ? _columns.Denominators.Span : firsts;
            int[] leafOf = s.LeafOf, parentOf = s.ParentOf, targetOf = s.TargetOf, reporting = s.Reporting;
            long[] innerFirst = s.InnerFirst;
            long[] innerSecond = s.InnerSecond ?? innerFirst;
            int t = s.T, firstScale = s.FirstScales.Common, secondScale = s.SecondScales?.Common ?? 0;
            if (periods.Length != units.Length || firsts.Length != units.Length || seconds.Length != units.Length)
            {
                return -1;
            }
            for (int i = 0; i < units.Length; i++)
            {
                int u = units[i], p = periods[i];
                if ((uint)u >= (uint)leafOf.Length || (uint)p >= (uint)targetOf.Length)
                {
                    return -1;
                }
                int slot = leafOf[u];
                int b = 0;
                if (slot < 0 || !DecimalBits.TryGetInt32Scaled(in firsts[i], firstScale, out int a)
                    || (fractions && !DecimalBits.TryGetInt32Scaled(in seconds[i], secondScale, out b)))
                {
                    // Another unit, or a figure beyond 2^31 or of another scale (64 bits may do).
                    return slot >= 0 && DecimalBits.TryGetSmallScaled(firsts[i], WholeBits, FigureScales.MaxScale, out _, out _)
                        && (!fractions || DecimalBits.TryGetSmallScaled(seconds[i], WholeBits, FigureScales.MaxScale, out _, out _)) ? i : -1;
                }
                int tp = targetOf[p], k = (slot * t) + tp;
                if (first[k] != WholeCells.NoNarrowFigure)
                {
                    return -1;
                }
                first[k] = a;
                if (fractions)
                {
                    second[k] = b;
                }
                int parent = parentOf[slot];
                if (parent >= 0)
                {
                    int pk = (parent * t) + tp;
                    innerFirst[pk] += a;
                    if (fractions)
                    {
                        innerSecond[pk] += b;
                    }
                    reporting[pk]++;
                }
            }
            return units.Length;
        }

        /// <summary>
        /// The rows from <paramref name="start"/> into 64-bit leaf cells, as <see cref="ScatterNarrow"/>, figures of any
        /// scale the case takes (recorded in <see cref="FigureScales"/>); -1 when a row does not fit the case.
        /// </summary>
        private int ScatterWide(ref Scatter s, int start, long[] first, long[]? second)
        {
            ReadOnlySpan<int> units = _columns.UnitIndexes.Span;
            ReadOnlySpan<int> periods = _columns.PeriodIndexes.Span;
            ReadOnlySpan<decimal> firsts = _fractions ? _columns.Numerators.Span : _columns.Values.Span;
            ReadOnlySpan<decimal> seconds = _fractions ? _columns.Denominators.Span : default;
            int[] leafOf = s.LeafOf, parentOf = s.ParentOf, targetOf = s.TargetOf, reporting = s.Reporting;
            long[] innerFirst = s.InnerFirst;
            long[]? innerSecond = s.InnerSecond;
            FigureScales firstScales = s.FirstScales;
            FigureScales? secondScales = s.SecondScales;
            int t = s.T;
            for (int i = start; i < units.Length; i++)
            {
                int u = units[i], p = periods[i];
                if ((uint)u >= (uint)leafOf.Length || (uint)p >= (uint)targetOf.Length)
                {
                    return -1;
                }
                int slot = leafOf[u];
                long b = 0;
                int sb = 0;
                if (slot < 0 || !DecimalBits.TryGetSmallScaled(firsts[i], WholeBits, FigureScales.MaxScale, out long a, out int sa)
                    || (second is not null && !DecimalBits.TryGetSmallScaled(seconds[i], WholeBits, FigureScales.MaxScale, out b, out sb)))
                {
                    return -1;
                }
                int tp = targetOf[p], k = (slot * t) + tp;
                if (first[k] != WholeCells.NoWideFigure)
                {
                    return -1;
                }
                int parent = parentOf[slot];
                int pk = parent >= 0 ? (parent * t) + tp : -1;
                first[k] = a;
                a *= firstScales.Take(k, pk, sa, innerFirst);
                if (second is not null)
                {
                    second[k] = b;
                    b *= secondScales!.Take(k, pk, sb, innerSecond!);
                    if (pk >= 0)
                    {
                        innerSecond![pk] += b;
                    }
                }
                if (pk >= 0)
                {
                    innerFirst[pk] += a;
                    reporting[pk]++;
                }
            }
            return units.Length;
        }

        /// <summary>Whether the figures are fractions, as a type (see <see cref="ScatterNarrow{TFigures}"/>).</summary>
        private interface IFigures
        {
            bool Fractions { get; }
        }

        private struct ValueFigures : IFigures
        {
            public readonly bool Fractions => false;
        }

        private struct FractionFigures : IFigures
        {
            public readonly bool Fractions => true;
        }

        /// <summary>What the scatter loops share: the look-ups and the sums of the units above the leaves.</summary>
        private struct Scatter
        {
            public int[] LeafOf;
            public int[] ParentOf;
            public int[] TargetOf;
            public int T;
            public long[] InnerFirst;
            public long[]? InnerSecond;
            public int[] Reporting;
            public FigureScales FirstScales;
            public FigureScales? SecondScales;
        }
    }
}
