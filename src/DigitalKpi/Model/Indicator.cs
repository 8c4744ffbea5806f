using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using DigitalKpi.Administration;
using DigitalKpi.Utility;

namespace DigitalKpi;

/// <summary>
/// What is measured: a stable code, names, unit, direction, pillar, the administrative levels it is reported at,
/// its reporting periodicity and its temporal nature. Immutable; equal when every property is equal.
/// </summary>
public sealed class Indicator : IEquatable<Indicator>
{
    /// <summary>Creates an indicator.</summary>
    /// <param name="code">Stable code: 1–64 upper-case ASCII letters, digits, '.', '_', '-' (e.g. <c>DG.ONLINE_DOSSIERS</c>).</param>
    /// <param name="nameVi">Vietnamese name, required; stored NFC-normalised.</param>
    /// <param name="unit">The unit of its values.</param>
    /// <param name="direction">Whether higher or lower is better.</param>
    /// <param name="pillar">The pillar it belongs to.</param>
    /// <param name="temporalNature">How its values combine over time.</param>
    /// <param name="nameEn">English name, optional.</param>
    /// <param name="levels">Administrative levels it is reported at; default: province only.</param>
    /// <param name="periodicity">How often it is reported; default: yearly.</param>
    /// <exception cref="ArgumentException">A code or name is malformed, or a level repeats.</exception>
    [MethodImpl(HotPath.Optimized)]
    public Indicator(
        string code,
        string nameVi,
        Unit unit,
        Direction direction,
        Pillar pillar,
        TemporalNature temporalNature,
        string? nameEn = null,
        IEnumerable<AdministrativeLevel>? levels = null,
        PeriodKind periodicity = PeriodKind.Year)
    {
        Code = Text.CheckCode(code, nameof(code));
        NameVi = Text.CheckName(nameVi, nameof(nameVi));
        NameEn = Text.CheckOptionalName(nameEn, nameof(nameEn));
        Unit = Preconditions.CheckNotNull(unit);
        Direction = CheckEnum(direction, nameof(direction));
        Pillar = CheckEnum(pillar, nameof(pillar));
        TemporalNature = CheckEnum(temporalNature, nameof(temporalNature));
        Periodicity = CheckEnum(periodicity, nameof(periodicity));
        ImmutableArray<AdministrativeLevel> lv = levels is null
            ? ImmutableArray.Create(AdministrativeLevel.Province)
            : levels.ToImmutableArray();
        Preconditions.CheckArgument(lv.Length > 0, nameof(levels), "An indicator is reported at one level at least.");
        // The levels as a set of bits (a handful of values): duplicates found and the levels sorted without a generic
        // set or sort over the enum, whose code the analyzer (the same sources in the compiler) would have to JIT.
        int seen = 0;
        bool ascending = true;
        foreach (AdministrativeLevel level in lv)
        {
            int bit = 1 << (int)CheckEnum(level, nameof(levels));
            Preconditions.CheckArgument((seen & bit) == 0, nameof(levels), "A level is listed twice.");
            ascending &= bit > seen;
            seen |= bit;
        }
        Levels = ascending ? lv : Sorted(seen, lv.Length);
    }

    private static ImmutableArray<AdministrativeLevel> Sorted(int levels, int count)
    {
        ImmutableArray<AdministrativeLevel>.Builder sorted = ImmutableArray.CreateBuilder<AdministrativeLevel>(count);
        for (int value = 0; levels >> value != 0; value++)
        {
            if ((levels & (1 << value)) != 0)
            {
                sorted.Add((AdministrativeLevel)value);
            }
        }
        return sorted.MoveToImmutable();
    }

    /// <summary>Stable code.</summary>
    public string Code { get; }

    /// <summary>Vietnamese name, NFC-normalised.</summary>
    public string NameVi { get; }

    /// <summary>English name, or null.</summary>
    public string? NameEn { get; }

    /// <summary>The unit of its values.</summary>
    public Unit Unit { get; }

    /// <summary>Whether higher or lower is better.</summary>
    public Direction Direction { get; }

    /// <summary>The pillar.</summary>
    public Pillar Pillar { get; }

    /// <summary>How its values combine over time.</summary>
    public TemporalNature TemporalNature { get; }

    /// <summary>The administrative levels it is reported at, in ascending order (National first).</summary>
    public ImmutableArray<AdministrativeLevel> Levels { get; }

    /// <summary>How often it is reported.</summary>
    public PeriodKind Periodicity { get; }

    /// <summary>Whether the indicator is reported at a level.</summary>
    /// <param name="level">The level.</param>
    /// <returns>True when reported there.</returns>
    public bool IsReportedAt(AdministrativeLevel level) => Levels.Contains(level);

    /// <inheritdoc />
    public bool Equals(Indicator? other)
        => other is not null
        && (ReferenceEquals(this, other)
            || (string.Equals(Code, other.Code, StringComparison.Ordinal)
                && string.Equals(NameVi, other.NameVi, StringComparison.Ordinal)
                && string.Equals(NameEn, other.NameEn, StringComparison.Ordinal)
                && Unit.Equals(other.Unit)
                && Direction == other.Direction
                && Pillar == other.Pillar
                && TemporalNature == other.TemporalNature
                && Periodicity == other.Periodicity
                && Text.SequenceEqual(Levels, other.Levels)));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as Indicator);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Code, NameVi, Unit, Direction, Pillar, TemporalNature, Text.SequenceHash(Levels));

    /// <summary>The code and Vietnamese name.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Code + " (" + NameVi + ")";

    [MethodImpl(HotPath.Optimized)]
    internal static T CheckEnum<T>(T value, string paramName)
        where T : struct, Enum
    {
        // The named values compared without boxing (Enum.IsDefined boxes and reflects at every call on netstandard2.0,
        // which the analyzer runs for every definition it reads).
        T[] defined = EnumValues<T>.All;
        for (int i = 0; i < defined.Length; i++)
        {
            if (EqualityComparer<T>.Default.Equals(defined[i], value))
            {
                return value;
            }
        }
        throw new ArgumentOutOfRangeException(paramName, value, $"Undefined {typeof(T).Name} value.");
    }
}
