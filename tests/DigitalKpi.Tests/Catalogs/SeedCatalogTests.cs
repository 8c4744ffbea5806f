using System.Collections.Immutable;
using DigitalKpi.Rules;

namespace DigitalKpi.Tests.Catalogs;

public class SeedCatalogTests
{
    private static readonly (List<Catalog> Catalogs, List<MeasurementSet> Results) Seeds = SeedInventory.Load();

    private static ImmutableArray<KpiDiagnostic> ValidateAll()
    {
        Catalog[] national = Seeds.Catalogs.Where(c => c.Issuer == "VN").ToArray();
        var options = ValidationOptions.Default.WithReferenceCatalogs(national);
        var all = ImmutableArray.CreateBuilder<KpiDiagnostic>();
        foreach (Catalog c in Seeds.Catalogs)
        {
            all.AddRange(CatalogValidator.Validate(c, c.Issuer == "VN" ? null : options));
        }
        foreach (MeasurementSet s in Seeds.Results)
        {
            all.AddRange(CatalogValidator.Validate(s, Seeds.Catalogs));
        }
        return all.ToImmutable();
    }

    [Fact]
    public void EverySeedTargetAndResultIsEncoded()
    {
        Assert.Equal(7, Seeds.Catalogs.Count);
        Assert.Equal(89, Seeds.Catalogs.Sum(c => c.Targets.Length));
        Assert.Equal(3, Seeds.Results.Count);
        Assert.Equal(27 + 2, Seeds.Results.Sum(s => s.Measurements.Length)); // 27 rows, two of them also keep their bare count
        Assert.All(Seeds.Catalogs.SelectMany(c => c.Targets), t => Assert.False(string.IsNullOrEmpty(t.Source?.Quote)));
    }

    [Fact]
    public void ValidatorReportsTheRealInconsistencies_AndNothingSpurious()
    {
        ImmutableArray<KpiDiagnostic> d = ValidateAll();
        string all = string.Join(Environment.NewLine, d.Select(x => x.ToString()));

        // Tuyên Quang: "1.693/1.733 thôn ... đạt 81,2%" (97.69%).
        Assert.Contains(d, x => x.Id == "DKPI010" && x.Message.Contains("1693/1733", StringComparison.Ordinal));
        // Quảng Trị: 80% of work files at district level by 2025, a level abolished on 2025-07-01.
        Assert.Contains(d, x => x.Id == "DKPI008" && x.Location.ElementId == "QT.2025.WORK_FILES.DIST");
        // Quảng Trị below the national targets it refines: e-payment accounts above 35% vs above 50%.
        Assert.Contains(d, x => x.Id == "DKPI011" && x.Location.ElementId == "QT.2025.EPAY_ACCOUNTS");
        // No errors of shape or units, and no unresolved references: those would be encoding mistakes.
        Assert.DoesNotContain(d, x => x.Id is "DKPI001" or "DKPI002" or "DKPI003" or "DKPI005" or "DKPI007" or "DKPI012");
        Assert.True(d.Length < 20, all);
    }
}

public class BuiltInCatalogTests
{
    [Fact]
    public void BuiltInCatalogs_AreTheSeedInventory()
    {
        (List<Catalog> catalogs, List<MeasurementSet> results) = SeedInventory.Load();
        Assert.Equal(catalogs.OrderBy(c => c.Id, StringComparer.Ordinal).Select(c => c.Id), BuiltInCatalogs.Catalogs.Select(c => c.Id).OrderBy(i => i, StringComparer.Ordinal));
        foreach (Catalog expected in catalogs)
        {
            Assert.Equal(expected, BuiltInCatalogs.Get(expected.Id));
        }
        Assert.Equal(results.Count, BuiltInCatalogs.Results.Length);
        foreach (MeasurementSet expected in results)
        {
            Assert.Contains(expected, BuiltInCatalogs.Results);
        }
        Assert.All(BuiltInCatalogs.National, c => Assert.Equal("VN", c.Issuer));
        Assert.Equal(2, BuiltInCatalogs.National.Length);
        Assert.Throws<KeyNotFoundException>(() => BuiltInCatalogs.Get("NOPE"));
    }

    [Fact]
    public void BuiltInDiagnostics_AreLocatedInTheEmbeddedFiles()
    {
        KpiDiagnostic tq = BuiltInCatalogs.ResultDocuments.SelectMany(d => d.Diagnostics).Single(d => d.Id == "DKPI010" && d.Message.Contains("1693/1733", StringComparison.Ordinal));
        Assert.Equal("Catalogs/results/tq-results-2022.json", tq.Location.File);
        Assert.True(tq.Location.Line > 1);
        KpiDiagnostic epay = BuiltInCatalogs.CatalogDocuments.SelectMany(d => d.Diagnostics).Single(d => d.Id == "DKPI011" && d.Location.ElementId == "QT.2025.EPAY_ACCOUNTS");
        Assert.Equal("Catalogs/catalogs/qt-02-nq-tu.json", epay.Location.File);
    }
}

public class BuiltInFindingsTests
{
    [Fact]
    public void BuiltInCatalogs_ReportExactlyTheInconsistenciesOfTheSeeds()
    {
        string[] findings = BuiltInCatalogs.CatalogDocuments.SelectMany(d => d.Diagnostics)
            .Concat(BuiltInCatalogs.ResultDocuments.SelectMany(d => d.Diagnostics))
            .Select(d => d.Id + " " + d.Location.ElementId)
            .Order(StringComparer.Ordinal)
            .ToArray();
        string[] expected =
        [
            "DKPI006 BK.2022.EINVOICE_ALL",              // Bắc Kạn: 60% and 100% e-invoices for the same year
            "DKPI008 QT.2025.WORK_FILES.DIST",           // district level abolished before the deadline
            "DKPI008 VN749.2025.WORK_FILES.DIST",
            "DKPI008 VN749.2030.WORK_FILES.DIST",
            "DKPI010 DI.FIBRE_COVERAGE_VILLAGES@08 2022", // Tuyên Quang: 1.693/1.733 "đạt 81,2%"
            "DKPI011 QT.2025.DE_SHARE",                  // about 10% of GRDP vs 20% of GDP
            "DKPI011 QT.2025.EPAY_ACCOUNTS",             // above 35% vs above 50%
        ];
        Assert.Equal(expected, findings);
    }
}
