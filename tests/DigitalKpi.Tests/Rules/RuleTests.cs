using System.Collections.Immutable;
using System.Globalization;
using DigitalKpi.Administration;
using DigitalKpi.Rules;
using DigitalKpi.Tests.TestHelpers;
using FsCheck.Fluent;

namespace DigitalKpi.Tests.Rules;

public class RuleTests
{
    private static readonly Indicator Fibre = new("DS.FIBRE_HOUSEHOLDS", "Tỷ lệ hộ gia đình có cáp quang", Unit.Percent, Direction.HigherIsBetter, Pillar.DigitalSociety, TemporalNature.Snapshot,
        levels: [AdministrativeLevel.Province, AdministrativeLevel.District, AdministrativeLevel.Commune]);

    private static readonly Indicator GrdpShare = new("DE.GRDP_SHARE", "Tỷ trọng kinh tế số trong GRDP", Unit.ShareOf(EconomicAggregate.Grdp), Direction.HigherIsBetter, Pillar.DigitalEconomy, TemporalNature.Flow);

    private static readonly Indicator DtiRank = new("DG.DTI_RANK", "Xếp hạng DTI", Unit.RankAmong(63), Direction.LowerIsBetter, Pillar.DigitalGovernment, TemporalNature.Snapshot);

    private static readonly Indicator Enterprises = new("DE.DIGITAL_ENTERPRISES", "Số doanh nghiệp số", Unit.Count, Direction.HigherIsBetter, Pillar.DigitalEconomy, TemporalNature.RunningTotal);

    private static ImmutableArray<KpiDiagnostic> Validate(params Target[] targets)
        => CatalogValidator.Validate(new Catalog("CAT", "Danh mục", "45", [Fibre, GrdpShare, DtiRank, Enterprises], targets));

    private static KpiDiagnostic Single(ImmutableArray<KpiDiagnostic> diagnostics, string id)
    {
        KpiDiagnostic[] matching = diagnostics.Where(d => d.Id == id).ToArray();
        Assert.True(matching.Length == 1, $"expected one {id}, got: {string.Join(" | ", diagnostics)}");
        return matching[0];
    }

    private static void None(ImmutableArray<KpiDiagnostic> diagnostics, string id)
        => Assert.True(diagnostics.All(d => d.Id != id), $"unexpected {id}: {string.Join(" | ", diagnostics)}");

    private static TargetBuilder Fibre2025(string id = "T") => Target.For(id, Fibre.Code).By(2025);

    [Fact]
    public void ValidTargets_ProduceNoDiagnostics()
    {
        ImmutableArray<KpiDiagnostic> d = Validate(
            Fibre2025("A").Above(Quantity.Percent(80)).Build(),
            Target.For("B", GrdpShare.Code).Between(Quantity.Share(15, EconomicAggregate.Grdp), Quantity.Share(20, EconomicAggregate.Grdp)).By(2025).Build(),
            Target.For("C", DtiRank.Code).RankWithin(10, 63).Maintained().By(2025).Build(),
            Target.For("D", Enterprises.Code).AtLeast(Quantity.Count(300)).By(2025).Build());
        Assert.Empty(d);
    }

    [Theory]
    [InlineData(120, true)]
    [InlineData(-1, true)]
    [InlineData(100, false)]
    [InlineData(0, false)]
    public void DKPI001_PercentOutsideZeroToHundred(double value, bool fires)
    {
        ImmutableArray<KpiDiagnostic> d = Validate(Fibre2025().AtLeast(Quantity.Percent((decimal)value)).Build());
        if (fires)
        {
            KpiDiagnostic diag = Single(d, "DKPI001");
            Assert.Equal("$.targets[0].value", diag.Location.Path);
            Assert.Equal(KpiSeverity.Error, diag.Severity);
        }
        else
        {
            None(d, "DKPI001");
        }
    }

    [Fact]
    public void DKPI001_RankAbovePool_NegativeCount_BaselineOutside()
    {
        Assert.Equal("$.targets[0].value", Single(Validate(Target.For("T", DtiRank.Code).RankWithin(64, 63).By(2025).Build()), "DKPI001").Location.Path);
        None(Validate(Target.For("T", DtiRank.Code).RankWithin(63, 63).By(2025).Build()), "DKPI001");
        Single(Validate(Target.For("T", Enterprises.Code).AtLeast(Quantity.Count(-5)).By(2025).Build()), "DKPI001");
        Assert.Equal("$.targets[0].baseline.value", Single(Validate(Fibre2025().AtLeast(Quantity.Percent(80)).WithBaseline(Quantity.Percent(101), new LocalDate(2021, 12, 31)).Build()), "DKPI001").Location.Path);
    }

    [Fact]
    public void DKPI002_InvertedBand_NamesTheValues()
    {
        KpiDiagnostic d = Single(Validate(Fibre2025().Between(Quantity.Percent(80), Quantity.Percent(70)).Build()), "DKPI002");
        Assert.Equal("T: band 80–70% is inverted", d.Message);
        Assert.Equal("T: khoảng 80–70% bị đảo ngược", d.GetMessage(new CultureInfo("vi-VN")));
        Assert.Equal("$.targets[0].upper", d.Location.Path);
    }

    [Fact]
    public void DKPI002_EmptyBandAndNegativeTolerance_NearMissSilent()
    {
        Single(Validate(Fibre2025().Between(Quantity.Percent(70), Quantity.Percent(70)).Build()), "DKPI002");
        Assert.Equal("$.targets[0].tolerance", Single(Validate(Target.For("T", GrdpShare.Code).About(Quantity.Share(10, EconomicAggregate.Grdp), -1m).By(2025).Build()), "DKPI002").Location.Path);
        None(Validate(Fibre2025().Between(Quantity.Percent(70), Quantity.Percent(70.1m)).Build()), "DKPI002");
        None(Validate(Target.For("T", GrdpShare.Code).About(Quantity.Share(10, EconomicAggregate.Grdp), 0m).By(2025).Build()), "DKPI002");
    }

    [Fact]
    public void DKPI003_ComparatorAgainstDirection()
    {
        KpiDiagnostic d = Single(Validate(Fibre2025().AtMost(Quantity.Percent(80)).Build()), "DKPI003");
        Assert.Equal("$.targets[0].comparator", d.Location.Path);
        Assert.Equal("T: 'at most 80%' contradicts indicator DS.FIBRE_HOUSEHOLDS, where higher is better", d.Message);
        Assert.Equal("T: 'không quá 80%' trái với chỉ số DS.FIBRE_HOUSEHOLDS, vốn càng cao càng tốt", d.GetMessage(new CultureInfo("vi-VN")));
        Single(Validate(Target.For("T", DtiRank.Code).AtLeast(Quantity.Rank(10, 63)).By(2025).Build()), "DKPI003");
        None(Validate(Target.For("T", DtiRank.Code).AtMost(Quantity.Rank(10, 63)).By(2025).Build()), "DKPI003");
        None(Validate(Fibre2025().Between(Quantity.Percent(70), Quantity.Percent(90)).Build()), "DKPI003");
    }

    [Fact]
    public void DKPI004_LaterMilestoneAsksLess()
    {
        KpiDiagnostic d = Single(Validate(
            Target.For("T2025", Fibre.Code).AtLeast(Quantity.Percent(80)).By(2025).Build(),
            Target.For("T2030", Fibre.Code).AtLeast(Quantity.Percent(70)).By(2030).Build()), "DKPI004");
        Assert.Equal("$.targets[1].value", d.Location.Path);
        Assert.Equal("T2030", d.Location.ElementId);
        // Near miss: same ask later, or a different level.
        None(Validate(
            Target.For("T2025", Fibre.Code).AtLeast(Quantity.Percent(80)).By(2025).Build(),
            Target.For("T2030", Fibre.Code).AtLeast(Quantity.Percent(80)).By(2030).Build(),
            Target.For("C2030", Fibre.Code).AtLeast(Quantity.Percent(60)).AtLevel(AdministrativeLevel.Commune).By(2030).Build()), "DKPI004");
        // Lower is better: a later rank band that is wider regresses.
        Single(Validate(
            Target.For("R2025", DtiRank.Code).RankWithin(10, 63).By(2025).Build(),
            Target.For("R2030", DtiRank.Code).RankWithin(20, 63).By(2030).Build()), "DKPI004");
    }

    [Fact]
    public void DKPI005_DatesOutOfOrder()
    {
        Assert.Equal("$.targets[0].deadline", Single(Validate(Fibre2025().AtLeast(Quantity.Percent(80)).WithBaseline(Quantity.Percent(50), new LocalDate(2026, 1, 1)).Build()), "DKPI005").Location.Path);
        Assert.Equal("$.targets[0].startDate", Single(Validate(Fibre2025().AtLeast(Quantity.Percent(80)).From(new LocalDate(2026, 1, 1)).Build()), "DKPI005").Location.Path);
        None(Validate(Fibre2025().AtLeast(Quantity.Percent(80)).From(new LocalDate(2025, 12, 31)).WithBaseline(Quantity.Percent(50), new LocalDate(2025, 12, 30)).Build()), "DKPI005");
    }

    [Fact]
    public void DKPI006_Duplicates()
    {
        ImmutableArray<KpiDiagnostic> sameSlot = Validate(Fibre2025("A").AtLeast(Quantity.Percent(80)).Build(), Fibre2025("B").AtLeast(Quantity.Percent(85)).Build());
        Assert.Equal("$.targets[1].deadline", Single(sameSlot, "DKPI006").Location.Path);
        ImmutableArray<KpiDiagnostic> sameId = Validate(Fibre2025("A").AtLeast(Quantity.Percent(80)).Build(), Target.For("A", Fibre.Code).AtLeast(Quantity.Percent(85)).By(2030).Build());
        Assert.Equal("$.targets[1].id", Single(sameId, "DKPI006").Location.Path);
        ImmutableArray<KpiDiagnostic> dupIndicator = CatalogValidator.Validate(new Catalog("C", "Danh mục", "45", [Fibre, Fibre], []));
        Assert.Equal("$.indicators[1].code", Single(dupIndicator, "DKPI006").Location.Path);
        None(Validate(Fibre2025("A").AtLeast(Quantity.Percent(80)).Build(), Fibre2025("B").AtLeast(Quantity.Percent(60)).AtLevel(AdministrativeLevel.Commune).Build()), "DKPI006");
    }

    [Fact]
    public void DKPI007_UnitMismatch()
    {
        KpiDiagnostic d = Single(Validate(Target.For("T", GrdpShare.Code).AtLeast(Quantity.Percent(10)).By(2025).Build()), "DKPI007");
        Assert.Equal("$.targets[0].unit", d.Location.Path);
        Assert.Contains("share:GRDP", d.Message, StringComparison.Ordinal);
        None(Validate(Target.For("T", GrdpShare.Code).AtLeast(Quantity.Share(10, EconomicAggregate.Grdp)).By(2025).Build()), "DKPI007");
    }

    [Fact]
    public void DKPI008_LevelNotReported_OrAbolishedOnDeadline()
    {
        // Quảng Trị 02-NQ/TU: 80% of work files at district level by 2025, a level abolished on 2025-07-01.
        KpiDiagnostic abolished = Single(Validate(Fibre2025().AtLeast(Quantity.Percent(80)).AtLevel(AdministrativeLevel.District).Build()), "DKPI008");
        Assert.Equal("T: the district level no longer exists on the deadline 2025-12-31 (abolished after 2025-06-30)", abolished.Message);
        Assert.Equal("T: cấp huyện không còn tồn tại vào hạn chót 2025-12-31 (bãi bỏ sau 2025-06-30)", abolished.GetMessage(new CultureInfo("vi")));
        None(Validate(Target.For("T", Fibre.Code).AtLeast(Quantity.Percent(80)).AtLevel(AdministrativeLevel.District).By(new LocalDate(2025, 6, 30)).Build()), "DKPI008");
        KpiDiagnostic notReported = Single(Validate(Target.For("T", GrdpShare.Code).AtLeast(Quantity.Share(10, EconomicAggregate.Grdp)).AtLevel(AdministrativeLevel.Commune).By(2025).Build()), "DKPI008");
        Assert.Equal("$.targets[0].level", notReported.Location.Path);
    }

    [Fact]
    public void DKPI009_BaselineAlreadyMeetsTarget_IsInfo()
    {
        KpiDiagnostic d = Single(Validate(Fibre2025().AtLeast(Quantity.Percent(80)).WithBaseline(Quantity.Percent(85), new LocalDate(2021, 12, 31)).Build()), "DKPI009");
        Assert.Equal(KpiSeverity.Info, d.Severity);
        None(Validate(Fibre2025().AtLeast(Quantity.Percent(80)).WithBaseline(Quantity.Percent(79.9m), new LocalDate(2021, 12, 31)).Build()), "DKPI009");
    }

    [Fact]
    public void DKPI010_TuyenQuangFibreVillages()
    {
        var set = new MeasurementSet("TQ-2022", "Kết quả 2022", [
            Measurement.OfFraction(Fibre.Code, "08", ReportingPeriod.Year(2022), 1693m, 1733m, 81.2m),
            Measurement.OfFraction("DI.MOBILE_VILLAGES", "08", ReportingPeriod.Year(2022), 1675m, 1733m, 97m), // "đạt gần 97%": 96.65 rounds to 97
            Measurement.OfFraction("X.A", "08", ReportingPeriod.Year(2022), 10m, 5m),
            Measurement.OfFraction("X.B", "08", ReportingPeriod.Year(2022), 1m, 0m),
        ]);
        ImmutableArray<KpiDiagnostic> d = CatalogValidator.Validate(set, []);
        Assert.Equal(3, d.Count(x => x.Id == "DKPI010"));
        KpiDiagnostic tq = d.First(x => x.Id == "DKPI010");
        Assert.Equal("$.measurements[0].reportedValue", tq.Location.Path);
        Assert.Equal("DS.FIBRE_HOUSEHOLDS@08 2022: reported 81.2% disagrees with 1693/1733 = 97.69%", tq.Message);
        Assert.Equal("$.measurements[2].numerator", d[1].Location.Path);
        Assert.Equal("$.measurements[3].denominator", d[2].Location.Path);
    }

    [Fact]
    public void DKPI011_LessAmbitiousThanNational()
    {
        Target national = Target.For("VN.749.FIBRE", Fibre.Code).Above(Quantity.Percent(80)).By(2025).Build();
        var vn = new Catalog("VN-749", "Chương trình CĐS quốc gia", "VN", [Fibre], [national]);
        var options = ValidationOptions.Default.WithReferenceCatalogs([vn]);
        var weaker = new Catalog("P", "Tỉnh", "45", [Fibre], [Fibre2025().AtLeast(Quantity.Percent(70)).Refining("VN.749.FIBRE").Build()]);
        KpiDiagnostic d = Single(CatalogValidator.Validate(weaker, options), "DKPI011");
        Assert.Contains("VN.749.FIBRE", d.Message, StringComparison.Ordinal);
        var stronger = new Catalog("P", "Tỉnh", "45", [Fibre], [Fibre2025().AtLeast(Quantity.Percent(90)).Refining("VN.749.FIBRE").Build()]);
        Assert.Empty(CatalogValidator.Validate(stronger, options));
        // A refinement in another unit cannot be compared: DKPI007 says so instead of staying silent.
        var otherUnit = new Catalog("P", "Tỉnh", "45", [Fibre], [Fibre2025().AtLeast(Quantity.Count(90)).Refining("VN.749.FIBRE").Build()]);
        Assert.Contains(CatalogValidator.Validate(otherUnit, options), x => x.Id == "DKPI007" && x.Message.Contains("refined target VN.749.FIBRE", StringComparison.Ordinal));
        // Without the national catalog the reference is unresolved (DKPI012), not a false DKPI011.
        ImmutableArray<KpiDiagnostic> unresolved = CatalogValidator.Validate(weaker);
        None(unresolved, "DKPI011");
        Single(unresolved, "DKPI012");
    }

    [Fact]
    public void DKPI012_UnknownIndicator()
    {
        KpiDiagnostic d = Single(Validate(Target.For("T", "NO.SUCH").AtLeast(Quantity.Percent(1)).By(2025).Build()), "DKPI012");
        Assert.Equal("$.targets[0].indicator", d.Location.Path);
        Assert.Equal(KpiSeverity.Warning, d.Severity);
    }

    [Fact]
    public void SeverityOverrides_ChangeOrSilenceARule()
    {
        Target t = Fibre2025().Between(Quantity.Percent(80), Quantity.Percent(70)).Build();
        var catalog = new Catalog("C", "Danh mục", "45", [Fibre], [t]);
        Assert.Equal(KpiSeverity.Warning, Single(CatalogValidator.Validate(catalog, ValidationOptions.Default.WithSeverity("DKPI002", KpiSeverity.Warning)), "DKPI002").Severity);
        Assert.Empty(CatalogValidator.Validate(catalog, ValidationOptions.Default.WithSeverity("DKPI002", KpiSeverity.None)));
        Assert.Throws<ArgumentException>(() => ValidationOptions.Default.WithSeverity("DKPI999", KpiSeverity.Error));
    }

    [Fact]
    public void RuleCatalogue_IdsAreUniqueSequentialAndDocumented()
    {
        Assert.Equal(Enumerable.Range(1, KpiRules.All.Length).Select(i => "DKPI" + i.ToString("000", CultureInfo.InvariantCulture)), KpiRules.All.Select(r => r.Id));
        string docs = Path.Combine(RepoPaths.Root, "docs", "rules");
        foreach (RuleDescriptor rule in KpiRules.All)
        {
            Assert.EndsWith("/docs/rules/" + rule.Id + ".md", rule.HelpLink, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(docs, rule.Id + ".md")), $"missing docs/rules/{rule.Id}.md");
            Assert.False(string.IsNullOrWhiteSpace(rule.TitleVi));
        }
        string rulesMd = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "rules.md"));
        foreach (RuleDescriptor rule in KpiRules.All)
        {
            Assert.Contains("## " + rule.Id, rulesMd, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Property_ValidationNeverThrows_OnGeneratedCatalogs()
        => Properties.Check(ModelGen.Catalog, catalog =>
        {
            ImmutableArray<KpiDiagnostic> d = CatalogValidator.Validate(catalog);
            foreach (KpiDiagnostic x in d)
            {
                Assert.StartsWith("DKPI0", x.Id, StringComparison.Ordinal);
                Assert.StartsWith("$.", x.Location.Path, StringComparison.Ordinal);
                Assert.False(string.IsNullOrEmpty(x.GetMessage(new CultureInfo("vi-VN"))));
            }
        });
}
