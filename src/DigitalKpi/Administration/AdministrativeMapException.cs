using System;

namespace DigitalKpi.Administration;

/// <summary>
/// Thrown when units and successions do not form a consistent <see cref="AdministrativeMap"/>: an unknown parent
/// code, overlapping validity of one code, a parent at the wrong level (which would allow cycles), a succession
/// whose units are not in force on the right days, and the like. The message names the unit code concerned.
/// </summary>
public class AdministrativeMapException : Exception
{
    internal AdministrativeMapException(string message, string? unitCode, AdministrativeUnitId? unitId = null, Succession? succession = null, Exception? innerException = null)
        : base(message, innerException)
    {
        UnitCode = unitCode;
        UnitId = unitId;
        Succession = succession;
    }

    /// <summary>Gets the code of the unit at fault, when one unit is.</summary>
    public string? UnitCode { get; }

    /// <summary>Gets the identity of the unit at fault, when it is known.</summary>
    public AdministrativeUnitId? UnitId { get; }

    /// <summary>Gets the succession at fault, when the error is in a succession.</summary>
    public Succession? Succession { get; }
}
