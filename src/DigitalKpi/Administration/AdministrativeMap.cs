using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using System.Threading;
using DigitalKpi.Utility;
using NodaTime;

namespace DigitalKpi.Administration;

/// <summary>
/// An immutable, validated set of administrative units over time together with the successions between them:
/// the unit tree on any date, parents, children and ancestors, and the chains of successions across
/// reorganisations. Thread-safe.
/// </summary>
/// <remarks>
/// <para><b>Dense indexes.</b> Every unit has an index in [0, <see cref="Count"/>). Units are ordered by level (the
/// nation first), then code (ordinal), then first day, so a parent's index is always lower than its children's:
/// walking indexes downwards visits children before parents, which is all a bottom-up roll-up needs. Indexes are
/// stable for a given map, not across maps.</para>
/// <para><b>Trees.</b> <see cref="TreeOn"/> returns the tree in force on a day. Days between two changes share one
/// tree, built on first use and cached.</para>
/// <para><b>Validation</b> (on <see cref="Create"/> and <see cref="AdministrativeMapBuilder.Build"/>), each failure an
/// <see cref="AdministrativeMapException"/> naming the unit code: a unit defined twice; two units with one code in
/// force on the same day; a district or commune without a parent on some day of its validity (a province may have
/// none); an unknown parent code, or none of its units in force for the whole link; a parent not at a higher level
/// (so the parent relation can have no cycle); a succession predecessor not in force on the day before the
/// effective date, a successor not in force on it, or a predecessor that neither continues nor ends on the day
/// before; a unit that is a predecessor in two successions with the same effective date.</para>
/// </remarks>
public sealed class AdministrativeMap
{
    private static readonly Lazy<AdministrativeMap> BuiltInMap = new(BuiltInData.Load, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly AdministrativeUnit[] _units;
    private readonly Dictionary<AdministrativeUnitId, int> _indexById;
    private readonly Dictionary<string, int[]> _indexesByCode;
    private readonly ResolvedLink[][] _links;
    private readonly Succession[] _successions;
    private readonly ResolvedSuccession[] _resolved;
    private readonly int[][] _successionsFrom;
    private readonly int[][] _successionsInto;
    private readonly LocalDate[] _epochStarts;
    private readonly AdministrativeTree?[] _trees;
    private readonly Lazy<Dictionary<string, int[]>> _indexesByNameKey;

    private AdministrativeMap(IEnumerable<AdministrativeUnit> units, IEnumerable<Succession> successions)
    {
        _units = units.ToArray();
        if (Array.Exists(_units, u => u is null))
        {
            throw new ArgumentException("The units must not contain null.", nameof(units));
        }
        Array.Sort(_units, CompareForIndex);
        Units = new ReadOnlyCollection<AdministrativeUnit>(_units);

        _indexById = new Dictionary<AdministrativeUnitId, int>(_units.Length);
        _indexesByCode = new Dictionary<string, int[]>(StringComparer.Ordinal);
        IndexUnits();
        _links = ResolveLinks();

        _successions = successions.ToArray();
        if (Array.Exists(_successions, s => s is null))
        {
            throw new ArgumentException("The successions must not contain null.", nameof(successions));
        }
        _successions = _successions.OrderBy(s => s.EffectiveDate).ToArray();
        Successions = new ReadOnlyCollection<Succession>(_successions);
        _resolved = ResolveSuccessions(out _successionsFrom, out _successionsInto);

        _epochStarts = ComputeEpochStarts();
        _trees = new AdministrativeTree?[_epochStarts.Length + 1];
        _indexesByNameKey = new Lazy<Dictionary<string, int[]>>(IndexNames, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>
    /// Gets the built-in map of provincial units: the 63 provinces and centrally-run cities in force from
    /// 2008-08-01, Thừa Thiên Huế's change into the centrally-run city of Huế on 2025-01-01, and the 34 provincial
    /// units from 2025-07-01 (Resolution 202/2025/QH15, codes of Decision 19/2025/QĐ-TTg), with a succession from
    /// every merged province to its new unit, all under the national root "VN". Loaded on first use.
    /// </summary>
    /// <remarks>Districts and communes are not built in; add them with <see cref="AdministrativeDataFile"/>.</remarks>
    public static AdministrativeMap BuiltIn => BuiltInMap.Value;

    /// <summary>Gets the number of units (of all dates) in the map.</summary>
    public int Count => _units.Length;

    /// <summary>Gets all units of all dates, in index order (see the remarks on <see cref="AdministrativeMap"/>).</summary>
    public IReadOnlyList<AdministrativeUnit> Units { get; }

    /// <summary>Gets the successions, ordered by effective date.</summary>
    public IReadOnlyList<Succession> Successions { get; }

    /// <summary>Gets the unit at a dense index.</summary>
    /// <param name="index">An index in [0, <see cref="Count"/>).</param>
    /// <returns>The unit.</returns>
    /// <exception cref="IndexOutOfRangeException"><paramref name="index"/> is out of range.</exception>
    public AdministrativeUnit this[int index] => _units[index];

    /// <summary>Builds a map from units and successions.</summary>
    /// <param name="units">The units, in any order.</param>
    /// <param name="successions">The successions, in any order, or <see langword="null"/> for none.</param>
    /// <returns>The validated map.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="units"/> is <see langword="null"/>.</exception>
    /// <exception cref="AdministrativeMapException">The units and successions are inconsistent.</exception>
    public static AdministrativeMap Create(IEnumerable<AdministrativeUnit> units, IEnumerable<Succession>? successions = null)
        => new(Preconditions.CheckNotNull(units), successions ?? Array.Empty<Succession>());

    /// <summary>Creates a builder holding this map's units and successions, to extend it (e.g. with districts and communes).</summary>
    /// <returns>A new builder.</returns>
    public AdministrativeMapBuilder ToBuilder() => new AdministrativeMapBuilder().AddRange(_units).AddRange(_successions);

    /// <summary>Gets the dense index of a unit.</summary>
    /// <param name="id">The unit's identity.</param>
    /// <returns>The index, or -1 when the map has no such unit.</returns>
    public int IndexOf(AdministrativeUnitId id) => _indexById.TryGetValue(id, out int index) ? index : -1;

    /// <summary>Returns whether the map holds the unit <paramref name="id"/>.</summary>
    /// <param name="id">The unit's identity.</param>
    /// <returns><see langword="true"/> when the map holds it.</returns>
    public bool Contains(AdministrativeUnitId id) => _indexById.ContainsKey(id);

    /// <summary>Gets a unit by identity.</summary>
    /// <param name="id">The unit's identity.</param>
    /// <returns>The unit.</returns>
    /// <exception cref="KeyNotFoundException">The map has no such unit.</exception>
    public AdministrativeUnit GetUnit(AdministrativeUnitId id) => _units[RequireIndex(id)];

    /// <summary>Looks a unit up by identity.</summary>
    /// <param name="id">The unit's identity.</param>
    /// <param name="unit">The unit, when found.</param>
    /// <returns><see langword="true"/> when found.</returns>
    public bool TryGetUnit(AdministrativeUnitId id, [NotNullWhen(true)] out AdministrativeUnit? unit)
    {
        unit = _indexById.TryGetValue(id, out int index) ? _units[index] : null;
        return unit is not null;
    }

    /// <summary>Looks up the unit that bears <paramref name="code"/> on <paramref name="date"/>.</summary>
    /// <param name="code">An official code.</param>
    /// <param name="date">The day.</param>
    /// <param name="unit">The unit in force on that day with that code, when there is one.</param>
    /// <returns><see langword="true"/> when found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="code"/> is <see langword="null"/>.</exception>
    public bool TryGetUnit(string code, LocalDate date, [NotNullWhen(true)] out AdministrativeUnit? unit)
    {
        int index = FindIndex(Preconditions.CheckNotNull(code), date);
        unit = index >= 0 ? _units[index] : null;
        return unit is not null;
    }

    /// <summary>Gets every unit that has borne <paramref name="code"/>, in chronological order.</summary>
    /// <param name="code">An official code.</param>
    /// <returns>The units, possibly none.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="code"/> is <see langword="null"/>.</exception>
    public IReadOnlyList<AdministrativeUnit> UnitsWithCode(string code)
        => _indexesByCode.TryGetValue(Preconditions.CheckNotNull(code), out int[]? indexes) ? ToUnits(indexes) : Array.Empty<AdministrativeUnit>();

    /// <summary>Gets the units in force on <paramref name="date"/>, in index order.</summary>
    /// <param name="date">The day.</param>
    /// <returns>The units.</returns>
    public IReadOnlyList<AdministrativeUnit> UnitsOn(LocalDate date) => TreeOn(date).Units;

    /// <summary>Gets the units of one level in force on <paramref name="date"/>, in index order.</summary>
    /// <param name="date">The day.</param>
    /// <param name="level">The level.</param>
    /// <returns>The units.</returns>
    public IReadOnlyList<AdministrativeUnit> UnitsOn(LocalDate date, AdministrativeLevel level)
        => TreeOn(date).Units.Where(u => u.Level == level).ToArray();

    /// <summary>
    /// Finds the units in force on <paramref name="date"/> whose Vietnamese or English name matches
    /// <paramref name="name"/>, ignoring case, Unicode normalisation form, old or new tone-mark placement ("Hoà" and
    /// "Hòa"), dash style and spacing.
    /// </summary>
    /// <param name="name">The name without the type word, e.g. "Bà Rịa – Vũng Tàu".</param>
    /// <param name="date">The day.</param>
    /// <returns>The matching units, in index order; names are not unique across levels.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is <see langword="null"/>.</exception>
    public IReadOnlyList<AdministrativeUnit> FindByName(string name, LocalDate date)
    {
        string key = NameText.MatchKey(Preconditions.CheckNotNull(name));
        return _indexesByNameKey.Value.TryGetValue(key, out int[]? indexes)
            ? indexes.Where(i => _units[i].IsValidOn(date)).Select(i => _units[i]).ToArray()
            : Array.Empty<AdministrativeUnit>();
    }

    /// <summary>Gets the tree of units in force on <paramref name="date"/>.</summary>
    /// <param name="date">The day.</param>
    /// <returns>The tree, shared by all days between the same two changes.</returns>
    public AdministrativeTree TreeOn(LocalDate date)
    {
        int slot = UpperBound(_epochStarts, date);
        AdministrativeTree? tree = Volatile.Read(ref _trees[slot]);
        if (tree is null)
        {
            LocalDate? representative = slot == 0 ? null : _epochStarts[slot - 1];
            var period = new ValidityPeriod(
                slot == 0 ? LocalDate.MinIsoValue : _epochStarts[slot - 1],
                slot == _epochStarts.Length ? null : _epochStarts[slot].PlusDays(-1));
            tree = BuildTree(representative, period);
            tree = Interlocked.CompareExchange(ref _trees[slot], tree, null) ?? tree;
        }
        return tree;
    }

    /// <summary>Gets the parent of a unit on <paramref name="date"/>.</summary>
    /// <param name="id">The unit's identity.</param>
    /// <param name="date">The day.</param>
    /// <returns>The parent, or <see langword="null"/> when the unit has none on that day (the nation, a top-level unit, or a day outside its validity).</returns>
    /// <exception cref="KeyNotFoundException">The map has no such unit.</exception>
    public AdministrativeUnit? GetParent(AdministrativeUnitId id, LocalDate date)
    {
        int parent = ParentIndexOn(RequireIndex(id), date);
        return parent >= 0 ? _units[parent] : null;
    }

    /// <summary>Gets the children of a unit on <paramref name="date"/>.</summary>
    /// <param name="id">The unit's identity.</param>
    /// <param name="date">The day.</param>
    /// <returns>The children in index order; empty when the unit is not in force on that day.</returns>
    /// <exception cref="KeyNotFoundException">The map has no such unit.</exception>
    public IReadOnlyList<AdministrativeUnit> GetChildren(AdministrativeUnitId id, LocalDate date)
        => ToUnits(TreeOn(date).ChildIndexes(RequireIndex(id)).ToArray());

    /// <summary>Gets the ancestors of a unit on <paramref name="date"/>, nearest first (parent, grandparent, …, root).</summary>
    /// <param name="id">The unit's identity.</param>
    /// <param name="date">The day.</param>
    /// <returns>The ancestors; empty for a root or a day outside the unit's validity.</returns>
    /// <exception cref="KeyNotFoundException">The map has no such unit.</exception>
    public IReadOnlyList<AdministrativeUnit> GetAncestors(AdministrativeUnitId id, LocalDate date)
    {
        var result = new List<AdministrativeUnit>(4);
        for (int i = ParentIndexOn(RequireIndex(id), date); i >= 0; i = ParentIndexOn(i, date))
        {
            result.Add(_units[i]);
        }
        return result;
    }

    /// <summary>Gets the successions in which the unit is a predecessor, by effective date.</summary>
    /// <param name="id">The unit's identity.</param>
    /// <returns>The successions.</returns>
    /// <exception cref="KeyNotFoundException">The map has no such unit.</exception>
    public IReadOnlyList<Succession> SuccessionsFrom(AdministrativeUnitId id)
        => _successionsFrom[RequireIndex(id)].Select(s => _resolved[s].Source).ToArray();

    /// <summary>Gets the successions in which the unit is a successor, by effective date.</summary>
    /// <param name="id">The unit's identity.</param>
    /// <returns>The successions.</returns>
    /// <exception cref="KeyNotFoundException">The map has no such unit.</exception>
    public IReadOnlyList<Succession> SuccessionsInto(AdministrativeUnitId id)
        => _successionsInto[RequireIndex(id)].Select(s => _resolved[s].Source).ToArray();

    /// <summary>
    /// Gets the units in force on <paramref name="onDate"/> that the unit has become, following chains of
    /// successions. A unit still in force on <paramref name="onDate"/> is its own successor. A unit abolished
    /// without a recorded succession has none; so has a unit that starts after <paramref name="onDate"/>.
    /// </summary>
    /// <param name="id">The unit's identity.</param>
    /// <param name="onDate">The day on which the successors must be in force.</param>
    /// <returns>The successors in index order.</returns>
    /// <exception cref="KeyNotFoundException">The map has no such unit.</exception>
    public IReadOnlyList<AdministrativeUnit> Successors(AdministrativeUnitId id, LocalDate onDate)
        => SuccessorShares(id, onDate).Select(s => s.Unit).ToArray();

    /// <summary>
    /// Gets the units in force on <paramref name="onDate"/> that any unit ever bearing <paramref name="code"/> up to
    /// that day has become. For a reused code this is the union over its bearers; e.g. "44" on 2025-07-01 gives the
    /// new Quảng Trị, which both the old Quảng Bình (44) and itself lead to.
    /// </summary>
    /// <param name="code">An official code.</param>
    /// <param name="onDate">The day on which the successors must be in force.</param>
    /// <returns>The successors in index order; empty for an unknown code.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="code"/> is <see langword="null"/>.</exception>
    public IReadOnlyList<AdministrativeUnit> Successors(string code, LocalDate onDate)
    {
        if (!_indexesByCode.TryGetValue(Preconditions.CheckNotNull(code), out int[]? bearers))
        {
            return Array.Empty<AdministrativeUnit>();
        }
        var result = new SortedSet<int>();
        foreach (int bearer in bearers)
        {
            foreach (int successor in ComputeSuccessorShares(bearer, onDate).Keys)
            {
                result.Add(successor);
            }
        }
        return ToUnits(result);
    }

    /// <summary>
    /// Gets the successors on <paramref name="onDate"/> (as <see cref="Successors(AdministrativeUnitId, LocalDate)"/>)
    /// with the share of the unit that passed to each: products of the shares along each chain, summed over
    /// chains. The unit is taken as it stood on <paramref name="onDate"/> if still in force then, otherwise on its
    /// last day; see <see cref="SuccessorShares(AdministrativeUnitId, LocalDate, LocalDate)"/> to choose that day.
    /// </summary>
    /// <param name="id">The unit's identity.</param>
    /// <param name="onDate">The day on which the successors must be in force.</param>
    /// <returns>The successors with their shares, in index order.</returns>
    /// <exception cref="KeyNotFoundException">The map has no such unit.</exception>
    public IReadOnlyList<UnitShare> SuccessorShares(AdministrativeUnitId id, LocalDate onDate)
        => ToShares(ComputeSuccessorShares(RequireIndex(id), onDate));

    /// <summary>
    /// Gets the successors on <paramref name="onDate"/> of the unit as it stood on <paramref name="asOf"/>, with the
    /// share of it that passed to each. Use this for figures reported for a unit that later continued but gave
    /// territory away: the part given away after <paramref name="asOf"/> is followed to its new units.
    /// </summary>
    /// <param name="id">The unit's identity.</param>
    /// <param name="asOf">A day within the unit's validity, not after <paramref name="onDate"/>.</param>
    /// <param name="onDate">The day on which the successors must be in force.</param>
    /// <returns>The successors with their shares, in index order.</returns>
    /// <exception cref="KeyNotFoundException">The map has no such unit.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="asOf"/> is outside the unit's validity or after <paramref name="onDate"/>.</exception>
    public IReadOnlyList<UnitShare> SuccessorShares(AdministrativeUnitId id, LocalDate asOf, LocalDate onDate)
    {
        int index = RequireIndex(id);
        if (!_units[index].IsValidOn(asOf) || asOf > onDate)
        {
            throw new ArgumentOutOfRangeException(nameof(asOf), asOf,
                "The day must be within the validity of " + id.ToString() + " (" + _units[index].Validity.ToString() + ") and not after " + ValidityPeriod.Format(onDate) + ".");
        }
        var result = new Dictionary<int, decimal?>();
        Flow(index, asOf, onDate, 1m, result);
        return ToShares(result);
    }

    /// <summary>Gets the immediate predecessors of a unit: the other units of the successions it is a successor in.</summary>
    /// <param name="id">The unit's identity.</param>
    /// <returns>The predecessors in index order (a continuing unit is not its own predecessor).</returns>
    /// <exception cref="KeyNotFoundException">The map has no such unit.</exception>
    public IReadOnlyList<AdministrativeUnit> Predecessors(AdministrativeUnitId id)
    {
        int index = RequireIndex(id);
        var result = new SortedSet<int>();
        AddImmediatePredecessors(index, result);
        return ToUnits(result);
    }

    /// <summary>Gets the immediate predecessors of every unit that has borne <paramref name="code"/>.</summary>
    /// <param name="code">An official code.</param>
    /// <returns>The predecessors in index order; for a reused code they include its earlier bearer (new 79 ← old 79).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="code"/> is <see langword="null"/>.</exception>
    public IReadOnlyList<AdministrativeUnit> Predecessors(string code)
    {
        if (!_indexesByCode.TryGetValue(Preconditions.CheckNotNull(code), out int[]? bearers))
        {
            return Array.Empty<AdministrativeUnit>();
        }
        var result = new SortedSet<int>();
        foreach (int bearer in bearers)
        {
            AddImmediatePredecessors(bearer, result);
        }
        return ToUnits(result);
    }

    /// <summary>
    /// Gets the units in force on <paramref name="onDate"/> from which some territory passed, through successions
    /// effective after that day, into the unit; the unit itself is included when it was in force then. For the new
    /// Hồ Chí Minh City and 2024-01-01: the old Hồ Chí Minh City, Bình Dương and Bà Rịa – Vũng Tàu.
    /// </summary>
    /// <param name="id">The unit's identity.</param>
    /// <param name="onDate">The earlier day.</param>
    /// <returns>The units in index order.</returns>
    /// <exception cref="KeyNotFoundException">The map has no such unit.</exception>
    public IReadOnlyList<AdministrativeUnit> PredecessorsOn(AdministrativeUnitId id, LocalDate onDate)
    {
        int start = RequireIndex(id);
        var visited = new HashSet<int> { start };
        var pending = new Stack<int>();
        pending.Push(start);
        var result = new SortedSet<int>();
        while (pending.Count > 0)
        {
            int current = pending.Pop();
            if (_units[current].IsValidOn(onDate))
            {
                result.Add(current);
            }
            foreach (int s in _successionsInto[current])
            {
                ResolvedSuccession succession = _resolved[s];
                if (succession.Date <= onDate)
                {
                    continue;
                }
                foreach (int predecessor in succession.Predecessors)
                {
                    if (visited.Add(predecessor))
                    {
                        pending.Push(predecessor);
                    }
                }
            }
        }
        return ToUnits(result);
    }

    internal int ParentIndexOn(int index, LocalDate date)
    {
        foreach (ResolvedLink link in _links[index])
        {
            if (link.Validity.Contains(date))
            {
                return link.Parent;
            }
        }
        return -1;
    }

    private static int CompareForIndex(AdministrativeUnit a, AdministrativeUnit b)
    {
        int c = a.Level.CompareTo(b.Level);
        if (c == 0)
        {
            c = string.CompareOrdinal(a.Code, b.Code);
        }
        return c != 0 ? c : a.ValidFrom.CompareTo(b.ValidFrom);
    }

    private static int UpperBound(LocalDate[] sorted, LocalDate date)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            int mid = lo + ((hi - lo) / 2);
            if (sorted[mid] <= date)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }
        return lo;
    }

    private static decimal? Multiply(decimal? a, decimal? b) => a is { } x && b is { } y ? x * y : null;

    private static string Describe(AdministrativeUnit unit) => unit.Name + " (" + unit.Id.ToString() + ")";

    private int RequireIndex(AdministrativeUnitId id)
        => _indexById.TryGetValue(id, out int index) ? index : throw new KeyNotFoundException("The map has no unit " + id.ToString() + ".");

    private AdministrativeUnit[] ToUnits(IEnumerable<int> indexes) => indexes.Select(i => _units[i]).ToArray();

    private UnitShare[] ToShares(Dictionary<int, decimal?> shares)
        => shares.OrderBy(pair => pair.Key).Select(pair => new UnitShare(pair.Key, _units[pair.Key], pair.Value)).ToArray();

    private int FindIndex(string code, LocalDate date)
    {
        if (_indexesByCode.TryGetValue(code, out int[]? indexes))
        {
            foreach (int i in indexes)
            {
                if (_units[i].IsValidOn(date))
                {
                    return i;
                }
            }
        }
        return -1;
    }

    private void IndexUnits()
    {
        var byCode = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (int i = 0; i < _units.Length; i++)
        {
            AdministrativeUnit unit = _units[i];
            if (_indexById.ContainsKey(unit.Id))
            {
                throw new AdministrativeMapException("Unit " + unit.Code + " starting " + ValidityPeriod.Format(unit.ValidFrom) + " is defined twice.", unit.Code, unit.Id);
            }
            _indexById[unit.Id] = i;
            if (!byCode.TryGetValue(unit.Code, out List<int>? list))
            {
                list = new List<int>(1);
                byCode.Add(unit.Code, list);
            }
            else
            {
                AdministrativeUnit previous = _units[list[list.Count - 1]];
                if (previous.Validity.Overlaps(unit.Validity))
                {
                    throw new AdministrativeMapException(
                        "Code " + unit.Code + " is borne by two units at once: " + Describe(previous) + " in force " + previous.Validity.ToString()
                        + " and " + Describe(unit) + " in force " + unit.Validity.ToString() + ".",
                        unit.Code, unit.Id);
                }
            }
            list.Add(i);
        }
        foreach (KeyValuePair<string, List<int>> pair in byCode)
        {
            _indexesByCode.Add(pair.Key, pair.Value.ToArray());
        }
    }

    private ResolvedLink[][] ResolveLinks()
    {
        var result = new ResolvedLink[_units.Length][];
        for (int i = 0; i < _units.Length; i++)
        {
            AdministrativeUnit unit = _units[i];
            IReadOnlyList<ParentLink> links = unit.ParentLinks;
            if (links.Count == 0)
            {
                if (unit.Level is AdministrativeLevel.District or AdministrativeLevel.Commune)
                {
                    throw new AdministrativeMapException("Unit " + Describe(unit) + " is a " + unit.Level.ToString().ToLowerInvariant() + " without a parent.", unit.Code, unit.Id);
                }
                result[i] = Array.Empty<ResolvedLink>();
                continue;
            }
            CheckLinkCoverage(unit);
            var resolved = new ResolvedLink[links.Count];
            for (int k = 0; k < links.Count; k++)
            {
                resolved[k] = new ResolvedLink(links[k].Validity, ResolveParent(unit, links[k]));
            }
            result[i] = resolved;
        }
        return result;
    }

    private static void CheckLinkCoverage(AdministrativeUnit unit)
    {
        IReadOnlyList<ParentLink> links = unit.ParentLinks;
        LocalDate? expectedStart = unit.ValidFrom;
        foreach (ParentLink link in links)
        {
            if (expectedStart != link.Validity.Start)
            {
                throw new AdministrativeMapException(
                    "Unit " + Describe(unit) + " has no parent from " + (expectedStart is { } d ? ValidityPeriod.Format(d) : "?")
                    + " to the start of parent link " + link.ToString() + "; parent links must cover the unit's validity " + unit.Validity.ToString() + " without gaps.",
                    unit.Code, unit.Id);
            }
            expectedStart = link.Validity.End is { } end ? ValidityPeriod.DayAfter(end) : null;
        }
        LocalDate? lastEnd = links[links.Count - 1].Validity.End;
        if (lastEnd != unit.ValidTo)
        {
            throw new AdministrativeMapException(
                "Unit " + Describe(unit) + " has no parent after " + (lastEnd is { } e ? ValidityPeriod.Format(e) : "?")
                + "; parent links must cover the unit's validity " + unit.Validity.ToString() + " without gaps.",
                unit.Code, unit.Id);
        }
    }

    private int ResolveParent(AdministrativeUnit unit, ParentLink link)
    {
        if (!_indexesByCode.ContainsKey(link.ParentCode))
        {
            throw new AdministrativeMapException("Unit " + Describe(unit) + " names parent code " + link.ParentCode + ", which is unknown.", unit.Code, unit.Id);
        }
        int parent = FindIndex(link.ParentCode, link.Validity.Start);
        if (parent < 0)
        {
            throw new AdministrativeMapException(
                "Unit " + Describe(unit) + ": no unit with parent code " + link.ParentCode + " is in force on "
                + ValidityPeriod.Format(link.Validity.Start) + ", the start of its parent link " + link.ToString() + ".",
                unit.Code, unit.Id);
        }
        AdministrativeUnit parentUnit = _units[parent];
        if (!parentUnit.Validity.Covers(link.Validity))
        {
            throw new AdministrativeMapException(
                "Unit " + Describe(unit) + ": parent link " + link.ToString() + " outlasts its parent " + Describe(parentUnit)
                + " in force " + parentUnit.Validity.ToString() + "; a unit that later reuses the code is a different parent and needs its own link.",
                unit.Code, unit.Id);
        }
        if (parentUnit.Level >= unit.Level)
        {
            throw new AdministrativeMapException(
                "Unit " + Describe(unit) + " at level " + unit.Level.ToString() + " cannot lie in " + Describe(parentUnit) + " at level "
                + parentUnit.Level.ToString() + ": a parent must be at a higher level, which also rules out cycles.",
                unit.Code, unit.Id);
        }
        return parent;
    }

    private ResolvedSuccession[] ResolveSuccessions(out int[][] from, out int[][] into)
    {
        var resolved = new ResolvedSuccession[_successions.Length];
        var fromLists = new List<int>?[_units.Length];
        var intoLists = new List<int>?[_units.Length];
        for (int s = 0; s < _successions.Length; s++)
        {
            Succession succession = _successions[s];
            LocalDate date = succession.EffectiveDate;
            LocalDate dayBefore = date.PlusDays(-1);
            int[] predecessors = succession.PredecessorCodes.Select(c => ResolveSuccessionUnit(succession, c, dayBefore, "predecessor")).ToArray();
            int[] successors = succession.SuccessorCodes.Select(c => ResolveSuccessionUnit(succession, c, date, "successor")).ToArray();
            var successorSet = new HashSet<int>(successors);
            foreach (int p in predecessors)
            {
                AdministrativeUnit unit = _units[p];
                if (!successorSet.Contains(p) && unit.IsValidOn(date))
                {
                    throw new AdministrativeMapException(
                        "Succession " + succession.ToString() + ": predecessor " + Describe(unit) + " is still in force on " + ValidityPeriod.Format(date)
                        + "; end it on " + ValidityPeriod.Format(dayBefore) + ", or list it among the successors if it continues.",
                        unit.Code, unit.Id, succession);
                }
                List<int> list = fromLists[p] ??= new List<int>(1);
                if (list.Count > 0 && resolved[list[list.Count - 1]].Date == date)
                {
                    throw new AdministrativeMapException(
                        "Unit " + Describe(unit) + " is a predecessor in two successions effective " + ValidityPeriod.Format(date)
                        + "; combine them into one reorganisation.",
                        unit.Code, unit.Id, succession);
                }
                list.Add(s);
            }
            foreach (int q in successors)
            {
                (intoLists[q] ??= new List<int>(1)).Add(s);
            }
            var shares = new decimal?[successors.Length];
            for (int k = 0; k < shares.Length; k++)
            {
                shares[k] = succession.ShareOf(k);
            }
            resolved[s] = new ResolvedSuccession(succession, date, predecessors, successors, shares);
        }
        from = fromLists.Select(l => l?.ToArray() ?? Array.Empty<int>()).ToArray();
        into = intoLists.Select(l => l?.ToArray() ?? Array.Empty<int>()).ToArray();
        return resolved;
    }

    private int ResolveSuccessionUnit(Succession succession, string code, LocalDate date, string role)
    {
        int index = FindIndex(code, date);
        if (index < 0)
        {
            string reason = _indexesByCode.ContainsKey(code)
                ? "no unit with code " + code + " is in force on " + ValidityPeriod.Format(date)
                : "code " + code + " is unknown";
            throw new AdministrativeMapException(
                "Succession " + succession.ToString() + ": " + role + " " + code + ": " + reason
                + (role == "predecessor" ? " (a predecessor must be in force on the day before the effective date)." : " (a successor must be in force on the effective date)."),
                code, null, succession);
        }
        return index;
    }

    private LocalDate[] ComputeEpochStarts()
    {
        var dates = new HashSet<LocalDate>();
        foreach (AdministrativeUnit unit in _units)
        {
            AddPeriod(dates, unit.Validity);
            foreach (ParentLink link in unit.ParentLinks)
            {
                AddPeriod(dates, link.Validity);
            }
        }
        LocalDate[] result = dates.ToArray();
        Array.Sort(result);
        return result;

        static void AddPeriod(HashSet<LocalDate> set, ValidityPeriod period)
        {
            set.Add(period.Start);
            if (period.End is { } end && ValidityPeriod.DayAfter(end) is { } after)
            {
                set.Add(after);
            }
        }
    }

    private AdministrativeTree BuildTree(LocalDate? date, ValidityPeriod period)
    {
        int n = _units.Length;
        int[] parent = new int[n];
        int[] childCount = new int[n + 1];
        var members = new List<int>();
        for (int i = 0; i < n; i++)
        {
            if (date is { } d && _units[i].IsValidOn(d))
            {
                members.Add(i);
                int p = ParentIndexOn(i, d);
                parent[i] = p;
                if (p >= 0)
                {
                    childCount[p]++;
                }
            }
            else
            {
                parent[i] = AdministrativeTree.NotInTree;
            }
        }
        int[] childStart = new int[n + 1];
        for (int i = 0; i < n; i++)
        {
            childStart[i + 1] = childStart[i] + childCount[i];
        }
        int[] children = new int[childStart[n]];
        int[] fill = new int[n];
        foreach (int i in members)
        {
            int p = parent[i];
            if (p >= 0)
            {
                children[childStart[p] + fill[p]++] = i;
            }
        }
        return new AdministrativeTree(this, period, members.ToArray(), parent, childStart, children);
    }

    private Dictionary<int, decimal?> ComputeSuccessorShares(int index, LocalDate onDate)
    {
        var result = new Dictionary<int, decimal?>();
        AdministrativeUnit unit = _units[index];
        if (onDate < unit.ValidFrom)
        {
            return result;
        }
        LocalDate asOf = unit.IsValidOn(onDate) ? onDate : unit.ValidTo!.Value;
        Flow(index, asOf, onDate, 1m, result);
        return result;
    }

    private void Flow(int index, LocalDate asOf, LocalDate onDate, decimal? share, Dictionary<int, decimal?> result)
    {
        ResolvedSuccession? next = null;
        foreach (int s in _successionsFrom[index])
        {
            ResolvedSuccession candidate = _resolved[s];
            if (candidate.Date > asOf && candidate.Date <= onDate)
            {
                next = candidate;
                break;
            }
        }
        if (next is null)
        {
            if (_units[index].IsValidOn(onDate))
            {
                result[index] = result.TryGetValue(index, out decimal? existing)
                    ? (existing is { } a && share is { } b ? a + b : null)
                    : share;
            }
            return;
        }
        for (int k = 0; k < next.Successors.Length; k++)
        {
            Flow(next.Successors[k], next.Date, onDate, Multiply(share, next.Shares[k]), result);
        }
    }

    private void AddImmediatePredecessors(int index, SortedSet<int> result)
    {
        foreach (int s in _successionsInto[index])
        {
            foreach (int p in _resolved[s].Predecessors)
            {
                if (p != index)
                {
                    result.Add(p);
                }
            }
        }
    }

    private Dictionary<string, int[]> IndexNames()
    {
        var lists = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (int i = 0; i < _units.Length; i++)
        {
            Add(NameText.MatchKey(_units[i].Name), i);
            if (_units[i].EnglishName is { } english)
            {
                Add(NameText.MatchKey(english), i);
            }
        }
        return lists.ToDictionary(p => p.Key, p => p.Value.Distinct().ToArray(), StringComparer.Ordinal);

        void Add(string key, int index)
        {
            if (!lists.TryGetValue(key, out List<int>? list))
            {
                list = new List<int>(1);
                lists.Add(key, list);
            }
            list.Add(index);
        }
    }

    private readonly struct ResolvedLink
    {
        internal ResolvedLink(ValidityPeriod validity, int parent)
        {
            Validity = validity;
            Parent = parent;
        }

        internal ValidityPeriod Validity { get; }

        internal int Parent { get; }
    }

    private sealed class ResolvedSuccession
    {
        internal ResolvedSuccession(Succession source, LocalDate date, int[] predecessors, int[] successors, decimal?[] shares)
        {
            Source = source;
            Date = date;
            Predecessors = predecessors;
            Successors = successors;
            Shares = shares;
        }

        internal Succession Source { get; }

        internal LocalDate Date { get; }

        internal int[] Predecessors { get; }

        internal int[] Successors { get; }

        internal decimal?[] Shares { get; }
    }
}
