using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using DigitalKpi.Utility;
using NodaTime;

namespace DigitalKpi;

/// <summary>
/// A set of indicators and targets: one province's plan or a national program. Immutable. A catalog may hold
/// inconsistent definitions (two indicators with one code, a target for an unknown indicator); the consistency
/// rules report them rather than the constructor refusing them.
/// </summary>
public sealed class Catalog : IEquatable<Catalog>
{
    /// <summary>Creates a catalog.</summary>
    /// <param name="id">Stable id (code syntax), e.g. <c>QT-02-NQ-TU</c>.</param>
    /// <param name="title">Title (Vietnamese), NFC-normalised.</param>
    /// <param name="issuer">Code of the administrative unit that issued it (<c>VN</c> for national programs), e.g. <c>45</c>.</param>
    /// <param name="indicators">Indicators.</param>
    /// <param name="targets">Targets.</param>
    /// <param name="issuedOn">Date of the document, or null.</param>
    /// <param name="source">The document, or null.</param>
    [MethodImpl(HotPath.Optimized)]
    public Catalog(string id, string title, string issuer, IEnumerable<Indicator>? indicators, IEnumerable<Target>? targets, LocalDate? issuedOn = null, SourceCitation? source = null)
    {
        Id = Text.CheckCode(id, nameof(id));
        Title = Text.CheckName(title, nameof(title));
        Issuer = Text.CheckCode(issuer, nameof(issuer));
        Indicators = Text.ToImmutable(indicators, nameof(indicators));
        Targets = Text.ToImmutable(targets, nameof(targets));
        IssuedOn = issuedOn;
        Source = source;
    }

    /// <summary>Stable id.</summary>
    public string Id { get; }

    /// <summary>Title.</summary>
    public string Title { get; }

    /// <summary>Code of the issuing administrative unit.</summary>
    public string Issuer { get; }

    /// <summary>Date of the document, or null.</summary>
    public LocalDate? IssuedOn { get; }

    /// <summary>The document, or null.</summary>
    public SourceCitation? Source { get; }

    /// <summary>Indicators, in definition order.</summary>
    public ImmutableArray<Indicator> Indicators { get; }

    /// <summary>Targets, in definition order.</summary>
    public ImmutableArray<Target> Targets { get; }

    /// <summary>The first indicator with a code, or null.</summary>
    /// <param name="code">The code.</param>
    /// <returns>The indicator, or null.</returns>
    public Indicator? FindIndicator(string code)
    {
        foreach (Indicator indicator in Indicators)
        {
            if (string.Equals(indicator.Code, code, StringComparison.Ordinal))
            {
                return indicator;
            }
        }
        return null;
    }

    /// <summary>The first target with an id, or null.</summary>
    /// <param name="id">The id.</param>
    /// <returns>The target, or null.</returns>
    public Target? FindTarget(string id)
    {
        foreach (Target target in Targets)
        {
            if (string.Equals(target.Id, id, StringComparison.Ordinal))
            {
                return target;
            }
        }
        return null;
    }

    /// <inheritdoc />
    public bool Equals(Catalog? other)
        => other is not null
        && (ReferenceEquals(this, other)
            || (string.Equals(Id, other.Id, StringComparison.Ordinal)
                && string.Equals(Title, other.Title, StringComparison.Ordinal)
                && string.Equals(Issuer, other.Issuer, StringComparison.Ordinal)
                && IssuedOn == other.IssuedOn
                && Equals(Source, other.Source)
                && Text.SequenceEqual(Indicators, other.Indicators)
                && Text.SequenceEqual(Targets, other.Targets)));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as Catalog);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, Title, Issuer, Indicators.Length, Targets.Length);

    /// <summary>The id and title.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Id + " (" + Title + ")";
}

/// <summary>A set of measurements, e.g. the results a province reported for one year. Immutable.</summary>
public sealed class MeasurementSet : IEquatable<MeasurementSet>
{
    /// <summary>Creates a measurement set.</summary>
    /// <param name="id">Stable id (code syntax), e.g. <c>TQ-RESULTS-2022</c>.</param>
    /// <param name="title">Title, NFC-normalised.</param>
    /// <param name="measurements">The measurements.</param>
    /// <param name="source">The document, or null.</param>
    public MeasurementSet(string id, string title, IEnumerable<Measurement>? measurements, SourceCitation? source = null)
    {
        Id = Text.CheckCode(id, nameof(id));
        Title = Text.CheckName(title, nameof(title));
        Measurements = Text.ToImmutable(measurements, nameof(measurements));
        Source = source;
    }

    /// <summary>Stable id.</summary>
    public string Id { get; }

    /// <summary>Title.</summary>
    public string Title { get; }

    /// <summary>The document, or null.</summary>
    public SourceCitation? Source { get; }

    /// <summary>The measurements, in order.</summary>
    public ImmutableArray<Measurement> Measurements { get; }

    /// <inheritdoc />
    public bool Equals(MeasurementSet? other)
        => other is not null
        && (ReferenceEquals(this, other)
            || (string.Equals(Id, other.Id, StringComparison.Ordinal)
                && string.Equals(Title, other.Title, StringComparison.Ordinal)
                && Equals(Source, other.Source)
                && Text.SequenceEqual(Measurements, other.Measurements)));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as MeasurementSet);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, Title, Measurements.Length);

    /// <summary>The id and title.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Id + " (" + Title + ")";
}
