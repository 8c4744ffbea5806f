using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;
using DigitalKpi.Utility;
using NodaTime;

namespace DigitalKpi.Administration;

/// <summary>
/// One administrative unit as it exists during <see cref="Validity"/>: its official code, Vietnamese name, level,
/// type and the units it lies in. Immutable.
/// </summary>
/// <remarks>
/// <para>A change of name, type or level, a merger or a split ends a unit and starts a new one (linked by a
/// <see cref="Succession"/>), even when the code is kept; <see cref="Id"/> (code and first day) tells them apart.
/// A change of parent alone does not: it is recorded as consecutive <see cref="ParentLinks"/>.</para>
/// <para>Codes: "VN" style (two upper-case ASCII letters) for the nation, 2 digits for a province, 3 for a district,
/// 5 for a commune. Names are stored trimmed and in Unicode NFC.</para>
/// </remarks>
public sealed class AdministrativeUnit : IEquatable<AdministrativeUnit>
{
    private readonly ParentLink[] _parentLinks;

    /// <summary>Creates a unit with at most one parent for its whole validity.</summary>
    /// <param name="code">The official code (see the remarks on <see cref="AdministrativeUnit"/>).</param>
    /// <param name="name">The Vietnamese name without the type word ("Quảng Trị", not "Tỉnh Quảng Trị").</param>
    /// <param name="level">The level.</param>
    /// <param name="type">The type, which must belong to <paramref name="level"/>.</param>
    /// <param name="validFrom">The first day the unit is in force.</param>
    /// <param name="validTo">The last day the unit is in force (inclusive), or <see langword="null"/> while it still exists.</param>
    /// <param name="parentCode">The code of the parent for the whole validity, or <see langword="null"/> for none.</param>
    /// <param name="englishName">An optional English or ASCII name.</param>
    /// <exception cref="ArgumentNullException"><paramref name="code"/> or <paramref name="name"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An argument is malformed or inconsistent with another.</exception>
    public AdministrativeUnit(
        string code,
        string name,
        AdministrativeLevel level,
        AdministrativeUnitType type,
        LocalDate validFrom,
        LocalDate? validTo = null,
        string? parentCode = null,
        string? englishName = null)
        : this(code, name, level, type, new ValidityPeriod(validFrom, validTo),
            parentCode is null ? Array.Empty<ParentLink>() : new[] { new ParentLink(parentCode, validFrom, validTo) },
            englishName)
    {
    }

    /// <summary>Creates a unit whose parent may change during its validity.</summary>
    /// <param name="code">The official code (see the remarks on <see cref="AdministrativeUnit"/>).</param>
    /// <param name="name">The Vietnamese name without the type word.</param>
    /// <param name="level">The level.</param>
    /// <param name="type">The type, which must belong to <paramref name="level"/>.</param>
    /// <param name="validity">The days the unit is in force.</param>
    /// <param name="parentLinks">
    /// The parent links, in any order; each must lie within <paramref name="validity"/> and no two may overlap.
    /// Whether they must cover the whole validity is checked by <see cref="AdministrativeMap"/>.
    /// </param>
    /// <param name="englishName">An optional English or ASCII name.</param>
    /// <exception cref="ArgumentNullException">A reference argument other than <paramref name="englishName"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An argument is malformed or inconsistent with another.</exception>
    public AdministrativeUnit(
        string code,
        string name,
        AdministrativeLevel level,
        AdministrativeUnitType type,
        ValidityPeriod validity,
        IEnumerable<ParentLink> parentLinks,
        string? englishName = null)
    {
        Preconditions.CheckNotNull(code);
        Preconditions.CheckNotBlank(name);
        Preconditions.CheckNotNull(parentLinks);
        Preconditions.CheckArgument(level is >= AdministrativeLevel.National and <= AdministrativeLevel.Commune, nameof(level), "Not a defined administrative level.");
        Preconditions.CheckArgument(type is >= AdministrativeUnitType.Nation and <= AdministrativeUnitType.SpecialZone, nameof(type), "Not a defined administrative unit type.");

        // Messages naming the unit are built only on failure: units are created by the ten thousand.
        if (!IsWellFormedCode(code, level))
        {
            throw new ArgumentException(CodeRule(code, level), nameof(code));
        }
        AdministrativeLevel typeLevel = AdministrativeUnitTypes.LevelOf(type);
        if (typeLevel != level)
        {
            throw new ArgumentException(
                "Unit " + code + ": type " + type.ToString() + " belongs to level " + typeLevel.ToString() + ", not " + level.ToString() + ".", nameof(type));
        }

        ParentLink[] links = parentLinks.ToArray();
        Preconditions.CheckArgument(Array.TrueForAll(links, l => l is not null), nameof(parentLinks), "A parent link is null.");
        if (links.Length > 1)
        {
            Array.Sort(links, (a, b) => a.Validity.Start.CompareTo(b.Validity.Start));
        }
        for (int i = 0; i < links.Length; i++)
        {
            if (!validity.Covers(links[i].Validity))
            {
                throw new ArgumentException(
                    "Unit " + code + ": parent link " + links[i].ToString() + " is not within the unit's validity " + validity.ToString() + ".", nameof(parentLinks));
            }
            if (i > 0 && links[i - 1].Validity.Overlaps(links[i].Validity))
            {
                throw new ArgumentException("Unit " + code + ": parent links " + links[i - 1].ToString() + " and " + links[i].ToString() + " overlap.", nameof(parentLinks));
            }
        }
        if (level == AdministrativeLevel.National && links.Length > 0)
        {
            throw new ArgumentException("Unit " + code + ": a national unit has no parent.", nameof(parentLinks));
        }

        Code = code;
        Name = NameText.Nfc(name);
        EnglishName = englishName is null || englishName.Trim().Length == 0 ? null : NameText.Nfc(englishName);
        Level = level;
        Type = type;
        Validity = validity;
        _parentLinks = links;
        ParentLinks = new ReadOnlyCollection<ParentLink>(links);
    }

    /// <summary>Gets the identity of the unit: code and first day.</summary>
    public AdministrativeUnitId Id => new(Code, Validity.Start);

    /// <summary>Gets the official code.</summary>
    public string Code { get; }

    /// <summary>Gets the Vietnamese name, NFC-normalised, without the type word.</summary>
    public string Name { get; }

    /// <summary>Gets the English or ASCII name, if one was given.</summary>
    public string? EnglishName { get; }

    /// <summary>Gets the level.</summary>
    public AdministrativeLevel Level { get; }

    /// <summary>Gets the type.</summary>
    public AdministrativeUnitType Type { get; }

    /// <summary>Gets the days the unit is in force (both ends inclusive).</summary>
    public ValidityPeriod Validity { get; }

    /// <summary>Gets the first day the unit is in force.</summary>
    public LocalDate ValidFrom => Validity.Start;

    /// <summary>Gets the last day the unit is in force (inclusive), or <see langword="null"/> while it still exists.</summary>
    public LocalDate? ValidTo => Validity.End;

    /// <summary>Gets the parent links, ordered by start date; empty for the nation and for a top-level unit.</summary>
    public IReadOnlyList<ParentLink> ParentLinks { get; }

    /// <summary>Returns whether the unit is in force on <paramref name="date"/>.</summary>
    /// <param name="date">The day to test.</param>
    /// <returns><see langword="true"/> when <paramref name="date"/> is within <see cref="Validity"/>.</returns>
    public bool IsValidOn(LocalDate date) => Validity.Contains(date);

    /// <summary>Gets the code of the parent on <paramref name="date"/>.</summary>
    /// <param name="date">The day.</param>
    /// <returns>The parent's code, or <see langword="null"/> when no link holds on that day.</returns>
    public string? ParentCodeOn(LocalDate date)
    {
        foreach (ParentLink link in _parentLinks)
        {
            if (link.Validity.Contains(date))
            {
                return link.ParentCode;
            }
        }
        return null;
    }

    /// <inheritdoc/>
    public bool Equals(AdministrativeUnit? other)
        => other is not null
            && (ReferenceEquals(this, other)
                || (string.Equals(Code, other.Code, StringComparison.Ordinal)
                    && string.Equals(Name, other.Name, StringComparison.Ordinal)
                    && string.Equals(EnglishName, other.EnglishName, StringComparison.Ordinal)
                    && Level == other.Level
                    && Type == other.Type
                    && Validity == other.Validity
                    && _parentLinks.SequenceEqual(other._parentLinks)));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as AdministrativeUnit);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Id, StringComparer.Ordinal.GetHashCode(Name), Type, Validity);

    /// <summary>Formats the unit as "Name (code, Type, period)".</summary>
    /// <returns>The unit as text, independent of the current culture.</returns>
    public override string ToString() => Name + " (" + Code + ", " + Type.ToString() + ", " + Validity.ToString() + ")";

    internal static bool IsWellFormedCode(string code, AdministrativeLevel level)
    {
        if (level == AdministrativeLevel.National)
        {
            return code.Length == 2 && code.All(c => c is >= 'A' and <= 'Z');
        }
        return code.Length == DigitsFor(level) && code.All(c => c is >= '0' and <= '9');
    }

    private static int DigitsFor(AdministrativeLevel level) => level switch
    {
        AdministrativeLevel.Province => 2,
        AdministrativeLevel.District => 3,
        _ => 5,
    };

    private static string CodeRule(string code, AdministrativeLevel level) => level == AdministrativeLevel.National
        ? "Code '" + code + "' is not a national code (two upper-case ASCII letters, e.g. \"VN\")."
        : "Code '" + code + "' is not a " + level.ToString().ToLowerInvariant() + " code ("
            + DigitsFor(level).ToString(System.Globalization.CultureInfo.InvariantCulture) + " ASCII digits).";
}
