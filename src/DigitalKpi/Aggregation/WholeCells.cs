namespace DigitalKpi.Aggregation;

/// <summary>
/// The cells of a roll-up of figures of a small scale (whole numbers, or with up to <see cref="FigureScales.MaxScale"/>
/// decimals) reported once per leaf and period (<see cref="RollupEngine"/>'s one-pass case), compactly: per leaf and
/// period the figure's integer part (32-bit while every figure fits and has its column's common scale, 64-bit
/// otherwise), a leaf without a figure marked by the smallest value of the type; per unit above the leaves and period
/// the 64-bit sums and the number of reporting leaves; the scales in <see cref="FigureScales"/>. Every figure is
/// complete, so there are no partial units. Cells are indexed by slot (<see cref="RollupEngine.SlotAt"/>: among the
/// leaves, or among the other units) × period count + period.
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
    private readonly FigureScales _firstScales;
    private readonly FigureScales? _secondScales;

    /// <summary>Leaf figures in 32 bits (<see cref="NoNarrowFigure"/>: none).</summary>
    internal WholeCells(int[] leafFirst, int[]? leafSecond, long[] innerFirst, long[]? innerSecond, int[] innerReporting, FigureScales firstScales, FigureScales? secondScales)
        : this(innerFirst, innerSecond, innerReporting, firstScales, secondScales)
    {
        _leafFirst = leafFirst;
        _leafSecond = leafSecond;
    }

    /// <summary>Leaf figures in 64 bits (<see cref="NoWideFigure"/>: none).</summary>
    internal WholeCells(long[] leafFirst, long[]? leafSecond, long[] innerFirst, long[]? innerSecond, int[] innerReporting, FigureScales firstScales, FigureScales? secondScales)
        : this(innerFirst, innerSecond, innerReporting, firstScales, secondScales)
    {
        _wideFirst = leafFirst;
        _wideSecond = leafSecond;
    }

    private WholeCells(long[] innerFirst, long[]? innerSecond, int[] innerReporting, FigureScales firstScales, FigureScales? secondScales)
    {
        _innerFirst = innerFirst;
        _innerSecond = innerSecond;
        _innerReporting = innerReporting;
        _firstScales = firstScales;
        _secondScales = secondScales;
    }

    /// <summary>Whether the leaf figures are stored in 32 bits (for tests).</summary>
    internal bool IsNarrow => _leafFirst is not null;

    /// <summary>Whether any figure is of another scale than 0 (for tests).</summary>
    internal bool HasScale => _firstScales.Working > 0 || _secondScales?.Working > 0;

    /// <summary>Reads a cell: the sums as decimals (<c>0m</c> without figures) and the number of reporting leaves.</summary>
    internal int Read(bool leaf, int k, out decimal first, out decimal second)
    {
        if (!leaf)
        {
            int reporting = _innerReporting[k];
            first = _firstScales.InnerValue(_innerFirst[k], reporting, k);
            second = _innerSecond is null ? 0m : _secondScales!.InnerValue(_innerSecond[k], reporting, k);
            return reporting;
        }
        long a, b;
        bool has;
        if (_leafFirst is { } narrow)
        {
            has = narrow[k] != NoNarrowFigure;
            a = narrow[k];
            b = has && _leafSecond is not null ? _leafSecond[k] : 0L;
        }
        else
        {
            has = _wideFirst![k] != NoWideFigure;
            a = _wideFirst[k];
            b = has && _wideSecond is not null ? _wideSecond[k] : 0L;
        }
        first = has ? _firstScales.LeafValue(a, k) : 0m;
        second = has && _secondScales is not null ? _secondScales.LeafValue(b, k) : 0m;
        return has ? 1 : 0;
    }

    /// <summary>The number of reporting leaves of a cell.</summary>
    internal int Reporting(bool leaf, int k)
        => !leaf ? _innerReporting[k] : _leafFirst is { } narrow ? (narrow[k] != NoNarrowFigure ? 1 : 0) : (_wideFirst![k] != NoWideFigure ? 1 : 0);

    /// <summary>Whether a leaf figure of the first column (values or numerators), or of the second, is negative.</summary>
    internal bool HasNegativeFigure(bool second)
    {
        if (_leafFirst is { } narrow)
        {
            int[] figures = second ? _leafSecond! : narrow;
            foreach (int v in figures)
            {
                if (v < 0 && v != NoNarrowFigure)
                {
                    return true;
                }
            }
            return false;
        }
        foreach (long v in second ? _wideSecond! : _wideFirst!)
        {
            if (v < 0 && v != NoWideFigure)
            {
                return true;
            }
        }
        return false;
    }
}
