using System.Text;
using DigitalKpi.Administration;
using DigitalKpi.Tests.TestHelpers;

namespace DigitalKpi.Tests.Administration;

public class AdministrativeDataFileTests
{
    private const string UnitsHeader = "code,name,level,parent_code,valid_from,valid_to";

    // Not [CallerFilePath]: CI builds map source paths to /_/ (ContinuousIntegrationBuild), so locate the repository instead.
    private static string SamplePath(string name)
        => Path.Combine(RepoPaths.Root, "tests", "DigitalKpi.Tests", "Administration", "Samples", name);

    private static AdministrativeDataException LoadError(string units, string? successions = null, AdministrativeMap? baseMap = null)
        => Assert.Throws<AdministrativeDataException>(() => AdministrativeDataFile.Load(
            new StringReader(units), successions is null ? null : new StringReader(successions), baseMap, "units.csv", "successions.csv"));

    [Fact]
    public void BacKanSampleLoadsOnTopOfTheBuiltInMap()
    {
        AdministrativeMap map = AdministrativeDataFile.LoadFiles(SamplePath("bac-kan-districts.csv"), SamplePath("bac-kan-successions.csv"), AdministrativeMap.BuiltIn);
        var seedDate = new LocalDate(2022, 6, 1);
        Assert.True(map.TryGetUnit("06", seedDate, out AdministrativeUnit? bacKan));
        IReadOnlyList<AdministrativeUnit> districts = map.GetChildren(bacKan.Id, seedDate);
        Assert.Equal(8, districts.Count);
        Assert.Contains(districts, d => d.Name == "Chợ Đồn" && d.Type == AdministrativeUnitType.RuralDistrict);
        Assert.True(map.TryGetUnit("058", seedDate, out AdministrativeUnit? city));
        Assert.Equal(AdministrativeUnitType.City, city.Type);
        Assert.Equal(new[] { "06", "VN" }, map.GetAncestors(city.Id, seedDate).Select(u => u.Code));
        Assert.True(map.TryGetUnit("058", new LocalDate(2010, 1, 1), out AdministrativeUnit? town));
        Assert.Equal(AdministrativeUnitType.Town, town.Type);
        Assert.Equal(new[] { city }, map.Successors(town.Id, seedDate));

        // The district level is gone after the merger; the province lives on in Thái Nguyên.
        var merger = new LocalDate(2025, 7, 1);
        Assert.Empty(map.UnitsOn(merger, AdministrativeLevel.District));
        Assert.Empty(map.Successors(city.Id, merger));
        Assert.Equal("Thái Nguyên", Assert.Single(map.Successors(bacKan.Id, merger)).Name);
    }

    [Fact]
    public void ParentChangesAreRepeatedRowsWithParentPeriods()
    {
        string units = """
            code,name,level,type,parent_code,valid_from,valid_to,parent_from,parent_to
            001,Thử Một,district,urban-district,79,2008-08-01,2025-06-30,,
            00004,Thử Hai,commune,ward,001,2008-08-01,,,2025-06-30
            00004,Thử Hai,commune,ward,79,2008-08-01,,2025-07-01,
            """;
        AdministrativeMap map = AdministrativeDataFile.Load(new StringReader(units), null, AdministrativeMap.BuiltIn);
        Assert.True(map.TryGetUnit("00004", new LocalDate(2025, 7, 1), out AdministrativeUnit? ward));
        Assert.Equal(2, ward.ParentLinks.Count);
        Assert.Equal("001", map.GetParent(ward.Id, new LocalDate(2025, 6, 30))!.Code);
        AdministrativeUnit parentAfter = map.GetParent(ward.Id, new LocalDate(2025, 7, 1))!;
        Assert.Equal("79", parentAfter.Code);
        Assert.Equal(new LocalDate(2025, 7, 1), parentAfter.ValidFrom); // the new Hồ Chí Minh City, not the old one
    }

    [Fact]
    public void QuotesCommentsBlankLinesAndDecomposedNamesAreAccepted()
    {
        string units = "# a comment\n\n" + UnitsHeader + ",english_name\n"
            + "  # indented comment\n"
            + "VN,\"Việt Nam, nước\",national,,2000-01-01,,\"say \"\"hi\"\"\"\n"
            + "01,".Normalize(NormalizationForm.FormC) + "Hà Nội".Normalize(NormalizationForm.FormD) + ",province,VN,2000-01-01,,\n";
        IReadOnlyList<AdministrativeUnit> read = AdministrativeDataFile.ReadUnits(new StringReader(units));
        Assert.Equal("Việt Nam, nước", read[0].Name);
        Assert.Equal("say \"hi\"", read[0].EnglishName);
        Assert.Equal("Hà Nội", read[1].Name);
        Assert.True(read[1].Name.IsNormalized(NormalizationForm.FormC));
        Assert.Equal(AdministrativeUnitType.Province, read[1].Type); // default type for the level
    }

    [Fact]
    public void WeightsUseADotWhateverTheCulture()
    {
        string successions = "effective_date,kind,predecessors,successors,weights\n2020-01-01,split,00001,00002;00003,0.25;0.75\n";
        Succession s = Assert.Single(AdministrativeDataFile.ReadSuccessions(new StringReader(successions)));
        Assert.Equal(new[] { 0.25m, 0.75m }, s.SuccessorWeights);
        AdministrativeDataException ex = Assert.Throws<AdministrativeDataException>(() => AdministrativeDataFile.ReadSuccessions(
            new StringReader("effective_date,kind,predecessors,successors,weights\n2020-01-01,split,00001,00002;00003,\"0,25;0,75\"\n")));
        Assert.Equal(2, ex.LineNumber);
        Assert.Contains("not a number", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("01,Hà Nội,province,VN,2020-13-01,", "valid_from")]
    [InlineData("01,Hà Nội,capital,VN,2020-01-01,", "level")]
    [InlineData("01,Hà Nội,province,VN,2020-01-01", "expected 6 fields")]
    [InlineData("01,,province,VN,2020-01-01,", "name is empty")]
    [InlineData("1,Hà Nội,province,VN,2020-01-01,", "not a province code")]
    [InlineData("01,Hà Nội,province,VN,2020-01-01,2019-01-01", "before the first day")]
    [InlineData("01,\"Hà Nội,province,VN,2020-01-01,", "not closed")]
    [InlineData("01,Hà \"Nội,province,VN,2020-01-01,", "double quote")]
    public void MalformedRowsAreReportedWithTheirLineNumber(string row, string expected)
    {
        string units = "# header follows\n" + UnitsHeader + "\nVN,Việt Nam,national,,2000-01-01,\n\n" + row + "\n";
        AdministrativeDataException ex = Assert.Throws<AdministrativeDataException>(() => AdministrativeDataFile.ReadUnits(new StringReader(units), "provinces.csv"));
        Assert.Equal(5, ex.LineNumber);
        Assert.Equal("provinces.csv", ex.SourceName);
        Assert.StartsWith("provinces.csv:5: ", ex.Message, StringComparison.Ordinal);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("code,name,level,parent_code,valid_from", "missing column(s) valid_to")]
    [InlineData("code,name,level,parent_code,valid_from,valid_to,colour", "unknown column 'colour'")]
    [InlineData("code,name,level,parent_code,valid_from,valid_to,CODE", "appears twice")]
    public void BadHeadersAreReported(string header, string expected)
    {
        AdministrativeDataException ex = Assert.Throws<AdministrativeDataException>(() => AdministrativeDataFile.ReadUnits(new StringReader("\n" + header + "\n")));
        Assert.Equal(2, ex.LineNumber);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnEmptyFileIsReported()
        => Assert.Contains("no header", Assert.Throws<AdministrativeDataException>(() => AdministrativeDataFile.ReadUnits(new StringReader("# nothing\n"))).Message, StringComparison.Ordinal);

    [Fact]
    public void AnUnknownParentIsReportedAtTheLineOfTheUnit()
    {
        string units = UnitsHeader + "\n001,Ba Đình,district,01,2008-08-01,2025-06-30\n002,Hoàn Kiếm,district,99,2008-08-01,2025-06-30\n";
        AdministrativeDataException ex = LoadError(units, null, AdministrativeMap.BuiltIn);
        Assert.Equal(3, ex.LineNumber);
        Assert.Equal("002", ex.UnitCode);
        Assert.Contains("parent code 99", ex.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<AdministrativeMapException>(ex.InnerException);
    }

    [Fact]
    public void AParentLinkCrossingACodeReuseIsReportedAtTheLineOfTheUnit()
    {
        // Code 44 is Quảng Bình until 2025-06-30 and the new Quảng Trị after: one link cannot span both.
        string units = "code,name,level,type,parent_code,valid_from,valid_to\n450,Thử,district,rural-district,44,2020-01-01,2026-01-01\n";
        AdministrativeDataException ex = LoadError(units, null, AdministrativeMap.BuiltIn);
        Assert.Equal(2, ex.LineNumber);
        Assert.Contains("outlasts its parent Quảng Bình", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SuccessionErrorsAreReportedAtTheLineOfTheSuccession()
    {
        string units = UnitsHeader + "\nVN,Việt Nam,national,,2000-01-01,\n01,Một,province,VN,2000-01-01,2009-12-31\n02,Hai,province,VN,2010-01-01,\n";
        string successions = "effective_date,kind,predecessors,successors\n# comment\n2010-01-01,rename,01,02\n2011-01-01,rename,02,03\n";
        AdministrativeDataException ex = LoadError(units, successions);
        Assert.Equal("successions.csv", ex.SourceName);
        Assert.Equal(4, ex.LineNumber);
        Assert.Equal("03", ex.UnitCode);
        Assert.NotNull(ex.Succession);

        ex = LoadError(units, "effective_date,kind,predecessors,successors\n2010-01-01,merge,01,02\n");
        Assert.Equal(2, ex.LineNumber);
        Assert.Contains("a merge has two or more predecessors", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ConflictingRepeatedRowsAreReported()
    {
        string units = UnitsHeader + ",parent_from,parent_to\n"
            + "001,Một,district,01,2008-08-01,2025-06-30,2008-08-01,2010-12-31\n"
            + "001,Mot,district,01,2008-08-01,2025-06-30,2011-01-01,\n";
        AdministrativeDataException ex = Assert.Throws<AdministrativeDataException>(() => AdministrativeDataFile.ReadUnits(new StringReader(units)));
        Assert.Equal(3, ex.LineNumber);
        Assert.Contains("differs from its definition on line 2", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WrittenFilesReadBackToEqualUnitsAndSuccessions()
    {
        AdministrativeMap map = SyntheticHierarchy.Generate(3, 4, 10, 80, 2, 30);
        var units = new StringWriter();
        var successions = new StringWriter();
        AdministrativeDataFile.WriteUnits(units, map.Units);
        AdministrativeDataFile.WriteSuccessions(successions, map.Successions);
        AdministrativeMap copy = AdministrativeDataFile.Load(new StringReader(units.ToString()), new StringReader(successions.ToString()));
        Assert.Equal(map.Units, copy.Units);
        Assert.Equal(map.Successions, copy.Successions);
    }

    [Fact]
    public void BuiltInDataRoundTrips()
    {
        var units = new StringWriter();
        AdministrativeDataFile.WriteUnits(units, AdministrativeMap.BuiltIn.Units);
        Assert.Equal(AdministrativeMap.BuiltIn.Units, AdministrativeDataFile.ReadUnits(new StringReader(units.ToString())).OrderBy(u => AdministrativeMap.BuiltIn.IndexOf(u.Id)));
    }
}
