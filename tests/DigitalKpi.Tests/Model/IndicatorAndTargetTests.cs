using System.Text;
using DigitalKpi.Administration;

namespace DigitalKpi.Tests.Model;

public class IndicatorAndTargetTests
{
    internal static Indicator FibreHouseholds => new(
        "DS.FIBRE_HOUSEHOLDS", "Tỷ lệ hộ gia đình có đường truyền internet cáp quang", Unit.Percent,
        Direction.HigherIsBetter, Pillar.DigitalSociety, TemporalNature.Snapshot, "Households with fibre broadband");

    [Fact]
    public void Indicator_NormalisesVietnameseNameToNfc()
    {
        string decomposed = "Tỷ lệ hộ gia đình".Normalize(NormalizationForm.FormD);
        Assert.NotEqual("Tỷ lệ hộ gia đình", decomposed);
        var indicator = new Indicator("X.A", decomposed, Unit.Percent, Direction.HigherIsBetter, Pillar.DigitalSociety, TemporalNature.Snapshot);
        Assert.Equal("Tỷ lệ hộ gia đình", indicator.NameVi);
        Assert.True(indicator.NameVi.IsNormalized(NormalizationForm.FormC));
    }

    [Theory]
    [InlineData("")]
    [InlineData("lower")]
    [InlineData(".LEADING")]
    [InlineData("SPACE IN")]
    [InlineData("DẤU")]
    public void Indicator_RejectsBadCodes(string code)
    {
        ArgumentException e = Assert.Throws<ArgumentException>(() => new Indicator(code, "Tên", Unit.Percent, Direction.HigherIsBetter, Pillar.DigitalSociety, TemporalNature.Snapshot));
        Assert.Equal("code", e.ParamName);
    }

    [Fact]
    public void Indicator_RejectsBlankNameAndRepeatedLevels()
    {
        Assert.Throws<ArgumentException>(() => new Indicator("A", "  ", Unit.Percent, Direction.HigherIsBetter, Pillar.DigitalSociety, TemporalNature.Snapshot));
        Assert.Throws<ArgumentNullException>(() => new Indicator("A", "Tên", null!, Direction.HigherIsBetter, Pillar.DigitalSociety, TemporalNature.Snapshot));
        Assert.Throws<ArgumentException>(() => new Indicator("A", "Tên", Unit.Percent, Direction.HigherIsBetter, Pillar.DigitalSociety, TemporalNature.Snapshot, levels: [AdministrativeLevel.Province, AdministrativeLevel.Province]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Indicator("A", "Tên", Unit.Percent, (Direction)7, Pillar.DigitalSociety, TemporalNature.Snapshot));
    }

    [Fact]
    public void Indicator_EqualityIsByValue_LevelsSorted()
    {
        var a = new Indicator("A", "Tên", Unit.Percent, Direction.HigherIsBetter, Pillar.DigitalSociety, TemporalNature.Snapshot, levels: [AdministrativeLevel.Commune, AdministrativeLevel.Province]);
        var b = new Indicator("A", "Tên", Unit.Percent, Direction.HigherIsBetter, Pillar.DigitalSociety, TemporalNature.Snapshot, levels: [AdministrativeLevel.Province, AdministrativeLevel.Commune]);
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.Equal(new[] { AdministrativeLevel.Province, AdministrativeLevel.Commune }, a.Levels.ToArray());
        Assert.NotEqual(a, new Indicator("A", "Tên", Unit.Count, Direction.HigherIsBetter, Pillar.DigitalSociety, TemporalNature.Snapshot));
    }

    [Fact]
    public void Indicator_LevelsInAnyOrder_AreSortedOnce()
    {
        AdministrativeLevel[] all = [AdministrativeLevel.National, AdministrativeLevel.Province, AdministrativeLevel.District, AdministrativeLevel.Commune];
        foreach (AdministrativeLevel[] order in Permutations(all))
        {
            for (int take = 1; take <= order.Length; take++)
            {
                AdministrativeLevel[] given = order[..take];
                var indicator = new Indicator("A", "Tên", Unit.Percent, Direction.HigherIsBetter, Pillar.DigitalSociety, TemporalNature.Snapshot, levels: given);
                Assert.Equal(given.OrderBy(l => l).ToArray(), indicator.Levels.ToArray());
                // A level repeated anywhere in the list is refused.
                AdministrativeLevel[] repeated = [.. given, given[0]];
                Assert.Throws<ArgumentException>(() => new Indicator("A", "Tên", Unit.Percent, Direction.HigherIsBetter, Pillar.DigitalSociety, TemporalNature.Snapshot, levels: repeated));
            }
        }
        foreach (int undefined in new[] { -1, 4, 31, 32, 33, int.MaxValue, int.MinValue })
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => new Indicator("A", "Tên", Unit.Percent, Direction.HigherIsBetter, Pillar.DigitalSociety, TemporalNature.Snapshot, levels: [AdministrativeLevel.Province, (AdministrativeLevel)undefined]));
        }
        Assert.Throws<ArgumentException>(() => new Indicator("A", "Tên", Unit.Percent, Direction.HigherIsBetter, Pillar.DigitalSociety, TemporalNature.Snapshot, levels: []));
    }

    private static IEnumerable<AdministrativeLevel[]> Permutations(AdministrativeLevel[] items)
    {
        if (items.Length <= 1)
        {
            yield return items;
            yield break;
        }
        for (int i = 0; i < items.Length; i++)
        {
            AdministrativeLevel[] rest = [.. items[..i], .. items[(i + 1)..]];
            foreach (AdministrativeLevel[] tail in Permutations(rest))
            {
                yield return [items[i], .. tail];
            }
        }
    }

    [Fact]
    public void Target_WithIndicatorCode_IsTheSameTargetBuiltForThatCode()
    {
        Target built = Target.For("T.1", "ZZ-INDICATOR-1").Between(Quantity.Percent(40), Quantity.Percent(60)).AtLevel(AdministrativeLevel.Commune)
            .WithBaseline(Quantity.Percent(10), new LocalDate(2021, 12, 31)).From(new LocalDate(2022, 1, 1)).By(2025).Maintained().Aspirational()
            .Refining("VN.T.1").CitedFrom("02-NQ/TU", "40–60%").Build();
        Target expected = Target.For("T.1", "DS.FIBRE").Between(Quantity.Percent(40), Quantity.Percent(60)).AtLevel(AdministrativeLevel.Commune)
            .WithBaseline(Quantity.Percent(10), new LocalDate(2021, 12, 31)).From(new LocalDate(2022, 1, 1)).By(2025).Maintained().Aspirational()
            .Refining("VN.T.1").CitedFrom("02-NQ/TU", "40–60%").Build();
        Target copy = built.WithIndicatorCode("DS.FIBRE");
        Assert.Equal(expected, copy);
        Assert.Equal(expected.ToString(), copy.ToString());
        Assert.Equal((expected.StartDate, expected.Baseline, expected.Maintain, expected.Aspirational, expected.Refines, expected.Source, expected.Upper),
            (copy.StartDate, copy.Baseline, copy.Maintain, copy.Aspirational, copy.Refines, copy.Source, copy.Upper));
        Assert.Same(built, built.WithIndicatorCode("ZZ-INDICATOR-1"));
        Assert.Equal("indicatorCode", Assert.Throws<ArgumentException>(() => built.WithIndicatorCode("not a code")).ParamName);
    }

    [Fact]
    public void Builder_BuildsQuangTriDossierTargetsPerLevel()
    {
        TargetBuilder common = Target.For("QT.2025.DOSSIERS.P", "DG.ONLINE_WORK_FILES").By(2025).Aspirational().CitedFrom("02-NQ/TU", "90% hồ sơ công việc tại cấp tỉnh");
        Target province = common.AtLeast(Quantity.Percent(90)).AtLevel(AdministrativeLevel.Province).Build();
        Target district = Target.For("QT.2025.DOSSIERS.D", "DG.ONLINE_WORK_FILES").AtLeast(Quantity.Percent(80)).AtLevel(AdministrativeLevel.District).By(2025).Build();
        Assert.Equal(Comparator.AtLeast, province.Comparator);
        Assert.Equal(90m, province.Threshold.Value);
        Assert.Equal(new LocalDate(2025, 12, 31), province.Deadline);
        Assert.True(province.Aspirational);
        Assert.Equal("02-NQ/TU", province.Source!.Document);
        Assert.Equal(AdministrativeLevel.District, district.Level);
        Assert.Equal("QT.2025.DOSSIERS.P: DG.ONLINE_WORK_FILES >= 90 percent at Province by 2025-12-31", province.ToString());
    }

    [Fact]
    public void Builder_IsImmutable()
    {
        TargetBuilder start = Target.For("A", "B").By(2025);
        Target atLeast = start.AtLeast(Quantity.Percent(50)).Build();
        Target above = start.Above(Quantity.Percent(60)).Build();
        Assert.Equal(Comparator.AtLeast, atLeast.Comparator);
        Assert.Equal(Comparator.Above, above.Comparator);
        Assert.Equal(50m, atLeast.Threshold.Value);
    }

    [Fact]
    public void Builder_ReportsMissingParts()
    {
        Assert.Contains("no comparison", Assert.Throws<InvalidOperationException>(() => Target.For("A", "B").By(2025).Build()).Message, StringComparison.Ordinal);
        Assert.Contains("no deadline", Assert.Throws<InvalidOperationException>(() => Target.For("A", "B").AtLeast(Quantity.Percent(1)).Build()).Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => default(TargetBuilder).Build());
        Assert.Throws<ArgumentException>(() => Target.For("A", "B").AtLeast(Quantity.Percent(50)).WithBaseline(Quantity.Count(3), new LocalDate(2021, 12, 31)).By(2025).Build());
    }

    [Fact]
    public void Target_ShapeIsChecked_ButValuesAreLeftToTheRules()
    {
        // An inverted band can be written down: DKPI002 reports it.
        Target inverted = Target.For("A", "B").Between(Quantity.Percent(80), Quantity.Percent(70)).By(2025).Build();
        Assert.Equal(70m, inverted.Upper!.Value.Value);
        Assert.Throws<ArgumentException>(() => new Target("A", "B", Comparator.Between, Quantity.Percent(1), new LocalDate(2025, 12, 31)));
        Assert.Throws<ArgumentException>(() => new Target("A", "B", Comparator.AtLeast, Quantity.Percent(1), new LocalDate(2025, 12, 31), upper: Quantity.Percent(5)));
        Assert.Throws<ArgumentException>(() => new Target("A", "B", Comparator.About, Quantity.Percent(1), new LocalDate(2025, 12, 31)));
        Assert.Throws<ArgumentException>(() => new Target("A", "B", Comparator.RankWithin, Quantity.Percent(10), new LocalDate(2025, 12, 31)));
        Assert.Throws<ArgumentException>(() => new Target("A", "B", Comparator.AtLeast, Quantity.Yes, new LocalDate(2025, 12, 31)));
        Assert.Throws<ArgumentException>(() => new Target("A", "B", Comparator.Between, Quantity.Percent(1), new LocalDate(2025, 12, 31), upper: Quantity.Count(5)));
    }

    [Fact]
    public void Measurement_FractionTrustsCountsOverReportedPercent()
    {
        // Tuyên Quang, end of 2022: "1.693/1.733 thôn, bản, tổ dân phố đã có hạ tầng Internet cáp quang, đạt 81,2%".
        Measurement m = Measurement.OfFraction("DI.FIBRE_VILLAGES", "08", ReportingPeriod.Year(2022), 1693m, 1733m, 81.2m);
        Assert.True(m.IsFraction);
        Assert.Equal(81.2m, m.ReportedValue);
        Assert.Equal(97.69, (double)m.Value!.Value, 2);
        Assert.Equal("DI.FIBRE_VILLAGES@08 2022 = 1693/1733 (reported 81.2)", m.ToString());
        Assert.Null(Measurement.Missing("A", "08", ReportingPeriod.Year(2022)).Value);
        Assert.Throws<ArgumentException>(() => Measurement.Missing("A", "08", ReportingPeriod.Year(2022), ObservationStatus.Normal));
    }

    [Fact]
    public void ObservationStatus_SdmxCodesRoundTrip()
    {
        foreach (ObservationStatus s in Enum.GetValues<ObservationStatus>())
        {
            Assert.True(ObservationStatusCodes.TryParseSdmxCode(s.ToSdmxCode(), out ObservationStatus back));
            Assert.Equal(s, back);
        }
        Assert.False(ObservationStatusCodes.TryParseSdmxCode("a", out _));
        Assert.False(ObservationStatusCodes.TryParseSdmxCode(null, out _));
    }

    [Fact]
    public void Catalog_EqualityAndLookup()
    {
        Target t = Target.For("T1", "DS.FIBRE_HOUSEHOLDS").Above(Quantity.Percent(80)).By(2025).Build();
        var a = new Catalog("C", "Danh mục", "45", [FibreHouseholds], [t]);
        var b = new Catalog("C", "Danh mục", "45", [FibreHouseholds], [Target.For("T1", "DS.FIBRE_HOUSEHOLDS").Above(Quantity.Percent(80)).By(2025).Build()]);
        Assert.Equal(a, b);
        Assert.Same(t, a.FindTarget("T1"));
        Assert.Null(a.FindIndicator("NOPE"));
        Assert.Throws<ArgumentException>(() => new Catalog("C", "Danh mục", "45", [FibreHouseholds, null!], []));
    }
}
