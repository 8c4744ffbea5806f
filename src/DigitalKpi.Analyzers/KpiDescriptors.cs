using System.Collections.Immutable;
using DigitalKpi.Rules;
using Microsoft.CodeAnalysis;

namespace DigitalKpi.Analyzers;

/// <summary>
/// The Roslyn descriptors of the rules DKPI001–DKPI012. IDs, categories and default severities are written out as
/// literals so that the release-tracking analyzers (AnalyzerReleases.*.md) can check them; titles, descriptions and help
/// links come from <see cref="KpiRules"/>, and a test checks that every descriptor agrees with its <see cref="RuleDescriptor"/>.
/// </summary>
internal static class KpiDescriptors
{
    internal const string Category = "DigitalKpi";

    /// <summary>Custom tag of the rules reported only at the end of a compilation (they need the whole catalog).</summary>
    internal const string CompilationEndTag = WellKnownDiagnosticTags.CompilationEnd;

    private const string MessageFormat = "{0}";

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

    /// <summary>All descriptors, in ID order.</summary>
    internal static ImmutableArray<DiagnosticDescriptor> All { get; } = ImmutableArray.Create(
        DKPI001, DKPI002, DKPI003, DKPI004, DKPI005, DKPI006, DKPI007, DKPI008, DKPI009, DKPI010, DKPI011, DKPI012);

    /// <summary>The descriptor of a rule.</summary>
    /// <param name="rule">The rule.</param>
    /// <returns>The descriptor, or null for an unknown rule.</returns>
    internal static DiagnosticDescriptor? For(RuleDescriptor rule)
    {
        foreach (DiagnosticDescriptor d in All)
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
