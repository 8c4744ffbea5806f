using DigitalKpi.Administration;

namespace DigitalKpi.Tests.Administration;

public class AdministrativeMapTests
{
    private static readonly LocalDate Start = new(2000, 1, 1);
    private static readonly LocalDate Reform = new(2025, 7, 1);
    private static readonly LocalDate LastOldDay = new(2025, 6, 30);

    private static AdministrativeUnit Nation() => new("VN", "Việt Nam", AdministrativeLevel.National, AdministrativeUnitType.Nation, Start);

    private static AdministrativeUnit Province(string code, LocalDate? from = null, LocalDate? to = null, string? parent = "VN")
        => new(code, "Tỉnh " + code, AdministrativeLevel.Province, AdministrativeUnitType.Province, from ?? Start, to, parent);

    private static AdministrativeUnit District(string code, string parent, LocalDate? from = null, LocalDate? to = null)
        => new(code, "Huyện " + code, AdministrativeLevel.District, AdministrativeUnitType.RuralDistrict, from ?? Start, to, parent);

    private static AdministrativeUnit Commune(string code, string parent, LocalDate? from = null, LocalDate? to = null)
        => new(code, "Xã " + code, AdministrativeLevel.Commune, AdministrativeUnitType.Commune, from ?? Start, to, parent);

    private static AdministrativeMapException Rejected(IEnumerable<AdministrativeUnit> units, params Succession[] successions)
        => Assert.Throws<AdministrativeMapException>(() => AdministrativeMap.Create(units, successions));

    [Fact]
    public void UnknownParentCodeIsRejectedNamingTheUnit()
    {
        AdministrativeMapException ex = Rejected(new[] { Nation(), Province("01"), District("001", "02") });
        Assert.Equal("001", ex.UnitCode);
        Assert.Equal(new AdministrativeUnitId("001", Start), ex.UnitId);
        Assert.Contains("parent code 02, which is unknown", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParentNotInForceIsRejected()
    {
        AdministrativeMapException ex = Rejected(new[] { Nation(), Province("01", new LocalDate(2010, 1, 1)), District("001", "01") });
        Assert.Equal("001", ex.UnitCode);
        Assert.Contains("no unit with parent code 01 is in force on 2000-01-01", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CyclesAreRejectedThroughTheLevelRule()
    {
        // Two communes each the parent of the other: a cycle. Rejected because a parent must be at a higher level.
        AdministrativeUnit a = new("00001", "A", AdministrativeLevel.Commune, AdministrativeUnitType.Commune, Start, null, "00002");
        AdministrativeUnit b = new("00002", "B", AdministrativeLevel.Commune, AdministrativeUnitType.Commune, Start, null, "00001");
        AdministrativeMapException ex = Rejected(new[] { Nation(), a, b });
        Assert.Equal("00001", ex.UnitCode);
        Assert.Contains("rules out cycles", ex.Message, StringComparison.Ordinal);

        AdministrativeUnit self = new("00003", "C", AdministrativeLevel.Commune, AdministrativeUnitType.Commune, Start, null, "00003");
        Assert.Equal("00003", Rejected(new[] { Nation(), self }).UnitCode);

        // A province lying in a commune is upside down.
        Assert.Equal("01", Rejected(new[] { Nation(), Province("01", parent: "00004"), Commune("00004", "VN") }).UnitCode);
    }

    [Fact]
    public void OverlappingValidityOfOneCodeIsRejected()
    {
        AdministrativeMapException ex = Rejected(new[] { Nation(), Province("01", Start, new LocalDate(2020, 1, 1)), Province("01", new LocalDate(2020, 1, 1)) });
        Assert.Equal("01", ex.UnitCode);
        Assert.Contains("borne by two units at once", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DuplicateUnitIsRejected()
        => Assert.Contains("defined twice", Rejected(new[] { Nation(), Province("01"), Province("01") }).Message, StringComparison.Ordinal);

    [Fact]
    public void DistrictsAndCommunesNeedAParentOnEveryDay()
    {
        AdministrativeUnit orphan = new("001", "Mồ côi", AdministrativeLevel.District, AdministrativeUnitType.RuralDistrict, Start);
        Assert.Contains("without a parent", Rejected(new[] { Nation(), orphan }).Message, StringComparison.Ordinal);

        AdministrativeUnit gap = new("00001", "Hở", AdministrativeLevel.Commune, AdministrativeUnitType.Commune, new ValidityPeriod(Start, null),
            new[] { new ParentLink("01", Start, new LocalDate(2010, 1, 1)), new ParentLink("01", new LocalDate(2010, 1, 3)) });
        AdministrativeMapException ex = Rejected(new[] { Nation(), Province("01"), gap });
        Assert.Equal("00001", ex.UnitCode);
        Assert.Contains("no parent from 2010-01-02", ex.Message, StringComparison.Ordinal);

        // A province without parent is allowed (a map of one province).
        Assert.Single(AdministrativeMap.Create(new[] { Province("01", parent: null) }).UnitsOn(Start));
    }

    [Fact]
    public void SuccessionDatesAreChecked()
    {
        AdministrativeUnit[] units = { Nation(), Province("01", Start, LastOldDay), Province("02", Start, LastOldDay), Province("03", Reform), Province("04") };

        // Accepted: 01 + 02 → 03.
        AdministrativeMap map = AdministrativeMap.Create(units, new[] { Succession.Merge(Reform, new[] { "01", "02" }, "03") });
        Assert.Equal(new[] { "03" }, map.Successors("01", Reform).Select(u => u.Code));

        // A predecessor must be in force on the day before: wrong date.
        AdministrativeMapException ex = Rejected(units, Succession.Merge(Reform.PlusDays(1), new[] { "01", "02" }, "03"));
        Assert.Equal("01", ex.UnitCode);
        Assert.Contains("must be in force on the day before", ex.Message, StringComparison.Ordinal);

        // A successor must be in force on the effective date.
        ex = Rejected(units, Succession.Merge(LastOldDay, new[] { "01", "02" }, "03"));
        Assert.Equal("03", ex.UnitCode);
        Assert.Contains("successor 03: no unit with code 03 is in force on 2025-06-30 (a successor must be in force on the effective date)", ex.Message, StringComparison.Ordinal);

        ex = Rejected(units, new Succession(SuccessionKind.Rename, Reform, new[] { "01" }, new[] { "09" }));
        Assert.Equal("09", ex.UnitCode);
        Assert.Contains("code 09 is unknown", ex.Message, StringComparison.Ordinal);

        // A predecessor that continues must be listed among the successors.
        ex = Rejected(units, new Succession(SuccessionKind.Reorganisation, Reform, new[] { "04" }, new[] { "03" }));
        Assert.Equal("04", ex.UnitCode);
        Assert.Contains("still in force", ex.Message, StringComparison.Ordinal);

        // A unit cannot be a predecessor twice on one date.
        ex = Rejected(units,
            new Succession(SuccessionKind.Reorganisation, Reform, new[] { "01" }, new[] { "03" }),
            new Succession(SuccessionKind.Reorganisation, Reform, new[] { "01", "02" }, new[] { "03" }));
        Assert.Equal("01", ex.UnitCode);
        Assert.Contains("two successions", ex.Message, StringComparison.Ordinal);
        Assert.NotNull(ex.Succession);
    }

    [Fact]
    public void SuccessionArityAndWeightsAreChecked()
    {
        Assert.Throws<ArgumentException>(() => Succession.Merge(Reform, new[] { "01" }, "02"));
        Assert.Throws<ArgumentException>(() => Succession.Split(Reform, "01", new[] { "02" }));
        Assert.Throws<ArgumentException>(() => new Succession(SuccessionKind.Rename, Reform, new[] { "01" }, new[] { "02", "03" }));
        Assert.Throws<ArgumentException>(() => Succession.Merge(Reform, new[] { "01", "01" }, "02"));
        Assert.Throws<ArgumentException>(() => Succession.Split(Reform, "01", new[] { "02", "03" }, new[] { 1m }));
        Assert.Throws<ArgumentException>(() => Succession.Split(Reform, "01", new[] { "02", "03" }, new[] { 1m, 0m }));
        Succession split = Succession.Split(Reform, "01", new[] { "02", "03" }, new[] { 3m, 1m });
        Assert.Equal(0.75m, split.ShareOf(0));
        Assert.Equal(0.25m, split.ShareOf(1));
        Assert.Null(Succession.Split(Reform, "01", new[] { "02", "03" }).ShareOf(0));
        Assert.Equal("Split 2025-07-01: 01 → 02+03", split.ToString());
    }

    [Fact]
    public void ChainsOfSuccessionsAreFollowedWithShares()
    {
        // 01 splits 3:1 into 02 and 03 in 2010; 03 merges with 04 into 05 in 2020; 02 is renamed 06 in 2022.
        var d2010 = new LocalDate(2010, 1, 1);
        var d2020 = new LocalDate(2020, 1, 1);
        var d2022 = new LocalDate(2022, 1, 1);
        AdministrativeUnit[] units =
        {
            Nation(), Province("01", Start, d2010.PlusDays(-1)), Province("02", d2010, d2022.PlusDays(-1)), Province("03", d2010, d2020.PlusDays(-1)),
            Province("04", Start, d2020.PlusDays(-1)), Province("05", d2020), Province("06", d2022),
        };
        AdministrativeMap map = AdministrativeMap.Create(units, new[]
        {
            Succession.Merge(d2020, new[] { "03", "04" }, "05"),
            Succession.Split(d2010, "01", new[] { "02", "03" }, new[] { 3m, 1m }),
            new Succession(SuccessionKind.Rename, d2022, new[] { "02" }, new[] { "06" }),
        });
        AdministrativeUnitId first = units[1].Id;

        Assert.Equal(new[] { "01" }, map.Successors(first, new LocalDate(2005, 1, 1)).Select(u => u.Code));
        Assert.Equal(new[] { "02", "03" }, map.Successors(first, d2010).Select(u => u.Code));
        Assert.Equal(new[] { ("02", (decimal?)0.75m), ("05", 0.25m) }, map.SuccessorShares(first, d2020).Select(s => (s.Unit.Code, s.Share)));
        Assert.Equal(new[] { ("05", (decimal?)0.25m), ("06", 0.75m) }, map.SuccessorShares(first, d2022).Select(s => (s.Unit.Code, s.Share)));
        Assert.Equal(new[] { "03", "04" }, map.Predecessors(units[5].Id).Select(u => u.Code));
        Assert.Equal(new[] { "01", "04" }, map.PredecessorsOn(units[5].Id, new LocalDate(2005, 1, 1)).Select(u => u.Code));
        Assert.Equal(new[] { "03", "04" }, map.PredecessorsOn(units[5].Id, new LocalDate(2015, 1, 1)).Select(u => u.Code));
        Assert.Equal(new[] { "05" }, map.PredecessorsOn(units[5].Id, d2022).Select(u => u.Code));
        Assert.Empty(map.Successors("99", d2022));
        Assert.Empty(map.Predecessors("99"));
    }

    [Fact]
    public void AContinuingUnitKeepsItsShareAfterGivingTerritoryAway()
    {
        // 01 continues but gives part of itself (weight 1 of 5) to the new 02.
        AdministrativeUnit[] units = { Nation(), Province("01"), Province("02", Reform) };
        AdministrativeMap map = AdministrativeMap.Create(units, new[]
        {
            new Succession(SuccessionKind.Reorganisation, Reform, new[] { "01" }, new[] { "01", "02" }, new[] { 4m, 1m }),
        });
        // 01 as it stood before the change: a fifth went to 02.
        Assert.Equal(new[] { ("01", (decimal?)0.8m), ("02", 0.2m) }, map.SuccessorShares(units[1].Id, LastOldDay, Reform).Select(s => (s.Unit.Code, s.Share)));
        Assert.Equal(new[] { ("01", (decimal?)1m) }, map.SuccessorShares(units[1].Id, LastOldDay, LastOldDay).Select(s => (s.Unit.Code, s.Share)));
        // 01 as it stands on the day asked about is itself.
        Assert.Equal(new[] { ("01", (decimal?)1m) }, map.SuccessorShares(units[1].Id, Reform).Select(s => (s.Unit.Code, s.Share)));
        Assert.Equal(new[] { "01" }, map.Successors(units[1].Id, Reform).Select(u => u.Code));
        Assert.Throws<ArgumentOutOfRangeException>(() => map.SuccessorShares(units[2].Id, LastOldDay, Reform));
        Assert.Throws<ArgumentOutOfRangeException>(() => map.SuccessorShares(units[1].Id, Reform, LastOldDay));
        Assert.Empty(map.Predecessors(units[1].Id));
        Assert.Equal(new[] { "01" }, map.Predecessors(units[2].Id).Select(u => u.Code));
    }

    [Fact]
    public void TreesAreSharedBetweenChangesAndSupportRollUp()
    {
        AdministrativeUnit[] units =
        {
            Nation(), Province("01"), District("001", "01", Start, LastOldDay), District("002", "01", Start, LastOldDay),
            Commune("00001", "001", Start, LastOldDay), Commune("00002", "001", Start, LastOldDay), Commune("00003", "002", Start, LastOldDay),
            Commune("00004", "01", Reform),
        };
        AdministrativeMap map = AdministrativeMap.Create(units, new[] { Succession.Merge(Reform, new[] { "00001", "00002", "00003" }, "00004") });
        AdministrativeTree before = map.TreeOn(new LocalDate(2020, 1, 1));
        Assert.Same(before, map.TreeOn(LastOldDay));
        Assert.NotSame(before, map.TreeOn(Reform));
        Assert.Equal(new ValidityPeriod(Start, LastOldDay), before.Period);
        Assert.Equal(new ValidityPeriod(LocalDate.MinIsoValue, Start.PlusDays(-1)), map.TreeOn(new LocalDate(1999, 1, 1)).Period);

        // Roll-up of one value per commune to every level, bottom-up over dense indexes.
        var total = new decimal[map.Count];
        foreach (int i in before.UnitIndexes.Where(i => map[i].Level == AdministrativeLevel.Commune))
        {
            total[i] = 1;
        }
        for (int k = before.UnitIndexes.Count - 1; k >= 0; k--)
        {
            int i = before.UnitIndexes[k], parent = before.ParentIndex(i);
            if (parent >= 0)
            {
                total[parent] += total[i];
            }
        }
        Assert.Equal(3, total[map.IndexOf(units[0].Id)]);
        Assert.Equal(2, total[map.IndexOf(units[2].Id)]);

        AdministrativeUnit commune = units[4];
        Assert.Equal(new[] { "001", "01", "VN" }, map.GetAncestors(commune.Id, LastOldDay).Select(u => u.Code));
        Assert.Empty(map.GetAncestors(commune.Id, Reform));
        Assert.Equal(new[] { "001", "002" }, before.GetChildren(units[1]).Select(u => u.Code));
        Assert.Equal(new[] { "00004" }, map.GetChildren(units[1].Id, Reform).Select(u => u.Code));
        Assert.Equal("01", map.TreeOn(Reform).GetParent(units[7])!.Code);
        Assert.Null(map.TreeOn(Reform).GetParent(commune));
        Assert.True(map.TreeOn(Reform).ChildIndexes(map.IndexOf(commune.Id)).IsEmpty);
        Assert.Equal(-1, map.IndexOf(new AdministrativeUnitId("77", Start)));
        Assert.Throws<KeyNotFoundException>(() => map.GetParent(new AdministrativeUnitId("77", Start), Start));
    }

    [Fact]
    public void ToBuilderExtendsAMap()
    {
        AdministrativeMap map = AdministrativeMap.BuiltIn.ToBuilder()
            .Add(new AdministrativeUnit("001", "Ba Đình", AdministrativeLevel.District, AdministrativeUnitType.UrbanDistrict, new LocalDate(2008, 8, 1), LastOldDay, "01"))
            .Build();
        Assert.Equal(AdministrativeMap.BuiltIn.Count + 1, map.Count);
        Assert.True(map.TryGetUnit("001", new LocalDate(2020, 1, 1), out AdministrativeUnit? district));
        Assert.Equal("Hà Nội", map.GetParent(district.Id, new LocalDate(2020, 1, 1))!.Name);
    }

    [Fact]
    public void ConcurrentTreeRequestsAgree()
    {
        AdministrativeMap map = SyntheticHierarchy.Generate(11, 6, 30, 400, 3, 120);
        AdministrativeTree[] trees = new AdministrativeTree[8];
        Parallel.For(0, trees.Length, i => trees[i] = map.TreeOn(LastOldDay));
        Assert.All(trees, t => Assert.Same(trees[0], t));
    }
}
