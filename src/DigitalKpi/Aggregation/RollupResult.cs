using System;
using System.Collections.Generic;
using System.Linq;
using DigitalKpi.Administration;
using DigitalKpi.Utility;
using NodaTime;

namespace DigitalKpi.Aggregation;

/// <summary>
/// The result of a roll-up: for every unit of the tree (leaf units up to the nation) and every period, the value, its
/// parts and the coverage, the units that did not report, and the succession mapping used. Immutable.
/// </summary>
/// <remarks>
/// Stored densely by tree position and period: about 40 bytes per unit and period; when figures of a small scale
/// (whole, or with a few decimals) reported once per leaf and period are summed, 4 bytes per leaf, period and value (8
/// beyond 32 bits or with several scales, then 1 more for the scale) and 20 per other unit and period.
/// </remarks>
public sealed class RollupResult
{
    private readonly RollupEngine _engine;
    private readonly bool _fractions;
    private readonly ReportingPeriod[] _periods;
    private readonly Dictionary<ReportingPeriod, int> _periodIndex;
    private static readonly Dictionary<long, IReadOnlyList<AdministrativeUnit>> NoPartialSources = new();

    // The general form: decimals and counts for every cell.
    private readonly decimal[]? _first;
    private readonly decimal[]? _second;
    private readonly int[]? _reporting;
    private readonly int[]? _partial;
    private readonly int[]? _meeting;
    private readonly Dictionary<long, IReadOnlyList<AdministrativeUnit>> _partialSources;

    // The whole-number form (figures of a small scale reported once per leaf and period): see WholeCells.
    private readonly WholeCells? _whole;

    /// <summary>The general form.</summary>
    internal RollupResult(RollupEngine engine, Indicator indicator, AggregationMethod method, bool fractions, RollupOptions options,
        ReportingPeriod[] periods, decimal[] first, decimal[]? second, int[] reporting, int[] partial, int[]? meeting,
        Dictionary<long, IReadOnlyList<AdministrativeUnit>> partialSources, UnitMapping[] mappings)
        : this(engine, indicator, method, fractions, options, periods, partialSources, mappings)
    {
        _first = first;
        _second = second;
        _reporting = reporting;
        _partial = partial;
        _meeting = meeting;
    }

    /// <summary>The whole-number form (<see cref="WholeCells"/>): no partial units, no units meeting a target, no mappings.</summary>
    internal RollupResult(RollupEngine engine, Indicator indicator, AggregationMethod method, bool fractions, RollupOptions options,
        ReportingPeriod[] periods, WholeCells whole)
        : this(engine, indicator, method, fractions, options, periods, NoPartialSources, Array.Empty<UnitMapping>())
    {
        _whole = whole;
    }

    private RollupResult(RollupEngine engine, Indicator indicator, AggregationMethod method, bool fractions, RollupOptions options,
        ReportingPeriod[] periods, Dictionary<long, IReadOnlyList<AdministrativeUnit>> partialSources, UnitMapping[] mappings)
    {
        _engine = engine;
        Indicator = indicator;
        Method = method;
        _fractions = fractions;
        Options = options;
        _periods = periods;
        Periods = Array.AsReadOnly(periods);
        _periodIndex = new Dictionary<ReportingPeriod, int>(periods.Length);
        for (int t = 0; t < periods.Length; t++)
        {
            _periodIndex.Add(periods[t], t);
        }
        _partialSources = partialSources;
        Mappings = Array.AsReadOnly(mappings);
    }

    /// <summary>Whether the result is in the whole-number form (rolled up in one pass; for tests).</summary>
    internal bool IsWholeForm => _whole is not null;

    /// <summary>The whole-number form's cells, if it is in that form (for tests).</summary>
    internal WholeCells? Whole => _whole;

    /// <summary>Gets the indicator.</summary>
    public Indicator Indicator { get; }

    /// <summary>Gets the aggregation method used.</summary>
    public AggregationMethod Method { get; }

    /// <summary>Gets the options used.</summary>
    public RollupOptions Options { get; }

    /// <summary>Gets the map.</summary>
    public AdministrativeMap Map => _engine.Map;

    /// <summary>Gets the tree rolled up on.</summary>
    public AdministrativeTree Tree => _engine.Tree;

    /// <summary>Gets the day that chose the tree.</summary>
    public LocalDate Date => _engine.Date;

    /// <summary>Gets the level of the units whose figures are rolled up.</summary>
    public AdministrativeLevel LeafLevel => _engine.LeafLevel;

    /// <summary>Gets the periods of the result, in order (after combining over time to <see cref="RollupOptions.Granularity"/>).</summary>
    public IReadOnlyList<ReportingPeriod> Periods { get; }

    /// <summary>Gets how figures of units outside the tree were carried into it: one entry per reporting unit (and arrangement it was taken in), by unit index; units that continued unchanged are left out; empty without mapping.</summary>
    public IReadOnlyList<UnitMapping> Mappings { get; }

    /// <summary>Gets the figure of a unit for a period.</summary>
    /// <param name="unit">A unit of the tree.</param>
    /// <param name="period">One of <see cref="Periods"/>.</param>
    /// <returns>The cell.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="unit"/> is <see langword="null"/>.</exception>
    /// <exception cref="KeyNotFoundException">The unit is not in the tree or the period not in the result.</exception>
    public RollupCell this[AdministrativeUnit unit, ReportingPeriod period] => Get(Map.IndexOf(Preconditions.CheckNotNull(unit).Id), PeriodIndexOf(period));

    /// <summary>Gets the figure of the unit at a dense map index for the period at <paramref name="periodIndex"/> in <see cref="Periods"/>.</summary>
    /// <param name="unitIndex">A map index of a unit of the tree.</param>
    /// <param name="periodIndex">An index into <see cref="Periods"/>.</param>
    /// <returns>The cell.</returns>
    /// <exception cref="KeyNotFoundException">The unit is not in the tree.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="periodIndex"/> is out of range.</exception>
    public RollupCell Get(int unitIndex, int periodIndex)
    {
        int pos = _engine.PositionOf(unitIndex);
        if (pos < 0)
        {
            throw new KeyNotFoundException("The unit at index " + unitIndex.ToString(System.Globalization.CultureInfo.InvariantCulture) + " is not in the tree of the roll-up.");
        }
        Preconditions.CheckArgumentRange(periodIndex, 0, _periods.Length - 1);
        return CellAt(pos, periodIndex);
    }

    /// <summary>Looks up the figure of the unit bearing <paramref name="code"/> in the tree.</summary>
    /// <param name="code">An official code.</param>
    /// <param name="period">One of <see cref="Periods"/>.</param>
    /// <param name="cell">The cell, when found.</param>
    /// <returns><see langword="true"/> when the tree has a unit with that code and the result has that period.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="code"/> is <see langword="null"/>.</exception>
    public bool TryGet(string code, ReportingPeriod period, out RollupCell cell)
    {
        Preconditions.CheckNotNull(code);
        cell = default;
        if (!_periodIndex.TryGetValue(period, out int t))
        {
            return false;
        }
        foreach (AdministrativeUnit unit in Map.UnitsWithCode(code))
        {
            int pos = _engine.PositionOf(Map.IndexOf(unit.Id));
            if (pos >= 0)
            {
                cell = CellAt(pos, t);
                return true;
            }
        }
        return false;
    }

    /// <summary>Gets the figure of the root of the tree (the nation) for a period.</summary>
    /// <param name="period">One of <see cref="Periods"/>.</param>
    /// <returns>The cell.</returns>
    /// <exception cref="InvalidOperationException">The tree has more than one root.</exception>
    /// <exception cref="KeyNotFoundException">The period is not in the result.</exception>
    public RollupCell Total(ReportingPeriod period)
    {
        if (Tree.RootIndexes.Count != 1)
        {
            throw new InvalidOperationException("The tree has " + Tree.RootIndexes.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) + " roots; ask for a unit.");
        }
        return Get(Tree.RootIndexes[0], PeriodIndexOf(period));
    }

    /// <summary>Gets the figures of every unit of the tree for a period, parents before children.</summary>
    /// <param name="period">One of <see cref="Periods"/>.</param>
    /// <returns>The cells in tree order.</returns>
    /// <exception cref="KeyNotFoundException">The period is not in the result.</exception>
    public IEnumerable<RollupCell> Cells(ReportingPeriod period)
    {
        int t = PeriodIndexOf(period);
        return Enumerable.Range(0, Tree.Count).Select(pos => CellAt(pos, t));
    }

    /// <summary>Gets the leaf units below (or at) <paramref name="unit"/> that reported nothing for <paramref name="period"/>.</summary>
    /// <param name="unit">A unit of the tree.</param>
    /// <param name="period">One of <see cref="Periods"/>.</param>
    /// <returns>The units, in index order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="unit"/> is <see langword="null"/>.</exception>
    /// <exception cref="KeyNotFoundException">The unit is not in the tree or the period not in the result.</exception>
    public IReadOnlyList<AdministrativeUnit> MissingUnits(AdministrativeUnit unit, ReportingPeriod period)
    {
        int t = PeriodIndexOf(period);
        var result = new List<AdministrativeUnit>();
        foreach (int pos in LeafPositionsUnder(unit))
        {
            if (ReportingAt(pos, t) == 0)
            {
                result.Add(Map[_engine.MemberAt(pos)]);
            }
        }
        return result;
    }

    /// <summary>
    /// Gets the leaf units below (or at) <paramref name="unit"/> whose figures for <paramref name="period"/> are partial, each
    /// with the reporting units at fault: the unit itself when it reported for only part of the period, or (with a
    /// succession mapping) the predecessors that reported nothing or only part.
    /// </summary>
    /// <param name="unit">A unit of the tree.</param>
    /// <param name="period">One of <see cref="Periods"/>.</param>
    /// <returns>Pairs of leaf unit and the units at fault, in index order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="unit"/> is <see langword="null"/>.</exception>
    /// <exception cref="KeyNotFoundException">The unit is not in the tree or the period not in the result.</exception>
    public IReadOnlyList<KeyValuePair<AdministrativeUnit, IReadOnlyList<AdministrativeUnit>>> PartialUnits(AdministrativeUnit unit, ReportingPeriod period)
    {
        int t = PeriodIndexOf(period);
        var result = new List<KeyValuePair<AdministrativeUnit, IReadOnlyList<AdministrativeUnit>>>();
        foreach (int pos in LeafPositionsUnder(unit))
        {
            if (_partialSources.TryGetValue(((long)pos * _periods.Length) + t, out IReadOnlyList<AdministrativeUnit>? sources))
            {
                result.Add(new KeyValuePair<AdministrativeUnit, IReadOnlyList<AdministrativeUnit>>(Map[_engine.MemberAt(pos)], sources));
            }
        }
        return result;
    }

    /// <summary>
    /// Evaluates a target set for <paramref name="targetUnit"/> — possibly a unit that no longer exists on
    /// <see cref="Date"/>, such as Bắc Kạn after 2025-07-01 — on the unit or units of the tree it became, with the
    /// figures of this roll-up for <paramref name="period"/>. The result shows the mapping: each successor, the share of
    /// the old unit in it and the units it was formed from.
    /// </summary>
    /// <param name="target">The target (of this result's indicator).</param>
    /// <param name="targetUnit">The unit the target was set for.</param>
    /// <param name="period">One of <see cref="Periods"/>; its last day is the date of the evaluated value.</param>
    /// <param name="options">Attainment options, or <see langword="null"/> for the default.</param>
    /// <returns>The evaluation per successor; none when the unit has no successor in the tree.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="target"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The target is for another indicator.</exception>
    /// <exception cref="KeyNotFoundException">The map has no unit <paramref name="targetUnit"/>, or the period is not in the result.</exception>
    public SuccessorEvaluation EvaluateOnSuccessors(Target target, AdministrativeUnitId targetUnit, ReportingPeriod period, AttainmentOptions? options = null)
    {
        Preconditions.CheckNotNull(target);
        Preconditions.CheckArgument(string.Equals(target.IndicatorCode, Indicator.Code, StringComparison.Ordinal), nameof(target),
            "The target " + target.Id + " is for indicator " + target.IndicatorCode + ", the roll-up for " + Indicator.Code + ".");
        int t = PeriodIndexOf(period);
        AdministrativeUnit old = Map.GetUnit(targetUnit);
        int oldIndex = Map.IndexOf(targetUnit);
        IReadOnlyList<UnitShare> shares = _engine.PositionOf(oldIndex) >= 0
            ? new[] { new UnitShare(oldIndex, old, 1m) }
            : Map.SuccessorShares(targetUnit, Date);
        LocalDate asOf = old.ValidTo is { } end && end < Date ? end : Date;
        var successors = new List<SuccessorAttainment>(shares.Count);
        foreach (UnitShare share in shares)
        {
            int pos = _engine.PositionOf(share.Index);
            if (pos < 0)
            {
                continue;
            }
            RollupCell cell = CellAt(pos, t);
            AttainmentResult attainment = cell.Value is { } value
                ? Attainment.Evaluate(target, value, period.End, options)
                : AttainmentResult.NoData((options ?? AttainmentOptions.Default).Method);
            IReadOnlyList<AdministrativeUnit> formedFrom = Array.AsReadOnly(share.Index == oldIndex
                ? new[] { old }
                : Map.PredecessorsOn(share.Unit.Id, asOf).ToArray());
            successors.Add(new SuccessorAttainment(share.Unit, share.Share, formedFrom, cell, attainment, share.Unit.Level == target.Level));
        }
        return new SuccessorEvaluation(target, old, period, successors.AsReadOnly());
    }

    internal RollupCell CellAt(int pos, int t)
    {
        int mapIndex = _engine.MemberAt(pos);
        bool leaf = _engine.IsLeafAt(pos);
        if (_whole is { } whole)
        {
            int reporting = whole.Read(leaf, (_engine.SlotAt(pos) * _periods.Length) + t, out decimal first, out decimal second);
            return new RollupCell(Map[mapIndex], mapIndex, _periods[t], Method, _fractions, first, second, _engine.ExpectedAt(pos), reporting, 0, 0, leaf);
        }
        int k = (pos * _periods.Length) + t;
        return new RollupCell(Map[mapIndex], mapIndex, _periods[t], Method, _fractions, _first![k], _second is null ? 0m : _second[k],
            _engine.ExpectedAt(pos), _reporting![k], _partial![k], _meeting is null ? 0 : _meeting[k], leaf);
    }

    private int ReportingAt(int pos, int t)
        => _whole is { } whole
            ? whole.Reporting(_engine.IsLeafAt(pos), (_engine.SlotAt(pos) * _periods.Length) + t)
            : _reporting![(pos * _periods.Length) + t];

    private int PeriodIndexOf(ReportingPeriod period)
        => _periodIndex.TryGetValue(period, out int t) ? t : throw new KeyNotFoundException("The roll-up has no period " + period.ToString() + ".");

    private List<int> LeafPositionsUnder(AdministrativeUnit unit)
    {
        int root = _engine.PositionOf(Map.IndexOf(Preconditions.CheckNotNull(unit).Id));
        if (root < 0)
        {
            throw new KeyNotFoundException("The unit " + unit.Id.ToString() + " is not in the tree of the roll-up.");
        }
        var result = new List<int>();
        var pending = new Stack<int>();
        pending.Push(_engine.MemberAt(root));
        while (pending.Count > 0)
        {
            int index = pending.Pop();
            int pos = _engine.PositionOf(index);
            if (_engine.IsLeafAt(pos))
            {
                result.Add(pos);
            }
            foreach (int child in Tree.ChildIndexes(index))
            {
                pending.Push(child);
            }
        }
        result.Sort();
        return result;
    }
}
