using DigitalKpi.Tests.TestHelpers;
using FsCheck;
using FsCheck.Fluent;

namespace DigitalKpi.Tests.Evaluation;

public class AttainmentTests
{
    private static readonly LocalDate EndOf2021 = new(2021, 12, 31);

    // BR-VT: "nâng tỷ lệ hồ sơ trực tuyến lên 50% trong năm 2022 từ mức 17,5% hiện nay".
    private static Target BrvtOnlineDossiers(ProgressMethod method = ProgressMethod.Linear)
        => Target.For("BRVT.2022.ONLINE_DOSSIERS", "DG.ONLINE_DOSSIERS").AtLeast(Quantity.Percent(50)).By(2022)
            .WithBaseline(Quantity.Percent(17.5m), EndOf2021).CitedFrom("BR-VT 2022").Build();

    [Fact]
    public void BrvtWorkedExample_Linear_MidYear()
    {
        AttainmentResult r = Attainment.Evaluate(BrvtOnlineDossiers(), 30m, new LocalDate(2022, 6, 30));
        double elapsed = 181.0 / 365.0;
        double progress = (30 - 17.5) / (50 - 17.5);
        Assert.False(r.IsMet);
        Assert.Equal(0.6, r.Ratio, 12);
        Assert.Equal(progress, r.Progress!.Value, 12);
        Assert.Equal(17.5 + (32.5 * elapsed), r.Expected!.Value, 12);
        Assert.Equal(20.0, r.Gap, 12);
        Assert.Equal(progress / elapsed, r.Pace!.Value, 12);
        Assert.Equal(AttainmentStatus.AtRisk, r.Status); // pace 0.776: between 0.6 and 0.95
    }

    [Fact]
    public void BrvtWorkedExample_GrowthRate()
    {
        var options = new AttainmentOptions(ProgressMethod.GrowthRate);
        AttainmentResult r = Attainment.Evaluate(BrvtOnlineDossiers(), 30m, new LocalDate(2022, 6, 30), options);
        double observed = Math.Pow(30 / 17.5, 365.25 / 181) - 1;
        double required = Math.Pow(50 / 17.5, 365.25 / 365) - 1;
        Assert.Equal(observed / required, r.Pace!.Value, 12);
        Assert.Equal(ProgressMethod.GrowthRate, r.Method);
        // Compounded over half a year, 17.5 -> 30 is a faster annual rate than 17.5 -> 50 over a year: ratio 1.06.
        Assert.True(r.Pace > 1.0);
        Assert.Equal(AttainmentStatus.OnTrack, r.Status);
    }

    [Theory]
    [InlineData(50, AttainmentStatus.Achieved)]
    [InlineData(49.9, AttainmentStatus.OffTrack)] // deadline reached unmet
    public void AtDeadline_IsAchievedOrMissed(double value, AttainmentStatus expected)
        => Assert.Equal(expected, Attainment.Evaluate(BrvtOnlineDossiers(), (decimal)value, new LocalDate(2022, 12, 31)).Status);

    [Fact]
    public void StatusThresholdsAreConfigurable()
    {
        var strict = new AttainmentOptions(onTrackThreshold: 0.5, atRiskThreshold: 0.2);
        Assert.Equal(AttainmentStatus.OnTrack, Attainment.Evaluate(BrvtOnlineDossiers(), 30m, new LocalDate(2022, 6, 30), strict).Status);
        var lax = new AttainmentOptions(onTrackThreshold: 2, atRiskThreshold: 1.5);
        Assert.Equal(AttainmentStatus.OffTrack, Attainment.Evaluate(BrvtOnlineDossiers(), 30m, new LocalDate(2022, 6, 30), lax).Status);
        Assert.Throws<ArgumentException>(() => new AttainmentOptions(onTrackThreshold: 0.5, atRiskThreshold: 0.6));
        Assert.Throws<ArgumentOutOfRangeException>(() => new AttainmentOptions(onTrackThreshold: double.NaN));
    }

    [Fact]
    public void NotYetDue_BeforeStartDate_OrWithoutBaseline()
    {
        // Bắc Kạn: digitise 100% of new dossiers arising from 01/6/2022.
        Target fromJune = Target.For("BK.DIGITISE", "DG.DIGITISED_DOSSIERS").AtLeast(Quantity.Percent(100)).From(new LocalDate(2022, 6, 1)).By(2022).Build();
        Assert.Equal(AttainmentStatus.NotYetDue, Attainment.Evaluate(fromJune, 40m, new LocalDate(2022, 3, 31)).Status);
        Assert.Equal(AttainmentStatus.NotYetDue, Attainment.Evaluate(fromJune, 40m, new LocalDate(2022, 9, 30)).Status); // no baseline: no pace
        Assert.Null(Attainment.Evaluate(fromJune, 40m, new LocalDate(2022, 9, 30)).Pace);
        Assert.Equal(AttainmentStatus.Achieved, Attainment.Evaluate(fromJune, 100m, new LocalDate(2022, 9, 30)).Status);
    }

    [Theory]
    [InlineData(5, true, 2.0)]
    [InlineData(10, true, 1.0)]
    [InlineData(12, false, 10.0 / 12.0)]
    public void RankWithinTop10(int rank, bool met, double ratio)
    {
        // Thừa Thiên Huế: "giữ vững vị trí nhóm 10 địa phương dẫn đầu" in DTI.
        Target top10 = Target.For("TTH.DTI", "DG.DTI_RANK").RankWithin(10, outOf: 63).Maintained().By(2025).Build();
        AttainmentResult r = Attainment.Evaluate(top10, rank, new LocalDate(2023, 12, 31));
        Assert.Equal(met, r.IsMet);
        Assert.Equal(ratio, r.Ratio, 12);
        Assert.Equal(rank - 10.0, r.Gap, 12);
    }

    [Theory]
    [InlineData(12, false, 0.8, 3)]
    [InlineData(15, true, 1.0, 0)]
    [InlineData(17.5, true, 1.0, 0)]
    [InlineData(25, false, 0.8, 5)]
    public void BandFifteenToTwentyPercentOfGrdp(double value, bool met, double ratio, double gap)
    {
        Target band = Target.For("TTH.DE", "DE.GRDP_SHARE").Between(Quantity.Share(15, EconomicAggregate.Grdp), Quantity.Share(20, EconomicAggregate.Grdp)).By(2025).Build();
        AttainmentResult r = Attainment.Evaluate(band, (decimal)value, new LocalDate(2025, 12, 31));
        Assert.Equal(met, r.IsMet);
        Assert.Equal(ratio, r.Ratio, 12);
        Assert.Equal(gap, r.Gap, 12);
    }

    [Theory]
    [InlineData(10, true)]
    [InlineData(9, true)]
    [InlineData(11, true)]
    [InlineData(8.9, false)]
    [InlineData(11.1, false)]
    public void AboutTenPercentOfGrdp_WithinOnePoint(double value, bool met)
    {
        Target about = Target.For("QT.DE", "DE.GRDP_SHARE").About(Quantity.Share(10, EconomicAggregate.Grdp), 1m).By(2025).Build();
        Assert.Equal(met, Attainment.IsMet(about, (decimal)value));
    }

    [Fact]
    public void LowerIsBetter_AtMost()
    {
        Target t = Target.For("T", "DG.DAYS").AtMost(Quantity.Count(5)).By(2025).Build();
        Assert.Equal(1.0, Attainment.Ratio(t, 5m), 12);
        Assert.Equal(2.0, Attainment.Ratio(t, 2.5m), 12);
        Assert.Equal(0.5, Attainment.Ratio(t, 10m), 12);
        Assert.Equal(10.0, Attainment.Ratio(t, 0m), 12); // capped at MaxRatio
        Assert.Equal(5.0, Attainment.Evaluate(t, 10m, new LocalDate(2025, 12, 31)).Gap, 12);
    }

    [Fact]
    public void Milestone_YesOrNo()
    {
        Target centre = Target.For("QT.CENTRE", "DG.FORECAST_CENTRE").Achieved().By(2025).Build();
        Assert.True(Attainment.Evaluate(centre, 1m, new LocalDate(2024, 12, 31)).IsMet);
        Assert.Equal(0.0, Attainment.Evaluate(centre, 0m, new LocalDate(2024, 12, 31)).Ratio);
        Assert.Equal(AttainmentStatus.OffTrack, Attainment.Evaluate(centre, 0m, new LocalDate(2025, 12, 31)).Status);
    }

    [Fact]
    public void Series_LatestValueDecides_AndMaintainMustHoldEveryPeriod()
    {
        Target keep = Target.For("T", "X.RANK").RankWithin(10, 63).Maintained().By(2025).Build();
        Measurement[] ranks =
        [
            Measurement.Of("X.RANK", "46", ReportingPeriod.Year(2022), 8m),
            Measurement.Of("X.RANK", "46", ReportingPeriod.Year(2023), 14m),
            Measurement.Of("X.RANK", "46", ReportingPeriod.Year(2024), 9m),
            Measurement.Of("OTHER", "46", ReportingPeriod.Year(2024), 60m),
            Measurement.Missing("X.RANK", "46", ReportingPeriod.Year(2025)),
        ];
        AttainmentResult r = Attainment.Evaluate(keep, ranks, new LocalDate(2026, 1, 1));
        Assert.Equal(9.0, r.Value);
        Assert.False(r.IsMet); // broken in 2023
        Assert.Equal(AttainmentStatus.OffTrack, r.Status);

        Target once = Target.For("T", "X.RANK").RankWithin(10, 63).By(2025).Build();
        AttainmentResult r2 = Attainment.Evaluate(once, ranks, new LocalDate(2026, 1, 1));
        Assert.True(r2.IsMet);
        Assert.Equal(AttainmentStatus.Achieved, r2.Status);

        AttainmentResult asOf2023 = Attainment.Evaluate(once, ranks, new LocalDate(2023, 12, 31));
        Assert.Equal(14.0, asOf2023.Value);
        Assert.Equal(AttainmentStatus.NoData, Attainment.Evaluate(once, ranks, new LocalDate(2020, 1, 1)).Status);
    }

    [Fact]
    public void Maintain_FailingNow_IsOffTrack_EvenBeforeTheDeadline()
    {
        Target top10 = Target.For("TTH.DTI", "DG.DTI_RANK").RankWithin(10, outOf: 63).Maintained().By(2025).Build();
        AttainmentResult r = Attainment.Evaluate(top10, 14m, new LocalDate(2023, 12, 31));
        Assert.Equal(AttainmentStatus.OffTrack, r.Status);
    }

    [Fact]
    public void BaselineAlreadyMeetingTarget_FallingBack_IsOffTrack_WithoutBackwardProgress()
    {
        Target t = Target.For("T", "X").AtLeast(Quantity.Percent(50)).WithBaseline(Quantity.Percent(60), EndOf2021).By(2025).Build();
        AttainmentResult r = Attainment.Evaluate(t, 45m, new LocalDate(2023, 12, 31));
        Assert.Null(r.Progress);
        Assert.Null(r.Pace);
        Assert.Equal(AttainmentStatus.OffTrack, r.Status);
    }

    [Fact]
    public void BandOvershotOnTheFarSide_IsOffTrack()
    {
        Target band = Target.For("T", "DE.GRDP_SHARE").Between(Quantity.Share(15, EconomicAggregate.Grdp), Quantity.Share(20, EconomicAggregate.Grdp))
            .WithBaseline(Quantity.Share(8, EconomicAggregate.Grdp), EndOf2021).By(2025).Build();
        AttainmentResult over = Attainment.Evaluate(band, 22m, new LocalDate(2023, 12, 31));
        Assert.Null(over.Progress);
        Assert.Equal(AttainmentStatus.OffTrack, over.Status);
        AttainmentResult under = Attainment.Evaluate(band, 13m, new LocalDate(2023, 12, 31));
        Assert.Equal((13.0 - 8) / (15 - 8), under.Progress!.Value, 12);
    }

    [Fact]
    public void Series_RefusesToMixUnits_UnlessOneIsNamed()
    {
        Target t = Target.For("T", "X").AtLeast(Quantity.Percent(50)).By(2025).Build();
        Measurement[] ms = [Measurement.Of("X", "45", ReportingPeriod.Year(2023), 60m), Measurement.Of("X", "46", ReportingPeriod.Year(2024), 40m)];
        ArgumentException e = Assert.Throws<ArgumentException>(() => Attainment.Evaluate(t, ms, new LocalDate(2025, 12, 31)));
        Assert.Contains("45", e.Message, StringComparison.Ordinal);
        Assert.Equal(60.0, Attainment.Evaluate(t, ms, "45", new LocalDate(2025, 12, 31)).Value);
        Assert.Equal(40.0, Attainment.Evaluate(t, ms, "46", new LocalDate(2025, 12, 31)).Value);
    }

    [Fact]
    public void Series_ValueAfterTheDeadline_DoesNotRescueAMissedTarget()
    {
        Target t = Target.For("T", "X").AtLeast(Quantity.Percent(50)).By(2022).Build();
        Measurement[] ms = [Measurement.Of("X", "77", ReportingPeriod.Year(2022), 40m), Measurement.Of("X", "77", ReportingPeriod.Year(2023), 55m)];
        AttainmentResult r = Attainment.Evaluate(t, ms, new LocalDate(2026, 1, 1));
        Assert.Equal(40.0, r.Value);
        Assert.Equal(AttainmentStatus.OffTrack, r.Status);
    }

    [Fact]
    public void BaselineEqualToTarget_HasNoProgress()
    {
        Target t = Target.For("T", "X").AtLeast(Quantity.Percent(50)).WithBaseline(Quantity.Percent(50), EndOf2021).By(2023).Build();
        AttainmentResult r = Attainment.Evaluate(t, 40m, new LocalDate(2022, 12, 31));
        Assert.Null(r.Progress);
        Assert.Null(r.Pace);
        Assert.Equal(AttainmentStatus.OffTrack, r.Status); // the baseline already met it: 40 is a fall back
    }

    [Fact]
    public void Regression_GivesNegativeProgress_AndOffTrack()
    {
        AttainmentResult r = Attainment.Evaluate(BrvtOnlineDossiers(), 10m, new LocalDate(2022, 6, 30));
        Assert.True(r.Progress < 0);
        Assert.Equal(AttainmentStatus.OffTrack, r.Status);
    }

    [Fact]
    public void SingleItemEvaluation_AllocatesNothing()
    {
        Target t = BrvtOnlineDossiers();
        var date = new LocalDate(2022, 6, 30);
        Attainment.Evaluate(t, 30m, date); // warm up
        long before = GC.GetAllocatedBytesForCurrentThread();
        double sum = 0;
        for (int i = 0; i < 1000; i++)
        {
            sum += Attainment.Evaluate(t, 30m + i, date).Ratio;
        }
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(sum > 0);
        Assert.Equal(0, allocated);
    }

    private static readonly Comparator[] Higher = [Comparator.AtLeast, Comparator.Above];
    private static readonly Comparator[] Lower = [Comparator.AtMost, Comparator.Below, Comparator.RankWithin];

    private static Gen<Target> OneSided(Comparator[] comparators) =>
        from c in Gen.Elements(comparators)
        from x in Gen.Choose(-100, 2000).Select(i => i / 10m)
        select c == Comparator.RankWithin
            ? new Target("T", "X", c, Quantity.Rank((int)Math.Abs(x) + 1, 100000), new LocalDate(2025, 12, 31))
            : new Target("T", "X", c, Quantity.Percent(x), new LocalDate(2025, 12, 31));

    private static Gen<(decimal, decimal)> OrderedPair =>
        from a in Gen.Choose(-2000, 30000)
        from b in Gen.Choose(-2000, 30000)
        select (Math.Min(a, b) / 10m, Math.Max(a, b) / 10m);

    [Fact]
    public void Property_RatioIsMonotoneInValue_HigherIsBetterComparators()
        => Properties.Check(OneSided(Higher).SelectMany(t => OrderedPair.Select(p => (t, p))),
            x => Attainment.Ratio(x.t, x.p.Item1) <= Attainment.Ratio(x.t, x.p.Item2));

    [Fact]
    public void Property_RatioIsMonotoneInValue_LowerIsBetterComparators()
        => Properties.Check(OneSided(Lower).SelectMany(t => OrderedPair.Select(p => (t, p))),
            x => Attainment.Ratio(x.t, x.p.Item1) >= Attainment.Ratio(x.t, x.p.Item2));

    [Fact]
    public void Property_MetTargetHasRatioAtLeastOne_UnmetBelowOne_ForEveryComparator()
        => Properties.Check(ModelGen.Target.SelectMany(t => ModelGen.Decimal.Select(v => (t, v))), x =>
        {
            AttainmentResult r = Attainment.Evaluate(x.t, x.v, new LocalDate(2023, 6, 30));
            bool consistent = r.IsMet ? r.Ratio >= 1.0 : r.Ratio <= 1.0;
            return consistent && r.Ratio >= 0 && r.Ratio <= AttainmentOptions.Default.MaxRatio && !double.IsNaN(r.Ratio)
                && (r.Status != AttainmentStatus.Achieved || r.IsMet);
        });
}
