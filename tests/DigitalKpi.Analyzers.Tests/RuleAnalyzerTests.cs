using System.Globalization;
using Microsoft.CodeAnalysis;

namespace DigitalKpi.Analyzers.Tests;

/// <summary>One group per rule: fires on the bad form at the offending argument, silent on valid near misses, silent when the values are not compile-time constants.</summary>
public class RuleAnalyzerTests
{
    private static string Plan(string body) => """
        namespace Consumer;

        public static class Plan
        {
        """ + "\n" + body + "\n}\n";

    // DKPI001 ---------------------------------------------------------------------------------------------------------

    [Fact]
    public Task ForPercentAboveHundred_Triggers() => Harness.VerifyAsync("DKPI001", Plan("""
            public static readonly Target T = Target.For("T", "DS.FIBRE_HOUSEHOLDS").AtLeast([|Quantity.Percent(120)|]).By(2025).Build();
            public static readonly Target R = Target.For("R", "DG.DTI_RANK").RankWithin([|64|], 63).By(2025).Build();
            public static readonly Target B = Target.For("B", "DS.FIBRE_HOUSEHOLDS").AtLeast(Quantity.Percent(80)).WithBaseline([|Quantity.Percent(101)|], new LocalDate(2021, 12, 31)).By(2025).Build();
            const decimal TooMany = -5;
            public static readonly Target C = Target.For("C", Indicators.Enterprises.Code).AtLeast([|Quantity.Count(TooMany)|]).By(2025).Build();
        """));

    [Fact]
    public Task ForValuesInDomain_DoesNotTrigger() => Harness.VerifyAsync("DKPI001", Plan("""
            public static readonly Target T = Target.For("T", "DS.FIBRE_HOUSEHOLDS").AtLeast(Quantity.Percent(100)).By(2025).Build();
            public static readonly Target Z = Target.For("Z", "DS.FIBRE_HOUSEHOLDS").AtLeast(Quantity.Percent(0)).By(2030).Build();
            public static readonly Target R = Target.For("R", "DG.DTI_RANK").RankWithin(63, 63).By(2025).Build();
        """));

    [Fact]
    public Task ForValuesNotConstant_DoesNotTrigger() => Harness.VerifyAsync("DKPI001", Plan("""
            public static Target Make(decimal points) => Target.For("T", "DS.FIBRE_HOUSEHOLDS").AtLeast(Quantity.Percent(points)).By(2025).Build();
            public static Target Rank(int rank) => Target.For("R", "DG.DTI_RANK").RankWithin(rank, 63).By(2025).Build();
            public static decimal Points = 120;
            public static readonly Target M = Target.For("M", "DS.FIBRE_HOUSEHOLDS").AtLeast(Quantity.Percent(Points)).By(2025).Build();
        """));

    // DKPI002 ---------------------------------------------------------------------------------------------------------

    [Fact]
    public async Task ForInvertedBand_Triggers()
    {
        var diagnostics = await Harness.VerifyAsync("DKPI002", Plan("""
                public static readonly Target T = Target.For("T", "DS.FIBRE_HOUSEHOLDS").Between(Quantity.Percent(80), [|Quantity.Percent(70)|]).By(2025).Build();
            """));
        Diagnostic d = Assert.Single(diagnostics);
        Assert.Equal("T: band 80–70% is inverted", d.GetMessage(CultureInfo.InvariantCulture));
        Assert.Equal("T: khoảng 80–70% bị đảo ngược", d.GetMessage(new CultureInfo("vi-VN")));
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
        Assert.Equal("https://github.com/digitalkpi/digitalkpi/blob/main/docs/rules/DKPI002.md", d.Descriptor.HelpLinkUri);
    }

    [Fact]
    public Task ForEmptyBandOrNegativeTolerance_Triggers() => Harness.VerifyAsync("DKPI002", Plan("""
            public static readonly Target E = Target.For("E", "DS.FIBRE_HOUSEHOLDS").Between(Quantity.Percent(70), [|Quantity.Percent(70)|]).By(2025).Build();
            public static readonly Target A = Target.For("A", "DE.GRDP_SHARE").About(Quantity.Share(10, EconomicAggregate.Grdp), [|-1m|]).By(2025).Build();
            public static readonly Target C = new("C", "DS.FIBRE_HOUSEHOLDS", Comparator.Between, Quantity.Percent(90), new LocalDate(2030, 12, 31), upper: [|Quantity.Percent(85)|]);
        """));

    [Fact]
    public Task ForValidBand_DoesNotTrigger() => Harness.VerifyAsync("DKPI002", Plan("""
            public static readonly Target T = Target.For("T", "DS.FIBRE_HOUSEHOLDS").Between(Quantity.Percent(70), Quantity.Percent(70.1m)).By(2025).Build();
            public static readonly Target A = Target.For("A", "DE.GRDP_SHARE").About(Quantity.Share(10, EconomicAggregate.Grdp), 0m).By(2025).Build();
            // A later comparison replaces the band: the builder keeps the last one.
            public static readonly Target L = Target.For("L", "DS.FIBRE_HOUSEHOLDS").Between(Quantity.Percent(80), Quantity.Percent(70)).AtLeast(Quantity.Percent(80)).By(2030).Build();
        """));

    [Fact]
    public Task ForBandNotConstant_DoesNotTrigger() => Harness.VerifyAsync("DKPI002", Plan("""
            public static Target Band(decimal low, decimal high) => Target.For("T", "DS.FIBRE_HOUSEHOLDS").Between(Quantity.Percent(low), Quantity.Percent(high)).By(2025).Build();
            public static Target About(decimal tolerance) => Target.For("A", "DE.GRDP_SHARE").About(Quantity.Share(10, EconomicAggregate.Grdp), tolerance).By(2025).Build();
        """));

    // DKPI003 ---------------------------------------------------------------------------------------------------------

    [Fact]
    public async Task ForComparatorAgainstDirection_Triggers()
    {
        var diagnostics = await Harness.VerifyAsync("DKPI003", Plan("""
                public static readonly Target T = Target.For("T", Indicators.Fibre.Code).[|AtMost|](Quantity.Percent(80)).By(2025).Build();
                public static readonly Target R = Target.For("R", Indicators.DtiRank.Code).[|AtLeast|](Quantity.Rank(10, 63)).By(2025).Build();
                public static readonly Target C = new("C", "DS.FIBRE_HOUSEHOLDS", [|Comparator.Below|], Quantity.Percent(50), new LocalDate(2030, 12, 31));
            """));
        Assert.Contains("higher is better", diagnostics.OrderBy(d => d.Location.SourceSpan.Start).First().GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public Task ForComparatorAlongDirection_DoesNotTrigger() => Harness.VerifyAsync("DKPI003", Plan("""
            public static readonly Target T = Target.For("T", Indicators.Fibre.Code).AtLeast(Quantity.Percent(80)).By(2025).Build();
            public static readonly Target R = Target.For("R", Indicators.DtiRank.Code).AtMost(Quantity.Rank(10, 63)).By(2025).Build();
            public static readonly Target B = Target.For("B", Indicators.Fibre.Code).Between(Quantity.Percent(70), Quantity.Percent(90)).By(2030).Build();
        """));

    [Fact]
    public Task ForIndicatorNotVisible_DoesNotTrigger() => Harness.VerifyAsync("DKPI003", Plan("""
            public static string Code() => "DS.FIBRE_HOUSEHOLDS";
            public static readonly Target T = Target.For("T", Code()).AtMost(Quantity.Percent(80)).By(2025).Build();
            public static readonly Target U = Target.For("U", "X.NOT_DEFINED_HERE").AtMost(Quantity.Percent(80)).By(2025).Build();
        """));

    // DKPI004 ---------------------------------------------------------------------------------------------------------

    [Fact]
    public Task ForRegressingMilestonesAcrossFiles_Triggers() => Harness.VerifyAsync(
        "DKPI004",
        ("Plan2025.cs", """
            namespace Consumer;
            public static partial class Plan
            {
                public static readonly Target Fibre2025 = Target.For("T2025", Indicators.Fibre.Code).AtLeast(Quantity.Percent(80)).By(2025).Build();
                public static readonly Target Rank2025 = Target.For("R2025", Indicators.DtiRank.Code).RankWithin(10, 63).By(2025).Build();
            }
            """),
        ("Plan2030.cs", """
            namespace Consumer;
            public static partial class Plan
            {
                public static readonly Target Fibre2030 = Target.For("T2030", Indicators.Fibre.Code).AtLeast([|Quantity.Percent(70)|]).By(2030).Build();
                public static readonly Target Rank2030 = Target.For("R2030", Indicators.DtiRank.Code).RankWithin([|20|], 63).By(2030).Build();
            }
            """));

    [Fact]
    public Task ForNonRegressingMilestones_DoesNotTrigger() => Harness.VerifyAsync("DKPI004", Plan("""
            public static readonly Target A = Target.For("T2025", Indicators.Fibre.Code).AtLeast(Quantity.Percent(80)).By(2025).Build();
            public static readonly Target B = Target.For("T2030", Indicators.Fibre.Code).AtLeast(Quantity.Percent(80)).By(2030).Build();
            public static readonly Target C = Target.For("C2030", Indicators.Fibre.Code).AtLeast(Quantity.Percent(60)).AtLevel(AdministrativeLevel.Commune).By(2030).Build();
        """));

    [Fact]
    public Task ForMilestoneNotConstant_DoesNotTrigger() => Harness.VerifyAsync("DKPI004", Plan("""
            public static readonly Target A = Target.For("T2025", Indicators.Fibre.Code).AtLeast(Quantity.Percent(80)).By(2025).Build();
            public static Target Later(decimal p) => Target.For("T2030", Indicators.Fibre.Code).AtLeast(Quantity.Percent(p)).By(2030).Build();
        """));

    // DKPI005 ---------------------------------------------------------------------------------------------------------

    [Fact]
    public Task ForDatesOutOfOrder_Triggers() => Harness.VerifyAsync("DKPI005", Plan("""
            public static readonly Target S = Target.For("S", "DS.FIBRE_HOUSEHOLDS").AtLeast(Quantity.Percent(80)).From([|new LocalDate(2026, 1, 1)|]).By(2025).Build();
            public static readonly Target B = Target.For("B", "DS.FIBRE_HOUSEHOLDS").AtLeast(Quantity.Percent(80)).WithBaseline(Quantity.Percent(50), new LocalDate(2026, 1, 1)).By([|2025|]).Build();
        """));

    [Fact]
    public Task ForDatesInOrder_DoesNotTrigger() => Harness.VerifyAsync("DKPI005", Plan("""
            public static readonly Target S = Target.For("S", "DS.FIBRE_HOUSEHOLDS").AtLeast(Quantity.Percent(80)).From(new LocalDate(2025, 12, 31)).WithBaseline(Quantity.Percent(50), new LocalDate(2025, 12, 30)).By(2025).Build();
        """));

    [Fact]
    public Task ForDatesNotConstant_DoesNotTrigger() => Harness.VerifyAsync("DKPI005", Plan("""
            public static Target Make(LocalDate start) => Target.For("S", "DS.FIBRE_HOUSEHOLDS").AtLeast(Quantity.Percent(80)).From(start).By(2025).Build();
            public static readonly LocalDate Start = LocalDate.FromDateTime(System.DateTime.Today);
            public static readonly Target T = Target.For("T", "DS.FIBRE_HOUSEHOLDS").AtLeast(Quantity.Percent(80)).From(Start).By(2025).Build();
        """));

    // DKPI006 ---------------------------------------------------------------------------------------------------------

    [Fact]
    public async Task ForDuplicatesAcrossFiles_Triggers()
    {
        var diagnostics = await Harness.VerifyAsync(
            "DKPI006",
            ("PlanA.cs", """
                namespace Consumer;
                public static partial class Plan
                {
                    public static readonly Target A = Target.For("A", Indicators.Fibre.Code).AtLeast(Quantity.Percent(80)).By(2025).Build();
                    public static readonly Indicator Again = new({|DKPI006:"DS.FIBRE_HOUSEHOLDS"|}, "Cáp quang", Unit.Percent, Direction.HigherIsBetter, Pillar.DigitalSociety, TemporalNature.Snapshot);
                }
                """),
            ("PlanB.cs", """
                namespace Consumer;
                public static partial class Plan
                {
                    public static readonly Target B = Target.For("B", Indicators.Fibre.Code).AtLeast(Quantity.Percent(85)).By([|2025|]).Build();
                    public static readonly Target A2 = Target.For([|"A"|], Indicators.Fibre.Code).AtLeast(Quantity.Percent(90)).By(2030).Build();
                }
                """));
        Diagnostic sameId = diagnostics.Single(d => d.GetMessage(CultureInfo.InvariantCulture).StartsWith("target A:", StringComparison.Ordinal));
        Assert.Equal("target A: the id is already used at PlanA.cs(7,50)", sameId.GetMessage(CultureInfo.InvariantCulture));
        Assert.Equal("PlanA.cs", Assert.Single(sameId.AdditionalLocations).SourceTree!.FilePath);
    }

    [Fact]
    public Task ForDistinctTargets_DoesNotTrigger() => Harness.VerifyAsync("DKPI006", Plan("""
            public static readonly Target A = Target.For("A", Indicators.Fibre.Code).AtLeast(Quantity.Percent(80)).By(2025).Build();
            public static readonly Target B = Target.For("B", Indicators.Fibre.Code).AtLeast(Quantity.Percent(60)).AtLevel(AdministrativeLevel.Commune).By(2025).Build();
        """));

    [Fact]
    public Task ForIdsNotConstant_DoesNotTrigger() => Harness.VerifyAsync("DKPI006", Plan("""
            public static string Prefix = "QT";
            public static readonly Target A = Target.For(Prefix + ".A", Indicators.Fibre.Code).AtLeast(Quantity.Percent(80)).By(2025).Build();
            public static readonly Target B = Target.For(Prefix + ".A", Indicators.Fibre.Code).AtLeast(Quantity.Percent(90)).By(2030).Build();
        """));

    // DKPI007 ---------------------------------------------------------------------------------------------------------

    [Fact]
    public Task ForUnitMismatch_Triggers() => Harness.VerifyAsync("DKPI007", Plan("""
            public static readonly Target T = Target.For("T", Indicators.GrdpShare.Code).AtLeast([|Quantity.Percent(10)|]).By(2025).Build();
        """));

    [Fact]
    public Task ForMatchingUnit_DoesNotTrigger() => Harness.VerifyAsync("DKPI007", Plan("""
            public static readonly Target T = Target.For("T", Indicators.GrdpShare.Code).AtLeast(Quantity.Share(10, EconomicAggregate.Grdp)).By(2025).Build();
            public static readonly Target F = Target.For("F", Indicators.Fibre.Code).AtLeast(new Quantity(80, Unit.Fraction)).By(2025).Build();
        """));

    [Fact]
    public Task ForUnitNotConstant_DoesNotTrigger() => Harness.VerifyAsync("DKPI007", Plan("""
            public static Target Make(Unit unit) => Target.For("T", Indicators.GrdpShare.Code).AtLeast(new Quantity(10, unit)).By(2025).Build();
        """));

    // DKPI008 ---------------------------------------------------------------------------------------------------------

    [Fact]
    public async Task ForLevelAbolishedOrNotReported_Triggers()
    {
        var diagnostics = await Harness.VerifyAsync("DKPI008", Plan("""
                public static readonly Target D = Target.For("D", Indicators.Fibre.Code).AtLeast(Quantity.Percent(80)).AtLevel([|AdministrativeLevel.District|]).By(2025).Build();
                public static readonly Target C = Target.For("C", Indicators.GrdpShare.Code).AtLeast(Quantity.Share(10, EconomicAggregate.Grdp)).AtLevel([|AdministrativeLevel.Commune|]).By(2025).Build();
            """));
        Assert.Contains(diagnostics, d => d.GetMessage(CultureInfo.InvariantCulture).Contains("no longer exists", StringComparison.Ordinal));
    }

    [Fact]
    public Task ForLevelReportedAndExisting_DoesNotTrigger() => Harness.VerifyAsync("DKPI008", Plan("""
            public static readonly Target D = Target.For("D", Indicators.Fibre.Code).AtLeast(Quantity.Percent(80)).AtLevel(AdministrativeLevel.District).By(new LocalDate(2025, 6, 30)).Build();
            public static readonly Target C = Target.For("C", Indicators.Fibre.Code).AtLeast(Quantity.Percent(60)).AtLevel(AdministrativeLevel.Commune).By(2025).Build();
        """));

    [Fact]
    public Task ForLevelNotConstant_DoesNotTrigger() => Harness.VerifyAsync("DKPI008", Plan("""
            public static Target Make(AdministrativeLevel level) => Target.For("D", Indicators.GrdpShare.Code).AtLeast(Quantity.Share(10, EconomicAggregate.Grdp)).AtLevel(level).By(2025).Build();
        """));

    // DKPI009 ---------------------------------------------------------------------------------------------------------

    [Fact]
    public async Task ForBaselineAlreadyMeetingTarget_Triggers()
    {
        var diagnostics = await Harness.VerifyAsync("DKPI009", Plan("""
                public static readonly Target T = Target.For("T", Indicators.Fibre.Code).AtLeast(Quantity.Percent(80)).WithBaseline([|Quantity.Percent(85)|], new LocalDate(2021, 12, 31)).By(2025).Build();
            """));
        Assert.Equal(DiagnosticSeverity.Info, Assert.Single(diagnostics).Severity);
    }

    [Fact]
    public Task ForBaselineBelowTarget_DoesNotTrigger() => Harness.VerifyAsync("DKPI009", Plan("""
            public static readonly Target T = Target.For("T", Indicators.Fibre.Code).AtLeast(Quantity.Percent(80)).WithBaseline(Quantity.Percent(79.9m), new LocalDate(2021, 12, 31)).By(2025).Build();
        """));

    [Fact]
    public Task ForBaselineNotConstant_DoesNotTrigger() => Harness.VerifyAsync("DKPI009", Plan("""
            public static Target Make(Quantity baseline) => Target.For("T", Indicators.Fibre.Code).AtLeast(Quantity.Percent(80)).WithBaseline(baseline, new LocalDate(2021, 12, 31)).By(2025).Build();
        """));

    // DKPI010 ---------------------------------------------------------------------------------------------------------

    [Fact]
    public async Task ForInconsistentFraction_Triggers()
    {
        var diagnostics = await Harness.VerifyAsync("DKPI010", Plan("""
                public static readonly Measurement Villages = Measurement.OfFraction("DS.FIBRE_HOUSEHOLDS", "08", ReportingPeriod.Year(2022), 1693m, 1733m, [|81.2m|]);
                public static readonly Measurement Above = Measurement.OfFraction("X.A", "08", ReportingPeriod.Year(2022), [|10m|], 5m);
                public static readonly Measurement Zero = Measurement.OfFraction("X.B", "08", ReportingPeriod.Year(2022), 1m, [|0m|]);
            """));
        Assert.Contains(diagnostics, d => d.GetMessage(CultureInfo.InvariantCulture) == "DS.FIBRE_HOUSEHOLDS@08 2022: reported 81.2% disagrees with 1693/1733 = 97.69%");
    }

    [Fact]
    public Task ForConsistentFraction_DoesNotTrigger() => Harness.VerifyAsync("DKPI010", Plan("""
            public static readonly Measurement Mobile = Measurement.OfFraction("DI.MOBILE_VILLAGES", "08", ReportingPeriod.Year(2022), 1675m, 1733m, 97m);
        """));

    [Fact]
    public Task ForFractionNotConstant_DoesNotTrigger() => Harness.VerifyAsync("DKPI010", Plan("""
            public static Measurement Make(decimal reported) => Measurement.OfFraction("DS.FIBRE_HOUSEHOLDS", "08", ReportingPeriod.Year(2022), 1693m, 1733m, reported);
        """));

    // DKPI011 ---------------------------------------------------------------------------------------------------------

    private const string NationalProgram = """
        namespace Consumer;
        public static class National
        {
            public static readonly Target Fibre = Target.For("VN.749.FIBRE", Indicators.Fibre.Code).Above(Quantity.Percent(80)).By(2025).Build();
            public static readonly Catalog Program = new("VN-749", "Chương trình CĐS quốc gia", "VN", [Indicators.Fibre], [Fibre]);
        }
        """;

    [Fact]
    public Task ForLessAmbitiousThanNational_Triggers() => Harness.VerifyAsync(
        "DKPI011",
        ("National.cs", NationalProgram),
        ("Province.cs", Plan("""
            public static readonly Target Fibre = Target.For("QT.FIBRE", Indicators.Fibre.Code).AtLeast([|Quantity.Percent(70)|]).By(2025).Refining("VN.749.FIBRE").Build();
        """)));

    [Fact]
    public Task ForMoreAmbitiousThanNational_DoesNotTrigger() => Harness.VerifyAsync(
        "DKPI011",
        ("National.cs", NationalProgram),
        ("Province.cs", Plan("""
            public static readonly Target Fibre = Target.For("QT.FIBRE", Indicators.Fibre.Code).AtLeast(Quantity.Percent(90)).By(2025).Refining("VN.749.FIBRE").Build();
        """)));

    [Fact]
    public Task ForRefinedIdNotConstant_DoesNotTrigger() => Harness.VerifyAsync(
        "DKPI011",
        ("National.cs", NationalProgram),
        ("Province.cs", Plan("""
            public static string National = "VN.749.FIBRE";
            public static readonly Target Fibre = Target.For("QT.FIBRE", Indicators.Fibre.Code).AtLeast(Quantity.Percent(70)).By(2025).Refining(National).Build();
        """)));

    // DKPI012 ---------------------------------------------------------------------------------------------------------

    [Fact]
    public Task ForUnknownIndicatorInVisibleCatalog_Triggers() => Harness.VerifyAsync(
        "DKPI012",
        ("Catalog.cs", Plan("""
            public static readonly Target Fibre = Target.For("QT.FIBRE", Indicators.Fibre.Code).AtLeast(Quantity.Percent(80)).By(2025).Build();
            public static readonly Catalog Catalog = new("QT-02-NQ-TU", "Nghị quyết 02-NQ/TU", "45", [Indicators.Fibre], [Fibre, Targets.Typo]);
        """)),
        ("Targets.cs", """
            namespace Consumer;
            public static class Targets
            {
                public static Target Typo { get; } = Target.For("QT.TYPO", [|"DS.FIBRE_HOUSEHOLD"|]).AtLeast(Quantity.Percent(80)).By(2025).Build();
            }
            """));

    [Fact]
    public Task ForKnownIndicatorOrPartlyVisibleCatalog_DoesNotTrigger() => Harness.VerifyAsync("DKPI012", Plan("""
            public static readonly Target Typo = Target.For("QT.TYPO", "DS.FIBRE_HOUSEHOLD").AtLeast(Quantity.Percent(80)).By(2025).Build();
            public static readonly Target Fibre = Target.For("QT.FIBRE", Indicators.Fibre.Code).AtLeast(Quantity.Percent(80)).By(2025).Build();
            public static Indicator[] More() => [];
            // The indicators are not all visible: the typo cannot be told from an indicator defined elsewhere.
            public static readonly Catalog Partial = new("QT", "Nghị quyết", "45", More(), [Typo]);
            public static readonly Catalog Complete = new("QT2", "Nghị quyết", "45", [Indicators.Fibre], [Fibre]);
        """));

    [Fact]
    public Task ForLooseTargets_DoesNotReportUnknownIndicator() => Harness.VerifyAsync("DKPI012", Plan("""
            public static readonly Target Typo = Target.For("QT.TYPO", "DS.FIBRE_HOUSEHOLD").AtLeast(Quantity.Percent(80)).By(2025).Build();
            public static readonly Target Refines = Target.For("QT.R", Indicators.Fibre.Code).AtLeast(Quantity.Percent(80)).By(2025).Refining("VN.NOT_HERE").Build();
        """));
}
