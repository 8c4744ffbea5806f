using DigitalKpi.Administration;
using DigitalKpi.Cli.Reporting;
using System.Collections.Immutable;
using DigitalKpi.Rules;

namespace DigitalKpi.Cli.Tests.TestHelpers;

/// <summary>
/// A small in-memory input built from seed rows (docs/seed-inventory.tsv, seed-results.tsv): BR-VT online dossiers
/// 17.5% → 50% in 2022, Thừa Thiên Huế top-10 DTI rank (maintained) and digital economy 15–20% of GRDP, Tuyên Quang
/// fibre villages 1693/1733 reported as 81.2%. Values marked SYNTHETIC are not in the seeds: they exist only to give
/// the renderers several statuses and multi-point trajectories.
/// </summary>
internal static class SeedFixture
{
    internal static readonly LocalDate AsOf = new(2022, 12, 31);

    internal static readonly Indicator OnlineDossiers = new("DG.ONLINE_DOSSIERS", "Tỷ lệ hồ sơ thủ tục hành chính xử lý trực tuyến", Unit.Percent,
        Direction.HigherIsBetter, Pillar.DigitalGovernment, TemporalNature.Flow, "Share of administrative-procedure dossiers processed online");

    internal static readonly Indicator RankDti = new("DG.RANK_DTI", "Xếp hạng Chỉ số chuyển đổi số cấp tỉnh (DTI)", Unit.RankAmong(63),
        Direction.LowerIsBetter, Pillar.DigitalGovernment, TemporalNature.Snapshot, "Rank in the provincial Digital Transformation Index (DTI)");

    internal static readonly Indicator DigitalEconomyShare = new("DE.DIGITAL_ECONOMY_SHARE", "Tỷ trọng kinh tế số trong tổng sản phẩm (GRDP; GDP ở cấp quốc gia)",
        Unit.ShareOf(EconomicAggregate.Grdp), Direction.HigherIsBetter, Pillar.DigitalEconomy, TemporalNature.Flow,
        "Digital economy as a share of gross product (GRDP; GDP at national level)");

    internal static readonly Indicator FibreVillages = new("DI.FIBRE_COVERAGE_VILLAGES", "Tỷ lệ thôn, bản, tổ dân phố có hạ tầng Internet cáp quang", Unit.Percent,
        Direction.HigherIsBetter, Pillar.DigitalInfrastructure, TemporalNature.Snapshot, "Share of villages/hamlets with fibre internet infrastructure");

    internal static readonly Indicator SmeWebsite = new("DE.SME_VN_WEBSITE", "Tỷ lệ doanh nghiệp nhỏ và vừa có website với tên miền .vn", Unit.Percent,
        Direction.HigherIsBetter, Pillar.DigitalEconomy, TemporalNature.Snapshot, "Share of SMEs with a website under the .vn domain");

    internal static readonly Target BrvtSmeWebsite = Target.For("BRVT.2022.SME_VN_WEBSITE", SmeWebsite.Code).AtLeast(Quantity.Percent(50)).By(2022).Build();

    internal static readonly Target BrvtOnlineDossiers = Target.For("BRVT.2022.ONLINE_DOSSIERS", OnlineDossiers.Code)
        .AtLeast(Quantity.Percent(50)).By(2022).WithBaseline(Quantity.Percent(17.5m), new LocalDate(2021, 12, 31))
        .CitedFrom("BR-VT CĐS 2022", "nâng tỷ lệ hồ sơ trực tuyến lên 50% trong năm 2022 từ mức 17,5% hiện nay").Build();

    internal static readonly Target TthRankDti = Target.For("TTH.2025.RANK_DTI", RankDti.Code).RankWithin(10, 63).Maintained().By(2025).Build();

    internal static readonly Target TthDigitalEconomy = Target.For("TTH.2025.DE_SHARE", DigitalEconomyShare.Code)
        .Between(Quantity.Share(15, EconomicAggregate.Grdp), Quantity.Share(20, EconomicAggregate.Grdp)).By(2025).Build();

    internal static Catalog Brvt(params Target[] extra) => new("BRVT-2022", "Bà Rịa - Vũng Tàu: mục tiêu chuyển đổi số năm 2022", "77",
        new[] { OnlineDossiers, SmeWebsite }, new[] { BrvtOnlineDossiers, BrvtSmeWebsite }.Concat(extra));

    internal static Catalog Tth() => new("TTH-NQ-HN5", "Nghị quyết Hội nghị lần thứ 5 Ban Chấp hành Đảng bộ tỉnh Thừa Thiên Huế khóa XVI về chuyển đổi số", "46",
        new[] { RankDti, DigitalEconomyShare }, new[] { TthRankDti, TthDigitalEconomy });

    internal static Catalog Tq() => new("TQ-48-NQ-TU", "Nghị quyết số 48-NQ/TU về chuyển đổi số tỉnh Tuyên Quang", "08", new[] { FibreVillages }, null, new LocalDate(2021, 11, 15));

    /// <summary>Only seed values.</summary>
    internal static MeasurementSet SeedResults() => new("SEED-RESULTS", "Kết quả báo cáo", new[]
    {
        Measurement.Of(OnlineDossiers.Code, "77", ReportingPeriod.Year(2021), 17.5m),
        Measurement.OfFraction(FibreVillages.Code, "08", ReportingPeriod.Year(2022), 1693m, 1733m, 81.2m),
    });

    /// <summary>SYNTHETIC values (not in the seeds), for statuses and trajectories.</summary>
    internal static MeasurementSet SyntheticResults() => new("SYNTHETIC", "Giá trị giả định cho kiểm thử", new[]
    {
        Measurement.Of(OnlineDossiers.Code, "77", ReportingPeriod.HalfYear(2022, 1), 30m),
        Measurement.Of(RankDti.Code, "46", ReportingPeriod.Year(2021), 8m),
        Measurement.Of(RankDti.Code, "46", ReportingPeriod.Year(2022), 12m),
        Measurement.Of(DigitalEconomyShare.Code, "46", ReportingPeriod.Year(2022), 16m),
    });

    internal static ReportInput Input(bool synthetic = true)
    {
        var catalogs = new[] { Brvt(), Tth(), Tq() };
        var sets = synthetic ? new[] { SeedResults(), SyntheticResults() } : new[] { SeedResults() };
        return new ReportInput(catalogs, sets, ImmutableArray<KpiDiagnostic>.Empty, new[] { "fixture.json" }, false);
    }

    internal static Report Report(bool synthetic = true) => ReportBuilder.Build(Input(synthetic), AsOf);
}
