using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using DigitalKpi.Utility;
using NodaTime;

namespace DigitalKpi.Rules;

/// <summary>
/// Options for <see cref="CatalogValidator"/>: severity overrides per rule ID, reference catalogs (the national programs a
/// provincial catalog refines), and the date after which the district level no longer exists. Immutable; use the
/// <c>With…</c> methods.
/// </summary>
public sealed class ValidationOptions
{
    /// <summary>The last day the district level existed: 2025-06-30 (Resolution 202/2025/QH15 abolished it from 2025-07-01).</summary>
    public static readonly LocalDate DistrictLevelLastDay = new(2025, 6, 30);

    private ValidationOptions(ImmutableDictionary<string, KpiSeverity> severities, ImmutableArray<Catalog> references)
    {
        SeverityOverrides = severities;
        ReferenceCatalogs = references;
    }

    /// <summary>Default severities, no reference catalogs.</summary>
    public static ValidationOptions Default { get; } = new(ImmutableDictionary.Create<string, KpiSeverity>(StringComparer.Ordinal), ImmutableArray<Catalog>.Empty);

    /// <summary>Severity overrides by rule ID; <see cref="KpiSeverity.None"/> switches a rule off.</summary>
    public ImmutableDictionary<string, KpiSeverity> SeverityOverrides { get; }

    /// <summary>Catalogs whose indicators and targets may be referenced (e.g. the national programs).</summary>
    public ImmutableArray<Catalog> ReferenceCatalogs { get; }

    /// <summary>These options with a rule's severity overridden.</summary>
    /// <param name="ruleId">Rule ID, e.g. <c>DKPI009</c>.</param>
    /// <param name="severity">The severity; <see cref="KpiSeverity.None"/> switches the rule off.</param>
    /// <returns>New options.</returns>
    /// <exception cref="ArgumentException">Unknown rule ID.</exception>
    public ValidationOptions WithSeverity(string ruleId, KpiSeverity severity)
    {
        Preconditions.CheckNotNull(ruleId);
        Preconditions.CheckArgument(KpiRules.Find(ruleId) is not null, nameof(ruleId), $"'{ruleId}' is not a DigitalKpi rule ID (DKPI001–DKPI012).");
        return new(SeverityOverrides.SetItem(ruleId, Indicator.CheckEnum(severity, nameof(severity))), ReferenceCatalogs);
    }

    /// <summary>These options with reference catalogs added.</summary>
    /// <param name="catalogs">The catalogs.</param>
    /// <returns>New options.</returns>
    [MethodImpl(HotPath.Optimized)]
    public ValidationOptions WithReferenceCatalogs(IEnumerable<Catalog> catalogs)
        => new(SeverityOverrides, ReferenceCatalogs.AddRange(Text.ToImmutable(catalogs, nameof(catalogs))));

    /// <summary>The effective severity of a rule.</summary>
    /// <param name="rule">The rule.</param>
    /// <returns>Its severity.</returns>
    [MethodImpl(HotPath.Optimized)]
    public KpiSeverity SeverityOf(RuleDescriptor rule)
        => SeverityOverrides.TryGetValue(Preconditions.CheckNotNull(rule).Id, out KpiSeverity s) ? s : rule.DefaultSeverity;
}
