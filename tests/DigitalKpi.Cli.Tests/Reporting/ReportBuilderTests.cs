using System.Collections.Immutable;
using DigitalKpi.Administration;
using DigitalKpi.Cli.Reporting;
using DigitalKpi.Cli.Tests.TestHelpers;
using DigitalKpi.Rules;

namespace DigitalKpi.Cli.Tests.Reporting;

public class ReportBuilderTests
{
    private static TargetReport Row(Report report, string id) => report.AllTargets.Single(t => t.Id == id);

    [Fact]
    public void EvaluatesEveryTarget_WithTheLibrarysAttainment()
    {
        Report report = SeedFixture.Report();

        TargetReport dossiers = Row(report, "BRVT.2022.ONLINE_DOSSIERS");
        AttainmentResult expected = Attainment.Evaluate(SeedFixture.BrvtOnlineDossiers,
            SeedFixture.SeedResults().Measurements.Concat(SeedFixture.SyntheticResults().Measurements).Where(m => m.UnitCode == "77"), SeedFixture.AsOf);
        Assert.Equal(expected, dossiers.Result);
        Assert.Equal(AttainmentStatus.AtRisk, dossiers.Status);
        Assert.Equal(0.6, dossiers.Result.Ratio, 6);
        Assert.Equal(ReportingPeriod.HalfYear(2022, 1), dossiers.Latest!.Period);
        Assert.Equal(new[] { 17.5m, 30m }, dossiers.Points.Select(p => p.Value));

        Assert.Equal(AttainmentStatus.NoData, Row(report, "BRVT.2022.SME_VN_WEBSITE").Status);
        Assert.Equal(AttainmentStatus.OffTrack, Row(report, "TTH.2025.RANK_DTI").Status); // maintain: rank 12 in 2022
        Assert.Equal(AttainmentStatus.Achieved, Row(report, "TTH.2025.DE_SHARE").Status);
        Assert.Equal(4, report.Counts.Total);
        Assert.Equal(1, report.Counts[AttainmentStatus.Achieved]);
    }

    [Fact]
    public void GroupsByCatalogThenPillarInPillarOrder()
    {
        Report report = SeedFixture.Report();
        Assert.Equal(new[] { "BRVT-2022", "TTH-NQ-HN5", "TQ-48-NQ-TU" }, report.Catalogs.Select(c => c.Id));
        Assert.Equal(new Pillar?[] { Pillar.DigitalGovernment, Pillar.DigitalEconomy }, report.Catalogs[0].Pillars.Select(p => p.Pillar));
        Assert.Empty(report.Catalogs[2].Pillars);
        Assert.Equal(new Pillar?[] { Pillar.DigitalGovernment, Pillar.DigitalEconomy }, report.PillarCounts.Select(p => p.Pillar));
        Assert.Equal(2, report.PillarCounts[0].Counts.Total);
        Assert.Equal(2, report.PillarCounts[1].Counts.Total);
    }

    [Fact]
    public void ResultsWithoutTarget_AreListedUnderTheirCatalog()
    {
        Report report = SeedFixture.Report();
        CatalogReport tq = report.Catalogs.Single(c => c.Id == "TQ-48-NQ-TU");
        MeasurementRow row = Assert.Single(tq.OtherResults);
        Assert.Equal(1693m, row.Measurement.Numerator);
        Assert.Same(SeedFixture.FibreVillages, row.Indicator);
        Assert.Empty(report.UnitsWithoutCatalog);
    }

    [Fact]
    public void ResultsOfUnitsWithoutCatalog_AreListedApart()
    {
        ReportInput input = SeedFixture.Input() with
        {
            MeasurementSets = new[] { SeedFixture.SeedResults(), new MeasurementSet("OTHER", "Khác", new[] { Measurement.Of(SeedFixture.FibreVillages.Code, "06", ReportingPeriod.Year(2022), 50m) }) },
        };
        Report report = ReportBuilder.Build(input, SeedFixture.AsOf);
        UnitResults unit = Assert.Single(report.UnitsWithoutCatalog);
        Assert.Equal("06", unit.Unit.Code);
        Assert.Equal("Bắc Kạn", unit.Unit.Name);
    }

    [Fact]
    public void TierTargets_GetNoProvinceWideValues_AndANote()
    {
        Target district = Target.For("BRVT.2022.ONLINE_DOSSIERS.DIST", SeedFixture.OnlineDossiers.Code).AtLeast(Quantity.Percent(40)).AtLevel(AdministrativeLevel.District).By(2022).Build();
        ReportInput input = SeedFixture.Input() with { Catalogs = new[] { SeedFixture.Brvt(district) } };
        TargetReport row = Row(ReportBuilder.Build(input, SeedFixture.AsOf), district.Id);
        Assert.Equal(AttainmentStatus.NoData, row.Status);
        Assert.Empty(row.Points);
        Assert.Contains(row.Notes, n => n.Kind == TargetNoteKind.LevelNotMeasured);
    }

    [Fact]
    public void NationalTargetInAProvincialCatalog_UsesNationalValues()
    {
        Target national = Target.For("BRVT.2022.NAT_DOSSIERS", SeedFixture.OnlineDossiers.Code).AtLeast(Quantity.Percent(20)).AtLevel(AdministrativeLevel.National).By(2022).Build();
        ReportInput input = SeedFixture.Input() with
        {
            Catalogs = new[] { SeedFixture.Brvt(national) },
            MeasurementSets = new[] { SeedFixture.SeedResults(), new MeasurementSet("VN", "Toàn quốc", new[] { Measurement.Of(SeedFixture.OnlineDossiers.Code, "VN", ReportingPeriod.Year(2022), 25m) }) },
        };
        TargetReport row = Row(ReportBuilder.Build(input, SeedFixture.AsOf), national.Id);
        Assert.Equal(AttainmentStatus.Achieved, row.Status);
        Assert.Equal("VN", row.Latest!.UnitCode);
    }

    [Fact]
    public void ValuesAfterTheReportDate_AreIgnored_AndAfterTheDeadline_DoNotDecide()
    {
        var later = new MeasurementSet("LATER", "Sau", new[]
        {
            Measurement.Of(SeedFixture.OnlineDossiers.Code, "77", ReportingPeriod.Year(2023), 60m),
        });
        ReportInput input = SeedFixture.Input() with { MeasurementSets = new[] { SeedFixture.SeedResults(), SeedFixture.SyntheticResults(), later } };

        TargetReport before = Row(ReportBuilder.Build(input, SeedFixture.AsOf), "BRVT.2022.ONLINE_DOSSIERS");
        Assert.Equal(2, before.Points.Count);

        TargetReport after = Row(ReportBuilder.Build(input, new LocalDate(2024, 1, 1)), "BRVT.2022.ONLINE_DOSSIERS");
        Assert.Equal(3, after.Points.Count); // drawn on the trajectory
        Assert.Equal(ReportingPeriod.HalfYear(2022, 1), after.Latest!.Period); // but the 2023 value came after the deadline
        Assert.Equal(Attainment.Evaluate(SeedFixture.BrvtOnlineDossiers, input.MeasurementSets.SelectMany(s => s.Measurements), new LocalDate(2024, 1, 1)), after.Result);
    }

    [Fact]
    public void UnknownIndicator_IsNotedAndGroupedLast()
    {
        Target orphan = Target.For("BRVT.2022.UNKNOWN", "DG.NOT_DEFINED").AtLeast(Quantity.Percent(10)).By(2022).Build();
        ReportInput input = SeedFixture.Input() with { Catalogs = new[] { SeedFixture.Brvt(orphan) } };
        CatalogReport c = ReportBuilder.Build(input, SeedFixture.AsOf).Catalogs[0];
        Assert.Null(c.Pillars[^1].Pillar);
        Assert.Contains(c.Pillars[^1].Targets[0].Notes, n => n.Kind == TargetNoteKind.UnknownIndicator);
    }

    [Fact]
    public void Issuer_IsNamedFromTheAdministrativeMap_WithItsSuccessorAfter2025()
    {
        UnitInfo before = ReportBuilder.DescribeUnit("77", new LocalDate(2021, 12, 31), new LocalDate(2022, 12, 31));
        Assert.Null(before.EndedOn);
        Assert.Contains("Vũng Tàu", before.Name, StringComparison.Ordinal);

        UnitInfo after = ReportBuilder.DescribeUnit("77", new LocalDate(2021, 12, 31), new LocalDate(2026, 1, 1));
        Assert.Equal(new LocalDate(2025, 6, 30), after.EndedOn);
        Assert.Contains(after.Successors, s => s.Contains("Hồ Chí Minh", StringComparison.Ordinal));

        UnitInfo unknown = ReportBuilder.DescribeUnit("99", new LocalDate(2021, 12, 31), new LocalDate(2022, 12, 31));
        Assert.Null(unknown.Name);
    }

    [Fact]
    public void ReportsProgressPerTarget()
    {
        var calls = new List<(int, int)>();
        ReportBuilder.Build(SeedFixture.Input(), SeedFixture.AsOf, progress: (d, t) => calls.Add((d, t)));
        Assert.Equal(new[] { (1, 4), (2, 4), (3, 4), (4, 4) }, calls);
    }

    [Fact]
    public void KeepsDiagnosticsAndInputs()
    {
        ImmutableArray<KpiDiagnostic> d = CatalogValidator.Validate(SeedFixture.SeedResults(), new[] { SeedFixture.Tq() });
        Report report = ReportBuilder.Build(SeedFixture.Input() with { Diagnostics = d }, SeedFixture.AsOf);
        Assert.Contains(report.Diagnostics, x => x.Id == "DKPI010"); // 1693/1733 is 97.7%, reported 81.2%
        Assert.Equal(new[] { "fixture.json" }, report.Inputs);
    }
}
