using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text.Json;
using DigitalKpi.Administration;

namespace DigitalKpi.Json.Internal;

/// <summary>
/// The JSON names of one enum: an explicit table, so that renaming a C# member never changes the public format.
/// Reading is exact (case-sensitive, no numbers, no comma-separated flags).
/// </summary>
internal sealed class EnumNames<T>
    where T : struct, Enum
{
    private readonly ImmutableArray<(string Name, T Value)> entries;
    private readonly byte[][] utf8Names;

    internal EnumNames(string description, params (string Name, T Value)[] entries)
    {
        Description = description;
        this.entries = entries.ToImmutableArray();
        utf8Names = new byte[entries.Length][];
        for (int i = 0; i < entries.Length; i++)
        {
            utf8Names[i] = System.Text.Encoding.UTF8.GetBytes(entries[i].Name);
        }
    }

    /// <summary>Matches the raw (unescaped) UTF-8 bytes of a string token exactly.</summary>
    internal bool TryMatch(ReadOnlySpan<byte> utf8, out T value)
    {
        for (int i = 0; i < utf8Names.Length; i++)
        {
            if (utf8.SequenceEqual(utf8Names[i]))
            {
                value = entries[i].Value;
                return true;
            }
        }
        value = default;
        return false;
    }

    /// <summary>What a value is, for messages: "a comparator".</summary>
    internal string Description { get; }

    internal IEnumerable<string> Names
    {
        get
        {
            foreach ((string name, T _) in entries)
            {
                yield return name;
            }
        }
    }

    internal string NameOf(T value)
    {
        foreach ((string name, T v) in entries)
        {
            if (EqualityComparer<T>.Default.Equals(v, value))
            {
                return name;
            }
        }
        throw new ArgumentOutOfRangeException(nameof(value), value, "No JSON name for this " + typeof(T).Name + " value.");
    }

    internal bool TryRead(ref Utf8JsonReader reader, out T value)
    {
        foreach ((string name, T v) in entries)
        {
            if (reader.ValueTextEquals(name))
            {
                value = v;
                return true;
            }
        }
        value = default;
        return false;
    }

    internal string Expected => string.Join(", ", Names);
}

/// <summary>The JSON names of the model's enums (format version 1).</summary>
internal static class JsonNames
{
    internal static readonly EnumNames<Comparator> Comparator = new(
        "a comparator",
        ("atLeast", DigitalKpi.Comparator.AtLeast),
        ("above", DigitalKpi.Comparator.Above),
        ("atMost", DigitalKpi.Comparator.AtMost),
        ("below", DigitalKpi.Comparator.Below),
        ("between", DigitalKpi.Comparator.Between),
        ("about", DigitalKpi.Comparator.About),
        ("rankWithin", DigitalKpi.Comparator.RankWithin),
        ("achieved", DigitalKpi.Comparator.Achieved));

    internal static readonly EnumNames<Direction> Direction = new(
        "a direction",
        ("higherIsBetter", DigitalKpi.Direction.HigherIsBetter),
        ("lowerIsBetter", DigitalKpi.Direction.LowerIsBetter));

    internal static readonly EnumNames<Pillar> Pillar = new(
        "a pillar",
        ("digitalGovernment", DigitalKpi.Pillar.DigitalGovernment),
        ("digitalEconomy", DigitalKpi.Pillar.DigitalEconomy),
        ("digitalSociety", DigitalKpi.Pillar.DigitalSociety),
        ("digitalInfrastructure", DigitalKpi.Pillar.DigitalInfrastructure));

    internal static readonly EnumNames<TemporalNature> TemporalNature = new(
        "a temporal nature",
        ("snapshot", DigitalKpi.TemporalNature.Snapshot),
        ("flow", DigitalKpi.TemporalNature.Flow),
        ("runningTotal", DigitalKpi.TemporalNature.RunningTotal));

    internal static readonly EnumNames<AdministrativeLevel> Level = new(
        "an administrative level",
        ("national", AdministrativeLevel.National),
        ("province", AdministrativeLevel.Province),
        ("district", AdministrativeLevel.District),
        ("commune", AdministrativeLevel.Commune));

    internal static readonly EnumNames<PeriodKind> Periodicity = new(
        "a periodicity",
        ("year", PeriodKind.Year),
        ("halfYear", PeriodKind.HalfYear),
        ("quarter", PeriodKind.Quarter),
        ("month", PeriodKind.Month),
        ("custom", PeriodKind.Custom));

    internal static readonly EnumNames<ObservationStatus> Status = new(
        "an observation status",
        ("normal", ObservationStatus.Normal),
        ("break", ObservationStatus.Break),
        ("definitionDiffers", ObservationStatus.DefinitionDiffers),
        ("estimated", ObservationStatus.Estimated),
        ("forecast", ObservationStatus.Forecast),
        ("experimental", ObservationStatus.Experimental),
        ("imputed", ObservationStatus.Imputed),
        ("missingCannotExist", ObservationStatus.MissingCannotExist),
        ("missing", ObservationStatus.Missing),
        ("provisional", ObservationStatus.Provisional),
        ("lowReliability", ObservationStatus.LowReliability),
        ("unvalidated", ObservationStatus.Unvalidated));
}
