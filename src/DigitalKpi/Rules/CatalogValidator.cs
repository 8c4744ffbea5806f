using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.CompilerServices;
using DigitalKpi.Administration;
using DigitalKpi.Utility;

namespace DigitalKpi.Rules;

/// <summary>
/// The one engine for the consistency rules DKPI001–DKPI012. Takes a catalog (and optionally measurements) and returns
/// diagnostics located by JSON path; never throws on a well-formed model. The JSON reader, the analyzer and the CLI
/// all report through it.
/// </summary>
public static class CatalogValidator
{
    /// <summary>Validates a catalog.</summary>
    /// <param name="catalog">The catalog.</param>
    /// <param name="options">Options, or null for <see cref="ValidationOptions.Default"/>.</param>
    /// <returns>The diagnostics, in document order per rule pass.</returns>
    [MethodImpl(HotPath.Optimized)]
    public static ImmutableArray<KpiDiagnostic> Validate(Catalog catalog, ValidationOptions? options = null)
    {
        Preconditions.CheckNotNull(catalog);
        var sink = new Sink(options ?? ValidationOptions.Default);
        ValidateCatalog(catalog, sink);
        return sink.ToImmutable();
    }

    /// <summary>Validates a measurement set against the indicators of the given catalogs (and of the reference catalogs in the options).</summary>
    /// <param name="set">The measurements.</param>
    /// <param name="catalogs">Catalogs defining the indicators; may be empty (then unknown indicators are not reported).</param>
    /// <param name="options">Options, or null for <see cref="ValidationOptions.Default"/>.</param>
    /// <returns>The diagnostics.</returns>
    public static ImmutableArray<KpiDiagnostic> Validate(MeasurementSet set, IEnumerable<Catalog> catalogs, ValidationOptions? options = null)
    {
        Preconditions.CheckNotNull(set);
        Preconditions.CheckNotNull(catalogs);
        using MeasurementKeys keys = MeasurementKeys.Compute(set.Measurements);
        return Validate(set, keys, catalogs, options);
    }

    /// <summary><see cref="Validate(MeasurementSet, IEnumerable{Catalog}, ValidationOptions?)"/> with the keys of the measurements already assigned (by the JSON reader).</summary>
    internal static ImmutableArray<KpiDiagnostic> Validate(MeasurementSet set, MeasurementKeys keys, IEnumerable<Catalog> catalogs, ValidationOptions? options)
    {
        if (keys.Count != set.Measurements.Length)
        {
            throw new ArgumentException("The keys are not the set's.", nameof(keys));
        }
        var sink = new Sink(options ?? ValidationOptions.Default);
        var indicators = new Dictionary<string, Indicator>(StringComparer.Ordinal);
        bool any = false;
        foreach (Catalog c in catalogs)
        {
            any = true;
            AddIndicators(indicators, c);
        }
        foreach (Catalog c in sink.Options.ReferenceCatalogs)
        {
            any = true;
            AddIndicators(indicators, c);
        }
        ValidateMeasurements(set, keys, any ? indicators : null, sink);
        return sink.ToImmutable();
    }

    private static void AddIndicators(Dictionary<string, Indicator> map, Catalog catalog)
    {
        foreach (Indicator i in catalog.Indicators)
        {
            if (!map.TryGetValue(i.Code, out _))
            {
                map[i.Code] = i;
            }
        }
    }

    private static string TargetPath(int index, string member) => "$.targets[" + index.ToString(CultureInfo.InvariantCulture) + "]." + member;

    private static string IndicatorPath(int index, string member) => "$.indicators[" + index.ToString(CultureInfo.InvariantCulture) + "]." + member;

    private static string MeasurementPath(int index, string member) => "$.measurements[" + index.ToString(CultureInfo.InvariantCulture) + "]." + member;

    [MethodImpl(HotPath.Optimized)]
    private static void ValidateCatalog(Catalog catalog, Sink sink)
    {
        // A rule switched off costs nothing: its pass is skipped (the analyzer validates many small catalogs with some rules off).
        bool duplicates = sink.IsOn(KpiRules.Duplicate);

        // Indicators: DKPI006 duplicates.
        var indicators = new Dictionary<string, Indicator>(StringComparer.Ordinal);
        var indicatorIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < catalog.Indicators.Length; i++)
        {
            Indicator indicator = catalog.Indicators[i];
            if (indicatorIndex.TryGetValue(indicator.Code, out int first))
            {
                sink.Report(KpiRules.Messages.DuplicateIndicator, IndicatorPath(i, "code"), indicator.Code, indicator.Code, IndicatorPath(first, "code"));
            }
            else
            {
                indicatorIndex.Add(indicator.Code, i);
                indicators.Add(indicator.Code, indicator);
            }
        }
        foreach (Catalog reference in sink.Options.ReferenceCatalogs)
        {
            AddIndicators(indicators, reference);
        }

        var targetIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var slots = new Dictionary<(string Indicator, AdministrativeLevel Level, NodaTime.LocalDate Deadline), int>();
        for (int i = 0; i < catalog.Targets.Length; i++)
        {
            Target target = catalog.Targets[i];
            if (duplicates)
            {
                if (targetIndex.TryGetValue(target.Id, out int firstId))
                {
                    sink.Report(KpiRules.Messages.DuplicateTargetId, TargetPath(i, "id"), target.Id, target.Id, TargetPath(firstId, "id"));
                }
                else
                {
                    targetIndex.Add(target.Id, i);
                }
                var slot = (target.IndicatorCode, target.Level, target.Deadline);
                if (slots.TryGetValue(slot, out int firstSlot))
                {
                    string other = catalog.Targets[firstSlot].Id;
                    sink.Report(KpiRules.Messages.DuplicateTarget, TargetPath(i, "deadline"), target.Id,
                        (target, other), static (s, vi) => [s.target.Id, s.other, s.target.IndicatorCode, Display.Level(s.target.Level, vi), Display.Date(s.target.Deadline)]);
                }
                else
                {
                    slots.Add(slot, i);
                }
            }

            indicators.TryGetValue(target.IndicatorCode, out Indicator? indicator);
            ValidateTarget(target, i, indicator, sink);
            ValidateRefinement(catalog, target, i, indicators, sink);
        }
        if (sink.IsOn(KpiRules.MilestonesRegress))
        {
            ValidateMilestones(catalog, indicators, sink);
        }
    }

    [MethodImpl(HotPath.Optimized)]
    private static void ValidateTarget(Target target, int i, Indicator? indicator, Sink sink)
    {
        Unit unit = target.Unit;
        string id = target.Id;

        // DKPI012: unknown indicator.
        if (indicator is null)
        {
            sink.Report(KpiRules.Messages.UnknownIndicator, TargetPath(i, "indicator"), id, id, target.IndicatorCode);
        }

        // DKPI007: unit differs from the indicator's.
        if (indicator is not null && !indicator.Unit.IsCompatibleWith(unit))
        {
            sink.Report(KpiRules.Messages.Mismatch, TargetPath(i, "unit"), id, id, unit.ToString(), indicator.Unit.ToString(), indicator.Code);
        }

        // DKPI001: values outside the unit's domain.
        if (!unit.IsInDomain(target.Threshold.Value))
        {
            bool lower = target.Comparator == Comparator.Between;
            sink.Report(KpiRules.Messages.OutsideDomain, TargetPath(i, "value"), id,
                (target, lower), static (s, vi) => [s.target.Id, s.lower ? (vi ? "cận dưới" : "lower bound") : (vi ? "giá trị" : "value"), Display.Number(s.target.Threshold.Value), s.target.Unit.ToString(), Display.Domain(s.target.Unit, vi)]);
        }
        if (target.Upper is { } upper && !unit.IsInDomain(upper.Value))
        {
            sink.Report(KpiRules.Messages.OutsideDomain, TargetPath(i, "upper"), id, (target, upper), static (s, vi) => [s.target.Id, vi ? "cận trên" : "upper bound", Display.Number(s.upper.Value), s.target.Unit.ToString(), Display.Domain(s.target.Unit, vi)]);
        }
        if (target.Baseline is { } baseline && !unit.IsInDomain(baseline.Value))
        {
            sink.Report(KpiRules.Messages.OutsideDomain, TargetPath(i, "baseline.value"), id, (target, baseline), static (s, vi) => [s.target.Id, vi ? "giá trị cơ sở" : "baseline", Display.Number(s.baseline.Value), s.target.Unit.ToString(), Display.Domain(s.target.Unit, vi)]);
        }

        // DKPI002: bands and tolerance.
        bool bandOk = true;
        if (target.Comparator == Comparator.Between && target.Upper is { } hi)
        {
            decimal lo = target.Threshold.Value;
            if (lo > hi.Value)
            {
                bandOk = false;
                sink.Report(KpiRules.Messages.InvertedBand, TargetPath(i, "upper"), id, (target, lo, hi), static (s, vi) => [s.target.Id, Display.Band(s.lo, s.hi.Value, s.target.Unit, vi)]);
            }
            else if (lo == hi.Value)
            {
                bandOk = false;
                sink.Report(KpiRules.Messages.EmptyBand, TargetPath(i, "upper"), id, (target, lo, hi), static (s, vi) => [s.target.Id, Display.Band(s.lo, s.hi.Value, s.target.Unit, vi)]);
            }
        }
        if (target.Tolerance is { } tolerance && tolerance < 0m)
        {
            bandOk = false;
            sink.Report(KpiRules.Messages.NegativeTolerance, TargetPath(i, "tolerance"), id, id, Display.Number(tolerance));
        }

        // DKPI003: comparator against direction.
        if (indicator is not null && Contradicts(target.Comparator, indicator.Direction))
        {
            sink.Report(KpiRules.Messages.Contradiction, TargetPath(i, "comparator"), id,
                (target, indicator), static (s, vi) => [s.target.Id, Display.Comparison(s.target, vi), s.indicator.Code, Display.Direction(s.indicator.Direction, vi)]);
        }

        // DKPI005: dates.
        if (target.Baseline is { } b && b.Date >= target.Deadline)
        {
            sink.Report(KpiRules.Messages.DeadlineNotAfterBaseline, TargetPath(i, "deadline"), id, id, Display.Date(target.Deadline), Display.Date(b.Date));
        }
        if (target.StartDate is { } start && start > target.Deadline)
        {
            sink.Report(KpiRules.Messages.StartAfterDeadline, TargetPath(i, "startDate"), id, id, Display.Date(start), Display.Date(target.Deadline));
        }

        // DKPI008: level.
        if (indicator is not null && !indicator.IsReportedAt(target.Level))
        {
            sink.Report(KpiRules.Messages.LevelNotReported, TargetPath(i, "level"), id, (target, indicator), static (s, vi) => [s.target.Id, Display.Level(s.target.Level, vi), s.indicator.Code, Display.Levels(s.indicator, vi)]);
        }
        if (target.Level == AdministrativeLevel.District && target.Deadline > ValidationOptions.DistrictLevelLastDay)
        {
            sink.Report(KpiRules.Messages.LevelAbolished, TargetPath(i, "level"), id,
                target, static (t, vi) => [t.Id, Display.Level(t.Level, vi), Display.Date(t.Deadline), Display.Date(ValidationOptions.DistrictLevelLastDay)]);
        }

        // DKPI009: baseline already meets the target.
        if (bandOk && target.Baseline is { } bl && target.Comparator != Comparator.Achieved && Attainment.IsMet(target, bl.Value))
        {
            sink.Report(KpiRules.Messages.BaselineMeets, TargetPath(i, "baseline"), id,
                (target, bl), static (s, vi) => [s.target.Id, Display.Value(s.bl.Value, s.target.Unit, vi), Display.Date(s.bl.Date), Display.Comparison(s.target, vi)]);
        }
    }

    private static bool Contradicts(Comparator comparator, Direction direction) => direction == Direction.HigherIsBetter
        ? comparator is Comparator.AtMost or Comparator.Below or Comparator.RankWithin
        : comparator is Comparator.AtLeast or Comparator.Above;

    [MethodImpl(HotPath.Optimized)]
    private static void ValidateRefinement(Catalog catalog, Target target, int i, Dictionary<string, Indicator> indicators, Sink sink)
    {
        if (target.Refines is not { } refinedId)
        {
            return;
        }
        Target? national = null;
        foreach (Catalog reference in sink.Options.ReferenceCatalogs)
        {
            national = reference.FindTarget(refinedId);
            if (national is not null)
            {
                break;
            }
        }
        national ??= ReferenceEquals(catalog.FindTarget(refinedId), target) ? null : catalog.FindTarget(refinedId);
        if (national is null)
        {
            sink.Report(KpiRules.Messages.UnknownNationalTarget, TargetPath(i, "refines"), target.Id, target.Id, refinedId);
            return;
        }
        if (!national.Unit.IsCompatibleWith(target.Unit))
        {
            sink.Report(KpiRules.Messages.RefinedMismatch, TargetPath(i, "unit"), target.Id, target.Id, target.Unit.ToString(), national.Unit.ToString(), national.Id);
            return;
        }
        indicators.TryGetValue(target.IndicatorCode, out Indicator? indicator);
        Direction direction = indicator?.Direction ?? InferDirection(target.Comparator) ?? InferDirection(national.Comparator) ?? Direction.HigherIsBetter;
        if (Ambition(target, direction) is { } mine && Ambition(national, direction) is { } theirs
            && (direction == Direction.HigherIsBetter ? mine < theirs : mine > theirs))
        {
            sink.Report(KpiRules.Messages.LessAmbitious, TargetPath(i, "value"), target.Id,
                (target, national), static (s, vi) => [s.target.Id, Display.Comparison(s.target, vi), s.national.Id, Display.Comparison(s.national, vi)]);
        }
    }

    private static Direction? InferDirection(Comparator comparator) => comparator switch
    {
        Comparator.AtLeast or Comparator.Above => Direction.HigherIsBetter,
        Comparator.AtMost or Comparator.Below or Comparator.RankWithin => Direction.LowerIsBetter,
        _ => null,
    };

    /// <summary>What a target asks, as one number comparable along the direction; null when not comparable.</summary>
    private static decimal? Ambition(Target target, Direction direction)
    {
        decimal x = target.Threshold.Value;
        switch (target.Comparator)
        {
            case Comparator.AtLeast:
            case Comparator.Above:
                return direction == Direction.HigherIsBetter ? x : null;
            case Comparator.AtMost:
            case Comparator.Below:
            case Comparator.RankWithin:
                return direction == Direction.LowerIsBetter ? x : null;
            case Comparator.Between:
                return direction == Direction.HigherIsBetter ? x : target.Upper!.Value.Value;
            case Comparator.About:
                return x;
            default:
                return null;
        }
    }

    [MethodImpl(HotPath.Optimized)]
    private static void ValidateMilestones(Catalog catalog, Dictionary<string, Indicator> indicators, Sink sink)
    {
        // DKPI004: within one indicator, level, unit class and direction, a target with a later deadline must not ask
        // less than one with an earlier deadline. Sorted by deadline and swept once: O(n log n), not pairwise.
        var groups = new Dictionary<(string, AdministrativeLevel, string, Direction), List<(int Index, decimal Ask, NodaTime.LocalDate Deadline)>>();
        for (int i = 0; i < catalog.Targets.Length; i++)
        {
            Target t = catalog.Targets[i];
            indicators.TryGetValue(t.IndicatorCode, out Indicator? indicator);
            Direction direction = indicator?.Direction ?? InferDirection(t.Comparator) ?? Direction.HigherIsBetter;
            if (Ambition(t, direction) is not { } ask)
            {
                continue;
            }
            var key = (t.IndicatorCode, t.Level, t.Unit.CompatibilityClass, direction);
            if (!groups.TryGetValue(key, out List<(int, decimal, NodaTime.LocalDate)>? list))
            {
                list = new List<(int, decimal, NodaTime.LocalDate)>();
                groups.Add(key, list);
            }
            list.Add((i, ask, t.Deadline));
        }
        var findings = new List<(int Later, int Earlier)>();
        foreach (KeyValuePair<(string, AdministrativeLevel, string, Direction), List<(int Index, decimal Ask, NodaTime.LocalDate Deadline)>> group in groups)
        {
            List<(int Index, decimal Ask, NodaTime.LocalDate Deadline)> items = group.Value;
            if (items.Count < 2)
            {
                continue;
            }
            bool higher = group.Key.Item4 == Direction.HigherIsBetter;
            items.Sort(static (a, b) =>
            {
                int c = a.Deadline.CompareTo(b.Deadline);
                return c != 0 ? c : a.Index.CompareTo(b.Index);
            });
            int best = -1;
            decimal bestAsk = 0m;
            int start = 0;
            while (start < items.Count)
            {
                NodaTime.LocalDate deadline = items[start].Deadline;
                int end = start;
                while (end < items.Count && items[end].Deadline == deadline)
                {
                    end++;
                }
                // Compare this deadline's targets with the strongest ask of all earlier deadlines.
                for (int k = start; k < end && best >= 0; k++)
                {
                    if (higher ? items[k].Ask < bestAsk : items[k].Ask > bestAsk)
                    {
                        findings.Add((items[k].Index, best));
                    }
                }
                for (int k = start; k < end; k++)
                {
                    if (best < 0 || (higher ? items[k].Ask > bestAsk : items[k].Ask < bestAsk))
                    {
                        best = items[k].Index;
                        bestAsk = items[k].Ask;
                    }
                }
                start = end;
            }
        }
        findings.Sort(static (a, b) => a.Later.CompareTo(b.Later));
        foreach ((int later, int earlier) in findings)
        {
            Target lt = catalog.Targets[later];
            Target et = catalog.Targets[earlier];
            sink.Report(KpiRules.Messages.Regression, TargetPath(later, "value"), lt.Id,
                (lt, et), static (s, vi) => [s.lt.Id, Display.Comparison(s.lt, vi), Display.Date(s.lt.Deadline), s.et.Id, Display.Comparison(s.et, vi), Display.Date(s.et.Deadline)]);
        }
    }

    private static void ValidateMeasurements(MeasurementSet set, MeasurementKeys keys, Dictionary<string, Indicator>? indicators, Sink sink)
    {
        // Per measurement: one look-up of its key (three ids) among the keys seen for duplicates, the
        // indicator of its code id (looked up once per distinct code), the fraction checks; labels and paths are built
        // only for a finding.
        using var duplicates = new MeasurementKeys.Duplicates(keys);
        Indicator?[]? byCode = indicators is null ? null : new Indicator?[keys.IndicatorCodes.Length];
        bool[]? known = indicators is null ? null : new bool[keys.IndicatorCodes.Length];
        MeasurementKeys.Key[] ids = keys.Keys;
        for (int i = 0; i < set.Measurements.Length; i++)
        {
            Measurement m = set.Measurements[i];
            int first = duplicates.FirstOf(i);
            if (first >= 0)
            {
                string label = Label(m);
                sink.Report(KpiRules.Messages.DuplicateMeasurement, MeasurementPath(i, "period"), label, label, MeasurementPath(first, "period"));
            }

            Indicator? indicator = null;
            if (indicators is not null && !IndicatorOf(ids[i].Indicator, keys, indicators, byCode!, known!, out indicator))
            {
                string label = Label(m);
                sink.Report(KpiRules.Messages.UnknownIndicator, MeasurementPath(i, "indicator"), label, label, m.IndicatorCode);
            }

            if (m.IsFraction)
            {
                decimal n = m.Numerator!.Value;
                decimal d = m.Denominator!.Value;
                if (d <= 0m || n < 0m)
                {
                    string label = Label(m);
                    sink.Report(KpiRules.Messages.InvalidFractionParts, MeasurementPath(i, d <= 0m ? "denominator" : "numerator"), label, label, Display.Number(n), Display.Number(d));
                }
                else if (n > d)
                {
                    string label = Label(m);
                    sink.Report(KpiRules.Messages.NumeratorAboveDenominator, MeasurementPath(i, "numerator"), label, label, Display.Number(n), Display.Number(d));
                }
                else if (m.ReportedValue is { } reported)
                {
                    // 0 <= n <= d here, so n / d <= 1; 100 * n overflows only for n beyond decimal.MaxValue / 100.
                    decimal computed = n <= decimal.MaxValue / 100m ? 100m * n / d : n / d * 100m;
                    if (!Attainment.IsWithin(reported, computed, RoundingTolerance(reported)))
                    {
                        string label = Label(m);
                        sink.Report(KpiRules.Messages.ReportedPercentDisagrees, MeasurementPath(i, "reportedValue"), label,
                            label, Display.Number(reported), Display.Number(n), Display.Number(d), Display.Number(Math.Round(computed, 2, MidpointRounding.AwayFromZero)));
                    }
                }
            }
            else if (indicator is not null && m.ReportedValue is { } v && !indicator.Unit.IsInDomain(v))
            {
                ReportOutsideDomain(m, i, v, indicator.Unit, sink);
            }
        }
    }

    /// <summary>DKPI011 for a value outside its unit's domain (a method of its own: the closure is allocated only for a finding, not per measurement).</summary>
    private static void ReportOutsideDomain(Measurement m, int i, decimal v, Unit u, Sink sink)
    {
        string label = Label(m);
        sink.Report(KpiRules.Messages.OutsideDomain, MeasurementPath(i, "value"), label, (label, v, u), static (s, vi) => [s.label, vi ? "giá trị" : "value", Display.Number(s.v), s.u.ToString(), Display.Domain(s.u, vi)]);
    }

    /// <summary>The indicator of a code id, looked up in the catalogs once per distinct code.</summary>
    private static bool IndicatorOf(int code, MeasurementKeys keys, Dictionary<string, Indicator> indicators, Indicator?[] byCode, bool[] known, out Indicator? indicator)
    {
        if (!known[code])
        {
            indicators.TryGetValue(keys.IndicatorCodes[code], out byCode[code]);
            known[code] = true;
        }
        indicator = byCode[code];
        return indicator is not null;
    }

    /// <summary>How a measurement is named in its findings: <c>DS.FIBRE@08 2022</c>.</summary>
    private static string Label(Measurement m) => m.IndicatorCode + "@" + m.UnitCode + " " + m.Period.ToString();

    /// <summary>Half a unit in the last written digit: 81.2 may stand for 81.15–81.25, 97 for 96.5–97.5.</summary>
    internal static decimal RoundingTolerance(decimal reported)
    {
#if NET7_0_OR_GREATER
        return RoundingTolerances[reported.Scale];
#else
        return RoundingTolerances[(decimal.GetBits(reported)[3] >> 16) & 0xFF];
#endif
    }

    /// <summary><see cref="RoundingTolerance"/> by scale (0–28), computed once.</summary>
    private static readonly decimal[] RoundingTolerances = MakeRoundingTolerances();

    private static decimal[] MakeRoundingTolerances()
    {
        var table = new decimal[29];
        for (int scale = 0; scale < table.Length; scale++)
        {
            decimal unit = 1m;
            for (int s = 0; s < scale; s++)
            {
                unit /= 10m;
            }
            table[scale] = unit / 2m;
        }
        return table;
    }

    private sealed class Sink
    {
        private readonly ImmutableArray<KpiDiagnostic>.Builder diagnostics = ImmutableArray.CreateBuilder<KpiDiagnostic>();

        internal Sink(ValidationOptions options) => Options = options;

        internal ValidationOptions Options { get; }

        /// <summary>Whether a rule is reported (not switched off with <see cref="KpiSeverity.None"/>).</summary>
        internal bool IsOn(RuleDescriptor rule) => Options.SeverityOf(rule) != KpiSeverity.None;

        internal void Report(RuleMessage message, string path, string elementId, params string[] arguments)
            => Report(message, path, elementId, arguments, static (a, _) => a);

        /// <summary>
        /// Reports with arguments computed from <paramref name="state"/> in English (<c>false</c>) and Vietnamese
        /// (<c>true</c>). The callers pass static lambdas and their state: a lambda capturing the target would allocate
        /// its closure for every target validated, finding or not.
        /// </summary>
        internal void Report<TState>(RuleMessage message, string path, string elementId, TState state, Func<TState, bool, string[]> arguments)
        {
            KpiSeverity severity = Options.SeverityOf(message.Rule);
            if (severity == KpiSeverity.None)
            {
                return;
            }
            diagnostics.Add(new KpiDiagnostic(message, severity, new KpiLocation(path, elementId), arguments(state, false).ToImmutableArray(), arguments(state, true).ToImmutableArray()));
        }

        internal ImmutableArray<KpiDiagnostic> ToImmutable() => diagnostics.ToImmutable();
    }
}
