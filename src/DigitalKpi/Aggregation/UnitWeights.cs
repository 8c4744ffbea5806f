using System;
using System.Collections.Generic;
using DigitalKpi.Administration;
using DigitalKpi.Utility;
using NodaTime;

namespace DigitalKpi.Aggregation;

/// <summary>
/// Weights per administrative unit (population, households, enterprises) for <see cref="AggregationMethod.WeightedMean"/>.
/// Immutable; tied to one <see cref="AdministrativeMap"/> and stored densely by its unit indexes.
/// </summary>
/// <remarks>
/// A weight belongs to the unit that reported the figure: when figures of old units are carried into a merged
/// unit, each old figure keeps its old unit's weight (times its share when split).
/// </remarks>
public sealed class UnitWeights
{
    private readonly decimal[] _weights;
    private readonly bool[] _present;

    private UnitWeights(AdministrativeMap map, string name, decimal[] weights, bool[] present)
    {
        Map = map;
        Name = name;
        _weights = weights;
        _present = present;
    }

    /// <summary>Gets the map whose unit indexes the weights follow.</summary>
    public AdministrativeMap Map { get; }

    /// <summary>Gets what the weights are, e.g. "population" or "households".</summary>
    public string Name { get; }

    /// <summary>Creates weights for units named by identity.</summary>
    /// <param name="map">The map.</param>
    /// <param name="name">What the weights are, e.g. "population".</param>
    /// <param name="weights">Unit and weight pairs; weights must not be negative; a unit may appear once.</param>
    /// <returns>The weights.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A unit is not in the map or appears twice, or a weight is negative.</exception>
    public static UnitWeights Create(AdministrativeMap map, string name, IEnumerable<KeyValuePair<AdministrativeUnitId, decimal>> weights)
    {
        Preconditions.CheckNotNull(map);
        Preconditions.CheckNotBlank(name);
        Preconditions.CheckNotNull(weights);
        var values = new decimal[map.Count];
        var present = new bool[map.Count];
        foreach (KeyValuePair<AdministrativeUnitId, decimal> pair in weights)
        {
            int index = map.IndexOf(pair.Key);
            Preconditions.CheckArgument(index >= 0, nameof(weights), "The map has no unit " + pair.Key.ToString() + ".");
            Set(values, present, index, pair.Value, pair.Key.ToString());
        }
        return new UnitWeights(map, name, values, present);
    }

    /// <summary>Creates weights for units named by code, each resolved on <paramref name="date"/>.</summary>
    /// <param name="map">The map.</param>
    /// <param name="name">What the weights are, e.g. "population".</param>
    /// <param name="date">The day on which the codes are resolved.</param>
    /// <param name="weights">Code and weight pairs.</param>
    /// <returns>The weights.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">No unit bears a code on that day, a unit appears twice, or a weight is negative.</exception>
    public static UnitWeights FromCodes(AdministrativeMap map, string name, LocalDate date, IEnumerable<KeyValuePair<string, decimal>> weights)
    {
        Preconditions.CheckNotNull(map);
        Preconditions.CheckNotNull(weights);
        var byId = new List<KeyValuePair<AdministrativeUnitId, decimal>>();
        foreach (KeyValuePair<string, decimal> pair in weights)
        {
            Preconditions.CheckArgument(
                pair.Key is not null && map.TryGetUnit(pair.Key, date, out _), nameof(weights),
                "No unit bears code " + pair.Key + " on " + ValidityPeriod.Format(date) + ".");
            map.TryGetUnit(pair.Key!, date, out AdministrativeUnit? unit);
            byId.Add(new KeyValuePair<AdministrativeUnitId, decimal>(unit!.Id, pair.Value));
        }
        return Create(map, name, byId);
    }

    /// <summary>Creates weights for every unit of the map, by dense index.</summary>
    /// <param name="map">The map.</param>
    /// <param name="name">What the weights are, e.g. "population".</param>
    /// <param name="weights">One weight per unit index (length <see cref="AdministrativeMap.Count"/>), none negative.</param>
    /// <returns>The weights.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="map"/> or <paramref name="name"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The length is wrong or a weight is negative.</exception>
    public static UnitWeights FromIndexes(AdministrativeMap map, string name, ReadOnlySpan<decimal> weights)
    {
        Preconditions.CheckNotNull(map);
        Preconditions.CheckNotBlank(name);
        Preconditions.CheckArgument(weights.Length == map.Count, nameof(weights), "There must be one weight per unit of the map.");
        var values = new decimal[map.Count];
        var present = new bool[map.Count];
        for (int i = 0; i < weights.Length; i++)
        {
            Set(values, present, i, weights[i], map[i].Id.ToString());
        }
        return new UnitWeights(map, name, values, present);
    }

    /// <summary>Looks up the weight of the unit at a dense index.</summary>
    /// <param name="unitIndex">The unit's index in <see cref="Map"/>.</param>
    /// <param name="weight">The weight, when there is one.</param>
    /// <returns><see langword="true"/> when the unit has a weight.</returns>
    public bool TryGetWeight(int unitIndex, out decimal weight)
    {
        bool found = (uint)unitIndex < (uint)_present.Length && _present[unitIndex];
        weight = found ? _weights[unitIndex] : 0m;
        return found;
    }

    /// <summary>Gets the weight of a unit.</summary>
    /// <param name="id">The unit's identity.</param>
    /// <returns>The weight, or <see langword="null"/> when the unit has none (or is not in the map).</returns>
    public decimal? this[AdministrativeUnitId id] => TryGetWeight(Map.IndexOf(id), out decimal w) ? w : null;

    private static void Set(decimal[] values, bool[] present, int index, decimal weight, string unit)
    {
        Preconditions.CheckArgument(weight >= 0m, "weights", "The weight of " + unit + " is negative.");
        Preconditions.CheckArgument(!present[index], "weights", "Unit " + unit + " has two weights.");
        values[index] = weight;
        present[index] = true;
    }
}
