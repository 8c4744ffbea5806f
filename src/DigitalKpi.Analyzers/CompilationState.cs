using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Threading;
using DigitalKpi.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace DigitalKpi.Analyzers;

/// <summary>
/// What the analyzer collects in one compilation (concurrently) and the compilation-end pass that validates whole
/// catalogs with the core's <see cref="CatalogValidator"/>.
/// </summary>
internal sealed class CompilationState
{
    /// <summary>The messages decided by one target (or one measurement) alone; reported as soon as the definition is analysed.</summary>
    internal static readonly ImmutableHashSet<RuleMessage> LocalMessages = ImmutableHashSet.Create<RuleMessage>(
        KpiRules.Messages.OutsideDomain,
        KpiRules.Messages.InvertedBand,
        KpiRules.Messages.EmptyBand,
        KpiRules.Messages.NegativeTolerance,
        KpiRules.Messages.DeadlineNotAfterBaseline,
        KpiRules.Messages.StartAfterDeadline,
        KpiRules.Messages.LevelAbolished,
        KpiRules.Messages.BaselineMeets,
        KpiRules.Messages.ReportedPercentDisagrees,
        KpiRules.Messages.NumeratorAboveDenominator,
        KpiRules.Messages.InvalidFractionParts);

    /// <summary>
    /// Options of the per-definition pass: only the rules it reports (a target validated alone has no indicator, so the
    /// others would only produce findings to throw away, such as "unknown indicator" for every target).
    /// </summary>
    internal static readonly ValidationOptions LocalOptions = ValidationOptions.Default
        .WithSeverity(KpiRules.ComparatorContradictsDirection.Id, KpiSeverity.None)
        .WithSeverity(KpiRules.MilestonesRegress.Id, KpiSeverity.None)
        .WithSeverity(KpiRules.Duplicate.Id, KpiSeverity.None)
        .WithSeverity(KpiRules.UnitMismatch.Id, KpiSeverity.None)
        .WithSeverity(KpiRules.LessAmbitiousThanNational.Id, KpiSeverity.None)
        .WithSeverity(KpiRules.UnresolvedReference.Id, KpiSeverity.None);

    /// <summary>Options of the compilation-end pass: without the rules only the per-definition pass reports.</summary>
    private static readonly ValidationOptions CatalogOptions = ValidationOptions.Default
        .WithSeverity(KpiRules.ValueOutsideDomain.Id, KpiSeverity.None)
        .WithSeverity(KpiRules.InvalidBand.Id, KpiSeverity.None)
        .WithSeverity(KpiRules.DatesOutOfOrder.Id, KpiSeverity.None)
        .WithSeverity(KpiRules.BaselineAlreadyMeetsTarget.Id, KpiSeverity.None)
        .WithSeverity(KpiRules.FractionInconsistent.Id, KpiSeverity.None);

    private readonly Lazy<SourceReader?> reader;
    private readonly ConcurrentBag<TargetSite> targets = new();
    private readonly ConcurrentBag<IndicatorSite> indicators = new();
    private readonly ConcurrentBag<CatalogSite> catalogs = new();

    internal CompilationState(Compilation compilation)
        => reader = new Lazy<SourceReader?>(() => KpiTypes.Create(compilation) is { } types ? new SourceReader(types) : null, LazyThreadSafetyMode.PublicationOnly);

    /// <summary>
    /// The reader of this compilation's definitions, or null when it does not reference DigitalKpi: the types are looked
    /// up at the first callback that may concern them, not at compilation start. At compilation start the compiler has
    /// not necessarily bound the compilation's references yet; looking a type up there made the analyzer bind them (or
    /// wait for the compiler to), which the build then counted as analyzer time. By the first operation callback the
    /// compiler has bound them. No lock (<see cref="LazyThreadSafetyMode.PublicationOnly"/>): callbacks that race here
    /// each look the types up (the same symbols) and the first result published is used by all, so no callback waits
    /// for another.
    /// </summary>
    private SourceReader? Reader => reader.Value;

    [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
    internal void AnalyzeInvocation(OperationAnalysisContext context)
    {
        try
        {
            var invocation = (IInvocationOperation)context.Operation;
            // The method's name first: most invocations of a compilation are neither.
            string name = invocation.TargetMethod.Name;
            if (name == "Build")
            {
                if (Reader is { } r && r.IsBuild(invocation) && r.ReadChain(invocation) is { } site)
                {
                    AddTarget(context, site, SourceReader.FindOwner(invocation));
                }
            }
            else if (name == "OfFraction" && invocation.Instance is null && Reader is { } r
                && KpiTypes.Is(invocation.TargetMethod.ContainingType, r.Types.Measurement))
            {
                MeasurementCheck.Analyze(context, invocation, r);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            AnalyzerFailures.Record(e);
        }
    }

    [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
    internal void AnalyzeObjectCreation(OperationAnalysisContext context)
    {
        try
        {
            var creation = (IObjectCreationOperation)context.Operation;
            ITypeSymbol? type = creation.Type;
            if (type is null || Reader is not { } r)
            {
                return;
            }
            KpiTypes types = r.Types;
            if (KpiTypes.Is(type, types.Target))
            {
                if (r.ReadConstructor(creation) is { } site)
                {
                    AddTarget(context, site, SourceReader.FindOwner(creation));
                }
            }
            else if (KpiTypes.Is(type, types.Indicator))
            {
                if (r.ReadIndicator(creation) is { } indicator)
                {
                    indicators.Add(indicator);
                }
            }
            else if (KpiTypes.Is(type, types.Catalog))
            {
                catalogs.Add(SourceReader.ReadCatalog(creation));
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            AnalyzerFailures.Record(e);
        }
    }

    [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
    private void AddTarget(OperationAnalysisContext context, TargetSite site, ISymbol? owner)
    {
        site.Owner = owner;
        if (site.Built is not { } target)
        {
            return;
        }
        targets.Add(site);
        // Most definitions are consistent: the validator (a catalog, its dictionaries, the paths of its findings) runs
        // only when one of the conditions of the per-definition rules holds.
        if (!MayHaveLocalFinding(target))
        {
            return;
        }
        // The messages name the site's own placeholder for a code that is not a constant (mapped to its expression).
        Target named = site.IndicatorCode is null ? target.WithIndicatorCode(site.CodePlaceholder) : target;
        ImmutableArray<KpiDiagnostic> found = CatalogValidator.Validate(new Catalog("ZZ-LOCAL", "local", "VN", null, new[] { named }), LocalOptions);
        if (found.IsEmpty)
        {
            return;
        }
        var sites = new[] { site };
        var substitutions = Substitutions(sites);
        foreach (KpiDiagnostic d in found)
        {
            if (LocalMessages.Contains(d.Template)
                && Mapper.ToDiagnostic(d, sites, Array.Empty<IndicatorSite>(), substitutions) is { } diagnostic)
            {
                context.ReportDiagnostic(diagnostic);
            }
        }
    }

    internal void AnalyzeCompilationEnd(CompilationAnalysisContext context)
    {
        try
        {
            AnalyzeCatalogs(context);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            AnalyzerFailures.Record(e);
        }
    }

    [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
    private void AnalyzeCatalogs(CompilationAnalysisContext context)
    {
        TargetSite[] allTargets = targets.ToArray();
        IndicatorSite[] allIndicators = indicators.ToArray();
        CatalogSite[] allCatalogs = catalogs.ToArray();
        if (allTargets.Length == 0 && allIndicators.Length == 0)
        {
            return;
        }
        // Document order, so that "the first" of two duplicates is the same in every build.
        Array.Sort(allTargets, [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)] (a, b) => Compare(a.Key, b.Key));
        Array.Sort(allIndicators, (a, b) => Compare(a.Key, b.Key));
        Array.Sort(allCatalogs, (a, b) => Compare(a.Key, b.Key));

        // A catalog names a definition by the field or property it initializes (owner), or writes it inline (key: an
        // inline definition initializes nothing, so only definitions without an owner are looked up by key).
        var targetByKey = new Dictionary<SiteKey, TargetSite>();
        var targetByOwner = new Dictionary<ISymbol, TargetSite>(SymbolEqualityComparer.Default);
        foreach (TargetSite t in allTargets)
        {
            if (t.Owner is null)
            {
                targetByKey[t.Key] = t;
            }
            else if (!targetByOwner.ContainsKey(t.Owner))
            {
                targetByOwner.Add(t.Owner, t);
            }
        }
        var indicatorByKey = new Dictionary<SiteKey, IndicatorSite>();
        var indicatorByOwner = new Dictionary<ISymbol, IndicatorSite>(SymbolEqualityComparer.Default);
        foreach (IndicatorSite i in allIndicators)
        {
            if (i.Owner is null)
            {
                indicatorByKey[i.Key] = i;
            }
            else if (!indicatorByOwner.ContainsKey(i.Owner))
            {
                indicatorByOwner.Add(i.Owner, i);
            }
        }

        // Every target with its indicator code resolved through the indicator it names when possible.
        foreach (TargetSite t in allTargets)
        {
            string? code = t.IndicatorCode;
            if (code is null && t.IndicatorRef is not null && indicatorByOwner.TryGetValue(t.IndicatorRef, out IndicatorSite? named))
            {
                code = named.Indicator.Code;
            }
            t.CodeKnown = code is not null;
            t.Resolved = Rebuild(t, code ?? t.CodePlaceholder);
            t.InCatalog = false;
        }
        foreach (IndicatorSite i in allIndicators)
        {
            i.InCatalog = false;
        }

        var groups = new List<Group>();
        foreach (CatalogSite c in allCatalogs)
        {
            var group = new Group(complete: c.Targets is not null && c.Indicators is not null);
            foreach (ElementRef? e in c.Targets ?? new List<ElementRef?>())
            {
                TargetSite? t = e is null ? null : e.Key is { } k ? Find(targetByKey, k) : Find(targetByOwner, e.Symbol!);
                if (t?.Resolved is null)
                {
                    group.Complete = false;
                    continue;
                }
                group.Targets.Add(t);
                t.InCatalog = true;
            }
            foreach (ElementRef? e in c.Indicators ?? new List<ElementRef?>())
            {
                IndicatorSite? i = e is null ? null : e.Key is { } k ? Find(indicatorByKey, k) : Find(indicatorByOwner, e.Symbol!);
                if (i is null)
                {
                    group.Complete = false;
                    continue;
                }
                group.Indicators.Add(i);
                i.InCatalog = true;
            }
            groups.Add(group);
        }

        // Definitions in no visible catalog form one implicit catalog; indicators of the catalogs can still be looked up.
        var loose = new Group(complete: false);
        foreach (TargetSite t in allTargets)
        {
            if (!t.InCatalog && t.Resolved is not null)
            {
                loose.Targets.Add(t);
            }
        }
        foreach (IndicatorSite i in allIndicators)
        {
            if (!i.InCatalog)
            {
                loose.Indicators.Add(i);
            }
            else
            {
                loose.LookupIndicators.Add(i.Indicator);
            }
        }
        groups.Add(loose);

        // The built targets by id, in document order: where the national target a target refines (DKPI011) is looked up.
        var builtById = new Dictionary<string, List<TargetSite>>(StringComparer.Ordinal);
        foreach (TargetSite t in allTargets)
        {
            if (t.Resolved is { } target)
            {
                if (!builtById.TryGetValue(target.Id, out List<TargetSite>? sameId))
                {
                    sameId = new List<TargetSite>(1);
                    builtById.Add(target.Id, sameId);
                }
                sameId.Add(t);
            }
        }

        // How placeholders are shown in messages: built when the first finding needs it.
        Dictionary<string, string>? substitutions = null;
        var reported = new HashSet<(string, Location, string)>();
        foreach (Group group in groups)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            if (group.Targets.Count == 0 && group.Indicators.Count < 2)
            {
                continue;
            }
            // The reference catalog (indicators to look up, the national targets refined) only when there is something in it.
            List<Target>? refined = RefinedTargets(group, builtById);
            ValidationOptions options = refined is null && group.LookupIndicators.Count == 0
                ? CatalogOptions
                : CatalogOptions.WithReferenceCatalogs(new[] { new Catalog("ZZ-REFERENCE", "reference", "VN", group.LookupIndicators, refined) });
            var catalogTargets = new List<Target>(group.Targets.Count);
            foreach (TargetSite t in group.Targets)
            {
                catalogTargets.Add(t.Resolved!);
            }
            var catalogIndicators = new List<Indicator>(group.Indicators.Count);
            foreach (IndicatorSite i in group.Indicators)
            {
                catalogIndicators.Add(i.Indicator);
            }
            ImmutableArray<KpiDiagnostic> found = CatalogValidator.Validate(
                new Catalog("ZZ-CATALOG", "catalog", "VN", catalogIndicators, catalogTargets), options);
            foreach (KpiDiagnostic d in found)
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                if (LocalMessages.Contains(d.Template) || d.Template == KpiRules.Messages.UnknownNationalTarget)
                {
                    continue;
                }
                if (d.Template == KpiRules.Messages.UnknownIndicator
                    && (!group.Complete || !Mapper.TryTarget(d.Location.Path, group.Targets, out TargetSite? unknown) || !unknown!.CodeKnown))
                {
                    continue;
                }
                if (Mapper.ToDiagnostic(d, group.Targets, group.Indicators, substitutions ??= Substitutions(allTargets)) is { } diagnostic
                    && reported.Add((diagnostic.Id, diagnostic.Location, diagnostic.GetMessage(CultureInfo.InvariantCulture))))
                {
                    context.ReportDiagnostic(diagnostic);
                }
            }
        }
    }

    /// <summary>
    /// The target of a site with its indicator code resolved: the one the per-definition pass built when the code is the
    /// same, else a copy for the code (the core checks only the code: the rest was checked when the site's target was built).
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
    private static Target? Rebuild(TargetSite site, string code)
    {
        if (site.Built is not { } t)
        {
            return null;
        }
        try
        {
            return t.WithIndicatorCode(code);
        }
        catch (Exception e) when (ValueReader.IsValueError(e))
        {
            return null;
        }
    }

    /// <summary>
    /// Whether a target alone may break a per-definition rule (<see cref="LocalMessages"/>): a superset of the conditions
    /// under which <see cref="CatalogValidator"/> reports one, checked without building a catalog. When false, the
    /// validator would report none of them (tested on generated targets of every shape).
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
    internal static bool MayHaveLocalFinding(Target t)
    {
        Unit unit = t.Unit;
        decimal value = t.Threshold.Value;
        if (!unit.IsInDomain(value))
        {
            return true;
        }
        if (t.Upper is { } upper && (!unit.IsInDomain(upper.Value) || (t.Comparator == Comparator.Between && value >= upper.Value)))
        {
            return true;
        }
        if ((t.Tolerance is { } tolerance && tolerance < 0m)
            || (t.StartDate is { } start && start > t.Deadline)
            || (t.Level == DigitalKpi.Administration.AdministrativeLevel.District && t.Deadline > ValidationOptions.DistrictLevelLastDay))
        {
            return true;
        }
        return t.Baseline is { } b
            && (!unit.IsInDomain(b.Value) || b.Date >= t.Deadline || (t.Comparator != Comparator.Achieved && Attainment.IsMet(t, b.Value)));
    }

    /// <summary>
    /// The reference targets of a group: for each national target its targets refine, the first target of the compilation
    /// with that id outside the group (document order). The validator looks up nothing else among the reference targets,
    /// so this gives the findings a catalog of all the other targets would, in time proportional to the group's size
    /// (building that catalog for every group made the compilation-end pass quadratic); null when there are none.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
    private static List<Target>? RefinedTargets(Group group, Dictionary<string, List<TargetSite>> builtById)
    {
        List<Target>? references = null;
        HashSet<TargetSite>? members = null;
        HashSet<string>? seen = null;
        foreach (TargetSite t in group.Targets)
        {
            if (t.Resolved!.Refines is not { } refined || !builtById.TryGetValue(refined, out List<TargetSite>? candidates))
            {
                continue;
            }
            seen ??= new HashSet<string>(StringComparer.Ordinal);
            if (!seen.Add(refined))
            {
                continue;
            }
            members ??= new HashSet<TargetSite>(group.Targets);
            foreach (TargetSite candidate in candidates)
            {
                if (!members.Contains(candidate))
                {
                    (references ??= new List<Target>()).Add(candidate.Resolved!);
                    break;
                }
            }
        }
        return references;
    }

    private static T? Find<TKey, T>(Dictionary<TKey, T> map, TKey key)
        where TKey : notnull
        where T : class
        => map.TryGetValue(key, out T? value) ? value : null;

    private static Dictionary<string, string> Substitutions(IEnumerable<TargetSite> sites)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (TargetSite t in sites)
        {
            // Placeholders exist only for what is not a constant.
            if (t.Id is null)
            {
                map[t.IdPlaceholder] = t.IdDisplay;
            }
            if (t.IndicatorCode is null)
            {
                map[t.CodePlaceholder] = t.CodeDisplay;
            }
        }
        return map;
    }

    [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
    private static int Compare(SiteKey a, SiteKey b)
    {
        int c = string.CompareOrdinal(a.Tree.FilePath, b.Tree.FilePath);
        return c != 0 ? c : a.Span.Start.CompareTo(b.Span.Start);
    }

    private sealed class Group
    {
        internal Group(bool complete) => Complete = complete;

        internal bool Complete { get; set; }

        internal List<TargetSite> Targets { get; } = new();

        internal List<IndicatorSite> Indicators { get; } = new();

        internal List<Indicator> LookupIndicators { get; } = new();
    }
}
