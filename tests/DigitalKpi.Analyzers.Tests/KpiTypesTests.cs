using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace DigitalKpi.Analyzers.Tests;

/// <summary>Where the analyzer finds the DigitalKpi and NodaTime types (<see cref="KpiTypes.Create"/>).</summary>
public class KpiTypesTests
{
    private const string Stubs = """
        namespace DigitalKpi
        {
            public sealed class Target { public static TargetBuilder For(string id, string code) => new TargetBuilder(); }
            public sealed class TargetBuilder { public Target Build() => new Target(); }
            public readonly struct Quantity { }
        }
        """;

    private static CSharpCompilation Create(ImmutableArray<MetadataReference> references, params string[] sources)
        => CSharpCompilation.Create(
            "Consumer",
            sources.Select(s => CSharpSyntaxTree.ParseText(s, Harness.ParseOptions)),
            references,
            Harness.CompilationOptions);

    private static ImmutableArray<MetadataReference> Without(string assemblyName)
        => Harness.References.Where(r => !string.Equals(Path.GetFileNameWithoutExtension(r.Display), assemblyName, StringComparison.OrdinalIgnoreCase)).ToImmutableArray();

    [Fact]
    public void Referenced_types_are_found_in_the_DigitalKpi_and_NodaTime_assemblies()
    {
        CSharpCompilation compilation = Create(Harness.References, "class C { }");
        KpiTypes? types = KpiTypes.Create(compilation);

        Assert.NotNull(types);
        (INamedTypeSymbol? Found, string Name)[] all =
        [
            (types!.Target, "DigitalKpi.Target"), (types.TargetBuilder, "DigitalKpi.TargetBuilder"), (types.Quantity, "DigitalKpi.Quantity"),
            (types.Unit, "DigitalKpi.Unit"), (types.Indicator, "DigitalKpi.Indicator"), (types.Catalog, "DigitalKpi.Catalog"),
            (types.Baseline, "DigitalKpi.Baseline"), (types.Measurement, "DigitalKpi.Measurement"),
            (types.ReportingPeriod, "DigitalKpi.ReportingPeriod"), (types.LocalDate, "NodaTime.LocalDate"),
        ];
        foreach ((INamedTypeSymbol? found, string name) in all)
        {
            Assert.NotNull(found);
            // The same symbols as a lookup over the whole compilation.
            Assert.True(SymbolEqualityComparer.Default.Equals(compilation.GetTypeByMetadataName(name), found), name);
        }
        Assert.Equal("DigitalKpi", types.Target.ContainingAssembly.Name);
        Assert.Equal("NodaTime", types.LocalDate!.ContainingAssembly.Name);
    }

    [Fact]
    public void DigitalKpi_compiled_from_source_is_found_in_the_compilation()
    {
        CSharpCompilation compilation = Create(Without("DigitalKpi"), Stubs);
        Assert.DoesNotContain(compilation.SourceModule.ReferencedAssemblySymbols, a => a.Identity.Name == "DigitalKpi");

        KpiTypes? types = KpiTypes.Create(compilation);

        Assert.NotNull(types);
        Assert.True(SymbolEqualityComparer.Default.Equals(compilation.Assembly, types!.Target.ContainingAssembly));
        Assert.True(SymbolEqualityComparer.Default.Equals(compilation.Assembly, types.TargetBuilder.ContainingAssembly));
        Assert.True(SymbolEqualityComparer.Default.Equals(compilation.Assembly, types.Quantity!.ContainingAssembly));
        Assert.Null(types.Indicator);
        // NodaTime is still found in its referenced assembly.
        Assert.Equal("NodaTime", types.LocalDate!.ContainingAssembly.Name);
    }

    [Fact]
    public async Task Without_DigitalKpi_there_are_no_types_and_no_diagnostics()
    {
        const string source = """
            namespace Consumer;
            public sealed class Target { public static Builder For(string id, string code) => new(); }
            public sealed class Builder { public Builder AtLeast(decimal value) => this; public Builder By(int year) => this; public Target Build() => new(); }
            public sealed class Catalog { public Catalog(string code, object[] targets) { } }
            public static class Plan
            {
                public static readonly Target A = Target.For("P.A", "DS.FIBRE_HOUSEHOLDS").AtLeast(150).By(2025).Build();
                public static readonly Catalog C = new("P", new object[] { A });
            }
            """;
        CSharpCompilation compilation = Create(Without("DigitalKpi"), source);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        Assert.Null(KpiTypes.Create(compilation));
        Assert.Empty(await Harness.RunAsync(compilation));
    }
}
