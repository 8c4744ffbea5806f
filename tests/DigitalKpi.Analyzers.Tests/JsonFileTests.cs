using System.Collections.Immutable;
using System.Globalization;
using DigitalKpi.Rules;
using Microsoft.CodeAnalysis;

namespace DigitalKpi.Analyzers.Tests;

/// <summary>Catalogs and measurement sets kept as JSON and given as AdditionalFiles (<c>*.kpi.json</c>).</summary>
public class JsonFileTests
{
    private const string FibreIndicator = """
            {
              "code": "DS.FIBRE_HOUSEHOLDS",
              "nameVi": "Tỷ lệ hộ gia đình có cáp quang",
              "unit": "percent",
              "direction": "higherIsBetter",
              "pillar": "digitalSociety",
              "temporalNature": "snapshot"
            }
        """;

    /// <summary>A catalog document with one indicator (unless <paramref name="indicators"/> says otherwise) and the given targets.</summary>
    private static string Catalog(string targets, string issuer = "45", string id = "QT-02-NQ-TU", string? indicators = null) => $$"""
        {
          "kind": "digitalkpi.catalog",
          "formatVersion": "1.0",
          "id": "{{id}}",
          "title": "Nghị quyết 02-NQ/TU",
          "issuer": "{{issuer}}",
          "indicators": [
        {{indicators ?? FibreIndicator}}
          ],
          "targets": [
        {{targets}}
          ]
        }
        """;

    private static string Band(string lower, string upper, string id = "\"QT.2025.FIBRE\"", string deadline = "2025-12-31") => $$"""
            {
              "id": {{id}},
              "indicator": "DS.FIBRE_HOUSEHOLDS",
              "comparator": "between",
              "value": {{lower}},
              "upper": {{upper}},
              "unit": "percent",
              "deadline": "{{deadline}}"
            }
        """;

    private static Task<ImmutableArray<Diagnostic>> VerifyJsonAsync(string? defaultId, params (string Path, string Markup)[] files)
        => Harness.VerifyWithAdditionalFilesAsync(defaultId, [], files);

    [Fact]
    public async Task ForInvertedBand_ReportsDkpi002OnTheUpperValue()
    {
        string markup = Catalog(Band("80", "[|70|]"));
        ImmutableArray<Diagnostic> diagnostics = await VerifyJsonAsync("DKPI002", ("plan.kpi.json", markup));
        Diagnostic d = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
        Assert.Equal(LocationKind.ExternalFile, d.Location.Kind);
        // The line and column of "upper"'s value, as the compiler prints them (plan.kpi.json(line,col)).
        string[] lines = markup.Replace("[|", "", StringComparison.Ordinal).Replace("|]", "", StringComparison.Ordinal).Split('\n');
        int line = Array.FindIndex(lines, l => l.Contains("\"upper\"", StringComparison.Ordinal));
        FileLinePositionSpan span = d.Location.GetLineSpan();
        Assert.Equal("plan.kpi.json", span.Path);
        Assert.Equal(line, span.StartLinePosition.Line);
        Assert.Equal(lines[line].IndexOf("70", StringComparison.Ordinal), span.StartLinePosition.Character);
        Assert.Equal(span.StartLinePosition.Character + 2, span.EndLinePosition.Character);
        Assert.Equal("QT.2025.FIBRE: band 80–70% is inverted", d.GetMessage(CultureInfo.InvariantCulture));
        Assert.Equal("QT.2025.FIBRE: khoảng 80–70% bị đảo ngược", d.GetMessage(new CultureInfo("vi-VN")));
        Assert.Equal(KpiDescriptors.DKPI002, d.Descriptor);
    }

    [Fact]
    public async Task ForValidCatalog_ReportsNothing()
    {
        ImmutableArray<Diagnostic> diagnostics = await Harness.RunAsync(
            Harness.Compile([("Indicators.cs", Harness.IndicatorsFile)]),
            Harness.Options(("plan.kpi.json", Catalog(Band("70", "80")))));
        Assert.Empty(diagnostics);
    }

    [Fact]
    public Task ForSeveralRules_ReportsEachOnItsValue() => VerifyJsonAsync(null, ("plan.kpi.json", Catalog("""
            {
              "id": "R.TOO_HIGH",
              "indicator": "DS.FIBRE_HOUSEHOLDS",
              "comparator": "atMost",
              "value": {|DKPI001:120|},
              "unit": "percent",
              "deadline": "2025-12-31"
            },
            {
              "id": {|DKPI006:"R.TOO_HIGH"|},
              "indicator": {|DKPI012:"DS.NOT_DEFINED"|},
              "comparator": "atLeast",
              "value": 50,
              "unit": "percent",
              "deadline": "2025-12-31"
            }
        """)));

    [Fact]
    public async Task ForDuplicate_NamesTheFirstDefinitionByFileLineAndColumn()
    {
        string markup = Catalog(Band("70", "80") + ",\n" + Band("71", "81", id: "[|\"QT.2025.FIBRE\"|]", deadline: "2026-12-31"));
        ImmutableArray<Diagnostic> diagnostics = await VerifyJsonAsync("DKPI006", ("plan.kpi.json", markup));
        // The first id's value, 1-based, as the compiler prints positions.
        string[] lines = markup.Split('\n');
        int line = Array.FindIndex(lines, l => l.Contains("\"id\": \"QT.2025.FIBRE\"", StringComparison.Ordinal));
        int column = lines[line].IndexOf("\"QT.2025.FIBRE\"", StringComparison.Ordinal);
        Diagnostic d = Assert.Single(diagnostics);
        Assert.Equal($"target QT.2025.FIBRE: the id is already used at plan.kpi.json({line + 1},{column + 1})", d.GetMessage(CultureInfo.InvariantCulture));
        Assert.Equal(new Microsoft.CodeAnalysis.Text.LinePosition(line, column), Assert.Single(d.AdditionalLocations).GetLineSpan().StartLinePosition);
    }

    [Fact]
    public async Task ForMalformedJson_ReportsDkpi000AtItsLine()
    {
        // The example of docs/rules/DKPI000.md: a trailing comma after the last target; the reader stops at the bracket after it.
        ImmutableArray<Diagnostic> diagnostics = await VerifyJsonAsync(null, ("plan.kpi.json", """
            {
              "kind": "digitalkpi.catalog",
              "formatVersion": "1.0",
              "id": "QT-02-NQ-TU",
              "title": "Nghị quyết 02-NQ/TU",
              "issuer": "45",
              "indicators": [],
              "targets": [
                { "id": "QT.2025.FIBRE", "indicator": "DS.FIBRE_HOUSEHOLDS", "comparator": "atLeast", "value": 80, "unit": "percent", "deadline": "2025-12-31" },
              {|DKPI000:]|}
            }
            """));
        Diagnostic d = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
        Assert.Equal(new Microsoft.CodeAnalysis.Text.LinePosition(9, 2), d.Location.GetLineSpan().StartLinePosition);
        Assert.Equal(
            "$.targets: not a readable DigitalKpi catalog or measurement set: The JSON array contains a trailing comma at the end which is not supported in this mode. Change the reader options.",
            d.GetMessage(CultureInfo.InvariantCulture));
        Assert.StartsWith("$.targets: không đọc được như danh mục hoặc bộ số liệu DigitalKpi: ", d.GetMessage(new CultureInfo("vi")), StringComparison.Ordinal);
        Assert.Equal("Không đọc được tài liệu JSON của DigitalKpi", d.Descriptor.Title.ToString(new CultureInfo("vi-VN")));
    }

    [Theory]
    [InlineData("\"comparator\": {|DKPI000:\"Between\"|}", "$.targets[0].comparator")]
    [InlineData("{|DKPI000:\"treshold\"|}: 80", "$.targets[0].treshold")]
    [InlineData("\"value\": {|DKPI000:\"80\"|}", "$.targets[0].value")]
    public async Task ForUnreadableMember_ReportsDkpi000OnIt(string member, string path)
    {
        string target = """
                {
                  "id": "T",
                  "indicator": "DS.FIBRE_HOUSEHOLDS",
                  "comparator": "atLeast",
                  "value": 80,
                  "unit": "percent",
                  "deadline": "2025-12-31"
                }
            """;
        string key = member.Contains("comparator", StringComparison.Ordinal) ? "\"comparator\": \"atLeast\"" : "\"value\": 80";
        ImmutableArray<Diagnostic> diagnostics = await VerifyJsonAsync(null, ("plan.kpi.json", Catalog(target.Replace(key, member, StringComparison.Ordinal))));
        Assert.StartsWith(path + ": ", Assert.Single(diagnostics).GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForUnknownKind_ReportsDkpi000OnTheKind()
    {
        ImmutableArray<Diagnostic> diagnostics = await VerifyJsonAsync(null, ("odd.kpi.json", """
            {
              "kind": {|DKPI000:"digitalkpi.something"|},
              "formatVersion": "1.0"
            }
            """));
        Assert.Contains("digitalkpi.catalog", Assert.Single(diagnostics).GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public Task ForEmptyFile_ReportsDkpi000() => VerifyJsonAsync("DKPI000", ("empty.kpi.json", "[||]"));

    [Fact]
    public async Task ForMeasurementSet_ReportsTheTuyenQuangFraction()
    {
        ImmutableArray<Diagnostic> diagnostics = await VerifyJsonAsync("DKPI010", ("tq-results-2022.kpi.json", """
            {
              "kind": "digitalkpi.measurements",
              "formatVersion": "1.0",
              "id": "TQ-RESULTS-2022",
              "title": "Tuyên Quang: kết quả chuyển đổi số đến cuối năm 2022",
              "measurements": [
                {
                  "indicator": "DI.FIBRE_COVERAGE_VILLAGES",
                  "adminUnit": "08",
                  "period": "2022",
                  "numerator": 1693,
                  "denominator": 1733,
                  "reportedValue": [|81.2|],
                  "source": {
                    "document": "48-NQ/TU",
                    "quote": "1.693/1.733 thôn, bản, tổ dân phố đã có hạ tầng Internet cáp quang, đạt 81,2%"
                  }
                },
                {
                  "indicator": "DI.MOBILE_COVERAGE_VILLAGES",
                  "adminUnit": "08",
                  "period": "2022",
                  "numerator": 1675,
                  "denominator": 1733,
                  "reportedValue": 96.7
                }
              ]
            }
            """),
            // A catalog among the files: its indicators do not include these, which is not reported (they may be defined elsewhere).
            ("plan.kpi.json", Catalog(Band("70", "80"))));
        Diagnostic d = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
        Assert.Equal("DI.FIBRE_COVERAGE_VILLAGES@08 2022: reported 81.2% disagrees with 1693/1733 = 97.69%", d.GetMessage(CultureInfo.InvariantCulture));
    }

    private const string NationalFibre = """
            {
              "id": "VN.749.FIBRE",
              "indicator": "DS.FIBRE_HOUSEHOLDS",
              "comparator": "above",
              "value": 80,
              "unit": "percent",
              "deadline": "2025-12-31"
            }
        """;

    private const string ProvincialFibre = """
            {
              "id": "QT.2025.FIBRE",
              "indicator": "DS.FIBRE_HOUSEHOLDS",
              "comparator": "atLeast",
              "value": [|70|],
              "unit": "percent",
              "deadline": "2025-12-31",
              "refines": "VN.749.FIBRE"
            }
        """;

    [Fact]
    public async Task ForNationalCatalogAmongTheFiles_ChecksTheTargetsRefiningIt()
    {
        // The provincial catalog defines no indicator: the national catalog's are looked up (no DKPI012).
        ImmutableArray<Diagnostic> diagnostics = await VerifyJsonAsync(
            "DKPI011",
            ("vn-749.kpi.json", Catalog(NationalFibre, issuer: "VN", id: "VN-749")),
            ("plan.kpi.json", Catalog(ProvincialFibre, indicators: "")));
        Assert.Equal("QT.2025.FIBRE: 'at least 70%' is less ambitious than national target VN.749.FIBRE ('above 80%')", Assert.Single(diagnostics).GetMessage(CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task ForRefinedTargetNotAmongTheFiles_ReportsNothing()
    {
        // The national program may be given at run time (BuiltInCatalogs, WithReferenceCatalogs): no DKPI012, no DKPI011.
        ImmutableArray<Diagnostic> diagnostics = await VerifyJsonAsync("DKPI011", ("plan.kpi.json", Catalog(ProvincialFibre.Replace("[|70|]", "70", StringComparison.Ordinal))));
        Assert.Empty(diagnostics);
    }

    [Fact]
    public async Task ForOtherAdditionalFiles_ReportsNothing()
    {
        ImmutableArray<Diagnostic> diagnostics = await Harness.RunAsync(
            Harness.Compile([("Indicators.cs", Harness.IndicatorsFile)]),
            Harness.Options(("plan.json", "{ not json"), ("notes.txt", "band 80–70%"), ("PLAN.KPI.JSON", Catalog(Band("80", "70")))));
        // Only the .kpi.json file (the suffix is compared ignoring case) is read.
        Assert.Equal("DKPI002", Assert.Single(diagnostics).Id);
    }

    [Fact]
    public async Task ForSeverityOverride_FollowsIt()
    {
        Compilation compilation = Harness.Compile([("Indicators.cs", Harness.IndicatorsFile)]);
        compilation = compilation.WithOptions(compilation.Options.WithSpecificDiagnosticOptions([new("DKPI002", ReportDiagnostic.Suppress)]));
        Assert.Empty(await Harness.RunAsync(compilation, Harness.Options(("plan.kpi.json", Catalog(Band("80", "70"))))));
    }

    /// <summary>Every sample document of the JSON tests and every seed catalog: the valid ones are read (no DKPI000), each invalid one gives exactly one DKPI000.</summary>
    [Fact]
    public async Task ForEverySampleDocument_ValidAreReadAndInvalidGiveOneDkpi000()
    {
        string root = PackageConsumerTests.FindRepositoryRoot();
        string samples = Path.Combine(root, "tests", "DigitalKpi.Tests", "Json", "Samples");
        string seeds = Path.Combine(root, "src", "DigitalKpi", "Catalogs");
        var valid = Directory.EnumerateFiles(Path.Combine(samples, "valid"), "*.json", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(seeds, "*.json", SearchOption.AllDirectories))
            .ToList();
        var invalid = Directory.EnumerateFiles(Path.Combine(samples, "invalid"), "*.json", SearchOption.AllDirectories).ToList();
        Assert.True(valid.Count >= 15 && invalid.Count >= 30, $"{valid.Count} valid, {invalid.Count} invalid samples");
        string Name(string file) => Path.GetRelativePath(root, file).Replace('\\', '/')[..^".json".Length] + ".kpi.json";
        (string, string)[] files = valid.Concat(invalid).Select(f => (Name(f), File.ReadAllText(f))).ToArray();
        ImmutableArray<Diagnostic> diagnostics = await Harness.RunAsync(Harness.Compile([("Indicators.cs", Harness.IndicatorsFile)]), Harness.Options(files));
        var byFile = diagnostics.ToLookup(d => d.Location.GetLineSpan().Path);
        foreach (string f in valid)
        {
            Assert.DoesNotContain(byFile[Name(f)], d => d.Id == "DKPI000");
        }
        foreach (string f in invalid)
        {
            Assert.True(byFile[Name(f)].Count(d => d.Id == "DKPI000") == 1, Name(f) + ": " + string.Join("; ", byFile[Name(f)]));
        }
        // The seed catalogs define the indicators they use, and the provincial ones refine the national ones, which are among the files.
        Assert.DoesNotContain(diagnostics, d => d.Id == "DKPI012" && d.Location.GetLineSpan().Path.StartsWith("src/", StringComparison.Ordinal));
    }

    /// <summary>Every truncation of a catalog (at 400 cut points) is read or reported as DKPI000, never an analyzer exception.</summary>
    [Fact]
    public async Task ForTruncatedDocuments_ReportsDkpi000NeverAnException()
    {
        string json = File.ReadAllText(Path.Combine(PackageConsumerTests.FindRepositoryRoot(), "tests", "DigitalKpi.Tests", "Json", "Samples", "valid", "catalog", "all-shapes.json")).TrimEnd();
        int step = Math.Max(1, json.Length / 400);
        var files = new List<(string, string)>();
        for (int cut = 0; cut < json.Length; cut += step)
        {
            files.Add(($"cut{cut}.kpi.json", json[..cut]));
        }
        ImmutableArray<Diagnostic> diagnostics = await Harness.RunAsync(Harness.Compile([("Indicators.cs", Harness.IndicatorsFile)]), Harness.Options([.. files]));
        var unreadable = diagnostics.Where(d => d.Id == "DKPI000").Select(d => d.Location.GetLineSpan().Path).ToHashSet();
        Assert.All(files, f => Assert.Contains(f.Item1, unreadable));
    }
}
