namespace DigitalKpi.Aggregation;

/// <summary>
/// The cells of a roll-up of whole figures reported once per leaf and period (<see cref="RollupEngine"/>'s one-pass
/// case), compactly: per leaf and period the figure itself (32-bit while every figure fits, 64-bit otherwise), a leaf
/// without a figure marked by the smallest value of the type; per unit above the leaves and period the 64-bit sums and
/// the number of reporting leaves. Every figure is complete, so there are no partial units. Cells are indexed by slot
/// (<see cref="RollupEngine.SlotAt"/>: among the leaves, or among the other units) × period count + period.
/// </summary>
internal sealed class WholeCells
{
    internal const int NoNarrowFigure = int.MinValue;
    internal const long NoWideFigure = long.MinValue;

    private readonly int[]? _leafFirst;
    private readonly int[]? _leafSecond;
    private readonly long[]? _wideFirst;
    private readonly long[]? _wideSecond;
    private readonly long[] _innerFirst;
    private readonly long[]? _innerSecond;
    private readonly int[] _innerReporting;

    /// <summary>Leaf figures in 32 bits (<see cref="NoNarrowFigure"/>: none).</summary>
    internal WholeCells(int[] leafFirst, int[]? leafSecond, long[] innerFirst, long[]? innerSecond, int[] innerReporting)
    {
        _leafFirst = leafFirst;
        _leafSecond = leafSecond;
        _innerFirst = innerFirst;
        _innerSecond = innerSecond;
        _innerReporting = innerReporting;
    }

    /// <summary>Leaf figures in 64 bits (<see cref="NoWideFigure"/>: none).</summary>
    internal WholeCells(long[] leafFirst, long[]? leafSecond, long[] innerFirst, long[]? innerSecond, int[] innerReporting)
    {
        _wideFirst = leafFirst;
        _wideSecond = leafSecond;
        _innerFirst = innerFirst;
        _innerSecond = innerSecond;
        _innerReporting = innerReporting;
    }

    /// <summary>Whether the leaf figures are stored in 32 bits (for tests).</summary>
    internal bool IsNarrow => _leafFirst is not null;

    /// <summary>Reads a cell: the sums (0 without figures) and the number of reporting leaves.</summary>
    internal int Read(bool leaf, int k, out long first, out long second)
    {
        if (!leaf)
        {
            first = _innerFirst[k];
            second = _innerSecond is null ? 0L : _innerSecond[k];
            return _innerReporting[k];
        }
        if (_leafFirst is { } narrow)
        {
            int a = narrow[k];
            bool has = a != NoNarrowFigure;
            first = has ? a : 0L;
            second = has && _leafSecond is not null ? _leafSecond[k] : 0L;
            return has ? 1 : 0;
        }
        long w = _wideFirst![k];
        bool wide = w != NoWideFigure;
        first = wide ? w : 0L;
        second = wide && _wideSecond is not null ? _wideSecond[k] : 0L;
        return wide ? 1 : 0;
    }

    /// <summary>The number of reporting leaves of a cell.</summary>
    internal int Reporting(bool leaf, int k)
        => !leaf ? _innerReporting[k] : _leafFirst is { } narrow ? (narrow[k] != NoNarrowFigure ? 1 : 0) : (_wideFirst![k] != NoWideFigure ? 1 : 0);
}
