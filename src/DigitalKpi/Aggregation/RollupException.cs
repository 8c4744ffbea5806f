using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using DigitalKpi.Administration;

namespace DigitalKpi.Aggregation;

/// <summary>
/// A roll-up cannot be computed from the figures given: a figure for an unknown unit or a unit above the leaf level,
/// overlapping figures, a flow of percentages over time, a missing weight, a split without weights, ranks of
/// merged units. The message says what and names the units (the first twenty).
/// </summary>
public class RollupException : Exception
{
    private const int UnitsInMessage = 20;

    /// <summary>Creates an exception.</summary>
    public RollupException()
        : this("The roll-up cannot be computed.")
    {
    }

    /// <summary>Creates an exception.</summary>
    /// <param name="message">The message.</param>
    public RollupException(string message)
        : this(message, Array.Empty<AdministrativeUnit>())
    {
    }

    /// <summary>Creates an exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public RollupException(string message, Exception innerException)
        : base(message, innerException)
    {
        Units = Array.Empty<AdministrativeUnit>();
    }

    /// <summary>Creates an exception naming units; their names and ids are appended to <paramref name="message"/>.</summary>
    /// <param name="message">The message.</param>
    /// <param name="units">The units at fault.</param>
    public RollupException(string message, IEnumerable<AdministrativeUnit> units)
        : this(message, (units ?? Array.Empty<AdministrativeUnit>()).ToArray())
    {
    }

    private RollupException(string message, AdministrativeUnit[] units)
        : base(message + Describe(units))
    {
        Units = Array.AsReadOnly(units);
    }

    /// <summary>Gets the units at fault (all of them, not only those in the message).</summary>
    public IReadOnlyList<AdministrativeUnit> Units { get; }

    internal static string Describe(IReadOnlyList<AdministrativeUnit> units)
    {
        if (units.Count == 0)
        {
            return string.Empty;
        }
        string list = string.Join(", ", units.Take(UnitsInMessage).Select(u => u.Name + " (" + u.Id.ToString() + ")"));
        return " Units: " + list + (units.Count > UnitsInMessage
            ? " and " + (units.Count - UnitsInMessage).ToString(CultureInfo.InvariantCulture) + " more."
            : ".");
    }
}

/// <summary>
/// Figures reported for units of a different arrangement than the tree of the roll-up (old provinces in a roll-up on
/// the 34-province map, or new ones on the 63-province map) without an explicit <see cref="SuccessionMapping"/>, or
/// that no mapping can carry into the tree (a unit that started after it). <see cref="RollupException.Units"/> names them.
/// </summary>
public sealed class MixedMapsException : RollupException
{
    /// <summary>Creates an exception.</summary>
    public MixedMapsException()
        : base("Figures of units outside the tree of the roll-up.")
    {
    }

    /// <summary>Creates an exception.</summary>
    /// <param name="message">The message.</param>
    public MixedMapsException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public MixedMapsException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception naming units.</summary>
    /// <param name="message">The message.</param>
    /// <param name="units">The units outside the tree.</param>
    public MixedMapsException(string message, IEnumerable<AdministrativeUnit> units)
        : base(message, units)
    {
    }
}
