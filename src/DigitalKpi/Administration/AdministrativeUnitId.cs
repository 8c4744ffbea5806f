using System;
using NodaTime;

namespace DigitalKpi.Administration;

/// <summary>
/// Identifies one administrative unit across time: its official code together with the first day it is in force.
/// </summary>
/// <remarks>
/// Official codes are reused: after 2025-07-01 the merged province of Quảng Trị carries code 44, which until
/// 2025-06-30 was Quảng Bình's. A code alone is therefore ambiguous; a code and a start date are not, because
/// units with the same code never overlap in time (<see cref="AdministrativeMap"/> enforces it).
/// </remarks>
public readonly struct AdministrativeUnitId : IEquatable<AdministrativeUnitId>
{
    private readonly string? _code;

    /// <summary>Creates an identifier.</summary>
    /// <param name="code">The official code.</param>
    /// <param name="validFrom">The first day the unit is in force.</param>
    /// <exception cref="ArgumentNullException"><paramref name="code"/> is <see langword="null"/>.</exception>
    public AdministrativeUnitId(string code, LocalDate validFrom)
    {
        _code = Utility.Preconditions.CheckNotNull(code);
        ValidFrom = validFrom;
    }

    /// <summary>Gets the official code (empty for the default value).</summary>
    public string Code => _code ?? string.Empty;

    /// <summary>Gets the first day the unit is in force.</summary>
    public LocalDate ValidFrom { get; }

    /// <inheritdoc/>
    public bool Equals(AdministrativeUnitId other)
        => string.Equals(Code, other.Code, StringComparison.Ordinal) && ValidFrom == other.ValidFrom;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is AdministrativeUnitId other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(StringComparer.Ordinal.GetHashCode(Code), ValidFrom);

    /// <summary>Formats the identifier as "code@start", e.g. "44@2025-07-01".</summary>
    /// <returns>The identifier as text, independent of the current culture.</returns>
    public override string ToString() => Code + "@" + ValidityPeriod.Format(ValidFrom);

    /// <summary>Compares two identifiers for equality.</summary>
    /// <param name="left">The first identifier.</param>
    /// <param name="right">The second identifier.</param>
    /// <returns><see langword="true"/> when code and start date are equal.</returns>
    public static bool operator ==(AdministrativeUnitId left, AdministrativeUnitId right) => left.Equals(right);

    /// <summary>Compares two identifiers for inequality.</summary>
    /// <param name="left">The first identifier.</param>
    /// <param name="right">The second identifier.</param>
    /// <returns><see langword="true"/> when code or start date differ.</returns>
    public static bool operator !=(AdministrativeUnitId left, AdministrativeUnitId right) => !left.Equals(right);
}
