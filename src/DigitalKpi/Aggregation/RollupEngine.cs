using System;
using System.Buffers;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Runtime.ExceptionServices;
using System.Threading.Tasks;
using DigitalKpi.Administration;
using DigitalKpi.Utility;
using NodaTime;

namespace DigitalKpi.Aggregation;

/// <summary>
/// Rolls figures of an indicator up an administrative tree — commune → district → province → nation — per period,
/// with the aggregation right for the indicator's unit, combining over time by its temporal nature, reporting
/// coverage instead of treating missing figures as zero, and carrying figures of old units into their successors when
/// asked to. Thread-safe; build one per tree and reuse it for every indicator.
/// </summary>
/// <remarks>
/// <para><b>Steps.</b> (1) Figures are split into partitions; each partition combines its figures per reporting unit and
/// target period (over time: flows add, snapshots and running totals keep the latest) into a dense array of partial
/// aggregates; partitions run in parallel and are merged with <see cref="Aggregate.Combine"/>, so the result does not
/// depend on the partitioning or the order of the figures. (2) Each reporting unit's figure goes to its leaf unit in the
/// tree: itself, or with <see cref="SuccessionMapping.CarryToSuccessors"/> the successors it became, in proportion to
/// its share. (3) Leaves are combined bottom-up along the tree's dense indexes with <see cref="Aggregate.Combine"/>.</para>
/// <para><b>Leaf level.</b> Figures are expected at one level (by default the deepest level of the tree: communes for a
/// full map, provinces for the built-in one); coverage counts units of that level.</para>
/// <para>Details and examples: docs/hierarchy.md, section "Roll-up".</para>
/// </remarks>
public sealed partial class RollupEngine
{
    private const int RowsPerPartition = 1 << 18;

    /// <summary>The integer path: figures below 2^40 in magnitude, fewer than 2^23 rows (sums stay below 2^63).</summary>
    private const int WholeBits = 40;
    private const int MaxWholeRows = 1 << 23;
    private const byte NotWhole = 1;
    private const byte Incomplete = 2;

    private readonly int[] _position;
    private readonly int[] _members;
    private readonly int[] _parent;
    private readonly int[] _expected;
    private readonly bool[] _isLeaf;
    private readonly int[] _leaves;
    private readonly int[] _slot;
    private readonly int _innerCount;
    private readonly int[] _parentSlotOfLeaf;
    private readonly Lazy<int[][]> _candidates;
    private readonly ConcurrentDictionary<(int Unit, LocalDate Epoch), UnitMapping> _mappings = new();

    /// <summary>Creates an engine for the tree of <paramref name="map"/> in force on <paramref name="date"/>.</summary>
    /// <param name="map">The map.</param>
    /// <param name="date">The day whose tree figures are rolled up on: before 2025-07-01 the 63-province arrangement, from then the 34-province one.</param>
    /// <param name="leafLevel">The level figures are reported at; <see langword="null"/> for the deepest level of the tree.</param>
    /// <exception cref="ArgumentNullException"><paramref name="map"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">No unit is in force on <paramref name="date"/>, or none at <paramref name="leafLevel"/>.</exception>
    public RollupEngine(AdministrativeMap map, LocalDate date, AdministrativeLevel? leafLevel = null)
    {
        Map = Preconditions.CheckNotNull(map);
        Date = date;
        Tree = map.TreeOn(date);
        Preconditions.CheckArgument(Tree.Count > 0, nameof(date), "No unit is in force on " + ValidityPeriod.Format(date) + ".");
        LeafLevel = leafLevel ?? Tree.Units.Max(u => u.Level);
        Preconditions.CheckArgument(Tree.Units.Any(u => u.Level == LeafLevel), nameof(leafLevel), "No unit of the tree is at level " + LeafLevel.ToString() + ".");

        int n = Tree.Count;
        _members = Tree.UnitIndexes.ToArray();
        _position = new int[map.Count];
        _position.AsSpan().Fill(-1);
        for (int pos = 0; pos < n; pos++)
        {
            _position[_members[pos]] = pos;
        }
        _parent = new int[n];
        _expected = new int[n];
        _isLeaf = new bool[n];
        var leaves = new List<int>();
        for (int pos = 0; pos < n; pos++)
        {
            int parent = Tree.ParentIndex(_members[pos]);
            _parent[pos] = parent >= 0 ? _position[parent] : -1;
            if (map[_members[pos]].Level == LeafLevel)
            {
                _isLeaf[pos] = true;
                _expected[pos] = 1;
                leaves.Add(pos);
            }
        }
        _leaves = leaves.ToArray();
        _slot = new int[n];
        for (int pos = 0, leafCount = 0; pos < n; pos++)
        {
            _slot[pos] = _isLeaf[pos] ? leafCount++ : _innerCount++;
        }
        _parentSlotOfLeaf = new int[_leaves.Length];
        for (int slot = 0; slot < _leaves.Length; slot++)
        {
            int parent = _parent[_leaves[slot]];
            _parentSlotOfLeaf[slot] = parent >= 0 && !_isLeaf[parent] ? _slot[parent] : -1;
        }
        for (int pos = n - 1; pos >= 0; pos--)
        {
            if (_parent[pos] >= 0)
            {
                _expected[_parent[pos]] += _expected[pos];
            }
        }
        _candidates = new Lazy<int[][]>(ComputeCandidates);
    }

    /// <summary>Gets the map.</summary>
    public AdministrativeMap Map { get; }

    /// <summary>Gets the day that chose the tree.</summary>
    public LocalDate Date { get; }

    /// <summary>Gets the tree figures are rolled up on.</summary>
    public AdministrativeTree Tree { get; }

    /// <summary>Gets the level figures are reported at.</summary>
    public AdministrativeLevel LeafLevel { get; }

    /// <summary>
    /// Rolls up the figures of one indicator. Figures of other indicators and missing figures (no value) are ignored;
    /// each figure's unit code is resolved to the unit bearing it on the last day of its period (or, if none, the last
    /// unit bearing it during the period).
    /// </summary>
    /// <param name="indicator">The indicator.</param>
    /// <param name="measurements">The figures, in any order.</param>
    /// <param name="options">Options, or <see langword="null"/> for <see cref="RollupOptions.Default"/>.</param>
    /// <returns>The roll-up.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="indicator"/> or <paramref name="measurements"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The method does not fit the indicator, or a needed option (target, weights) is missing or inconsistent.</exception>
    /// <exception cref="MixedMapsException">Figures of units outside the tree without a succession mapping, or that cannot be carried into it.</exception>
    /// <exception cref="RollupException">The figures cannot be rolled up (unknown unit code, wrong level, overlapping figures, …; see <see cref="RollupException"/>).</exception>
    public RollupResult Rollup(Indicator indicator, IEnumerable<Measurement> measurements, RollupOptions? options = null)
    {
        Preconditions.CheckNotNull(indicator);
        Preconditions.CheckNotNull(measurements);
        options ??= RollupOptions.Default;
        AggregationMethod method = ResolveMethod(indicator, options);
        bool fractions = AggregationMethods.ValueMethod(indicator.Unit, method, indicator.Unit.Kind == UnitKind.Fraction) == AggregationMethod.SumFractions;
        MeasurementColumns columns = ToColumns(indicator.Code, measurements, fractions);
        return Rollup(indicator, columns, options);
    }

    /// <summary>
    /// Rolls up several indicators: the figures are grouped by indicator code once, then each indicator is rolled up
    /// with its options.
    /// </summary>
    /// <param name="indicators">The indicators.</param>
    /// <param name="measurements">The figures of all of them.</param>
    /// <param name="options">Options per indicator, or <see langword="null"/> for the defaults.</param>
    /// <returns>The roll-ups by indicator code.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="indicators"/> or <paramref name="measurements"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Two indicators share a code; see also <see cref="Rollup(Indicator, IEnumerable{Measurement}, RollupOptions?)"/>.</exception>
    public IReadOnlyDictionary<string, RollupResult> RollupAll(IEnumerable<Indicator> indicators, IEnumerable<Measurement> measurements, Func<Indicator, RollupOptions?>? options = null)
    {
        Preconditions.CheckNotNull(indicators);
        Preconditions.CheckNotNull(measurements);
        var byCode = new Dictionary<string, List<Measurement>>(StringComparer.Ordinal);
        foreach (Measurement m in measurements)
        {
            if (m is null)
            {
                continue;
            }
            if (!byCode.TryGetValue(m.IndicatorCode, out List<Measurement>? list))
            {
                list = new List<Measurement>();
                byCode.Add(m.IndicatorCode, list);
            }
            list.Add(m);
        }
        var results = new Dictionary<string, RollupResult>(StringComparer.Ordinal);
        foreach (Indicator indicator in indicators)
        {
            Preconditions.CheckNotNull(indicator);
            Preconditions.CheckArgument(!results.ContainsKey(indicator.Code), nameof(indicators), "Indicator " + indicator.Code + " is listed twice.");
            IEnumerable<Measurement> own = byCode.TryGetValue(indicator.Code, out List<Measurement>? list) ? list : Array.Empty<Measurement>();
            results.Add(indicator.Code, Rollup(indicator, own, options?.Invoke(indicator)));
        }
        return results;
    }

    /// <summary>
    /// Rolls up figures given in columns (the fast path: no objects per figure, dense arrays throughout). See
    /// <see cref="MeasurementColumns"/>; the result has one period per period of the columns (after
    /// <see cref="RollupOptions.Granularity"/>), with or without figures.
    /// </summary>
    /// <param name="indicator">The indicator.</param>
    /// <param name="columns">The figures.</param>
    /// <param name="options">Options, or <see langword="null"/> for <see cref="RollupOptions.Default"/>.</param>
    /// <returns>The roll-up.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="indicator"/> or <paramref name="columns"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A row's unit or period index is out of range.</exception>
    /// <exception cref="ArgumentException">The method does not fit the indicator or the columns, or a needed option is missing or inconsistent.</exception>
    /// <exception cref="MixedMapsException">Figures of units outside the tree without a succession mapping, or that cannot be carried into it.</exception>
    /// <exception cref="RollupException">The figures cannot be rolled up (wrong level, overlapping figures, …; see <see cref="RollupException"/>).</exception>
    public RollupResult Rollup(Indicator indicator, MeasurementColumns columns, RollupOptions? options = null)
    {
        Preconditions.CheckNotNull(indicator);
        Preconditions.CheckNotNull(columns);
        return Rollup(indicator, columns, options, wholeLeaves: true);
    }

    /// <summary>The roll-up of columns; without <paramref name="wholeLeaves"/> always on the general path (for tests comparing both).</summary>
    internal RollupResult Rollup(Indicator indicator, MeasurementColumns columns, RollupOptions? options, bool wholeLeaves)
    {
        Preconditions.CheckNotNull(indicator);
        Preconditions.CheckNotNull(columns);
        options ??= RollupOptions.Default;
        var run = new Run(this, indicator, options, ResolveMethod(indicator, options), columns);
        return run.Execute(wholeLeaves);
    }

    internal int PositionOf(int unitIndex) => (uint)unitIndex < (uint)_position.Length ? _position[unitIndex] : -1;

    internal int MemberAt(int pos) => _members[pos];

    internal int ExpectedAt(int pos) => _expected[pos];

    internal bool IsLeafAt(int pos) => _isLeaf[pos];

    /// <summary>The index of the unit at <paramref name="pos"/> among the leaves, or for another unit among the units that are not leaves (in position order).</summary>
    internal int SlotAt(int pos) => _slot[pos];

    private AggregationMethod ResolveMethod(Indicator indicator, RollupOptions options)
    {
        Unit unit = indicator.Unit;
        AggregationMethod method = options.Method ?? AggregationMethods.Default(unit);
        Preconditions.CheckArgument(AggregationMethods.IsAllowed(unit, method), nameof(options),
            "Aggregation method " + method.ToString() + " does not apply to indicator " + indicator.Code + " in unit " + unit.ToString() + ".");
        if (options.Weights is { } weights)
        {
            Preconditions.CheckArgument(ReferenceEquals(weights.Map, Map), nameof(options), "The weights belong to another map than the roll-up's.");
        }
        if (method == AggregationMethod.WeightedMean && options.Weights is null)
        {
            throw new ArgumentException(
                "Indicator " + indicator.Code + " (" + unit.ToString() + ") is aggregated as a weighted mean, and no weights were given. An average of "
                + "percentages is wrong unless the units are of equal size: give weights (population, households) per unit, report numerators "
                + "and denominators (SumFractions), or ask for an unweighted Mean explicitly.", nameof(options));
        }
        if (method == AggregationMethod.ShareMeetingTarget)
        {
            if (options.Target is { } target)
            {
                Preconditions.CheckArgument(string.Equals(target.IndicatorCode, indicator.Code, StringComparison.Ordinal), nameof(options),
                    "The target " + target.Id + " is for indicator " + target.IndicatorCode + ", not " + indicator.Code + ".");
                Preconditions.CheckArgument(target.Unit.IsCompatibleWith(unit), nameof(options),
                    "The target " + target.Id + " is in " + target.Unit.ToString() + ", the indicator in " + unit.ToString() + ".");
            }
            else
            {
                Preconditions.CheckArgument(unit.Kind == UnitKind.Milestone, nameof(options),
                    "The share of units meeting a target needs the target (RollupOptions.Target).");
            }
        }
        return method;
    }

    private MeasurementColumns ToColumns(string indicatorCode, IEnumerable<Measurement> measurements, bool fractions)
    {
        var periodIndex = new Dictionary<ReportingPeriod, int>();
        var periods = new List<ReportingPeriod>();
        var resolved = new Dictionary<(string Code, ReportingPeriod Period), int>();
        var units = new List<int>();
        var rows = new List<int>();
        var first = new List<decimal>();
        var second = new List<decimal>();
        var unknown = new SortedSet<string>(StringComparer.Ordinal);
        Measurement? percentOnly = null;
        foreach (Measurement m in measurements)
        {
            if (m is null || !string.Equals(m.IndicatorCode, indicatorCode, StringComparison.Ordinal)
                || m.Status is ObservationStatus.Missing or ObservationStatus.MissingCannotExist)
            {
                continue;
            }
            if (fractions)
            {
                if (m.Numerator is not { } n || m.Denominator is not { } d)
                {
                    if (m.ReportedValue is not null)
                    {
                        percentOnly ??= m;
                    }
                    continue;
                }
                first.Add(n);
                second.Add(d);
            }
            else
            {
                if (m.Value is not { } v)
                {
                    continue;
                }
                first.Add(v);
            }
            if (!resolved.TryGetValue((m.UnitCode, m.Period), out int unit))
            {
                unit = ResolveCode(m.UnitCode, m.Period);
                resolved.Add((m.UnitCode, m.Period), unit);
            }
            if (unit < 0)
            {
                unknown.Add(m.UnitCode + " in " + m.Period.ToString());
            }
            if (!periodIndex.TryGetValue(m.Period, out int p))
            {
                p = periods.Count;
                periods.Add(m.Period);
                periodIndex.Add(m.Period, p);
            }
            units.Add(unit);
            rows.Add(p);
        }
        if (percentOnly is not null)
        {
            throw new RollupException("Indicator " + indicatorCode + " adds numerators and denominators, and a figure has only a percentage ("
                + percentOnly.ToString() + "): percentages cannot be added. Give the numerator and denominator.");
        }
        if (unknown.Count > 0)
        {
            throw new RollupException("No unit of the map bears these codes during the periods of their figures: "
                + string.Join(", ", unknown.Take(20)) + (unknown.Count > 20 ? " and " + (unknown.Count - 20).ToString(CultureInfo.InvariantCulture) + " more." : "."));
        }
        return fractions
            ? MeasurementColumns.ForFractions(periods, units.ToArray(), rows.ToArray(), first.ToArray(), second.ToArray())
            : MeasurementColumns.ForValues(periods, units.ToArray(), rows.ToArray(), first.ToArray());
    }

    private int ResolveCode(string code, ReportingPeriod period)
    {
        if (Map.TryGetUnit(code, period.End, out AdministrativeUnit? unit))
        {
            return Map.IndexOf(unit.Id);
        }
        IReadOnlyList<AdministrativeUnit> bearers = Map.UnitsWithCode(code);
        for (int k = bearers.Count - 1; k >= 0; k--)
        {
            ValidityPeriod validity = bearers[k].Validity;
            if (validity.Start <= period.End && (validity.End is not { } end || end >= period.Start))
            {
                return Map.IndexOf(bearers[k].Id);
            }
        }
        return -1;
    }

    /// <summary>For each leaf position, the map indexes of the leaf-level units whose territory flows into it (itself included).</summary>
    private int[][] ComputeCandidates()
    {
        var lists = new List<int>?[_members.Length];
        for (int i = 0; i < Map.Count; i++)
        {
            AdministrativeUnit unit = Map[i];
            if (unit.Level != LeafLevel || unit.ValidFrom > Date)
            {
                continue;
            }
            int pos = _position[i];
            if (pos >= 0)
            {
                (lists[pos] ??= new List<int>(1)).Add(i);
                continue;
            }
            foreach (UnitShare share in Map.SuccessorShares(unit.Id, Date))
            {
                int target = _position[share.Index];
                if (target >= 0 && _isLeaf[target])
                {
                    (lists[target] ??= new List<int>(1)).Add(i);
                }
            }
        }
        return lists.Select(l => l?.ToArray() ?? Array.Empty<int>()).ToArray();
    }

    /// <summary>The mapping of a unit outside the tree (or before the tree's period) into the tree, as the unit stood during the arrangement containing <paramref name="asOf"/>.</summary>
    private UnitMapping MappingFor(int unit, LocalDate asOf)
    {
        ValidityPeriod epoch = Map.TreeOn(asOf).Period;
        return _mappings.GetOrAdd((unit, epoch.Start), key =>
        {
            AdministrativeUnit source = Map[key.Unit];
            LocalDate last = epoch.End is { } end && (source.ValidTo is not { } to || end < to) ? end : source.ValidTo ?? asOf;
            return new UnitMapping(key.Unit, source, last, Array.AsReadOnly(Map.SuccessorShares(source.Id, last, Date).ToArray()));
        });
    }

    /// <summary>The accumulator of the hot loop: a value (or numerator and denominator), the key of its date for snapshots, and counts.</summary>
    private struct Cell
    {
        public decimal A;
        public decimal B;
        public int Key;
        public int Observations;
        public int Days;
    }

    /// <summary>The accumulator of the integer path: the same as <see cref="Cell"/> with 64-bit sums.</summary>
    private struct WholeCell
    {
        public long A;
        public long B;
        public int Key;
        public int Observations;
        public int Days;
    }

    /// <summary>One roll-up: the plan (periods, method) and the steps.</summary>
    private sealed partial class Run
    {
        private readonly RollupEngine _e;
        private readonly Indicator _indicator;
        private readonly RollupOptions _options;
        private readonly AggregationMethod _method;
        private readonly AggregationMethod _valueMethod;
        private readonly MeasurementColumns _columns;
        private readonly bool _fractions;
        private readonly bool _latest;
        private readonly bool _mapping;
        private readonly int _unitCount;
        private readonly ReportingPeriod[] _periods;
        private readonly int _t;
        private readonly int[] _targetOf;
        private readonly int[] _days;
        private readonly int[] _keyOf;
        private readonly LocalDate[] _dateOfKey;
        private readonly int[] _periodLength;
        private readonly LocalDate _lastDay;
        private Cell[][] _parts = Array.Empty<Cell[]>();
        private WholeCell[]? _whole;

        internal Run(RollupEngine engine, Indicator indicator, RollupOptions options, AggregationMethod method, MeasurementColumns columns)
        {
            _e = engine;
            _indicator = indicator;
            _options = options;
            _method = method;
            _columns = columns;
            _fractions = columns.IsFraction;
            _valueMethod = AggregationMethods.ValueMethod(indicator.Unit, method, _fractions);
            if (_valueMethod == AggregationMethod.SumFractions && !_fractions)
            {
                throw new ArgumentException("Indicator " + indicator.Code + " adds numerators and denominators; give the figures as fractions (MeasurementColumns.ForFractions).", nameof(columns));
            }
            if (_fractions && _valueMethod is not (AggregationMethod.SumFractions or AggregationMethod.None))
            {
                throw new ArgumentException("Aggregation method " + _valueMethod.ToString() + " works on values; give the figures as values (MeasurementColumns.ForValues).", nameof(columns));
            }
            _latest = indicator.TemporalNature != TemporalNature.Flow;
            _mapping = options.Mapping == SuccessionMapping.CarryToSuccessors;
            _unitCount = engine.Map.Count;

            // Periods: each reported period falls in exactly one target period.
            IReadOnlyList<ReportingPeriod> source = columns.Periods;
            var targets = new SortedSet<ReportingPeriod>();
            var targetOfSource = new ReportingPeriod[source.Count];
            for (int p = 0; p < source.Count; p++)
            {
                ReportingPeriod target = options.Granularity is { } g ? source[p].Enclosing(g) : source[p];
                if (!target.Contains(source[p]))
                {
                    throw new RollupException("The period " + source[p].ToString() + " does not lie within one " + options.Granularity.ToString()
                        + " and cannot be rolled up to " + options.Granularity.ToString() + "s.");
                }
                targetOfSource[p] = target;
                targets.Add(target);
            }
            _periods = targets.ToArray();
            _t = _periods.Length;
            _periodLength = _periods.Select(p => p.LengthInDays).ToArray();
            _lastDay = _t > 0 ? _periods.Max(p => p.End) : default;
            var targetIndex = new Dictionary<ReportingPeriod, int>(_t);
            for (int t = 0; t < _t; t++)
            {
                targetIndex.Add(_periods[t], t);
            }
            _dateOfKey = source.Select(p => p.End).Distinct().OrderBy(d => d).ToArray();
            _targetOf = new int[source.Count];
            _days = new int[source.Count];
            _keyOf = new int[source.Count];
            for (int p = 0; p < source.Count; p++)
            {
                _targetOf[p] = targetIndex[targetOfSource[p]];
                _days[p] = source[p].LengthInDays;
                _keyOf[p] = Array.BinarySearch(_dateOfKey, source[p].End);
            }
            if ((long)_unitCount * Math.Max(1, _t) > int.MaxValue / 2)
            {
                throw new ArgumentException("Too many units × periods for one roll-up; roll up fewer periods at a time.", nameof(columns));
            }
        }

        internal RollupResult Execute(bool wholeLeaves)
        {
            if (wholeLeaves && TryWholeLeaves() is { } result)
            {
                return result;
            }
            int cells = _e._members.Length * _t;
            int[] sources = RentCleared<int>(cells);
            byte[] flags = RentCleared<byte>(cells);
            try
            {
                Accumulate();
                return Execute(new Output(
                    new decimal[cells],
                    NeedsSecond ? new decimal[cells] : null,
                    new int[cells],
                    new int[cells],
                    _method == AggregationMethod.ShareMeetingTarget ? new int[cells] : null,
                    sources,
                    flags));
            }
            finally
            {
                // The partitions' cells and the per-cell working arrays go back to the pool (nothing of them is kept).
                foreach (Cell[] part in _parts)
                {
                    if (part is not null)
                    {
                        ArrayPool<Cell>.Shared.Return(part);
                    }
                }
                _parts = Array.Empty<Cell[]>();
                if (_whole is not null)
                {
                    ArrayPool<WholeCell>.Shared.Return(_whole);
                    _whole = null;
                }
                ArrayPool<int>.Shared.Return(sources);
                ArrayPool<byte>.Shared.Return(flags);
            }
        }

        /// <summary>An array from the shared pool (no large-object allocation and page faults per roll-up), its first <paramref name="length"/> items cleared.</summary>
        private static T[] RentCleared<T>(int length)
        {
            T[] array = ArrayPool<T>.Shared.Rent(Math.Max(1, length));
            Array.Clear(array, 0, length);
            return array;
        }

        private RollupResult Execute(Output output)
        {
            var errors = new Errors();
            var mappings = new HashSet<UnitMapping>();
            var incomplete = new Dictionary<long, List<int>>();
            int[]? latestKey = null;
            if (_latest && _mapping)
            {
                // Snapshots across a reorganisation: first find each leaf's latest date, so that units which had
                // ended by then (Bắc Kạn in June) do not add their last state to their successor's (December).
                latestKey = new int[output.First.Length];
                latestKey.AsSpan().Fill(-1);
                Distribute(output, errors, mappings, incomplete, latestKey, measure: true);
                errors.ThrowIfAny(this);
            }
            Distribute(output, errors, mappings, incomplete, latestKey, measure: false);
            errors.ThrowIfAny(this);
            var partialSources = FinishLeaves(output, incomplete, latestKey);
            RollUpTree(output);
            UnitMapping[] used = mappings.OrderBy(m => m.SourceIndex).ThenBy(m => m.AsOf).ToArray();
            return new RollupResult(_e, _indicator, _method, _fractions, _options, _periods, output.First, output.Second,
                output.Reporting, output.Partial, output.Meeting, partialSources, used);
        }

        private bool NeedsSecond => _valueMethod is AggregationMethod.SumFractions or AggregationMethod.WeightedMean or AggregationMethod.Mean
            || (_valueMethod == AggregationMethod.None && _fractions);

        /// <summary>Step 1: the partitions combine their rows per (reporting unit, target period), in parallel.</summary>
        private void Accumulate()
        {
            int rows = _columns.Count;
            int parts = _options.MaxDegreeOfParallelism > 0
                ? _options.MaxDegreeOfParallelism
                : Math.Min(Environment.ProcessorCount, 1 + (rows / RowsPerPartition));
            parts = Math.Max(1, Math.Min(parts, Math.Max(1, rows)));
            _parts = new Cell[parts][];
            if (parts == 1)
            {
                // Small whole numbers (counts, numerators and denominators of counts) are added as 64-bit integers.
                _whole = rows < MaxWholeRows ? AccumulateWhole() : null;
                if (_whole is null)
                {
                    _parts[0] = AccumulateRange(0, rows);
                }
                return;
            }
            try
            {
                Parallel.For(0, parts, new ParallelOptions { MaxDegreeOfParallelism = parts }, k =>
                {
                    int start = (int)((long)rows * k / parts);
                    int end = (int)((long)rows * (k + 1) / parts);
                    _parts[k] = AccumulateRange(start, end);
                });
            }
            catch (AggregateException e) when (e.InnerExceptions.Count >= 1)
            {
                ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
                throw;
            }
        }

        /// <summary>
        /// Step 1 in 64-bit integers, sequentially: when every figure is a whole number of scale 0 below 2^40 in
        /// magnitude (checked as it goes) and there are fewer than 2^23 rows, no sum can overflow and every sum is the
        /// decimal sum exactly. Returns null (and nothing is kept) at the first figure that is not such a number.
        /// </summary>
        private WholeCell[]? AccumulateWhole()
        {
            if (!DecimalBits.IsSupported)
            {
                return null;
            }
            WholeCell[] cells = RentCleared<WholeCell>(_unitCount * _t);
            ReadOnlySpan<int> units = _columns.UnitIndexes.Span;
            ReadOnlySpan<int> periods = _columns.PeriodIndexes.Span;
            ReadOnlySpan<decimal> firsts = _fractions ? _columns.Numerators.Span : _columns.Values.Span;
            ReadOnlySpan<decimal> seconds = _fractions ? _columns.Denominators.Span : default;
            int[] targetOf = _targetOf, days = _days, keyOf = _keyOf;
            int unitCount = _unitCount, t = _t;
            bool latest = _latest, fractions = _fractions;
            for (int i = 0; i < units.Length; i++)
            {
                int u = units[i], p = periods[i];
                if ((uint)u >= (uint)unitCount || (uint)p >= (uint)targetOf.Length)
                {
                    ArrayPool<WholeCell>.Shared.Return(cells);
                    throw BadRow(i, u, p);
                }
                long d = 0;
                if (!DecimalBits.TryGetSmallWhole(firsts[i], WholeBits, out long n) || (fractions && !DecimalBits.TryGetSmallWhole(seconds[i], WholeBits, out d)))
                {
                    ArrayPool<WholeCell>.Shared.Return(cells);
                    return null;
                }
                ref WholeCell cell = ref cells[(u * t) + targetOf[p]];
                if (latest)
                {
                    // The order of LatestObservation: later date, then larger value (numerator), then larger denominator.
                    int key = keyOf[p];
                    if (cell.Observations == 0 || key > cell.Key || (key == cell.Key && (n > cell.A || (n == cell.A && d > cell.B))))
                    {
                        cell.Key = key;
                        cell.A = n;
                        cell.B = d;
                    }
                }
                else
                {
                    cell.A += n;
                    cell.B += d;
                }
                cell.Observations++;
                cell.Days += days[p];
            }
            return cells;
        }

        private Cell[] AccumulateRange(int start, int end)
        {
            Cell[] cells = RentCleared<Cell>(_unitCount * _t);
            int count = end - start;
            ReadOnlySpan<int> units = _columns.UnitIndexes.Span.Slice(start, count);
            ReadOnlySpan<int> periods = _columns.PeriodIndexes.Span.Slice(start, count);
            if (_fractions)
            {
                ReadOnlySpan<decimal> numerators = _columns.Numerators.Span.Slice(start, count);
                ReadOnlySpan<decimal> denominators = _columns.Denominators.Span.Slice(start, count);
                if (_latest)
                {
                    LatestFractions(units, periods, numerators, denominators, cells, start);
                }
                else
                {
                    FlowFractions(units, periods, numerators, denominators, cells, start);
                }
            }
            else
            {
                ReadOnlySpan<decimal> values = _columns.Values.Span.Slice(start, count);
                if (_latest)
                {
                    LatestValues(units, periods, values, cells, start);
                }
                else
                {
                    FlowValues(units, periods, values, cells, start);
                }
            }
            return cells;
        }

        private void FlowValues(ReadOnlySpan<int> units, ReadOnlySpan<int> periods, ReadOnlySpan<decimal> values, Cell[] cells, int offset)
        {
            int[] targetOf = _targetOf, days = _days;
            int unitCount = _unitCount, t = _t;
            for (int i = 0; i < units.Length; i++)
            {
                int u = units[i], p = periods[i];
                if ((uint)u >= (uint)unitCount || (uint)p >= (uint)targetOf.Length)
                {
                    throw BadRow(offset + i, u, p);
                }
                ref Cell cell = ref cells[(u * t) + targetOf[p]];
                cell.A += values[i];
                cell.Observations++;
                cell.Days += days[p];
            }
        }

        private void FlowFractions(ReadOnlySpan<int> units, ReadOnlySpan<int> periods, ReadOnlySpan<decimal> numerators, ReadOnlySpan<decimal> denominators, Cell[] cells, int offset)
        {
            int[] targetOf = _targetOf, days = _days;
            int unitCount = _unitCount, t = _t;
            for (int i = 0; i < units.Length; i++)
            {
                int u = units[i], p = periods[i];
                if ((uint)u >= (uint)unitCount || (uint)p >= (uint)targetOf.Length)
                {
                    throw BadRow(offset + i, u, p);
                }
                ref Cell cell = ref cells[(u * t) + targetOf[p]];
                cell.A += numerators[i];
                cell.B += denominators[i];
                cell.Observations++;
                cell.Days += days[p];
            }
        }

        private void LatestValues(ReadOnlySpan<int> units, ReadOnlySpan<int> periods, ReadOnlySpan<decimal> values, Cell[] cells, int offset)
        {
            int[] targetOf = _targetOf, days = _days, keyOf = _keyOf;
            int unitCount = _unitCount, t = _t;
            for (int i = 0; i < units.Length; i++)
            {
                int u = units[i], p = periods[i];
                if ((uint)u >= (uint)unitCount || (uint)p >= (uint)targetOf.Length)
                {
                    throw BadRow(offset + i, u, p);
                }
                ref Cell cell = ref cells[(u * t) + targetOf[p]];
                int key = keyOf[p];
                decimal v = values[i];
                // The order of LatestObservation: later date, then larger value.
                if (cell.Observations == 0 || key > cell.Key || (key == cell.Key && v > cell.A))
                {
                    cell.Key = key;
                    cell.A = v;
                }
                cell.Observations++;
                cell.Days += days[p];
            }
        }

        private void LatestFractions(ReadOnlySpan<int> units, ReadOnlySpan<int> periods, ReadOnlySpan<decimal> numerators, ReadOnlySpan<decimal> denominators, Cell[] cells, int offset)
        {
            int[] targetOf = _targetOf, days = _days, keyOf = _keyOf;
            int unitCount = _unitCount, t = _t;
            for (int i = 0; i < units.Length; i++)
            {
                int u = units[i], p = periods[i];
                if ((uint)u >= (uint)unitCount || (uint)p >= (uint)targetOf.Length)
                {
                    throw BadRow(offset + i, u, p);
                }
                ref Cell cell = ref cells[(u * t) + targetOf[p]];
                int key = keyOf[p];
                decimal n = numerators[i], d = denominators[i];
                // The order of LatestObservation: later date, then larger numerator, then larger denominator.
                if (cell.Observations == 0 || key > cell.Key || (key == cell.Key && (n > cell.A || (n == cell.A && d > cell.B))))
                {
                    cell.Key = key;
                    cell.A = n;
                    cell.B = d;
                }
                cell.Observations++;
                cell.Days += days[p];
            }
        }

        private static ArgumentOutOfRangeException BadRow(int row, int unit, int period)
            => new(null, "MeasurementColumns row " + row.ToString(CultureInfo.InvariantCulture) + " has unit index " + unit.ToString(CultureInfo.InvariantCulture)
                + " and period index " + period.ToString(CultureInfo.InvariantCulture) + "; one of them is out of range.");

        private bool HasData(int unit, int t)
        {
            int c = (unit * _t) + t;
            if (_whole is not null)
            {
                return _whole[c].Observations > 0;
            }
            foreach (Cell[] part in _parts)
            {
                if (part[c].Observations > 0)
                {
                    return true;
                }
            }
            return false;
        }

        /// <summary>
        /// Reads one (reporting unit, period) cell: the figure (value, or numerator and denominator), the number of
        /// figures combined and the days they cover. When several partitions hold figures for the cell, their partial
        /// aggregates are merged with <see cref="Aggregate.Combine"/>.
        /// </summary>
        private bool TryRead(int c, out decimal first, out decimal second, out long observations, out long days, out int key)
        {
            if (_whole is not null)
            {
                ref WholeCell whole = ref _whole[c];
                first = whole.A;
                second = whole.B;
                observations = whole.Observations;
                days = whole.Days;
                key = whole.Key;
                return observations > 0;
            }
            if (_parts.Length == 1)
            {
                ref Cell only = ref _parts[0][c];
                first = only.A;
                second = only.B;
                observations = only.Observations;
                days = only.Days;
                key = only.Key;
                return observations > 0;
            }
            int found = -1, count = 0;
            for (int k = 0; k < _parts.Length; k++)
            {
                if (_parts[k][c].Observations > 0)
                {
                    found = k;
                    count++;
                }
            }
            if (count <= 1)
            {
                Cell cell = found >= 0 ? _parts[found][c] : default;
                first = cell.A;
                second = cell.B;
                observations = cell.Observations;
                days = cell.Days;
                key = cell.Key;
                return count == 1;
            }
            Aggregate merged = Aggregate.Empty;
            foreach (Cell[] part in _parts)
            {
                if (part[c].Observations > 0)
                {
                    merged = Aggregate.Combine(merged, ToAggregate(in part[c]));
                }
            }
            if (_latest)
            {
                LatestObservation latest = merged.Latest!.Value;
                first = latest.First;
                second = latest.Second;
                key = Array.BinarySearch(_dateOfKey, latest.Date);
            }
            else
            {
                first = _fractions ? merged.Numerator : merged.Sum;
                second = merged.Denominator;
                key = 0;
            }
            observations = merged.Observations;
            days = merged.CoveredDays;
            return true;
        }

        private Aggregate ToAggregate(in Cell cell)
        {
            if (_latest)
            {
                LocalDate date = _dateOfKey[cell.Key];
                LatestObservation latest = _fractions ? LatestObservation.OfFraction(date, cell.A, cell.B) : LatestObservation.OfValue(date, cell.A);
                return new Aggregate(observations: cell.Observations, coveredDays: cell.Days, latest: latest);
            }
            return _fractions
                ? new Aggregate(numerator: cell.A, denominator: cell.B, observations: cell.Observations, coveredDays: cell.Days)
                : new Aggregate(sum: cell.A, observations: cell.Observations, coveredDays: cell.Days);
        }

        /// <summary>
        /// Step 2: each reporting unit's figure per period goes to its leaf in the tree (itself, or its successors
        /// with their shares), in unit order, so that the sums do not depend on the partitioning. Problems are
        /// collected for all cells before anything is thrown, so that errors name every unit at fault. With
        /// <paramref name="measure"/>, only records each leaf's latest date in <paramref name="latestKey"/>; otherwise
        /// skips snapshot figures of units that had ended before their leaf's latest date.
        /// </summary>
        private void Distribute(Output output, Errors errors, HashSet<UnitMapping> mappings, Dictionary<long, List<int>> incomplete, int[]? latestKey, bool measure)
        {
            LocalDate treeStart = _e.Tree.Period.Start;
            UnitWeights? weights = _valueMethod == AggregationMethod.WeightedMean ? _options.Weights : null;
            bool assign = _valueMethod is AggregationMethod.Sum or AggregationMethod.SumFractions;
            bool fast = assign && _whole is not null && !_mapping && latestKey is null && !measure;
            int t = _t;
            for (int u = 0; u < _unitCount; u++)
            {
                if (fast && TryDistributeWhole(output, u))
                {
                    continue;
                }
                AdministrativeUnit? unit = null;
                UnitMapping? mapping = null;
                ValidityPeriod mappingEpoch = default;
                decimal weight = 1m;
                int direct = -1;
                bool whole = false;
                for (int ti = 0; ti < t; ti++)
                {
                    if (!TryRead((u * t) + ti, out decimal a, out decimal b, out long observations, out long days, out int key))
                    {
                        continue;
                    }
                    if (unit is null)
                    {
                        unit = _e.Map[u];
                        int pos = _e._position[u];
                        direct = pos >= 0 && _e._isLeaf[pos] ? pos : -1;
                        // In force during every period of the roll-up: no date arithmetic per cell.
                        whole = unit.ValidFrom <= _periods[0].Start && (unit.ValidTo is not { } to || to >= _lastDay);
                        if (weights is not null && !weights.TryGetWeight(u, out weight))
                        {
                            errors.NoWeight.Add(u);
                        }
                    }
                    if (days > _periodLength[ti])
                    {
                        errors.Overlapping.Add(u);
                    }
                    if (!_latest && observations > 1 && !AggregationMethods.IsAdditive(_valueMethod))
                    {
                        errors.FlowOverTime.Add(u);
                    }
                    if (unit.Level != _e.LeafLevel)
                    {
                        errors.WrongLevel.Add(u);
                        continue;
                    }
                    ReportingPeriod period = _periods[ti];
                    int overlap = whole ? _periodLength[ti] : OverlapDays(unit, period);
                    if (overlap == 0)
                    {
                        errors.NotInForce.Add(u);
                        continue;
                    }
                    bool complete = days >= overlap;
                    if (direct >= 0 && !_mapping)
                    {
                        int k = (direct * t) + ti;
                        if (complete && assign && output.Sources[k] == 0)
                        {
                            // The common case (a leaf's own figure, whole, complete, summed): the cell is still empty,
                            // so the sum is the figure itself.
                            output.First[k] = a;
                            if (output.Second is not null)
                            {
                                output.Second[k] = b;
                            }
                            output.Sources[k] = 1;
                            continue;
                        }
                        Add(output, incomplete, direct, ti, u, a, b, weight, 1m, true, complete);
                        continue;
                    }
                    LocalDate asOf = Clamp(period.End, unit);
                    if (direct >= 0 && asOf >= treeStart)
                    {
                        Deliver(direct, 1m);
                        continue;
                    }
                    if (!_mapping || unit.ValidFrom > _e.Date)
                    {
                        errors.Outside.Add(u);
                        continue;
                    }
                    if (mapping is null || !mappingEpoch.Contains(asOf))
                    {
                        mappingEpoch = _e.Map.TreeOn(asOf).Period;
                        mapping = _e.MappingFor(u, asOf);
                    }
                    if (mapping.Targets.Count == 0 || mapping.Targets.Any(s => _e._position[s.Index] < 0 || !_e._isLeaf[_e._position[s.Index]]))
                    {
                        errors.Outside.Add(u);
                        continue;
                    }
                    if (mapping.Targets.Any(s => s.Share is null))
                    {
                        errors.SplitWithoutWeights.Add(u);
                        continue;
                    }
                    bool used = false;
                    foreach (UnitShare share in mapping.Targets)
                    {
                        used |= Deliver(_e._position[share.Index], share.Share!.Value);
                    }
                    if (used && !(mapping.Targets.Count == 1 && mapping.Targets[0].Index == u))
                    {
                        mappings.Add(mapping); // a unit that continued unchanged is not worth reporting
                    }

                    bool Deliver(int pos, decimal share)
                    {
                        int k = (pos * t) + ti;
                        if (measure)
                        {
                            latestKey![k] = Math.Max(latestKey[k], key);
                            return false;
                        }
                        if (latestKey is not null && unit!.ValidTo is { } end && end < _dateOfKey[latestKey[k]])
                        {
                            return false; // superseded by the state of a later unit
                        }
                        Add(output, incomplete, pos, ti, u, a, b, weight, share, share == 1m, complete);
                        return true;
                    }
                }
            }
        }

        /// <summary>
        /// The usual case of step 2 in one go: a leaf of the tree, in force throughout, reporting for itself (no mapping),
        /// figures summed in 64-bit integers, every period complete and none overlapping; each figure becomes its
        /// leaf cell. Returns false, having changed nothing, when the unit has no figures or anything is unusual (the
        /// general path then handles it and reports any problem).
        /// </summary>
        private bool TryDistributeWhole(Output output, int u)
        {
            WholeCell[] cells = _whole!;
            int t = _t, row = u * t;
            bool any = false;
            for (int ti = 0; ti < t; ti++)
            {
                any |= cells[row + ti].Observations > 0;
            }
            if (!any)
            {
                return true;
            }
            int pos = _e._position[u];
            if (pos < 0 || !_e._isLeaf[pos])
            {
                return false;
            }
            AdministrativeUnit unit = _e.Map[u];
            if (unit.Level != _e.LeafLevel || unit.ValidFrom > _periods[0].Start || (unit.ValidTo is { } to && to < _lastDay))
            {
                return false;
            }
            bool additive = AggregationMethods.IsAdditive(_valueMethod);
            for (int ti = 0; ti < t; ti++)
            {
                ref WholeCell c = ref cells[row + ti];
                if (c.Observations > 0 && (c.Days != _periodLength[ti] || (!_latest && c.Observations > 1 && !additive) || output.Sources[(pos * t) + ti] != 0))
                {
                    return false;
                }
            }
            decimal[] first = output.First;
            decimal[]? second = output.Second;
            for (int ti = 0; ti < t; ti++)
            {
                ref WholeCell c = ref cells[row + ti];
                if (c.Observations == 0)
                {
                    continue;
                }
                int k = (pos * t) + ti;
                first[k] = c.A;
                if (second is not null)
                {
                    second[k] = c.B;
                }
                output.Sources[k] = 1;
            }
            return true;
        }

        private void Add(Output output, Dictionary<long, List<int>> incomplete, int pos, int ti, int unit, decimal a, decimal b, decimal weight, decimal share, bool whole, bool complete)
        {
            int k = (pos * _t) + ti;
            switch (_valueMethod)
            {
                case AggregationMethod.SumFractions:
                    output.First[k] += whole ? a : a * share;
                    output.Second![k] += whole ? b : b * share;
                    break;
                case AggregationMethod.Sum:
                    output.First[k] += whole ? a : a * share;
                    break;
                case AggregationMethod.WeightedMean:
                    decimal w = whole ? weight : weight * share;
                    output.First[k] += a * w;
                    output.Second![k] += w;
                    break;
                case AggregationMethod.Mean:
                    output.First[k] += whole ? a : a * share;
                    output.Second![k] += whole ? 1m : share;
                    break;
                default:
                    output.First[k] += a;
                    if (output.Second is { } s)
                    {
                        s[k] += b;
                    }
                    break;
            }
            output.Sources[k]++;
            if (!whole)
            {
                output.Flags[k] |= NotWhole;
            }
            if (!complete)
            {
                output.Flags[k] |= Incomplete;
                if (!incomplete.TryGetValue(k, out List<int>? list))
                {
                    list = new List<int>(1);
                    incomplete.Add(k, list);
                }
                list.Add(unit);
            }
        }

        /// <summary>Step 3: each leaf's coverage, completeness and whether it meets the target.</summary>
        private Dictionary<long, IReadOnlyList<AdministrativeUnit>> FinishLeaves(Output output, Dictionary<long, List<int>> incomplete, int[]? latestKey)
        {
            var partialSources = new Dictionary<long, IReadOnlyList<AdministrativeUnit>>();
            var cannotCombine = new SortedSet<int>();
            bool unweighted = _valueMethod == AggregationMethod.WeightedMean && _options.Weights is null;
            int[][]? candidates = _mapping ? _e._candidates.Value : null;
            foreach (int pos in _e._leaves)
            {
                for (int ti = 0; ti < _t; ti++)
                {
                    int k = (pos * _t) + ti;
                    if (output.Sources[k] == 0)
                    {
                        continue;
                    }
                    if ((output.Sources[k] > 1 || (output.Flags[k] & NotWhole) != 0) && (_valueMethod == AggregationMethod.None || unweighted))
                    {
                        cannotCombine.Add(_e._members[pos]);
                    }
                    SortedSet<int>? atFault = null;
                    if ((output.Flags[k] & Incomplete) != 0 && incomplete.TryGetValue(k, out List<int>? list))
                    {
                        atFault = new SortedSet<int>(list);
                    }
                    if (candidates is not null)
                    {
                        ReportingPeriod period = _periods[ti];
                        LocalDate? latest = latestKey is not null ? _dateOfKey[latestKey[k]] : null;
                        foreach (int candidate in candidates[pos])
                        {
                            AdministrativeUnit c = _e.Map[candidate];
                            if (OverlapDays(c, period) > 0 && !(latest is { } l && c.ValidTo is { } end && end < l) && !HasData(candidate, ti))
                            {
                                (atFault ??= new SortedSet<int>()).Add(candidate);
                            }
                        }
                    }
                    if (atFault is not null)
                    {
                        partialSources[k] = Array.AsReadOnly(atFault.Select(i => _e.Map[i]).ToArray());
                        output.Partial[k] = 1;
                    }
                    output.Reporting[k] = 1;
                    if (output.Meeting is { } meeting && LeafValue(output, k) is { } value
                        && (_options.Target is { } target ? Attainment.IsMet(target, value) : value >= 1m))
                    {
                        meeting[k] = 1;
                    }
                }
            }
            if (cannotCombine.Count > 0)
            {
                throw new RollupException(_valueMethod == AggregationMethod.None
                    ? "Indicator " + _indicator.Code + " does not aggregate (ranks), and figures of several units, or of part of a unit, fall into some units of the tree."
                    : "Indicator " + _indicator.Code + ": figures of several units, or of part of a unit, fall into some units of the tree; combining their percentages needs weights (RollupOptions.Weights).",
                    Units(cannotCombine));
            }
            return partialSources;
        }

        /// <summary>Step 4: bottom-up along the dense indexes (children have higher positions than their parents).</summary>
        private void RollUpTree(Output output)
        {
            int[] parents = _e._parent;
            int t = _t;
            bool values = _valueMethod != AggregationMethod.None;
            decimal[] first = output.First;
            decimal[]? second = output.Second;
            int[] reporting = output.Reporting, partial = output.Partial;
            int[]? meeting = output.Meeting;
            bool wholeFirst = values && AreSmallWholeNumbers(first);
            bool wholeSecond = values && AreSmallWholeNumbers(second);
            for (int pos = parents.Length - 1; pos >= 0; pos--)
            {
                int parent = parents[pos];
                if (parent < 0)
                {
                    continue;
                }
                int child = pos * t, into = parent * t;
                for (int ti = 0; ti < t; ti++)
                {
                    reporting[into + ti] += reporting[child + ti];
                    partial[into + ti] += partial[child + ti];
                }
                if (meeting is not null)
                {
                    for (int ti = 0; ti < t; ti++)
                    {
                        meeting[into + ti] += meeting[child + ti];
                    }
                }
                if (values && !wholeFirst)
                {
                    for (int ti = 0; ti < t; ti++)
                    {
                        first[into + ti] += first[child + ti];
                    }
                }
                if (values && second is not null && !wholeSecond)
                {
                    for (int ti = 0; ti < t; ti++)
                    {
                        second[into + ti] += second[child + ti];
                    }
                }
            }
            if (wholeFirst)
            {
                SumWholeNumbers(first);
            }
            if (wholeSecond)
            {
                SumWholeNumbers(second!);
            }
        }

        /// <summary>
        /// Whether the tree can be summed in 64-bit integers: every leaf figure is a whole number of scale 0 below
        /// 2^40 in magnitude, and every other cell is still 0 (so the decimal sums are whole numbers of scale 0 too,
        /// and no sum of fewer than 2^23 leaves overflows). Such sums are exactly the decimal sums, bit for bit.
        /// </summary>
        private bool AreSmallWholeNumbers(decimal[]? cells)
        {
            if (cells is null || !DecimalBits.IsSupported || _e._leaves.Length >= 1 << 23)
            {
                return false;
            }
            int t = _t;
            for (int pos = 0; pos < _e._members.Length; pos++)
            {
                bool leaf = _e._isLeaf[pos];
                for (int k = pos * t, end = k + t; k < end; k++)
                {
                    if (leaf ? !DecimalBits.TryGetSmallWhole(cells[k], 40, out _) : !DecimalBits.IsPlainZero(cells[k]))
                    {
                        return false;
                    }
                }
            }
            return true;
        }

        /// <summary>Sums children into parents (children have higher positions) in a pooled 64-bit array, then writes the parents back as decimals.</summary>
        private void SumWholeNumbers(decimal[] cells)
        {
            int[] parents = _e._parent;
            int t = _t;
            int count = parents.Length * t;
            long[] sums = ArrayPool<long>.Shared.Rent(count);
            try
            {
                for (int k = 0; k < count; k++)
                {
                    DecimalBits.TryGetSmallWhole(cells[k], 40, out sums[k]);
                }
                for (int pos = parents.Length - 1; pos >= 0; pos--)
                {
                    int parent = parents[pos];
                    if (parent < 0)
                    {
                        continue;
                    }
                    int child = pos * t, into = parent * t;
                    for (int ti = 0; ti < t; ti++)
                    {
                        sums[into + ti] += sums[child + ti];
                    }
                }
                for (int pos = 0; pos < parents.Length; pos++)
                {
                    if (!_e._isLeaf[pos])
                    {
                        for (int k = pos * t, end = k + t; k < end; k++)
                        {
                            cells[k] = sums[k];
                        }
                    }
                }
            }
            finally
            {
                ArrayPool<long>.Shared.Return(sums);
            }
        }

        private IEnumerable<AdministrativeUnit> Units(IEnumerable<int> indexes) => indexes.Select(i => _e.Map[i]);

        private decimal? LeafValue(Output output, int k)
        {
            decimal first = output.First[k];
            decimal second = output.Second is { } s ? s[k] : 0m;
            return _valueMethod switch
            {
                AggregationMethod.Sum => first,
                AggregationMethod.WeightedMean or AggregationMethod.Mean => second != 0m ? first / second : null,
                AggregationMethod.SumFractions => second != 0m ? 100m * first / second : null,
                _ => _fractions ? (second != 0m ? 100m * first / second : null) : first,
            };
        }

        /// <summary>The problems found while distributing, by kind; thrown in a fixed order.</summary>
        private sealed class Errors
        {
            internal SortedSet<int> WrongLevel { get; } = new();

            internal SortedSet<int> Outside { get; } = new();

            internal SortedSet<int> NotInForce { get; } = new();

            internal SortedSet<int> SplitWithoutWeights { get; } = new();

            internal SortedSet<int> Overlapping { get; } = new();

            internal SortedSet<int> FlowOverTime { get; } = new();

            internal SortedSet<int> NoWeight { get; } = new();

            internal void ThrowIfAny(Run run)
            {
                string code = run._indicator.Code;
                string where = " the tree in force on " + ValidityPeriod.Format(run._e.Date) + " (" + run._e.Tree.Period.ToString() + ")";
                if (WrongLevel.Count > 0)
                {
                    throw new RollupException("Indicator " + code + ": figures are rolled up from level " + run._e.LeafLevel.ToString()
                        + ", and some are for units of another level.", run.Units(WrongLevel));
                }
                if (Outside.Count > 0)
                {
                    throw new MixedMapsException(run._mapping
                        ? "Indicator " + code + ": some figures are for units that cannot be carried into" + where
                          + ": units that started after it, or that ended without a successor at the leaf level."
                        : "Indicator " + code + ": some figures are for units that are not in" + where
                          + ". Mixing arrangements needs an explicit mapping (RollupOptions.Mapping = CarryToSuccessors), or a roll-up on their own tree.",
                        run.Units(Outside));
                }
                if (NotInForce.Count > 0)
                {
                    throw new RollupException("Indicator " + code + ": some figures are for periods in which their unit did not exist.", run.Units(NotInForce));
                }
                if (SplitWithoutWeights.Count > 0)
                {
                    throw new RollupException("Indicator " + code + ": some units were split between several successors without weights, so their figures cannot be shared out.", run.Units(SplitWithoutWeights));
                }
                if (Overlapping.Count > 0)
                {
                    throw new RollupException("Indicator " + code + ": some units have overlapping or duplicate figures (more days of figures than the period has).", run.Units(Overlapping));
                }
                if (FlowOverTime.Count > 0)
                {
                    throw new RollupException("Indicator " + code + " is a flow aggregated by " + run._valueMethod.ToString()
                        + "; its figures cannot be added over time. Report numerators and denominators, or roll up without changing the periods.", run.Units(FlowOverTime));
                }
                if (NoWeight.Count > 0)
                {
                    throw new RollupException("Indicator " + code + ": some reporting units have no " + run._options.Weights!.Name + " weight.", run.Units(NoWeight));
                }
            }
        }

        /// <summary>The dense arrays of the result, by tree position × period.</summary>
        private sealed class Output
        {
            internal Output(decimal[] first, decimal[]? second, int[] reporting, int[] partial, int[]? meeting, int[] sources, byte[] flags)
            {
                First = first;
                Second = second;
                Reporting = reporting;
                Partial = partial;
                Meeting = meeting;
                Sources = sources;
                Flags = flags;
            }

            internal decimal[] First { get; }

            internal decimal[]? Second { get; }

            internal int[] Reporting { get; }

            internal int[] Partial { get; }

            internal int[]? Meeting { get; }

            internal int[] Sources { get; }

            internal byte[] Flags { get; }
        }

        private LocalDate Clamp(LocalDate date, AdministrativeUnit unit)
        {
            if (unit.ValidTo is { } end && date > end)
            {
                date = end;
            }
            if (date > _e.Date && unit.IsValidOn(_e.Date))
            {
                date = _e.Date;
            }
            return date < unit.ValidFrom ? unit.ValidFrom : date;
        }

        private static int OverlapDays(AdministrativeUnit unit, ReportingPeriod period)
        {
            LocalDate start = unit.ValidFrom > period.Start ? unit.ValidFrom : period.Start;
            LocalDate end = unit.ValidTo is { } to && to < period.End ? to : period.End;
            return end < start ? 0 : Period.DaysBetween(start, end) + 1;
        }
    }
}
