using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;

namespace DigitalKpi.Administration;

/// <summary>
/// The units of an <see cref="AdministrativeMap"/> in force during <see cref="Period"/>, with their parent and
/// children, addressed by the map's dense indexes. Immutable; obtained from <see cref="AdministrativeMap.TreeOn"/>.
/// </summary>
/// <remarks>
/// <see cref="UnitIndexes"/> is ascending, and a parent's index is always lower than its children's, so iterating it
/// backwards visits every child before its parent. A roll-up is one pass:
/// <code>
/// var total = new decimal[map.Count];
/// // ... fill total[i] for the leaves ...
/// var order = tree.UnitIndexes;
/// for (int k = order.Count - 1; k >= 0; k--)
/// {
///     int i = order[k], p = tree.ParentIndex(i);
///     if (p >= 0) total[p] += total[i];
/// }
/// </code>
/// </remarks>
public sealed class AdministrativeTree
{
    internal const int NotInTree = -2;

    private readonly int[] _members;
    private readonly int[] _parent;
    private readonly int[] _childStart;
    private readonly int[] _children;

    internal AdministrativeTree(AdministrativeMap map, ValidityPeriod period, int[] members, int[] parent, int[] childStart, int[] children)
    {
        Map = map;
        Period = period;
        _members = members;
        _parent = parent;
        _childStart = childStart;
        _children = children;
        UnitIndexes = new ReadOnlyCollection<int>(members);
        Units = new ReadOnlyCollection<AdministrativeUnit>(members.Select(i => map[i]).ToArray());
        RootIndexes = new ReadOnlyCollection<int>(members.Where(i => parent[i] == -1).ToArray());
    }

    /// <summary>Gets the map the tree belongs to.</summary>
    public AdministrativeMap Map { get; }

    /// <summary>Gets the days on which this is the map's tree (no unit or parent link changes within it).</summary>
    public ValidityPeriod Period { get; }

    /// <summary>Gets the number of units in the tree.</summary>
    public int Count => _members.Length;

    /// <summary>Gets the map indexes of the units in the tree, ascending (parents before children).</summary>
    public IReadOnlyList<int> UnitIndexes { get; }

    /// <summary>Gets the units in the tree, in the order of <see cref="UnitIndexes"/>.</summary>
    public IReadOnlyList<AdministrativeUnit> Units { get; }

    /// <summary>Gets the map indexes of the units without a parent in the tree (normally just the nation).</summary>
    public IReadOnlyList<int> RootIndexes { get; }

    /// <summary>Returns whether the unit at map index <paramref name="unitIndex"/> is in the tree.</summary>
    /// <param name="unitIndex">A map index.</param>
    /// <returns><see langword="true"/> when the unit is in force during <see cref="Period"/>.</returns>
    public bool Contains(int unitIndex) => (uint)unitIndex < (uint)_parent.Length && _parent[unitIndex] != NotInTree;

    /// <summary>Gets the map index of the parent of the unit at <paramref name="unitIndex"/>.</summary>
    /// <param name="unitIndex">A map index.</param>
    /// <returns>The parent's map index, or -1 for a root or a unit not in the tree.</returns>
    public int ParentIndex(int unitIndex) => Contains(unitIndex) ? _parent[unitIndex] : -1;

    /// <summary>Gets the map indexes of the children of the unit at <paramref name="unitIndex"/>, ascending.</summary>
    /// <param name="unitIndex">A map index.</param>
    /// <returns>The children; empty for a leaf or a unit not in the tree.</returns>
    public ReadOnlySpan<int> ChildIndexes(int unitIndex)
        => Contains(unitIndex)
            ? new ReadOnlySpan<int>(_children, _childStart[unitIndex], _childStart[unitIndex + 1] - _childStart[unitIndex])
            : ReadOnlySpan<int>.Empty;

    /// <summary>Gets the parent of <paramref name="unit"/> in the tree.</summary>
    /// <param name="unit">A unit of <see cref="Map"/>.</param>
    /// <returns>The parent, or <see langword="null"/> for a root or a unit not in the tree.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="unit"/> is <see langword="null"/>.</exception>
    public AdministrativeUnit? GetParent(AdministrativeUnit unit)
    {
        int parent = ParentIndex(Map.IndexOf(Utility.Preconditions.CheckNotNull(unit).Id));
        return parent >= 0 ? Map[parent] : null;
    }

    /// <summary>Gets the children of <paramref name="unit"/> in the tree, in index order.</summary>
    /// <param name="unit">A unit of <see cref="Map"/>.</param>
    /// <returns>The children; empty for a leaf or a unit not in the tree.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="unit"/> is <see langword="null"/>.</exception>
    public IReadOnlyList<AdministrativeUnit> GetChildren(AdministrativeUnit unit)
    {
        ReadOnlySpan<int> children = ChildIndexes(Map.IndexOf(Utility.Preconditions.CheckNotNull(unit).Id));
        var result = new AdministrativeUnit[children.Length];
        for (int k = 0; k < children.Length; k++)
        {
            result[k] = Map[children[k]];
        }
        return result;
    }
}
