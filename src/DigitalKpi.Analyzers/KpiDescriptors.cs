using System.Collections.Immutable;
using DigitalKpi.Rules;
using Microsoft.CodeAnalysis;

namespace DigitalKpi.Analyzers;

/// <summary>
/// The Roslyn descriptors of the rules DKPI001–DKPI012, and of DKPI000 (a catalog JSON file given as an
/// <c>AdditionalFiles</c> item cannot be read). IDs, categories and default severities are written out as literals so
/// that the release-tracking analyzers (AnalyzerReleases.*.md) can check them; titles, descriptions and help links come
/// from <see cref="KpiRules"/>, and a test checks that every descriptor agrees with its <see cref="RuleDescriptor"/>.
/// </summary>
internal static class KpiDescriptors
{
    internal const string Category = "DigitalKpi";

    /// <summary>Custom tag of the rules reported only at the end of a compilation (they need the whole catalog).</summary>
    internal const string CompilationEndTag = WellKnownDiagnosticTags.CompilationEnd;

    private const string MessageFormat = "{0}";

    /// <summary>
    /// DKPI000 belongs to the analyzer, not to the core's consistency rules (<see cref="KpiRules.All"/>): at run time an
    /// unreadable document is a <c>KpiJsonException</c>, at build time it is this diagnostic, at the offending token.
    /// </summary>
    internal static RuleDescriptor UnreadableDocumentRule { get; } = new("DKPI000", "Unreadable DigitalKpi JSON document", "Không đọc được tài liệu JSON của DigitalKpi", KpiSeverity.Error);

    /// <summary>DKPI000 — {0} JSON path, {1} the reader's reason (in English, as <c>KpiJsonException.Reason</c> gives it).</summary>
    internal static RuleMessage UnreadableDocument { get; } = new(UnreadableDocumentRule,
        "{0}: not a readable DigitalKpi catalog or measurement set: {1}",
        "{0}: không đọc được như danh mục hoặc bộ số liệu DigitalKpi: {1}");

    internal static readonly DiagnosticDescriptor DKPI000 = new("DKPI000", new RuleTitle(UnreadableDocumentRule, description: false), MessageFormat, Category, DiagnosticSeverity.Error, isEnabledByDefault: true, new RuleTitle(UnreadableDocumentRule, description: true), UnreadableDocumentRule.HelpLink);

    internal static readonly DiagnosticDescriptor DKPI001 = new("DKPI001", Title("DKPI001"), MessageFormat, Category, DiagnosticSeverity.Error, isEnabledByDefault: true, Description("DKPI001"), HelpLink("DKPI001"));

    internal static readonly DiagnosticDescriptor DKPI002 = new("DKPI002", Title("DKPI002"), MessageFormat, Category, DiagnosticSeverity.Error, isEnabledByDefault: true, Description("DKPI002"), HelpLink("DKPI002"));

    internal static readonly DiagnosticDescriptor DKPI003 = new("DKPI003", Title("DKPI003"), MessageFormat, Category, DiagnosticSeverity.Error, isEnabledByDefault: true, Description("DKPI003"), HelpLink("DKPI003"), CompilationEndTag);

    internal static readonly DiagnosticDescriptor DKPI004 = new("DKPI004", Title("DKPI004"), MessageFormat, Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, Description("DKPI004"), HelpLink("DKPI004"), CompilationEndTag);

    internal static readonly DiagnosticDescriptor DKPI005 = new("DKPI005", Title("DKPI005"), MessageFormat, Category, DiagnosticSeverity.Error, isEnabledByDefault: true, Description("DKPI005"), HelpLink("DKPI005"));

    internal static readonly DiagnosticDescriptor DKPI006 = new("DKPI006", Title("DKPI006"), MessageFormat, Category, DiagnosticSeverity.Error, isEnabledByDefault: true, Description("DKPI006"), HelpLink("DKPI006"), CompilationEndTag);

    internal static readonly DiagnosticDescriptor DKPI007 = new("DKPI007", Title("DKPI007"), MessageFormat, Category, DiagnosticSeverity.Error, isEnabledByDefault: true, Description("DKPI007"), HelpLink("DKPI007"), CompilationEndTag);

    internal static readonly DiagnosticDescriptor DKPI008 = new("DKPI008", Title("DKPI008"), MessageFormat, Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, Description("DKPI008"), HelpLink("DKPI008"));

    internal static readonly DiagnosticDescriptor DKPI009 = new("DKPI009", Title("DKPI009"), MessageFormat, Category, DiagnosticSeverity.Info, isEnabledByDefault: true, Description("DKPI009"), HelpLink("DKPI009"));

    internal static readonly DiagnosticDescriptor DKPI010 = new("DKPI010", Title("DKPI010"), MessageFormat, Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, Description("DKPI010"), HelpLink("DKPI010"));

    internal static readonly DiagnosticDescriptor DKPI011 = new("DKPI011", Title("DKPI011"), MessageFormat, Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, Description("DKPI011"), HelpLink("DKPI011"), CompilationEndTag);

    internal static readonly DiagnosticDescriptor DKPI012 = new("DKPI012", Title("DKPI012"), MessageFormat, Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, Description("DKPI012"), HelpLink("DKPI012"), CompilationEndTag);

    /// <summary>The descriptors of the consistency rules DKPI001–DKPI012, in ID order (one per <see cref="KpiRules.All"/>).</summary>
    internal static ImmutableArray<DiagnosticDescriptor> All { get; } = ImmutableArray.Create(
        DKPI001, DKPI002, DKPI003, DKPI004, DKPI005, DKPI006, DKPI007, DKPI008, DKPI009, DKPI010, DKPI011, DKPI012);

    /// <summary>Everything the analyzer reports: DKPI000 and the consistency rules, in ID order.</summary>
    internal static ImmutableArray<DiagnosticDescriptor> Supported { get; } = All.Insert(0, DKPI000);

    /// <summary>The descriptor of a rule.</summary>
    /// <param name="rule">The rule.</param>
    /// <returns>The descriptor, or null for an unknown rule.</returns>
    internal static DiagnosticDescriptor? For(RuleDescriptor rule)
    {
        foreach (DiagnosticDescriptor d in Supported)
        {
            if (d.Id == rule.Id)
            {
                return d;
            }
        }
        return null;
    }

    /// <summary>The Roslyn severity for a rule severity.</summary>
    /// <param name="severity">The rule's severity.</param>
    /// <returns>The Roslyn severity.</returns>
    internal static DiagnosticSeverity ToRoslyn(KpiSeverity severity) => severity switch
    {
        KpiSeverity.Error => DiagnosticSeverity.Error,
        KpiSeverity.Warning => DiagnosticSeverity.Warning,
        KpiSeverity.Info => DiagnosticSeverity.Info,
        _ => DiagnosticSeverity.Hidden,
    };

    private static RuleTitle Title(string id) => new(Rule(id), description: false);

    private static RuleTitle Description(string id) => new(Rule(id), description: true);

    private static string HelpLink(string id) => Rule(id).HelpLink;

    private static RuleDescriptor Rule(string id) => KpiRules.Find(id) ?? throw new System.InvalidOperationException("Unknown rule " + id);
}
