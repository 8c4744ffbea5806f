using System.Globalization;
using DigitalKpi.Cli.Localization;
using DigitalKpi.Cli.Tests.TestHelpers;

namespace DigitalKpi.Cli.Tests.Reporting;

public class ReportFormatTests
{
    private static readonly ReportFormat Vi = ReportFormat.Vi;
    private static readonly ReportFormat En = ReportFormat.En;

    [Fact]
    public void Vietnamese_UsesCommaDecimalsAndDotThousands()
    {
        Assert.Equal("17,5%", Vi.Value(17.5m, Unit.Percent));
        Assert.Equal("1.693", Vi.Number(1693m));
        Assert.Equal("583.017", Vi.Value(583017m, Unit.Count));
        Assert.Equal("0,78", Vi.Factor(0.7756));
        Assert.Equal("60%", Vi.Percent(0.6));
        Assert.Equal("31/12/2022", Vi.Date(new LocalDate(2022, 12, 31)));
    }

    [Fact]
    public void English_UsesDotDecimalsAndCommaThousands()
    {
        Assert.Equal("17.5%", En.Value(17.5m, Unit.Percent));
        Assert.Equal("1,693", En.Number(1693m));
        Assert.Equal("0.78", En.Factor(0.7756));
        Assert.Equal("2022-12-31", En.Date(new LocalDate(2022, 12, 31)));
    }

    [Fact]
    public void Formatting_DoesNotDependOnTheCurrentCulture()
    {
        string[] Sample(ReportFormat f) => new[]
        {
            f.Value(1234.5m, Unit.Percent), f.Number(-2.25, 2), f.Gap(32.5, Unit.Percent), f.Date(new LocalDate(2025, 1, 2)),
            f.Comparison(SeedFixture.TthDigitalEconomy), f.Factor(1.5), f.Value(12.5, Unit.ShareOf(EconomicAggregate.Grdp)),
        };
        string[] vi = Sample(Vi), en = Sample(En);
        CultureInfo saved = CultureInfo.CurrentCulture;
        try
        {
            foreach (string name in new[] { "fr-FR", "de-DE", "ar-SA", "en-US", "vi-VN" })
            {
                CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(name);
                Assert.Equal(vi, Sample(Vi));
                Assert.Equal(en, Sample(En));
            }
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
        Assert.Equal("1.234,5%", vi[0]);
        Assert.Equal("1,234.5%", en[0]);
        Assert.Equal("−2,25", vi[1]);
    }

    [Fact]
    public void Comparisons_InBothLanguages()
    {
        Assert.Equal("tối thiểu 50%", Vi.Comparison(SeedFixture.BrvtOnlineDossiers));
        Assert.Equal("at least 50%", En.Comparison(SeedFixture.BrvtOnlineDossiers));
        Assert.Equal("từ 15% GRDP đến 20% GRDP", Vi.Comparison(SeedFixture.TthDigitalEconomy));
        Assert.Equal("between 15% GRDP and 20% GRDP", En.Comparison(SeedFixture.TthDigitalEconomy));
        Assert.Equal("nhóm 10/63 dẫn đầu", Vi.Comparison(SeedFixture.TthRankDti));
        Assert.Equal("top 10/63", En.Comparison(SeedFixture.TthRankDti));

        Target about = Target.For("T", "DE.X").About(Quantity.Share(10, EconomicAggregate.Grdp), 0.5m).By(2025).Build();
        Assert.Equal("khoảng 10% GRDP ± 0,5", Vi.Comparison(about));
        Target yes = Target.For("T", "DE.X").Achieved().By(2025).Build();
        Assert.Equal("hoàn thành", Vi.Comparison(yes));
        Assert.Equal("achieved", En.Comparison(yes));
        Target above = Target.For("T", "DE.X").Above(Quantity.Percent(80)).By(2025).Build();
        Assert.Equal("trên 80%", Vi.Comparison(above));
        Target rank = Target.For("T", "DE.X").RankWithin(70).By(2025).Build();
        Assert.Equal("top 70", En.Comparison(rank));
    }

    [Fact]
    public void Gaps_ArePercentagePointsForPercentages()
    {
        Assert.Equal("32,5 điểm %", Vi.Gap(32.5, Unit.Percent));
        Assert.Equal("32.5 pp", En.Gap(32.5, Unit.Percent));
        Assert.Equal("2 places", En.Gap(2, Unit.RankAmong(63)));
        Assert.Equal("—", En.Gap(double.NaN, Unit.Percent));
    }

    [Fact]
    public void StatusesAndPillars_AreTranslated()
    {
        Assert.Equal("Đạt", Vi.Status(AttainmentStatus.Achieved));
        Assert.Equal("At risk", En.Status(AttainmentStatus.AtRisk));
        Assert.Equal("Chính quyền số", Vi.Pillar(Pillar.DigitalGovernment));
        Assert.Equal("Digital infrastructure", En.Pillar(Pillar.DigitalInfrastructure));
        Assert.Equal("Huyện", Vi.Level(DigitalKpi.Administration.AdministrativeLevel.District));
        Assert.Equal(6, ReportFormat.StatusOrder.Select(ReportFormat.StatusKey).Distinct().Count());
    }
}
