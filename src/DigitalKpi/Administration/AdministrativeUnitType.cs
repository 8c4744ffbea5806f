using System;

namespace DigitalKpi.Administration;

/// <summary>
/// The legal type of an administrative unit (named so as not to clash with units of measurement). Each type
/// belongs to exactly one <see cref="AdministrativeLevel"/>; see <see cref="AdministrativeUnitTypes.LevelOf"/>.
/// </summary>
public enum AdministrativeUnitType
{
    /// <summary>The nation (national level).</summary>
    Nation = 0,

    /// <summary>Province (tỉnh), provincial level.</summary>
    Province = 1,

    /// <summary>Centrally-run city (thành phố trực thuộc trung ương), provincial level.</summary>
    CentrallyRunCity = 2,

    /// <summary>Rural district (huyện), district level.</summary>
    RuralDistrict = 3,

    /// <summary>Urban district (quận), district level.</summary>
    UrbanDistrict = 4,

    /// <summary>Town (thị xã), district level.</summary>
    Town = 5,

    /// <summary>City below provincial level (thành phố thuộc tỉnh, or thuộc thành phố trực thuộc trung ương), district level.</summary>
    City = 6,

    /// <summary>Commune (xã), commune level.</summary>
    Commune = 7,

    /// <summary>Ward (phường), commune level.</summary>
    Ward = 8,

    /// <summary>Township (thị trấn), commune level; none exist from 2025-07-01.</summary>
    Township = 9,

    /// <summary>Special zone (đặc khu), commune level, created from 2025-07-01 for some island districts.</summary>
    SpecialZone = 10,
}

/// <summary>Helpers relating <see cref="AdministrativeUnitType"/> to <see cref="AdministrativeLevel"/>.</summary>
public static class AdministrativeUnitTypes
{
    /// <summary>Gets the level to which every unit of <paramref name="type"/> belongs.</summary>
    /// <param name="type">A defined unit type.</param>
    /// <returns>The level of that type.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="type"/> is not a defined value.</exception>
    public static AdministrativeLevel LevelOf(AdministrativeUnitType type) => type switch
    {
        AdministrativeUnitType.Nation => AdministrativeLevel.National,
        AdministrativeUnitType.Province or AdministrativeUnitType.CentrallyRunCity => AdministrativeLevel.Province,
        AdministrativeUnitType.RuralDistrict or AdministrativeUnitType.UrbanDistrict or AdministrativeUnitType.Town
            or AdministrativeUnitType.City => AdministrativeLevel.District,
        AdministrativeUnitType.Commune or AdministrativeUnitType.Ward or AdministrativeUnitType.Township
            or AdministrativeUnitType.SpecialZone => AdministrativeLevel.Commune,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Not a defined administrative unit type."),
    };

    /// <summary>Gets the most common type at <paramref name="level"/>: nation, province, rural district or commune.</summary>
    /// <param name="level">A defined level.</param>
    /// <returns>The default type for that level.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is not a defined value.</exception>
    public static AdministrativeUnitType DefaultFor(AdministrativeLevel level) => level switch
    {
        AdministrativeLevel.National => AdministrativeUnitType.Nation,
        AdministrativeLevel.Province => AdministrativeUnitType.Province,
        AdministrativeLevel.District => AdministrativeUnitType.RuralDistrict,
        AdministrativeLevel.Commune => AdministrativeUnitType.Commune,
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "Not a defined administrative level."),
    };
}
