using System.Diagnostics;
using DigitalKpi.Administration;
using FsCheck;
using FsCheck.Fluent;

namespace DigitalKpi.Tests.Administration;

public class SyntheticHierarchyTests
{
    private static readonly LocalDate LastOldDay = new(2025, 6, 30);
    private static readonly LocalDate MergerDay = new(2025, 7, 1);

    private static readonly Lazy<AdministrativeMap> National = new(() => SyntheticHierarchy.Generate(seed: 2025));

    [Fact]
    public void NationalScaleSizes()
    {
        AdministrativeMap map = National.Value;
        Assert.Single(map.UnitsOn(LastOldDay, AdministrativeLevel.National));
        Assert.Equal(63, map.UnitsOn(LastOldDay, AdministrativeLevel.Province).Count);
        Assert.Equal(700, map.UnitsOn(LastOldDay, AdministrativeLevel.District).Count);
        Assert.Equal(10_600, map.UnitsOn(LastOldDay, AdministrativeLevel.Commune).Count);
        Assert.Equal(34, map.UnitsOn(MergerDay, AdministrativeLevel.Province).Count);
        Assert.Empty(map.UnitsOn(MergerDay, AdministrativeLevel.District));
        Assert.Equal(3_300, map.UnitsOn(MergerDay, AdministrativeLevel.Commune).Count);
    }

    [Fact]
    public void TreesHaveTheRightShapeOnBothSidesOfTheReform()
    {
        AdministrativeMap map = National.Value;
        AdministrativeTree before = map.TreeOn(LastOldDay);
        AdministrativeTree after = map.TreeOn(MergerDay);
        Assert.Equal(1 + 63 + 700 + 10_600, before.Count);
        Assert.Equal(1 + 34 + 3_300, after.Count);
        foreach (AdministrativeTree tree in new[] { before, after })
        {
            Assert.Single(tree.RootIndexes);
            foreach (int i in tree.UnitIndexes)
            {
                int parent = tree.ParentIndex(i);
                Assert.True(parent < i);
                if (parent >= 0)
                {
                    // Before the reform each unit lies in the level just above; after it communes lie in provinces.
                    AdministrativeLevel expected = tree == after && map[i].Level == AdministrativeLevel.Commune ? AdministrativeLevel.Province : map[i].Level - 1;
                    Assert.Equal(expected, map[parent].Level);
                    Assert.True(tree.ChildIndexes(parent).Contains(i));
                }
            }
        }
    }

    [Fact]
    public void EveryOldCommuneFlowsEntirelyIntoNewCommunes()
    {
        AdministrativeMap map = National.Value;
        int splits = 0;
        foreach (AdministrativeUnit commune in map.UnitsOn(LastOldDay, AdministrativeLevel.Commune))
        {
            IReadOnlyList<UnitShare> shares = map.SuccessorShares(commune.Id, MergerDay);
            Assert.NotEmpty(shares);
            Assert.All(shares, s => Assert.Equal(AdministrativeLevel.Commune, s.Unit.Level));
            Assert.Equal(1m, shares.Sum(s => s.Share!.Value));
            splits += shares.Count > 1 ? 1 : 0;
        }
        Assert.InRange(splits, 1, 400);
    }

    [Fact]
    public void SomeCommunesContinueWithTheirParentChangingFromDistrictToProvince()
    {
        AdministrativeMap map = National.Value;
        AdministrativeUnit[] continuing = map.UnitsOn(LastOldDay, AdministrativeLevel.Commune).Where(c => c.IsValidOn(MergerDay)).ToArray();
        Assert.NotEmpty(continuing);
        AdministrativeUnit commune = continuing[0];
        Assert.Equal(2, commune.ParentLinks.Count);
        Assert.Equal(AdministrativeLevel.District, map.GetParent(commune.Id, LastOldDay)!.Level);
        Assert.Equal(AdministrativeLevel.Province, map.GetParent(commune.Id, MergerDay)!.Level);
        Assert.Equal(new[] { commune }, map.Successors(commune.Id, MergerDay));
    }

    [Fact]
    public void EveryOldProvinceHasOneSuccessorAndNewCodesAreReusedOldCodes()
    {
        AdministrativeMap map = National.Value;
        var oldCodes = map.UnitsOn(LastOldDay, AdministrativeLevel.Province).Select(p => p.Code).ToHashSet(StringComparer.Ordinal);
        foreach (AdministrativeUnit province in map.UnitsOn(LastOldDay, AdministrativeLevel.Province))
        {
            Assert.Single(map.Successors(province.Id, MergerDay));
        }
        Assert.All(map.UnitsOn(MergerDay, AdministrativeLevel.Province), p => Assert.Contains(p.Code, oldCodes));
    }

    [Fact]
    public void GenerationIsDeterministic()
    {
        AdministrativeMap a = SyntheticHierarchy.Generate(7, 5, 20, 200, 3, 60);
        AdministrativeMap b = SyntheticHierarchy.Generate(7, 5, 20, 200, 3, 60);
        AdministrativeMap c = SyntheticHierarchy.Generate(8, 5, 20, 200, 3, 60);
        Assert.Equal(a.Units, b.Units);
        Assert.Equal(a.Successions, b.Successions);
        Assert.NotEqual(a.Units, c.Units);
    }

    [Fact]
    public void NationalScaleMapIsBuiltQuickly()
    {
        var watch = Stopwatch.StartNew();
        AdministrativeMap map = SyntheticHierarchy.Generate(1);
        _ = map.TreeOn(LastOldDay);
        watch.Stop();
        Assert.InRange(watch.Elapsed.TotalSeconds, 0, 20); // generous: a 2-core shared machine; typically well under a second
    }

    [Fact]
    public void SizesAreValidated()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SyntheticHierarchy.Generate(1, oldProvinces: 100));
        Assert.Throws<ArgumentOutOfRangeException>(() => SyntheticHierarchy.Generate(1, 10, districts: 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => SyntheticHierarchy.Generate(1, 10, 20, oldCommunes: 19));
        Assert.Throws<ArgumentOutOfRangeException>(() => SyntheticHierarchy.Generate(1, 10, 20, 100, newProvinces: 11));
        Assert.Throws<ArgumentOutOfRangeException>(() => SyntheticHierarchy.Generate(1, 10, 20, 100, 5, newCommunes: 101));
    }

    [Fact]
    public void PropertySmallMapsOfAnyShapeAreConsistent()
    {
        Gen<(int Seed, int OldProvinces, int Districts, int OldCommunes, int NewProvinces, int NewCommunes)> shapes =
            from seed in Gen.Choose(int.MinValue, int.MaxValue)
            from oldProvinces in Gen.Choose(1, 12)
            from districts in Gen.Choose(oldProvinces, 40)
            from oldCommunes in Gen.Choose(districts, 300)
            from newProvinces in Gen.Choose(1, oldProvinces)
            from newCommunes in Gen.Choose(newProvinces, oldCommunes)
            select (seed, oldProvinces, districts, oldCommunes, newProvinces, newCommunes);

        Prop.ForAll(shapes.ToArbitrary(), shape =>
        {
            AdministrativeMap map = SyntheticHierarchy.Generate(shape.Seed, shape.OldProvinces, shape.Districts, shape.OldCommunes, shape.NewProvinces, shape.NewCommunes);
            bool sizes = map.UnitsOn(LastOldDay, AdministrativeLevel.Province).Count == shape.OldProvinces
                && map.UnitsOn(LastOldDay, AdministrativeLevel.District).Count == shape.Districts
                && map.UnitsOn(LastOldDay, AdministrativeLevel.Commune).Count == shape.OldCommunes
                && map.UnitsOn(MergerDay, AdministrativeLevel.Province).Count == shape.NewProvinces
                && map.UnitsOn(MergerDay, AdministrativeLevel.Commune).Count == shape.NewCommunes;
            bool flows = map.UnitsOn(LastOldDay)
                .Where(u => u.Level != AdministrativeLevel.District)
                .All(u => map.SuccessorShares(u.Id, MergerDay).Sum(s => s.Share!.Value) == 1m);
            return sizes && flows;
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(40));
    }
}
