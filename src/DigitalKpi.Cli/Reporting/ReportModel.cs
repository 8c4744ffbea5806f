using System.Collections.Immutable;
using DigitalKpi.Administration;
using DigitalKpi.Rules;
using NodaTime;

namespace DigitalKpi.Cli.Reporting;

/// <summary>
/// The evaluated report, computed once by <see cref="ReportBuilder"/> and rendered by the console, Markdown and HTML
/// renderers. Language-independent: renderers format it.
/// </summary>
internal sealed class Report
{
    internal Report(LocalDate asOf, IReadOnlyList<CatalogReport> catalogs, IReadOnlyList<UnitResults> unitsWithoutCatalog, ImmutableArray<KpiDiagnostic> diagnostics, IReadOnlyList<string> inputs, bool builtIn)
    {
        AsOf = asOf;
        Catalogs = catalogs;
        UnitsWithoutCatalog = unitsWithoutCatalog;
        Diagnostics = diagnostics;
        Inputs = inputs;
        BuiltIn = builtIn;
        Counts = StatusCounts.Of(catalogs.SelectMany(c => c.AllTargets));
        PillarCounts = PillarSummary.Of(catalogs.SelectMany(c => c.AllTargets));
    }

    /// <summary>The evaluation date.</summary>
    internal LocalDate AsOf { get; }

    /// <summary>One section per catalog, in input order.</summary>
    internal IReadOnlyList<CatalogReport> Catalogs { get; }

    /// <summary>Measurements of units that no loaded catalog is issued for.</summary>
    internal IReadOnlyList<UnitResults> UnitsWithoutCatalog { get; }

    /// <summary>Consistency findings on the inputs.</summary>
    internal ImmutableArray<KpiDiagnostic> Diagnostics { get; }

    /// <summary>Input file names (empty for the built-in data).</summary>
    internal IReadOnlyList<string> Inputs { get; }

    /// <summary>Whether the built-in data was used.</summary>
    internal bool BuiltIn { get; }

    /// <summary>Status counts over every target.</summary>
    internal StatusCounts Counts { get; }

    /// <summary>Status counts per pillar over every target.</summary>
    internal IReadOnlyList<PillarSummary> PillarCounts { get; }

    /// <summary>Every target row.</summary>
    internal IEnumerable<TargetReport> AllTargets => Catalogs.SelectMany(c => c.AllTargets);
}

/// <summary>One catalog (a province's plan or a national program).</summary>
internal sealed class CatalogReport
{
    internal CatalogReport(Catalog catalog, UnitInfo issuer, IReadOnlyList<PillarReport> pillars, IReadOnlyList<MeasurementRow> otherResults)
    {
        Catalog = catalog;
        Issuer = issuer;
        Pillars = pillars;
        OtherResults = otherResults;
        Counts = StatusCounts.Of(AllTargets);
        PillarCounts = PillarSummary.Of(AllTargets);
    }

    internal Catalog Catalog { get; }

    internal string Id => Catalog.Id;

    internal string Title => Catalog.Title;

    /// <summary>The issuing unit.</summary>
    internal UnitInfo Issuer { get; }

    /// <summary>Pillars in the order government, economy, society, infrastructure, other; only those with targets.</summary>
    internal IReadOnlyList<PillarReport> Pillars { get; }

    /// <summary>Measurements of the issuing unit for indicators none of its targets uses.</summary>
    internal IReadOnlyList<MeasurementRow> OtherResults { get; }

    internal StatusCounts Counts { get; }

    internal IReadOnlyList<PillarSummary> PillarCounts { get; }

    internal IEnumerable<TargetReport> AllTargets => Pillars.SelectMany(p => p.Targets);
}

/// <summary>An administrative unit as named in the report.</summary>
/// <param name="Code">Official code ("77", "VN").</param>
/// <param name="Name">Vietnamese name, or null when not in the built-in map.</param>
/// <param name="EnglishName">English name, or null.</param>
/// <param name="EndedOn">Last day of the unit when it no longer exists on the report date, else null.</param>
/// <param name="Successors">Names of the units it became (on the report date), when it ended.</param>
internal sealed record UnitInfo(string Code, string? Name, string? EnglishName, LocalDate? EndedOn, IReadOnlyList<string> Successors);

/// <summary>The targets of one pillar in a catalog.</summary>
internal sealed class PillarReport
{
    internal PillarReport(Pillar? pillar, IReadOnlyList<TargetReport> targets)
    {
        Pillar = pillar;
        Targets = targets;
        Counts = StatusCounts.Of(targets);
    }

    /// <summary>The pillar, or null for targets whose indicator is unknown.</summary>
    internal Pillar? Pillar { get; }

    internal IReadOnlyList<TargetReport> Targets { get; }

    internal StatusCounts Counts { get; }
}

/// <summary>Status counts of one pillar (for the per-pillar chart).</summary>
internal sealed record PillarSummary(Pillar? Pillar, StatusCounts Counts)
{
    internal static IReadOnlyList<PillarSummary> Of(IEnumerable<TargetReport> targets)
        => targets.GroupBy(t => t.Pillar)
            .OrderBy(g => g.Key is { } p ? (int)p : int.MaxValue)
            .Select(g => new PillarSummary(g.Key, StatusCounts.Of(g)))
            .ToList();
}

/// <summary>One evaluated target.</summary>
internal sealed class TargetReport
{
    internal TargetReport(Target target, Indicator? indicator, AttainmentResult result, Measurement? latest, IReadOnlyList<TrajectoryPoint> points, IReadOnlyList<TargetNote> notes)
    {
        Target = target;
        Indicator = indicator;
        Result = result;
        Latest = latest;
        Points = points;
        Notes = notes;
    }

    internal Target Target { get; }

    /// <summary>The indicator, or null when no loaded catalog defines it.</summary>
    internal Indicator? Indicator { get; }

    internal string Id => Target.Id;

    internal Pillar? Pillar => Indicator?.Pillar;

    internal string NameVi => Indicator?.NameVi ?? Target.IndicatorCode;

    internal string? NameEn => Indicator?.NameEn;

    internal Unit Unit => Target.Unit;

    internal AdministrativeLevel Level => Target.Level;

    internal LocalDate Deadline => Target.Deadline;

    internal Baseline? Baseline => Target.Baseline;

    /// <summary>The attainment result (status, ratio, progress, expected, gap, pace).</summary>
    internal AttainmentResult Result { get; }

    internal AttainmentStatus Status => Result.Status;

    /// <summary>The measurement that decided the result (latest up to the earlier of the report date and the deadline), or null.</summary>
    internal Measurement? Latest { get; }

    /// <summary>Measured values of the indicator for the unit up to the report date, in time order.</summary>
    internal IReadOnlyList<TrajectoryPoint> Points { get; }

    /// <summary>Remarks (aspirational, maintain, level not measured, unknown indicator…).</summary>
    internal IReadOnlyList<TargetNote> Notes { get; }

    /// <summary>Whether a trajectory can be drawn (a baseline or a measured value).</summary>
    internal bool HasTrajectory => Baseline is not null || Points.Count > 0;
}

/// <summary>A remark on a target row.</summary>
internal enum TargetNoteKind
{
    Aspirational,
    Maintain,
    StartsOn,
    Refines,
    LevelNotMeasured,
    UnknownIndicator,
}

/// <summary>A remark with an optional argument (an id) or date.</summary>
internal sealed record TargetNote(TargetNoteKind Kind, string? Argument = null, LocalDate? Date = null);

/// <summary>A measured value on a trajectory.</summary>
/// <param name="Date">The end of the period.</param>
/// <param name="Period">The reporting period.</param>
/// <param name="Value">The value used for evaluation.</param>
/// <param name="Status">Observation status.</param>
internal sealed record TrajectoryPoint(LocalDate Date, ReportingPeriod Period, decimal Value, ObservationStatus Status);

/// <summary>A measurement listed without a target.</summary>
internal sealed record MeasurementRow(Measurement Measurement, Indicator? Indicator);

/// <summary>The measurements of a unit no catalog is issued for.</summary>
internal sealed record UnitResults(UnitInfo Unit, IReadOnlyList<MeasurementRow> Results);

/// <summary>How many targets have each status.</summary>
internal sealed class StatusCounts
{
    private readonly int[] counts = new int[6];

    internal static StatusCounts Of(IEnumerable<TargetReport> targets)
    {
        var c = new StatusCounts();
        foreach (TargetReport t in targets)
        {
            c.counts[(int)t.Status]++;
        }
        return c;
    }

    internal int this[AttainmentStatus status] => counts[(int)status];

    internal int Total => counts.Sum();
}
