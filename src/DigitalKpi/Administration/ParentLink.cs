using System;
using DigitalKpi.Utility;
using NodaTime;

namespace DigitalKpi.Administration;

/// <summary>
/// States that a unit lies inside the unit with code <see cref="ParentCode"/> during <see cref="Validity"/>. A
/// unit whose parent changes over time (a commune moved from its district to its province on 2025-07-01) has
/// several links with consecutive periods.
/// </summary>
/// <remarks>
/// The parent is named by code. <see cref="AdministrativeMap"/> resolves it to the unit with that code in force
/// on the first day of the link, and requires that one unit to stay in force for the whole link; a link cannot
/// silently pass from an old unit to a new unit that reuses its code.
/// </remarks>
public sealed class ParentLink : IEquatable<ParentLink>
{
    /// <summary>Creates a link to <paramref name="parentCode"/> from <paramref name="validFrom"/> to <paramref name="validTo"/> inclusive.</summary>
    /// <param name="parentCode">The official code of the parent unit.</param>
    /// <param name="validFrom">The first day of the link.</param>
    /// <param name="validTo">The last day of the link (inclusive), or <see langword="null"/> for no end.</param>
    /// <exception cref="ArgumentNullException"><paramref name="parentCode"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The code is blank or the period is empty.</exception>
    public ParentLink(string parentCode, LocalDate validFrom, LocalDate? validTo = null)
        : this(parentCode, new ValidityPeriod(validFrom, validTo))
    {
    }

    /// <summary>Creates a link to <paramref name="parentCode"/> during <paramref name="validity"/>.</summary>
    /// <param name="parentCode">The official code of the parent unit.</param>
    /// <param name="validity">The days on which the link holds.</param>
    /// <exception cref="ArgumentNullException"><paramref name="parentCode"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The code is blank.</exception>
    public ParentLink(string parentCode, ValidityPeriod validity)
    {
        ParentCode = Preconditions.CheckNotBlank(parentCode).Trim();
        Validity = validity;
    }

    /// <summary>Gets the official code of the parent unit.</summary>
    public string ParentCode { get; }

    /// <summary>Gets the days on which the link holds (both ends inclusive).</summary>
    public ValidityPeriod Validity { get; }

    /// <inheritdoc/>
    public bool Equals(ParentLink? other)
        => other is not null && string.Equals(ParentCode, other.ParentCode, StringComparison.Ordinal) && Validity == other.Validity;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as ParentLink);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(StringComparer.Ordinal.GetHashCode(ParentCode), Validity);

    /// <summary>Formats the link as "parent code (period)".</summary>
    /// <returns>The link as text, independent of the current culture.</returns>
    public override string ToString() => ParentCode + " (" + Validity.ToString() + ")";
}
