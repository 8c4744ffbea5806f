using System.Globalization;
using System.Text;
using DigitalKpi.Administration;

namespace DigitalKpi.Tests.Administration;

public class BuiltInMapTests
{
    private static readonly LocalDate LastOldDay = new(2025, 6, 30);
    private static readonly LocalDate MergerDay = new(2025, 7, 1);
    private static readonly AdministrativeMap Map = AdministrativeMap.BuiltIn;

    private static AdministrativeUnit Unit(string code, LocalDate date)
    {
        Assert.True(Map.TryGetUnit(code, date, out AdministrativeUnit? unit), "no unit " + code + " on " + date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture));
        return unit;
    }

    private static string[] Codes(IEnumerable<AdministrativeUnit> units) => units.Select(u => u.Code).OrderBy(c => c, StringComparer.Ordinal).ToArray();

    [Fact]
    public void BuiltInMapIsTheSameInstanceEachTime() => Assert.Same(AdministrativeMap.BuiltIn, AdministrativeMap.BuiltIn);

    [Fact]
    public void SixtyThreeProvincialUnitsBeforeTheMerger()
    {
        Assert.Equal(63, Map.UnitsOn(LastOldDay, AdministrativeLevel.Province).Count);
        Assert.Equal(63, Map.UnitsOn(new LocalDate(2021, 11, 4), AdministrativeLevel.Province).Count);
        Assert.Equal(63, Map.UnitsOn(AdministrativeReform.BuiltInMapStart, AdministrativeLevel.Province).Count);
    }

    [Fact]
    public void ThirtyFourProvincialUnitsFromTheMerger_28ProvincesAnd6Cities()
    {
        IReadOnlyList<AdministrativeUnit> units = Map.UnitsOn(MergerDay, AdministrativeLevel.Province);
        Assert.Equal(34, units.Count);
        Assert.Equal(28, units.Count(u => u.Type == AdministrativeUnitType.Province));
        Assert.Equal(new[] { "01", "31", "46", "48", "79", "92" }, Codes(units.Where(u => u.Type == AdministrativeUnitType.CentrallyRunCity)));
        Assert.Equal(34, Map.UnitsOn(new LocalDate(2030, 12, 31), AdministrativeLevel.Province).Count);
    }

    [Fact]
    public void TheNewCodesFollowDecision19Of2025()
    {
        string[] expected =
        {
            "01", "04", "08", "11", "12", "14", "15", "19", "20", "22", "24", "25", "31", "33", "37", "38", "40",
            "42", "44", "46", "48", "51", "52", "56", "66", "68", "75", "79", "80", "82", "86", "91", "92", "96",
        };
        Assert.Equal(expected, Codes(Map.UnitsOn(MergerDay, AdministrativeLevel.Province)));
    }

    [Fact]
    public void NothingBeforeTheMapStarts()
    {
        Assert.Empty(Map.UnitsOn(new LocalDate(2008, 7, 31)));
        Assert.False(Map.TryGetUnit("01", new LocalDate(2000, 1, 1), out _));
    }

    [Fact]
    public void TreeBeforeTheMerger_NationWithSixtyThreeChildren()
    {
        AdministrativeTree tree = Map.TreeOn(LastOldDay);
        Assert.Equal(64, tree.Count);
        int root = Assert.Single(tree.RootIndexes);
        Assert.Equal("VN", Map[root].Code);
        Assert.Equal(63, tree.ChildIndexes(root).Length);
        Assert.Equal(new ValidityPeriod(new LocalDate(2025, 1, 1), LastOldDay), tree.Period);
        Assert.Same(tree, Map.TreeOn(new LocalDate(2025, 3, 15)));
    }

    [Fact]
    public void TreeAfterTheMerger_NationWithThirtyFourChildren()
    {
        AdministrativeTree tree = Map.TreeOn(MergerDay);
        Assert.Equal(35, tree.Count);
        AdministrativeUnit vn = Unit("VN", MergerDay);
        Assert.Equal(34, Map.GetChildren(vn.Id, MergerDay).Count);
        Assert.True(tree.Period.IsOpenEnded);
        AdministrativeUnit hcm = Unit("79", MergerDay);
        Assert.Equal(vn, Map.GetParent(hcm.Id, MergerDay));
        Assert.Equal(new[] { vn }, Map.GetAncestors(hcm.Id, MergerDay));
        Assert.Empty(Map.GetAncestors(vn.Id, MergerDay));
    }

    [Fact]
    public void ThuaThienHueBecameTheCentrallyRunCityOfHueOn2025_01_01()
    {
        AdministrativeUnit before = Unit("46", new LocalDate(2024, 12, 31));
        AdministrativeUnit after = Unit("46", new LocalDate(2025, 1, 1));
        Assert.Equal("Thừa Thiên Huế", before.Name);
        Assert.Equal(AdministrativeUnitType.Province, before.Type);
        Assert.Equal("Huế", after.Name);
        Assert.Equal(AdministrativeUnitType.CentrallyRunCity, after.Type);
        Assert.Equal(AdministrativeLevel.Province, after.Level);
        Assert.NotEqual(before.Id, after.Id);
        Assert.Equal(new[] { after }, Map.Successors(before.Id, MergerDay));
        Assert.Equal(new[] { before }, Map.Predecessors(after.Id));
        Assert.Equal(SuccessionKind.Reclassification, Assert.Single(Map.SuccessionsInto(after.Id)).Kind);
        // Not merged on 2025-07-01: the same unit continues.
        Assert.Same(after, Unit("46", MergerDay));
        Assert.Empty(Map.SuccessionsFrom(after.Id));
    }

    [Theory]
    [InlineData("45", "44", "Quảng Trị")] // Quảng Trị + Quảng Bình → Quảng Trị (code 44)
    [InlineData("44", "44", "Quảng Trị")]
    [InlineData("77", "79", "Hồ Chí Minh")] // BR-VT + Bình Dương + HCM → HCM
    [InlineData("74", "79", "Hồ Chí Minh")]
    [InlineData("79", "79", "Hồ Chí Minh")]
    [InlineData("06", "19", "Thái Nguyên")] // Bắc Kạn + Thái Nguyên → Thái Nguyên
    [InlineData("19", "19", "Thái Nguyên")]
    [InlineData("02", "08", "Tuyên Quang")] // Tuyên Quang + Hà Giang → Tuyên Quang
    [InlineData("08", "08", "Tuyên Quang")]
    [InlineData("46", "46", "Huế")] // Huế not merged
    public void SeedProvinceSuccessions(string oldCode, string newCode, string newName)
    {
        AdministrativeUnit old = Unit(oldCode, new LocalDate(2021, 11, 4));
        AdministrativeUnit successor = Assert.Single(Map.Successors(old.Id, MergerDay));
        Assert.Equal(newCode, successor.Code);
        Assert.Equal(newName, successor.Name);
        if (oldCode != "46")
        {
            Assert.Equal(MergerDay, successor.ValidFrom); // a new unit, even where the code is kept
        }
        Assert.Equal(1m, Assert.Single(Map.SuccessorShares(old.Id, new LocalDate(2026, 1, 1))).Share);
    }

    [Fact]
    public void EveryOldProvinceHasExactlyOneSuccessorOnTheMergerDay()
    {
        IReadOnlyList<AdministrativeUnit> old = Map.UnitsOn(LastOldDay, AdministrativeLevel.Province);
        var successors = new HashSet<AdministrativeUnitId>();
        foreach (AdministrativeUnit unit in old)
        {
            AdministrativeUnit successor = Assert.Single(Map.Successors(unit.Id, MergerDay));
            Assert.True(successor.IsValidOn(MergerDay));
            successors.Add(successor.Id);
        }
        Assert.Equal(34, successors.Count);
    }

    [Fact]
    public void EveryProvinceOf2021HasExactlyOneSuccessorOnTheMergerDay_IncludingThuaThienHue()
    {
        foreach (AdministrativeUnit unit in Map.UnitsOn(new LocalDate(2021, 1, 1), AdministrativeLevel.Province))
        {
            Assert.Single(Map.Successors(unit.Id, MergerDay));
        }
    }

    [Fact]
    public void PredecessorsOfTheNewHoChiMinhCityAreTheThree()
    {
        AdministrativeUnit hcm = Unit("79", MergerDay);
        Assert.Equal(new[] { "74", "77", "79" }, Codes(Map.Predecessors(hcm.Id)));
        Assert.All(Map.Predecessors(hcm.Id), p => Assert.Equal(LastOldDay, p.ValidTo));
        Assert.Equal(new[] { "74", "77", "79" }, Codes(Map.PredecessorsOn(hcm.Id, new LocalDate(2022, 1, 1))));
        Assert.Equal(new[] { "Bà Rịa - Vũng Tàu", "Bình Dương", "Hồ Chí Minh" }, Map.Predecessors(hcm.Id).Select(u => u.Name).OrderBy(n => n, StringComparer.Ordinal));
        Assert.Equal(SuccessionKind.Merge, Assert.Single(Map.SuccessionsInto(hcm.Id)).Kind);
    }

    [Fact]
    public void PredecessorsByCodeIncludeTheEarlierBearerOfAReusedCode()
        => Assert.Equal(new[] { "74", "77", "79" }, Codes(Map.Predecessors("79")));

    [Fact]
    public void AReusedCodeNamesDifferentUnitsBeforeAndAfter()
    {
        AdministrativeUnit quangBinh = Unit("44", LastOldDay);
        AdministrativeUnit quangTri = Unit("44", MergerDay);
        Assert.Equal("Quảng Bình", quangBinh.Name);
        Assert.Equal("Quảng Trị", quangTri.Name);
        Assert.NotEqual(quangBinh.Id, quangTri.Id);
        Assert.Equal(new AdministrativeUnitId("44", MergerDay), quangTri.Id);
        Assert.Equal(2, Map.UnitsWithCode("44").Count);
        Assert.Equal(new[] { quangTri }, Map.Successors("44", MergerDay));
        Assert.Equal(new[] { quangBinh }, Map.Successors("44", LastOldDay));
        Assert.Equal(new[] { "44", "45" }, Codes(Map.Predecessors(quangTri.Id)));
    }

    [Fact]
    public void UnmergedProvincesContinueAsTheSameUnit()
    {
        AdministrativeUnit haNoi = Unit("01", new LocalDate(2010, 1, 1));
        Assert.Same(haNoi, Unit("01", MergerDay));
        Assert.Null(haNoi.ValidTo);
        Assert.Equal(new[] { haNoi }, Map.Successors(haNoi.Id, MergerDay));
        Assert.Empty(Map.Predecessors(haNoi.Id));
    }

    [Fact]
    public void SuccessorsBeforeAUnitExistsAreEmpty()
    {
        AdministrativeUnit hcm = Unit("79", MergerDay);
        Assert.Empty(Map.Successors(hcm.Id, LastOldDay));
    }

    [Fact]
    public void NamesAreStoredInNfcAndFoundByAnySpelling()
    {
        Assert.All(Map.Units, u => Assert.True(u.Name.IsNormalized(NormalizationForm.FormC)));
        AdministrativeUnit brvt = Assert.Single(Map.FindByName("Bà Rịa – Vũng Tàu", LastOldDay));
        Assert.Equal("77", brvt.Code);
        Assert.Equal("77", Assert.Single(Map.FindByName("BÀ RỊA-VŨNG TÀU".Normalize(NormalizationForm.FormD), LastOldDay)).Code);
        Assert.Equal("17", Assert.Single(Map.FindByName("Hoà Bình", LastOldDay)).Code);
        Assert.Equal("38", Assert.Single(Map.FindByName("Thanh Hoá", MergerDay)).Code);
        Assert.Equal("79", Assert.Single(Map.FindByName("Ho Chi Minh City", MergerDay)).Code);
        Assert.Empty(Map.FindByName("Bắc Kạn", MergerDay));
        Assert.Equal("06", Assert.Single(Map.FindByName("Bắc Kạn", LastOldDay)).Code);
    }

    [Fact]
    public void ParentsPrecedeChildrenInIndexOrder()
    {
        foreach (LocalDate date in new[] { LastOldDay, MergerDay })
        {
            AdministrativeTree tree = Map.TreeOn(date);
            foreach (int i in tree.UnitIndexes)
            {
                Assert.True(tree.ParentIndex(i) < i);
            }
        }
    }

    [Fact]
    public void NoDistrictsOrCommunesAreBuiltIn()
        => Assert.All(Map.Units, u => Assert.True(u.Level <= AdministrativeLevel.Province));
}
