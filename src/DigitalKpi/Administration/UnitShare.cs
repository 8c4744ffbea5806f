using System;

namespace DigitalKpi.Administration;

/// <summary>
/// A unit of an <see cref="AdministrativeMap"/> with the share of some other unit that has passed to it through
/// successions (see <see cref="AdministrativeMap.SuccessorShares(AdministrativeUnitId, NodaTime.LocalDate)"/>).
/// </summary>
public readonly struct UnitShare : IEquatable<UnitShare>
{
    /// <summary>Creates a share.</summary>
    /// <param name="index">The unit's dense index in its map.</param>
    /// <param name="unit">The unit.</param>
    /// <param name="share">The share in (0, 1], or <see langword="null"/> when unknown.</param>
    public UnitShare(int index, AdministrativeUnit unit, decimal? share)
    {
        Index = index;
        Unit = Utility.Preconditions.CheckNotNull(unit);
        Share = share;
    }

    /// <summary>Gets the unit's dense index in its map (see <see cref="AdministrativeMap.IndexOf"/>).</summary>
    public int Index { get; }

    /// <summary>Gets the unit.</summary>
    public AdministrativeUnit Unit { get; }

    /// <summary>
    /// Gets the share: 1 when the whole of the original unit passed to <see cref="Unit"/>, a fraction when it was
    /// split with known weights, <see langword="null"/> when it was split without weights somewhere on the way.
    /// </summary>
    public decimal? Share { get; }

    /// <inheritdoc/>
    public bool Equals(UnitShare other) => Index == other.Index && Equals(Unit, other.Unit) && Share == other.Share;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is UnitShare other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Index, Share);

    /// <summary>Formats the share as "unit × share" (invariant culture; "?" when unknown).</summary>
    /// <returns>The share as text.</returns>
    public override string ToString()
        => (Unit?.ToString() ?? string.Empty) + " × " + (Share is { } s ? s.ToString(System.Globalization.CultureInfo.InvariantCulture) : "?");

    /// <summary>Compares two shares for equality.</summary>
    /// <param name="left">The first share.</param>
    /// <param name="right">The second share.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public static bool operator ==(UnitShare left, UnitShare right) => left.Equals(right);

    /// <summary>Compares two shares for inequality.</summary>
    /// <param name="left">The first share.</param>
    /// <param name="right">The second share.</param>
    /// <returns><see langword="true"/> when not equal.</returns>
    public static bool operator !=(UnitShare left, UnitShare right) => !left.Equals(right);
}
