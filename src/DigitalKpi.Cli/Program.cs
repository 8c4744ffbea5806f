using NodaTime;
using System.Globalization;
using DigitalKpi;
using DigitalKpi.Administration;
using DigitalKpi.Rules;

// Interim main job until the full `dkpi` tool lands: evaluates a few seed targets against the seed results.
var asOf = new LocalDate(2022, 12, 31);
var inv = CultureInfo.InvariantCulture;

var fibreVillages = new Indicator("DI.FIBRE_VILLAGES", "Tỷ lệ thôn, bản, tổ dân phố có hạ tầng Internet cáp quang", Unit.Fraction,
    Direction.HigherIsBetter, Pillar.DigitalInfrastructure, TemporalNature.Snapshot, "Villages with fibre");
var onlineDossiers = new Indicator("DG.ONLINE_DOSSIERS", "Tỷ lệ hồ sơ trực tuyến", Unit.Percent,
    Direction.HigherIsBetter, Pillar.DigitalGovernment, TemporalNature.Flow, "Dossiers submitted online");

var targets = new[]
{
    Target.For("BRVT.2022.ONLINE_DOSSIERS", onlineDossiers.Code).AtLeast(Quantity.Percent(50)).By(2022)
        .WithBaseline(Quantity.Percent(17.5m), new LocalDate(2021, 12, 31))
        .CitedFrom("BR-VT 2022", "nâng tỷ lệ hồ sơ trực tuyến lên 50% trong năm 2022 từ mức 17,5% hiện nay").Build(),
    Target.For("TQ.2025.FIBRE_VILLAGES", fibreVillages.Code).AtLeast(Quantity.Percent(100)).AtLevel(AdministrativeLevel.Province).By(2025)
        .CitedFrom("48-NQ/TU").Build(),
};
var results = new MeasurementSet("SEED-RESULTS", "Kết quả báo cáo", new[]
{
    Measurement.OfFraction(fibreVillages.Code, "08", ReportingPeriod.Year(2022), 1693m, 1733m, 81.2m),
    Measurement.Of(onlineDossiers.Code, "77", ReportingPeriod.Year(2021), 17.5m),
});
var catalog = new Catalog("SAMPLE", "Mẫu", "VN", new[] { fibreVillages, onlineDossiers }, targets);

Console.WriteLine($"DigitalKpi sample report as of {asOf.ToString("uuuu-MM-dd", inv)}");
foreach (Target t in targets)
{
    AttainmentResult r = Attainment.Evaluate(t, results.Measurements, asOf);
    Console.WriteLine($"  {t.Id,-28} {t.DescribeComparison(),-18} {r}");
}
foreach (KpiDiagnostic d in CatalogValidator.Validate(catalog).AddRange(CatalogValidator.Validate(results, new[] { catalog })))
{
    Console.WriteLine("  " + d);
}
