using System.Collections.Immutable;
using DigitalKpi.Administration;
using DigitalKpi.Rules;
using NodaTime;

namespace DigitalKpi.Cli.Reporting;

/// <summary>What a report is computed from.</summary>
/// <param name="Catalogs">Catalogs, in input order.</param>
/// <param name="MeasurementSets">Measurement sets.</param>
/// <param name="Diagnostics">Consistency findings on the inputs (shown in the report).</param>
/// <param name="Inputs">Input file names; empty for the built-in data.</param>
/// <param name="BuiltIn">Whether the built-in data is used.</param>
internal sealed record ReportInput(IReadOnlyList<Catalog> Catalogs, IReadOnlyList<MeasurementSet> MeasurementSets, ImmutableArray<KpiDiagnostic> Diagnostics, IReadOnlyList<string> Inputs, bool BuiltIn);

/// <summary>
/// Computes the <see cref="Report"/>: every target of every catalog evaluated with
/// <see cref="Attainment.Evaluate(Target, IEnumerable{Measurement}, LocalDate, AttainmentOptions?)"/> against the
/// measurements of its indicator for its unit, up to the report date.
/// </summary>
/// <remarks>
/// Matching: a target is measured by values of its indicator for the catalog's issuing unit, or for the nation
/// ("VN") when the target's level is national. Measurements carry no administrative level, so a target for a tier
/// below the issuer (a district- or commune-level target of a provincial plan, a provincial-tier target of a national
/// program) gets no values and a note saying why, instead of being judged on the unit's overall figure.
/// </remarks>
internal static class ReportBuilder
{
    /// <summary>Builds the report.</summary>
    /// <param name="input">Catalogs and measurements.</param>
    /// <param name="asOf">Evaluation date: later measurements are ignored.</param>
    /// <param name="options">Attainment options, or null for the defaults.</param>
    /// <param name="progress">Called with (targets done, targets total) while evaluating, or null.</param>
    internal static Report Build(ReportInput input, LocalDate asOf, AttainmentOptions? options = null, Action<int, int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        var indicators = new Dictionary<string, Indicator>(StringComparer.Ordinal);
        foreach (Catalog c in input.Catalogs)
        {
            foreach (Indicator i in c.Indicators)
            {
                indicators.TryAdd(i.Code, i);
            }
        }

        // (indicator, unit) → measurements with a value, up to the report date, in time order.
        var series = new Dictionary<(string Indicator, string Unit), List<Measurement>>();
        foreach (MeasurementSet set in input.MeasurementSets)
        {
            foreach (Measurement m in set.Measurements)
            {
                if (m.Value is null || m.Period.End > asOf)
                {
                    continue;
                }
                var key = (m.IndicatorCode, m.UnitCode);
                if (!series.TryGetValue(key, out List<Measurement>? list))
                {
                    series[key] = list = new List<Measurement>();
                }
                list.Add(m);
            }
        }
        foreach (List<Measurement> list in series.Values)
        {
            list.Sort(static (a, b) => a.Period.End != b.Period.End ? a.Period.End.CompareTo(b.Period.End) : a.Period.Start.CompareTo(b.Period.Start));
        }

        int total = input.Catalogs.Sum(c => c.Targets.Length);
        int done = 0;
        var usedSeries = new HashSet<(string, string)>();
        var catalogs = new List<CatalogReport>(input.Catalogs.Count);
        foreach (Catalog catalog in input.Catalogs)
        {
            AdministrativeLevel issuerLevel = IssuerLevel(catalog.Issuer);
            var rows = new List<TargetReport>(catalog.Targets.Length);
            var catalogSeries = new HashSet<(string, string)>();
            foreach (Target target in catalog.Targets)
            {
                Indicator? indicator = catalog.FindIndicator(target.IndicatorCode) ?? (indicators.TryGetValue(target.IndicatorCode, out Indicator? shared) ? shared : null);
                var notes = new List<TargetNote>();
                if (indicator is null)
                {
                    notes.Add(new TargetNote(TargetNoteKind.UnknownIndicator));
                }
                if (target.Aspirational)
                {
                    notes.Add(new TargetNote(TargetNoteKind.Aspirational));
                }
                if (target.Maintain)
                {
                    notes.Add(new TargetNote(TargetNoteKind.Maintain));
                }
                if (target.StartDate is { } start)
                {
                    notes.Add(new TargetNote(TargetNoteKind.StartsOn, Date: start));
                }
                if (target.Refines is { } refines)
                {
                    notes.Add(new TargetNote(TargetNoteKind.Refines, refines));
                }

                IReadOnlyList<Measurement> values = Array.Empty<Measurement>();
                if (target.Level == AdministrativeLevel.National || target.Level <= issuerLevel)
                {
                    string unit = target.Level == AdministrativeLevel.National ? "VN" : catalog.Issuer;
                    var key = (target.IndicatorCode, unit);
                    catalogSeries.Add(key);
                    usedSeries.Add(key);
                    if (series.TryGetValue(key, out List<Measurement>? found))
                    {
                        values = found;
                    }
                }
                else
                {
                    notes.Add(new TargetNote(TargetNoteKind.LevelNotMeasured));
                }

                AttainmentResult result = Attainment.Evaluate(target, values, asOf, options);

                // The value that decided: the latest up to the report date or the deadline, whichever is earlier (a value
                // after the deadline does not count). Later values still appear on the trajectory.
                LocalDate cutoff = asOf < target.Deadline ? asOf : target.Deadline;
                Measurement? latest = values.LastOrDefault(m => m.Period.End <= cutoff);
                var points = values.Select(m => new TrajectoryPoint(m.Period.End, m.Period, m.Value!.Value, m.Status)).ToList();
                rows.Add(new TargetReport(target, indicator, result, latest, points, notes));
                done++;
                progress?.Invoke(done, total);
            }

            var pillars = rows.GroupBy(r => r.Pillar)
                .OrderBy(g => g.Key is { } p ? (int)p : int.MaxValue)
                .Select(g => new PillarReport(g.Key, g.ToList()))
                .ToList();

            var other = series
                .Where(kv => string.Equals(kv.Key.Unit, catalog.Issuer, StringComparison.Ordinal) && !catalogSeries.Contains(kv.Key))
                .SelectMany(kv => kv.Value)
                .Select(m => new MeasurementRow(m, indicators.TryGetValue(m.IndicatorCode, out Indicator? i) ? i : null))
                .OrderBy(r => r.Indicator is { } i ? (int)i.Pillar : int.MaxValue)
                .ThenBy(r => r.Measurement.IndicatorCode, StringComparer.Ordinal)
                .ThenBy(r => r.Measurement.Period.End)
                .ToList();

            LocalDate when = catalog.IssuedOn
                ?? EarliestOrNull(series.Where(kv => string.Equals(kv.Key.Unit, catalog.Issuer, StringComparison.Ordinal)).SelectMany(kv => kv.Value).Select(m => m.Period.End))
                ?? EarliestOrNull(catalog.Targets.Select(t => t.Deadline))
                ?? asOf;
            catalogs.Add(new CatalogReport(catalog, DescribeUnit(catalog.Issuer, when, asOf), pillars, other));
        }

        var issuers = new HashSet<string>(input.Catalogs.Select(c => c.Issuer), StringComparer.Ordinal);
        var orphans = series
            .Where(kv => !issuers.Contains(kv.Key.Unit) && !usedSeries.Contains(kv.Key))
            .GroupBy(kv => kv.Key.Unit, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var rows = g.SelectMany(kv => kv.Value)
                    .Select(m => new MeasurementRow(m, indicators.TryGetValue(m.IndicatorCode, out Indicator? i) ? i : null))
                    .OrderBy(r => r.Measurement.IndicatorCode, StringComparer.Ordinal)
                    .ThenBy(r => r.Measurement.Period.End)
                    .ToList();
                LocalDate when = rows.Min(r => r.Measurement.Period.End);
                return new UnitResults(DescribeUnit(g.Key, when, asOf), rows);
            })
            .ToList();

        return new Report(asOf, catalogs, orphans, input.Diagnostics, input.Inputs, input.BuiltIn);
    }

    private static LocalDate? EarliestOrNull(IEnumerable<LocalDate> dates)
    {
        LocalDate? min = null;
        foreach (LocalDate d in dates)
        {
            if (min is null || d < min.Value)
            {
                min = d;
            }
        }
        return min;
    }

    /// <summary>The level of an issuing unit from its code: "VN" national, 2 digits province, 3 district, 5 commune.</summary>
    internal static AdministrativeLevel IssuerLevel(string code) => code.Length switch
    {
        _ when string.Equals(code, "VN", StringComparison.Ordinal) => AdministrativeLevel.National,
        3 => AdministrativeLevel.District,
        5 => AdministrativeLevel.Commune,
        _ => AdministrativeLevel.Province,
    };

    /// <summary>
    /// Names a unit from the built-in administrative map: the unit with the code in force on <paramref name="when"/>
    /// (else the latest one before it), and, when it no longer exists on <paramref name="asOf"/>, what it became.
    /// </summary>
    internal static UnitInfo DescribeUnit(string code, LocalDate when, LocalDate asOf)
    {
        AdministrativeMap map;
        try
        {
            map = AdministrativeMap.BuiltIn;
        }
        catch (AdministrativeMapException)
        {
            return new UnitInfo(code, null, null, null, Array.Empty<string>());
        }
        IReadOnlyList<AdministrativeUnit> candidates = map.UnitsWithCode(code);
        AdministrativeUnit? unit = candidates.FirstOrDefault(u => u.IsValidOn(when))
            ?? candidates.Where(u => u.ValidFrom <= when).OrderByDescending(u => u.ValidFrom).FirstOrDefault()
            ?? candidates.OrderBy(u => u.ValidFrom).FirstOrDefault();
        if (unit is null)
        {
            return new UnitInfo(code, null, null, null, Array.Empty<string>());
        }
        if (unit.ValidTo is { } end && end < asOf)
        {
            var successors = map.Successors(unit.Id, asOf).Select(s => s.Name).Distinct(StringComparer.Ordinal).ToList();
            return new UnitInfo(code, unit.Name, unit.EnglishName, end, successors);
        }
        return new UnitInfo(code, unit.Name, unit.EnglishName, null, Array.Empty<string>());
    }
}
