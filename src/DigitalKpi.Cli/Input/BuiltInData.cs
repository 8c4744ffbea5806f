using System.Globalization;
using DigitalKpi.Administration;
using NodaTime;
using NodaTime.Text;

namespace DigitalKpi.Cli.Input;

/// <summary>The catalogs and results <c>dkpi report</c> uses when given no files.</summary>
/// <param name="Catalogs">Catalogs.</param>
/// <param name="MeasurementSets">Reported results.</param>
internal sealed record BuiltInSet(IReadOnlyList<Catalog> Catalogs, IReadOnlyList<MeasurementSet> MeasurementSets);

/// <summary>
/// The one adapter to the built-in seed data. Interim: builds the seed catalogs from the inventory in
/// <c>docs/seed-*.tsv</c> (embedded in the tool) until the library ships them as embedded JSON (built-in catalogs API).
/// </summary>
internal static class BuiltInData
{
    private static readonly Lazy<BuiltInSet> Data = new(SeedTsv.Load);

    /// <summary>The built-in catalogs and results.</summary>
    internal static BuiltInSet Load() => Data.Value;
}

/// <summary>
/// Interim reader of the seed inventory (tab-separated, dot decimals, see docs/catalogs.md). Results broken down by
/// level (communes, villages) are left out: measurements carry no level. "khoảng X" with no tolerance in the text
/// gets a tolerance of 0.
/// </summary>
internal static class SeedTsv
{
    private static readonly (string Id, string Title, LocalDate? Issued)[] CatalogInfo =
    {
        ("QT-02-NQ-TU", "Nghị quyết 02-NQ/TU của Tỉnh ủy Quảng Trị về chuyển đổi số đến năm 2025, định hướng đến năm 2030", new LocalDate(2021, 11, 4)),
        ("TTH-NQ-HN5", "Nghị quyết Hội nghị lần thứ năm Ban Chấp hành Đảng bộ tỉnh Thừa Thiên Huế khóa XVI về chuyển đổi số", null),
        ("BRVT-2022", "Chỉ tiêu chuyển đổi số năm 2022 tỉnh Bà Rịa – Vũng Tàu", null),
        ("BK-2022", "Mục tiêu chuyển đổi số năm 2022 tỉnh Bắc Kạn", null),
        ("TQ-48-NQ-TU", "Nghị quyết 48-NQ/TU của Tỉnh ủy Tuyên Quang; kết quả chuyển đổi số năm 2022", new LocalDate(2021, 11, 15)),
        ("VN-749-QD-TTG", "Quyết định 749/QĐ-TTg: Chương trình Chuyển đổi số quốc gia", new LocalDate(2020, 6, 3)),
        ("VN-411-QD-TTG", "Quyết định 411/QĐ-TTg: Chiến lược quốc gia phát triển kinh tế số và xã hội số", null),
    };

    internal static BuiltInSet Load()
    {
        List<Dictionary<string, string>> indicatorRows = Read("seed-indicators.tsv");
        List<Dictionary<string, string>> targetRows = Read("seed-inventory.tsv");
        List<Dictionary<string, string>> resultRows = Read("seed-results.tsv");

        var levels = new Dictionary<string, SortedSet<AdministrativeLevel>>(StringComparer.Ordinal);
        foreach (Dictionary<string, string> r in targetRows)
        {
            if (!levels.TryGetValue(r["indicator_code"], out SortedSet<AdministrativeLevel>? set))
            {
                levels[r["indicator_code"]] = set = new SortedSet<AdministrativeLevel> { AdministrativeLevel.Province };
            }
            set.Add(Level(r["level"]));
        }
        var indicators = new Dictionary<string, Indicator>(StringComparer.Ordinal);
        foreach (Dictionary<string, string> r in indicatorRows)
        {
            string code = r["indicator_code"];
            indicators[code] = new Indicator(
                code,
                r["indicator_name_vi"],
                ParseUnit(r["unit"]),
                Enum.Parse<Direction>(r["direction"]),
                Enum.Parse<Pillar>(r["pillar"]),
                Enum.Parse<TemporalNature>(r["temporal"]),
                Optional(r["indicator_name_en"]),
                levels.TryGetValue(code, out SortedSet<AdministrativeLevel>? lv) ? lv : null);
        }

        var catalogs = new List<Catalog>();
        var sets = new List<MeasurementSet>();
        foreach ((string id, string title, LocalDate? issued) in CatalogInfo)
        {
            List<Dictionary<string, string>> rows = targetRows.Where(r => r["catalog"] == id).ToList();
            List<Dictionary<string, string>> results = resultRows.Where(r => r["catalog"] == id && r["level"].Length == 0).ToList();
            string issuer = rows.Select(r => r["unit_code"]).Concat(results.Select(r => r["unit_code"])).FirstOrDefault() ?? "VN";
            var targets = rows.Select(r => ParseTarget(r, indicators[r["indicator_code"]].Unit)).ToList();
            var used = rows.Select(r => r["indicator_code"]).Concat(results.Select(r => r["indicator_code"])).Distinct(StringComparer.Ordinal).ToList();
            catalogs.Add(new Catalog(id, title, issuer, used.Select(c => indicators[c]), targets, issued));
            if (results.Count > 0)
            {
                sets.Add(new MeasurementSet(id + "-RESULTS", "Kết quả báo cáo: " + title, results.Select(ParseResult)));
            }
        }
        return new BuiltInSet(catalogs, sets);
    }

    private static Target ParseTarget(Dictionary<string, string> r, Unit unit)
    {
        TargetBuilder b = Target.For(r["target_id"], r["indicator_code"]);
        decimal? value = OptionalNumber(r["value"]);
        switch (r["comparator"])
        {
            case "AtLeast": b = b.AtLeast(new Quantity(value!.Value, unit)); break;
            case "Above": b = b.Above(new Quantity(value!.Value, unit)); break;
            case "AtMost": b = b.AtMost(new Quantity(value!.Value, unit)); break;
            case "Below": b = b.Below(new Quantity(value!.Value, unit)); break;
            case "Between": b = b.Between(new Quantity(value!.Value, unit), new Quantity(Number(r["upper"]), unit)); break;
            case "About": b = b.About(new Quantity(value!.Value, unit), OptionalNumber(r["tolerance"]) ?? 0m); break;
            case "RankWithin":
                b = unit.RankPool > 0 ? b.RankWithin((int)value!.Value, unit.RankPool) : b.RankWithin((int)value!.Value);
                break;
            case "Achieved": b = b.Achieved(); break;
            default: throw new FormatException("Unknown comparator " + r["comparator"]);
        }
        b = b.AtLevel(Level(r["level"])).By(Date(r["deadline"]));
        if (r["start_date"].Length > 0)
        {
            b = b.From(Date(r["start_date"]));
        }
        if (OptionalNumber(r["baseline_value"]) is { } bv)
        {
            b = b.WithBaseline(new Quantity(bv, unit), Date(r["baseline_date"]));
        }
        if (r["maintain"] == "true")
        {
            b = b.Maintained();
        }
        if (r["aspirational"] == "true")
        {
            b = b.Aspirational();
        }
        if (r["refines"].Length > 0)
        {
            b = b.Refining(r["refines"]);
        }
        return b.CitedFrom(r["source_doc"], Optional(r["quote_vi"])).Build();
    }

    private static Measurement ParseResult(Dictionary<string, string> r)
    {
        if (!ObservationStatusCodes.TryParseSdmxCode(r["status"], out ObservationStatus status))
        {
            status = ObservationStatus.Normal;
        }
        var period = ReportingPeriod.Year(int.Parse(r["period"], NumberStyles.None, CultureInfo.InvariantCulture));
        var source = new SourceCitation(r["result_id"], Optional(r["quote_vi"]));
        decimal? num = OptionalNumber(r["numerator"]);
        decimal? den = OptionalNumber(r["denominator"]);
        if (num is { } n && den is { } d)
        {
            return Measurement.OfFraction(r["indicator_code"], r["unit_code"], period, n, d, OptionalNumber(r["reported_percent"]), status, source);
        }
        return Measurement.Of(r["indicator_code"], r["unit_code"], period, Number(r["value"]), status, source);
    }

    private static Unit ParseUnit(string text) => text switch
    {
        "Percent" => Unit.Percent,
        "Fraction" => Unit.Fraction,
        "Count" => Unit.Count,
        "Milestone" => Unit.Milestone,
        "Rank" => Unit.Rank,
        "Share:GRDP" => Unit.ShareOf(EconomicAggregate.Grdp),
        "Share:GDP" => Unit.ShareOf(EconomicAggregate.Gdp),
        "Share:Budget" => Unit.ShareOf(EconomicAggregate.BudgetExpenditure),
        "Share:RetailSales" => Unit.ShareOf(EconomicAggregate.RetailSales),
        _ when text.StartsWith("Rank:", StringComparison.Ordinal) => Unit.RankAmong(int.Parse(text.AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture)),
        _ => throw new FormatException("Unknown unit " + text),
    };

    private static AdministrativeLevel Level(string text) => text switch
    {
        "National" => AdministrativeLevel.National,
        "District" => AdministrativeLevel.District,
        "Commune" => AdministrativeLevel.Commune,
        _ => AdministrativeLevel.Province,
    };

    private static LocalDate Date(string text) => LocalDatePattern.Iso.Parse(text).Value;

    private static decimal Number(string text) => decimal.Parse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

    /// <summary>A number, or null when empty or not a number (e.g. "none given in the text").</summary>
    private static decimal? OptionalNumber(string text)
        => decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out decimal d) ? d : null;

    private static string? Optional(string text) => text.Length == 0 ? null : text;

    private static List<Dictionary<string, string>> Read(string name)
    {
        using Stream stream = typeof(SeedTsv).Assembly.GetManifestResourceStream("DigitalKpi.Cli.Seeds." + name)
            ?? throw new InvalidOperationException("Missing embedded resource " + name);
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8);
        string[] header = (reader.ReadLine() ?? string.Empty).Split('\t');
        var rows = new List<Dictionary<string, string>>();
        for (string? line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            if (line.Length == 0)
            {
                continue;
            }
            string[] cells = line.Split('\t');
            var row = new Dictionary<string, string>(StringComparer.Ordinal);
            for (int i = 0; i < header.Length; i++)
            {
                row[header[i]] = i < cells.Length ? cells[i] : string.Empty;
            }
            rows.Add(row);
        }
        return rows;
    }
}
