using System.Globalization;
using DigitalKpi.Rules;
using Microsoft.CodeAnalysis;

namespace DigitalKpi.Analyzers.Tests;

public class CodeFixTests
{
    private static string Plan(string line) => "namespace Consumer;\n\npublic static class Plan\n{\n    " + line + "\n}\n";

    [Fact]
    public async Task ForInvertedBand_SwapsTheBounds()
    {
        string fixedText = await Harness.ApplyFixAsync(Plan("""public static readonly Target T = Target.For("T", "DS.FIBRE_HOUSEHOLDS").Between(Quantity.Percent(80), Quantity.Percent(70)).By(2025).Build();"""), "DKPI002");
        Assert.Equal(Plan("""public static readonly Target T = Target.For("T", "DS.FIBRE_HOUSEHOLDS").Between(Quantity.Percent(70), Quantity.Percent(80)).By(2025).Build();"""), fixedText);
    }

    [Fact]
    public async Task ForInvertedBandInConstructor_SwapsTheBounds()
    {
        string fixedText = await Harness.ApplyFixAsync(Plan("""public static readonly Target T = new("T", "DS.FIBRE_HOUSEHOLDS", Comparator.Between, Quantity.Percent(90), new LocalDate(2030, 12, 31), upper: Quantity.Percent(85));"""), "DKPI002");
        Assert.Equal(Plan("""public static readonly Target T = new("T", "DS.FIBRE_HOUSEHOLDS", Comparator.Between, Quantity.Percent(85), new LocalDate(2030, 12, 31), upper: Quantity.Percent(90));"""), fixedText);
    }

    [Fact]
    public async Task ForNegativeTolerance_DropsTheMinus()
    {
        string fixedText = await Harness.ApplyFixAsync(Plan("""public static readonly Target A = Target.For("A", "DE.GRDP_SHARE").About(Quantity.Share(10, EconomicAggregate.Grdp), -1.5m).By(2025).Build();"""), "DKPI002");
        Assert.Equal(Plan("""public static readonly Target A = Target.For("A", "DE.GRDP_SHARE").About(Quantity.Share(10, EconomicAggregate.Grdp), 1.5m).By(2025).Build();"""), fixedText);
    }

    [Fact]
    public async Task ForEmptyBand_OffersNoFix()
        => Assert.Equal(0, await Harness.CountFixesAsync(Plan("""public static readonly Target T = Target.For("T", "DS.FIBRE_HOUSEHOLDS").Between(Quantity.Percent(70), Quantity.Percent(70)).By(2025).Build();"""), "DKPI002"));

    [Theory]
    [InlineData("Indicators.Fibre.Code", "AtMost", "AtLeast")]
    [InlineData("Indicators.Fibre.Code", "Below", "Above")]
    [InlineData("Indicators.DtiRank.Code", "AtLeast", "AtMost")]
    [InlineData("Indicators.DtiRank.Code", "Above", "Below")]
    public async Task ForComparatorAgainstDirection_FlipsIt(string code, string bad, string good)
    {
        string quantity = code.Contains("Rank", StringComparison.Ordinal) ? "Quantity.Rank(10, 63)" : "Quantity.Percent(80)";
        string fixedText = await Harness.ApplyFixAsync(Plan($"""public static readonly Target T = Target.For("T", {code}).{bad}({quantity}).By(2025).Build();"""), "DKPI003");
        Assert.Equal(Plan($"""public static readonly Target T = Target.For("T", {code}).{good}({quantity}).By(2025).Build();"""), fixedText);
    }

    [Fact]
    public async Task ForComparatorInConstructor_FlipsTheEnumMember()
    {
        string fixedText = await Harness.ApplyFixAsync(Plan("""public static readonly Target C = new("C", "DS.FIBRE_HOUSEHOLDS", Comparator.Below, Quantity.Percent(50), new LocalDate(2030, 12, 31));"""), "DKPI003");
        Assert.Equal(Plan("""public static readonly Target C = new("C", "DS.FIBRE_HOUSEHOLDS", Comparator.Above, Quantity.Percent(50), new LocalDate(2030, 12, 31));"""), fixedText);
    }

    [Fact]
    public async Task ForRankWithinOnHigherIsBetter_OffersNoFix()
        => Assert.Equal(0, await Harness.CountFixesAsync(Plan("""public static readonly Target T = Target.For("T", Indicators.Fibre.Code).RankWithin(10, 63).By(2025).Build();"""), "DKPI003"));
}

public class DescriptorTests
{
    [Fact]
    public void Descriptors_MatchTheCoreRules()
    {
        Assert.Equal(KpiRules.All.Select(r => r.Id), KpiDescriptors.All.Select(d => d.Id));
        foreach (RuleDescriptor rule in KpiRules.All)
        {
            DiagnosticDescriptor d = KpiDescriptors.For(rule)!;
            Assert.Equal(KpiDescriptors.ToRoslyn(rule.DefaultSeverity), d.DefaultSeverity);
            Assert.Equal(rule.HelpLink, d.HelpLinkUri);
            Assert.Equal(rule.Title, d.Title.ToString(CultureInfo.InvariantCulture));
            Assert.Equal(rule.TitleVi, d.Title.ToString(new CultureInfo("vi-VN")));
            Assert.Equal("DigitalKpi", d.Category);
            Assert.True(d.IsEnabledByDefault);
        }
        Assert.Equal(KpiDescriptors.All.Insert(0, KpiDescriptors.DKPI000).ToArray(), new KpiAnalyzer().SupportedDiagnostics.ToArray());
    }

    [Fact]
    public void Dkpi000_IsTheAnalyzersOwn_WithAHelpPage()
    {
        DiagnosticDescriptor d = KpiDescriptors.DKPI000;
        Assert.Null(KpiRules.Find("DKPI000"));
        Assert.Equal(DiagnosticSeverity.Error, d.DefaultSeverity);
        Assert.Equal("DigitalKpi", d.Category);
        Assert.Equal(KpiRules.HelpLinkBase + "DKPI000.md", d.HelpLinkUri);
        Assert.Equal("Unreadable DigitalKpi JSON document", d.Title.ToString(CultureInfo.InvariantCulture));
        string root = PackageConsumerTests.FindRepositoryRoot();
        Assert.True(File.Exists(Path.Combine(root, "docs", "rules", "DKPI000.md")), "missing docs/rules/DKPI000.md");
        Assert.Contains("DKPI000", File.ReadAllText(Path.Combine(root, "docs", "rules.md")), StringComparison.Ordinal);
    }

    [Fact]
    public void ReleaseTrackingFile_ListsEveryRuleWithItsSeverity()
    {
        string unshipped = File.ReadAllText(Path.Combine(PackageConsumerTests.FindRepositoryRoot(), "src", "DigitalKpi.Analyzers", "AnalyzerReleases.Unshipped.md"));
        foreach (DiagnosticDescriptor d in KpiDescriptors.Supported)
        {
            Assert.Contains($"{d.Id} | DigitalKpi | {d.DefaultSeverity} |", unshipped, StringComparison.Ordinal);
        }
    }
}

public class AnalyzerBehaviourTests
{
    [Fact]
    public Task ForGeneratedCode_DoesNotTrigger() => Harness.VerifyAsync("DKPI002", ("Plan.g.cs", Harness.Usings + """
        // <auto-generated/>
        namespace Consumer;
        public static class Generated
        {
            public static readonly Target T = Target.For("T", "DS.FIBRE_HOUSEHOLDS").Between(Quantity.Percent(80), Quantity.Percent(70)).By(2025).Build();
        }
        """));

    [Fact]
    public Task ForSharedPartialBuilderAndConstants_Triggers() => Harness.VerifyAsync("DKPI002", """
        namespace Consumer;
        public static class Plan
        {
            private const decimal Floor = 80;
            private static readonly Quantity Ceiling = Quantity.Percent(70);
            private static readonly TargetBuilder Fibre2025 = Target.For("QT.FIBRE", "DS.FIBRE_HOUSEHOLDS").By(2025);

            public static Target[] PerLevel()
            {
                var commune = Fibre2025.AtLevel(AdministrativeLevel.Commune);
                return [
                    Fibre2025.Between(Quantity.Percent(Floor), [|Ceiling|]).Build(),
                    commune.Between(Quantity.Percent(60), [|Quantity.Percent(50)|]).Build(),
                ];
            }

            public static Target Reassigned()
            {
                var builder = Target.For("QT.X", "DS.FIBRE_HOUSEHOLDS").By(2025);
                builder = builder.AtLevel(AdministrativeLevel.Commune);
                return builder.Between(Quantity.Percent(60), Quantity.Percent(50)).Build();
            }
        }
        """);

    [Fact]
    public async Task ForCatalogSpreadOverFiles_UsesOnlyItsOwnIndicators()
    {
        // The catalog lists its indicators and targets from three files; a second catalog's target is not a duplicate of it.
        await Harness.VerifyAsync(
            "DKPI006",
            ("Indicators.cs", Harness.IndicatorsFile),
            ("Targets.cs", Harness.Usings + """
                namespace Consumer;
                public static partial class Qt
                {
                    public static readonly Target Fibre2025 = Target.For("QT.FIBRE.2025", Indicators.Fibre.Code).AtLeast(Quantity.Percent(80)).By(2025).Build();
                    public static readonly Target Fibre2025Again = Target.For("QT.FIBRE.2025B", Indicators.Fibre.Code).AtLeast(Quantity.Percent(85)).By([|2025|]).Build();
                }
                """),
            ("Catalogs.cs", Harness.Usings + """
                namespace Consumer;
                public static partial class Qt
                {
                    public static readonly Catalog Catalog = new("QT", "Quảng Trị", "45", [Indicators.Fibre], [Fibre2025, Fibre2025Again]);
                    public static readonly Catalog Other = new("TTH", "Huế", "46", [Indicators.Fibre], [Target.For("TTH.FIBRE.2025", Indicators.Fibre.Code).AtLeast(Quantity.Percent(80)).By(2025).Build()]);
                }
                """));
    }

    [Fact]
    public async Task Messages_FollowTheRenderingCulture()
    {
        var diagnostics = await Harness.VerifyAsync("DKPI003", "namespace Consumer;\npublic static class Plan\n{\n    public static readonly Target T = Target.For(\"T\", Indicators.Fibre.Code).[|AtMost|](Quantity.Percent(80)).By(2025).Build();\n}\n");
        Diagnostic d = Assert.Single(diagnostics);
        Assert.Equal("T: 'at most 80%' contradicts indicator DS.FIBRE_HOUSEHOLDS, where higher is better", d.GetMessage(CultureInfo.InvariantCulture));
        Assert.StartsWith("T: 'không quá 80%' trái với chỉ số DS.FIBRE_HOUSEHOLDS", d.GetMessage(new CultureInfo("vi-VN")), StringComparison.Ordinal);
        Assert.Equal("Phép so sánh trái với chiều của chỉ số", d.Descriptor.Title.ToString(new CultureInfo("vi")));
        Assert.Equal("ReplaceComparator", d.Properties["KpiFix"]);
    }
}
