using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace DigitalKpi.Analyzers;

/// <summary>The DigitalKpi and NodaTime types the analyzer recognises in a compilation.</summary>
internal sealed class KpiTypes
{
    private KpiTypes(INamedTypeSymbol target, INamedTypeSymbol builder, Lookup kpi, Lookup noda)
    {
        Target = target;
        TargetBuilder = builder;
        Quantity = kpi.Find("DigitalKpi.Quantity");
        Unit = kpi.Find("DigitalKpi.Unit");
        Indicator = kpi.Find("DigitalKpi.Indicator");
        Catalog = kpi.Find("DigitalKpi.Catalog");
        Baseline = kpi.Find("DigitalKpi.Baseline");
        Measurement = kpi.Find("DigitalKpi.Measurement");
        ReportingPeriod = kpi.Find("DigitalKpi.ReportingPeriod");
        LocalDate = noda.Find("NodaTime.LocalDate");
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
    /// <remarks>
    /// The types are looked up in the referenced assemblies named DigitalKpi and NodaTime (less work than a lookup over
    /// the compilation's source declarations and all its references); in the whole compilation
    /// (<see cref="Compilation.GetTypeByMetadataName"/>) only when there is no such reference (DigitalKpi or NodaTime
    /// compiled from source).
    /// </remarks>
    internal static KpiTypes? Create(Compilation compilation)
    {
        IAssemblySymbol? kpiAssembly = null;
        IAssemblySymbol? nodaAssembly = null;
        ImmutableArray<IAssemblySymbol> referenced = compilation.SourceModule.ReferencedAssemblySymbols;
        for (int k = 0; k < referenced.Length; k++)
        {
            IAssemblySymbol assembly = referenced[k];
            string name = assembly.Identity.Name;
            if (kpiAssembly is null && name == "DigitalKpi")
            {
                kpiAssembly = assembly;
            }
            else if (nodaAssembly is null && name == "NodaTime")
            {
                nodaAssembly = assembly;
            }
        }
        var kpi = new Lookup(compilation, kpiAssembly);
        INamedTypeSymbol? target = kpi.Find("DigitalKpi.Target");
        INamedTypeSymbol? builder = target is null ? null : kpi.Find("DigitalKpi.TargetBuilder");
        return target is null || builder is null ? null : new KpiTypes(target, builder, kpi, new Lookup(compilation, nodaAssembly));
    }

    [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
    internal static bool Is(ITypeSymbol? type, INamedTypeSymbol? expected)
        => type is not null && expected is not null && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, expected);

    /// <summary>Where types are looked up: the referenced assembly when there is one, else the whole compilation.</summary>
    private readonly struct Lookup
    {
        private readonly Compilation compilation;
        private readonly IAssemblySymbol? assembly;

        internal Lookup(Compilation compilation, IAssemblySymbol? assembly)
        {
            this.compilation = compilation;
            this.assembly = assembly;
        }

        internal INamedTypeSymbol? Find(string metadataName)
            => assembly is not null ? assembly.GetTypeByMetadataName(metadataName) : compilation.GetTypeByMetadataName(metadataName);
    }
}
