using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DigitalKpi.Analyzers;

/// <summary>
/// Reports the DigitalKpi consistency rules DKPI001–DKPI012 on catalogs, indicators and targets defined in C#, and on
/// catalogs and measurement sets kept as JSON files given as <c>AdditionalFiles</c> named <c>*.kpi.json</c> (DKPI000
/// when such a file cannot be read).
/// </summary>
/// <remarks>
/// Rules about one target (DKPI001, DKPI002, DKPI005, DKPI008 for an abolished level, DKPI009) and about one fraction
/// (DKPI010) are reported as the code is analysed, so they show while typing. Rules that need the indicator or the other
/// targets (DKPI003, DKPI004, DKPI006, DKPI007, DKPI008 for an unreported level, DKPI011, DKPI012) are reported at the end
/// of the compilation, across files. Either way the findings come from the core's <c>CatalogValidator</c>.
/// What each rule can and cannot see at compile time: docs/analyzer.md.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class KpiAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => KpiDescriptors.Supported;

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            // Catalogs and measurement sets kept as JSON (AdditionalFiles named *.kpi.json).
            if (JsonFiles.Create(start.Options.AdditionalFiles) is { } json)
            {
                start.RegisterAdditionalFileAction(json.AnalyzeFile);
            }
            // The DigitalKpi types are looked up at the first callback that may concern them (CompilationState.Reader);
            // the callbacks do nothing in a compilation that does not reference DigitalKpi.
            var state = new CompilationState(start.Compilation);
            start.RegisterOperationAction(state.AnalyzeInvocation, OperationKind.Invocation);
            start.RegisterOperationAction(state.AnalyzeObjectCreation, OperationKind.ObjectCreation);
            start.RegisterCompilationEndAction(state.AnalyzeCompilationEnd);
        });
    }
}
