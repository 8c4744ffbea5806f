using Microsoft.CodeAnalysis;

namespace DigitalKpi.Analyzers;

/// <summary>The DigitalKpi and NodaTime types the analyzer recognises in a compilation.</summary>
internal sealed class KpiTypes
{
    private KpiTypes(Compilation compilation, INamedTypeSymbol target, INamedTypeSymbol builder)
    {
        Target = target;
        TargetBuilder = builder;
        Quantity = compilation.GetTypeByMetadataName("DigitalKpi.Quantity");
        Unit = compilation.GetTypeByMetadataName("DigitalKpi.Unit");
        Indicator = compilation.GetTypeByMetadataName("DigitalKpi.Indicator");
        Catalog = compilation.GetTypeByMetadataName("DigitalKpi.Catalog");
        Baseline = compilation.GetTypeByMetadataName("DigitalKpi.Baseline");
        Measurement = compilation.GetTypeByMetadataName("DigitalKpi.Measurement");
        ReportingPeriod = compilation.GetTypeByMetadataName("DigitalKpi.ReportingPeriod");
        LocalDate = compilation.GetTypeByMetadataName("NodaTime.LocalDate");
    }

    internal INamedTypeSymbol Target { get; }

    internal INamedTypeSymbol TargetBuilder { get; }

    internal INamedTypeSymbol? Quantity { get; }

    internal INamedTypeSymbol? Unit { get; }

    internal INamedTypeSymbol? Indicator { get; }

    internal INamedTypeSymbol? Catalog { get; }

    internal INamedTypeSymbol? Baseline { get; }

    internal INamedTypeSymbol? Measurement { get; }

    internal INamedTypeSymbol? ReportingPeriod { get; }

    internal INamedTypeSymbol? LocalDate { get; }

    /// <summary>The types, or null when the compilation does not reference DigitalKpi.</summary>
    internal static KpiTypes? Create(Compilation compilation)
    {
        INamedTypeSymbol? target = compilation.GetTypeByMetadataName("DigitalKpi.Target");
        INamedTypeSymbol? builder = compilation.GetTypeByMetadataName("DigitalKpi.TargetBuilder");
        return target is null || builder is null ? null : new KpiTypes(compilation, target, builder);
    }

    [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
    internal static bool Is(ITypeSymbol? type, INamedTypeSymbol? expected)
        => type is not null && expected is not null && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, expected);
}
