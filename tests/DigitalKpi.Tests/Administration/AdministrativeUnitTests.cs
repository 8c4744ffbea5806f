using System.Text;
using DigitalKpi.Administration;

namespace DigitalKpi.Tests.Administration;

public class AdministrativeUnitTests
{
    private static readonly LocalDate Start = new(2008, 8, 1);

    [Fact]
    public void NamesAreTrimmedAndStoredInNfc()
    {
        string decomposed = " Thừa Thiên Huế ".Normalize(NormalizationForm.FormD);
        var unit = new AdministrativeUnit("46", decomposed, AdministrativeLevel.Province, AdministrativeUnitType.Province, Start, null, "VN");
        Assert.Equal("Thừa Thiên Huế", unit.Name);
        Assert.True(unit.Name.IsNormalized(NormalizationForm.FormC));
        Assert.Null(unit.EnglishName);
        Assert.Equal(new AdministrativeUnitId("46", Start), unit.Id);
        Assert.Equal("VN", unit.ParentCodeOn(new LocalDate(2020, 1, 1)));
        Assert.Null(unit.ParentCodeOn(new LocalDate(2000, 1, 1)));
    }

    [Theory]
    [InlineData("VN", AdministrativeLevel.National, AdministrativeUnitType.Nation, true)]
    [InlineData("vn", AdministrativeLevel.National, AdministrativeUnitType.Nation, false)]
    [InlineData("01", AdministrativeLevel.Province, AdministrativeUnitType.CentrallyRunCity, true)]
    [InlineData("001", AdministrativeLevel.Province, AdministrativeUnitType.Province, false)]
    [InlineData("001", AdministrativeLevel.District, AdministrativeUnitType.UrbanDistrict, true)]
    [InlineData("0a1", AdministrativeLevel.District, AdministrativeUnitType.RuralDistrict, false)]
    [InlineData("00001", AdministrativeLevel.Commune, AdministrativeUnitType.Ward, true)]
    [InlineData("٠٠٠٠١", AdministrativeLevel.Commune, AdministrativeUnitType.Ward, false)] // Arabic-Indic digits
    [InlineData("0001", AdministrativeLevel.Commune, AdministrativeUnitType.Commune, false)]
    public void CodesMustFitTheLevel(string code, AdministrativeLevel level, AdministrativeUnitType type, bool valid)
    {
        AdministrativeUnit Create() => new(code, "Thử", level, type, Start);
        if (valid)
        {
            Assert.Equal(code, Create().Code);
        }
        else
        {
            Assert.Contains("is not a", Assert.Throws<ArgumentException>(Create).Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void TypeMustBelongToTheLevel()
    {
        ArgumentException ex = Assert.Throws<ArgumentException>(() => new AdministrativeUnit("01", "Thử", AdministrativeLevel.Province, AdministrativeUnitType.Ward, Start));
        Assert.Contains("belongs to level Commune", ex.Message, StringComparison.Ordinal);
        Assert.Equal(AdministrativeLevel.Province, AdministrativeUnitTypes.LevelOf(AdministrativeUnitType.CentrallyRunCity));
        Assert.Equal(AdministrativeLevel.District, AdministrativeUnitTypes.LevelOf(AdministrativeUnitType.Town));
        Assert.Equal(AdministrativeUnitType.RuralDistrict, AdministrativeUnitTypes.DefaultFor(AdministrativeLevel.District));
    }

    [Fact]
    public void ArgumentsAreGuarded()
    {
        Assert.Throws<ArgumentNullException>(() => new AdministrativeUnit(null!, "Thử", AdministrativeLevel.Province, AdministrativeUnitType.Province, Start));
        Assert.Throws<ArgumentException>(() => new AdministrativeUnit("01", "  ", AdministrativeLevel.Province, AdministrativeUnitType.Province, Start));
        Assert.Throws<ArgumentException>(() => new AdministrativeUnit("01", "Thử", AdministrativeLevel.Province, AdministrativeUnitType.Province, Start, Start.PlusDays(-1)));
        Assert.Throws<ArgumentException>(() => new AdministrativeUnit("VN", "Việt Nam", AdministrativeLevel.National, AdministrativeUnitType.Nation, Start, null, "XX"));
        Assert.Throws<ArgumentException>(() => new AdministrativeUnit("01", "Thử", (AdministrativeLevel)9, AdministrativeUnitType.Province, Start));
    }

    [Fact]
    public void ParentLinksMustLieWithinTheValidityAndNotOverlap()
    {
        var validity = new ValidityPeriod(Start, new LocalDate(2025, 6, 30));
        AdministrativeUnit Create(params ParentLink[] links)
            => new("00001", "Thử", AdministrativeLevel.Commune, AdministrativeUnitType.Commune, validity, links);

        AdministrativeUnit ok = Create(new ParentLink("002", new LocalDate(2015, 1, 1), new LocalDate(2025, 6, 30)), new ParentLink("001", Start, new LocalDate(2014, 12, 31)));
        Assert.Equal(new[] { "001", "002" }, ok.ParentLinks.Select(l => l.ParentCode));
        Assert.Contains("not within", Assert.Throws<ArgumentException>(() => Create(new ParentLink("001", Start))).Message, StringComparison.Ordinal);
        Assert.Contains("overlap", Assert.Throws<ArgumentException>(() => Create(
            new ParentLink("001", Start, new LocalDate(2015, 1, 1)), new ParentLink("002", new LocalDate(2015, 1, 1), new LocalDate(2025, 6, 30)))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnitsCompareByValue()
    {
        var a = new AdministrativeUnit("01", "Hà Nội", AdministrativeLevel.Province, AdministrativeUnitType.CentrallyRunCity, Start, null, "VN", "Ha Noi");
        var b = new AdministrativeUnit("01", "Hà Nội".Normalize(NormalizationForm.FormD), AdministrativeLevel.Province, AdministrativeUnitType.CentrallyRunCity, Start, null, "VN", "Ha Noi");
        var c = new AdministrativeUnit("01", "Hà Nội", AdministrativeLevel.Province, AdministrativeUnitType.Province, Start, null, "VN", "Ha Noi");
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, c);
        Assert.Equal("Hà Nội (01, CentrallyRunCity, 2008-08-01..)", a.ToString());
    }

    [Fact]
    public void ValidityPeriodsAreInclusiveAndCultureIndependent()
    {
        var period = new ValidityPeriod(new LocalDate(2008, 8, 1), new LocalDate(2025, 6, 30));
        Assert.True(period.Contains(new LocalDate(2025, 6, 30)));
        Assert.False(period.Contains(new LocalDate(2025, 7, 1)));
        Assert.True(period.Overlaps(new ValidityPeriod(new LocalDate(2025, 6, 30), null)));
        Assert.False(period.Overlaps(new ValidityPeriod(new LocalDate(2025, 7, 1), null)));
        Assert.True(new ValidityPeriod(period.Start, null).Covers(period));
        Assert.False(period.Covers(new ValidityPeriod(period.Start, null)));
        Assert.Equal("2008-08-01..2025-06-30", period.ToString());
        Assert.Equal("44@2025-07-01", new AdministrativeUnitId("44", new LocalDate(2025, 7, 1)).ToString());
    }
}
