using System.Collections.Generic;
using DigitalKpi.Utility;

namespace DigitalKpi.Administration;

/// <summary>
/// Collects units and successions for an <see cref="AdministrativeMap"/>; all validation happens in
/// <see cref="Build"/>. Not thread-safe. Start from an existing map with <see cref="AdministrativeMap.ToBuilder"/>.
/// </summary>
public sealed class AdministrativeMapBuilder
{
    private readonly List<AdministrativeUnit> _units = new();
    private readonly List<Succession> _successions = new();

    /// <summary>Gets the number of units added so far.</summary>
    public int UnitCount => _units.Count;

    /// <summary>Gets the number of successions added so far.</summary>
    public int SuccessionCount => _successions.Count;

    /// <summary>Adds a unit.</summary>
    /// <param name="unit">The unit.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="unit"/> is <see langword="null"/>.</exception>
    public AdministrativeMapBuilder Add(AdministrativeUnit unit)
    {
        _units.Add(Preconditions.CheckNotNull(unit));
        return this;
    }

    /// <summary>Adds units.</summary>
    /// <param name="units">The units.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="units"/> or one of them is <see langword="null"/>.</exception>
    public AdministrativeMapBuilder AddRange(IEnumerable<AdministrativeUnit> units)
    {
        foreach (AdministrativeUnit unit in Preconditions.CheckNotNull(units))
        {
            Add(unit);
        }
        return this;
    }

    /// <summary>Adds a succession.</summary>
    /// <param name="succession">The succession.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="succession"/> is <see langword="null"/>.</exception>
    public AdministrativeMapBuilder Add(Succession succession)
    {
        _successions.Add(Preconditions.CheckNotNull(succession));
        return this;
    }

    /// <summary>Adds successions.</summary>
    /// <param name="successions">The successions.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="successions"/> or one of them is <see langword="null"/>.</exception>
    public AdministrativeMapBuilder AddRange(IEnumerable<Succession> successions)
    {
        foreach (Succession succession in Preconditions.CheckNotNull(successions))
        {
            Add(succession);
        }
        return this;
    }

    /// <summary>Validates what was added and builds the map.</summary>
    /// <returns>The map.</returns>
    /// <exception cref="AdministrativeMapException">The units and successions are inconsistent.</exception>
    public AdministrativeMap Build() => AdministrativeMap.Create(_units, _successions);
}
