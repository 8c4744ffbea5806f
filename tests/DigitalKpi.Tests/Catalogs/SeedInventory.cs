using System.Globalization;
using DigitalKpi.Administration;
using DigitalKpi.Tests.TestHelpers;

namespace DigitalKpi.Tests.Catalogs;

/// <summary>
/// Turns the reviewed seed inventory (docs/seed-inventory.tsv, seed-results.tsv, seed-indicators.tsv) into catalogs and
/// measurement sets. The built-in JSON catalogs are generated from it (DKPI_UPDATE_CATALOGS=1) and a test checks that the
/// committed JSON still matches it.
/// </summary>
internal static class SeedInventory
{
    internal sealed record CatalogInfo(string Id, string Title, string Issuer, LocalDate? IssuedOn, string Document, string? ResultsId, string? ResultsTitle);

    internal static readonly CatalogInfo[] Catalogs =
    [
        new("VN-749-QD-TTG", "Chương trình Chuyển đổi số quốc gia đến năm 2025, định hướng đến năm 2030", "VN", new LocalDate(2020, 6, 3), "749/QĐ-TTg", null, null),
        new("VN-411-QD-TTG", "Chiến lược quốc gia phát triển kinh tế số và xã hội số đến năm 2025, định hướng đến năm 2030", "VN", new LocalDate(2022, 3, 31), "411/QĐ-TTg", null, null),
        new("QT-02-NQ-TU", "Nghị quyết số 02-NQ/TU về chuyển đổi số tỉnh Quảng Trị giai đoạn 2021 - 2025, định hướng đến năm 2030", "45", new LocalDate(2021, 11, 4), "02-NQ/TU", null, null),
        new("TTH-NQ-HN5", "Nghị quyết Hội nghị lần thứ 5 Ban Chấp hành Đảng bộ tỉnh Thừa Thiên Huế khóa XVI về chuyển đổi số", "46", null, "Nghị quyết Hội nghị lần thứ 5, BCH Đảng bộ tỉnh khóa XVI", "TTH-RESULTS-2021", "Thừa Thiên Huế: kết quả năm 2021"),
        new("BRVT-2022", "Bà Rịa - Vũng Tàu: mục tiêu chuyển đổi số năm 2022", "77", null, "BR-VT 2022", "BRVT-RESULTS-2021", "Bà Rịa - Vũng Tàu: kết quả chuyển đổi số năm 2021"),
        new("BK-2022", "Bắc Kạn: chỉ tiêu chuyển đổi số năm 2022", "06", null, "Bắc Kạn 2022", null, null),
        new("TQ-48-NQ-TU", "Nghị quyết số 48-NQ/TU về chuyển đổi số tỉnh Tuyên Quang đến năm 2025, định hướng đến năm 2030", "08", new LocalDate(2021, 11, 15), "48-NQ/TU", "TQ-RESULTS-2022", "Tuyên Quang: kết quả chuyển đổi số đến cuối năm 2022"),
    ];

    private static List<Dictionary<string, string>> ReadTsv(string name)
    {
        string[] lines = File.ReadAllLines(Path.Combine(RepoPaths.Root, "docs", name));
        string[] header = lines[0].Split('\t');
        var rows = new List<Dictionary<string, string>>();
        foreach (string line in lines.Skip(1))
        {
            if (line.Length == 0)
            {
                continue;
            }
            string[] cells = line.Split('\t');
            var row = new Dictionary<string, string>(StringComparer.Ordinal);
            for (int i = 0; i < header.Length; i++)
            {
                row[header[i]] = i < cells.Length ? cells[i].Trim() : string.Empty;
            }
            rows.Add(row);
        }
        return rows;
    }

    private static decimal Dec(string s) => decimal.Parse(s, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

    private static LocalDate Date(string s) => NodaTime.Text.LocalDatePattern.Iso.Parse(s).GetValueOrThrow();

    private static Unit ParseUnit(string text, bool national) => text switch
    {
        "Percent" => Unit.Percent,
        "Fraction" => Unit.Fraction,
        "Count" => Unit.Count,
        "Milestone" => Unit.Milestone,
        "Money:VND" => Unit.Vnd,
        "Share:GRDP" => Unit.ShareOf(national ? EconomicAggregate.Gdp : EconomicAggregate.Grdp),
        "Share:Budget" => Unit.ShareOf(EconomicAggregate.BudgetExpenditure),
        "Share:RetailSales" => Unit.ShareOf(EconomicAggregate.RetailSales),
        "Rank" => Unit.Rank,
        _ when text.StartsWith("Rank:", StringComparison.Ordinal) => Unit.RankAmong(int.Parse(text.AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture)),
        _ => throw new FormatException("Unknown unit in the seed inventory: " + text),
    };

    private static AdministrativeLevel Level(string s) => Enum.Parse<AdministrativeLevel>(s);

    /// <summary>Breakdowns below the reporting unit ("cấp xã: 138, cấp thôn: 1.707") become indicators of their own.</summary>
    private static string BreakdownCode(string code, string level) => level switch
    {
        "" => code,
        "Commune" => code + ".COMMUNE_TIER",
        "Village" => code + ".VILLAGE_TIER",
        _ => throw new FormatException("Unknown breakdown level " + level),
    };

    internal static (List<Catalog> Catalogs, List<MeasurementSet> Results) Load()
    {
        List<Dictionary<string, string>> targetRows = ReadTsv("seed-inventory.tsv");
        List<Dictionary<string, string>> resultRows = ReadTsv("seed-results.tsv");
        Dictionary<string, Dictionary<string, string>> indicatorRows = ReadTsv("seed-indicators.tsv").ToDictionary(r => r["indicator_code"], StringComparer.Ordinal);

        // Levels an indicator is reported at: every level a target names, plus province for results.
        var levels = new Dictionary<string, SortedSet<AdministrativeLevel>>(StringComparer.Ordinal);
        void AddLevel(string code, AdministrativeLevel level)
        {
            if (!levels.TryGetValue(code, out SortedSet<AdministrativeLevel>? set))
            {
                levels[code] = set = [];
            }
            set.Add(level);
        }
        foreach (Dictionary<string, string> r in targetRows)
        {
            AddLevel(r["indicator_code"], Level(r["level"]));
        }
        foreach (Dictionary<string, string> r in resultRows)
        {
            AddLevel(BreakdownCode(r["indicator_code"], r["level"]), AdministrativeLevel.Province);
        }

        Indicator MakeIndicator(string code)
        {
            string baseCode = indicatorRows.ContainsKey(code) ? code : code[..code.LastIndexOf('.')];
            Dictionary<string, string> row = indicatorRows[baseCode];
            string suffixVi = code.EndsWith(".COMMUNE_TIER", StringComparison.Ordinal) ? " (cấp xã)" : code.EndsWith(".VILLAGE_TIER", StringComparison.Ordinal) ? " (cấp thôn)" : code.EndsWith(".COUNT", StringComparison.Ordinal) ? " (số lượng)" : string.Empty;
            string suffixEn = suffixVi.Length == 0 ? string.Empty : code.EndsWith(".COUNT", StringComparison.Ordinal) ? " (count)" : code.EndsWith(".COMMUNE_TIER", StringComparison.Ordinal) ? " (commune tier)" : " (village tier)";
            Unit unit = code.EndsWith(".COUNT", StringComparison.Ordinal) ? Unit.Count : ParseUnit(row["unit"], national: false);
            return new Indicator(code, row["indicator_name_vi"] + suffixVi, unit, Enum.Parse<Direction>(row["direction"]), Enum.Parse<Pillar>(row["pillar"]),
                Enum.Parse<TemporalNature>(row["temporal"]), row["indicator_name_en"] + suffixEn, levels.TryGetValue(code, out var l) ? l : [AdministrativeLevel.Province]);
        }

        var catalogs = new List<Catalog>();
        var results = new List<MeasurementSet>();
        foreach (CatalogInfo info in Catalogs)
        {
            bool national = info.Issuer == "VN";
            var targets = new List<Target>();
            var codes = new List<string>();
            void Use(string code)
            {
                if (!codes.Contains(code))
                {
                    codes.Add(code);
                }
            }
            foreach (Dictionary<string, string> r in targetRows.Where(r => r["catalog"] == info.Id))
            {
                Use(r["indicator_code"]);
                Unit unit = ParseUnit(r["unit"], national || r["level"] == "National");
                Comparator comparator = Enum.Parse<Comparator>(r["comparator"]);
                Quantity threshold = comparator == Comparator.Achieved ? Quantity.Yes : new Quantity(Dec(r["value"]), unit);
                decimal? tolerance = comparator == Comparator.About
                    ? (r["tolerance"].Length > 0 && char.IsDigit(r["tolerance"][0]) ? Dec(r["tolerance"]) : decimal.Round(threshold.Value / 10m, 2))
                    : null;
                targets.Add(new Target(
                    r["target_id"], r["indicator_code"], comparator, threshold, Date(r["deadline"]), Level(r["level"]),
                    upper: comparator == Comparator.Between ? new Quantity(Dec(r["upper"]), unit) : null,
                    tolerance: tolerance,
                    startDate: r["start_date"].Length > 0 ? Date(r["start_date"]) : null,
                    baseline: r["baseline_value"].Length > 0 ? new Baseline(Dec(r["baseline_value"]), Date(r["baseline_date"])) : null,
                    maintain: r["maintain"] == "true",
                    aspirational: r["aspirational"] == "true",
                    refines: r["refines"].Length > 0 ? r["refines"] : null,
                    source: new SourceCitation(r["source_doc"], r["quote_vi"])));
            }

            var measurements = new List<Measurement>();
            foreach (Dictionary<string, string> r in resultRows.Where(r => r["catalog"] == info.Id))
            {
                string code = BreakdownCode(r["indicator_code"], r["level"]);
                Use(code);
                ReportingPeriod period = ReportingPeriod.Parse(r["period"]);
                var source = new SourceCitation(info.Document, r["quote_vi"]);
                ObservationStatus status = ObservationStatusCodes.TryParseSdmxCode(r["status"], out ObservationStatus s) ? s : ObservationStatus.Normal;
                decimal? reported = r["reported_percent"].Length > 0 ? Dec(r["reported_percent"]) : null;
                if (r["numerator"].Length > 0 && r["denominator"].Length > 0)
                {
                    measurements.Add(Measurement.OfFraction(code, r["unit_code"], period, Dec(r["numerator"]), Dec(r["denominator"]), reported, status, source));
                    continue;
                }
                decimal value = r["value"].Length > 0 ? Dec(r["value"]) : reported!.Value;
                measurements.Add(Measurement.Of(code, r["unit_code"], period, value, status, source));
                if (r["numerator"].Length > 0)
                {
                    // "583.017, đạt 70%": the count without its denominator is kept as a count indicator.
                    Use(code + ".COUNT");
                    measurements.Add(Measurement.Of(code + ".COUNT", r["unit_code"], period, Dec(r["numerator"]), status, source));
                }
            }

            catalogs.Add(new Catalog(info.Id, info.Title, info.Issuer, codes.Select(MakeIndicator), targets, info.IssuedOn, new SourceCitation(info.Document)));
            if (info.ResultsId is not null)
            {
                results.Add(new MeasurementSet(info.ResultsId, info.ResultsTitle!, measurements, new SourceCitation(info.Document)));
            }
        }
        return (catalogs, results);
    }
}
