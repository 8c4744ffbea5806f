using System.Text.Json;
using System.Text.RegularExpressions;
using DigitalKpi.Json;
using DigitalKpi.Cli.Tests.TestHelpers;

namespace DigitalKpi.Cli.Tests.EndToEnd;

/// <summary>The tool run as a process on JSON files written by the library: validate and report on user files.</summary>
public class JsonFilesTests
{
    private static readonly Indicator Fibre = new("DI.FIBRE_HOUSEHOLDS", "Tỷ lệ hộ gia đình có đường truyền Internet cáp quang", Unit.Percent,
        Direction.HigherIsBetter, Pillar.DigitalInfrastructure, TemporalNature.Snapshot, "Share of households with a fibre connection");

    private static Catalog BadCatalog() => new("QT-TEST", "Quảng Trị: thử", "45", new[] { Fibre }, new[]
    {
        Target.For("QT.2025.FIBRE", Fibre.Code).AtLeast(Quantity.Percent(80)).By(2025).Build(),
        Target.For("QT.2030.FIBRE", Fibre.Code).AtLeast(Quantity.Percent(120)).By(2030).Build(),
    });

    private static void Write(TempDir dir, string name, Catalog c) => File.WriteAllText(dir.File(name), KpiJson.ToJson(c));

    private static void Write(TempDir dir, string name, MeasurementSet m) => File.WriteAllText(dir.File(name), KpiJson.ToJson(m));

    [Fact]
    public void Validate_GoodFiles_ExitZero()
    {
        using var dir = new TempDir();
        Write(dir, "brvt.json", SeedFixture.Brvt());
        Write(dir, "tth.json", SeedFixture.Tth());
        Write(dir, "synthetic.json", SeedFixture.SyntheticResults());
        ProcessResult r = DkpiProcess.Run(dir.Path, "validate", "brvt.json", "tth.json", "synthetic.json", "--lang", "en");
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.DoesNotMatch(@"(?m)^\S+: error ", r.StdOut);
        Assert.Contains("3 files: 0 errors", r.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_RuleError_ExitsOne_WithLineAndColumn()
    {
        using var dir = new TempDir();
        Write(dir, "qt.json", BadCatalog());
        ProcessResult r = DkpiProcess.Run(dir.Path, "validate", "qt.json", "--lang", "vi", "--sarif", "out/qt.sarif");
        Assert.True(r.ExitCode == 1, r.ToString());
        Match m = Regex.Match(r.StdOut, @"(?m)^qt\.json\((\d+),(\d+)\): error DKPI001: (.+)$");
        Assert.True(m.Success, r.StdOut);

        // The line points at the offending target in the file.
        string[] lines = File.ReadAllLines(dir.File("qt.json"));
        int line = int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("120", string.Join("\n", lines.Skip(line - 1).Take(12)), StringComparison.Ordinal);

        using JsonDocument sarif = JsonDocument.Parse(File.ReadAllText(dir.File("out/qt.sarif")));
        JsonElement result = sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().First(x => x.GetProperty("ruleId").GetString() == "DKPI001");
        Assert.Equal(line, result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32());
    }

    [Fact]
    public void Validate_Measurements_AgainstTheCatalogsGiven()
    {
        using var dir = new TempDir();
        Write(dir, "tq.json", SeedFixture.Tq());
        Write(dir, "results.json", SeedFixture.SeedResults());
        // Measurement sets may come first on the command line: catalogs are read first anyway.
        ProcessResult r = DkpiProcess.Run(dir.Path, "validate", "results.json", "tq.json", "--lang", "en");
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Matches(@"(?m)^results\.json\(\d+,\d+\): warning DKPI010: .*1693/1733", r.StdOut);
    }

    [Fact]
    public void Validate_MalformedOrForeignJson_ExitsTwo_WithPosition()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File("truncated.json"), "{\n  \"kind\": \"digitalkpi.catalog\",\n  \"id\": ");
        File.WriteAllText(dir.File("other.json"), "{ \"kind\": \"something.else\" }");
        Write(dir, "ok.json", SeedFixture.Brvt());
        ProcessResult r = DkpiProcess.Run(dir.Path, "validate", "truncated.json", "other.json", "ok.json", "--lang", "en");
        Assert.True(r.ExitCode == 2, r.ToString());
        Assert.Matches(@"(?m)^truncated\.json\(\d+,\d+\): error: .+$", r.StdOut);
        Assert.Matches(@"(?m)^other\.json(\(\d+,\d+\))?: error: neither a catalog nor a measurement set", r.StdOut);
        Assert.DoesNotContain("   at ", r.StdErr, StringComparison.Ordinal);
        Assert.Contains("2 unreadable", r.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_OnUserFiles()
    {
        using var dir = new TempDir();
        Write(dir, "brvt.json", SeedFixture.Brvt());
        Write(dir, "tth.json", SeedFixture.Tth());
        Write(dir, "seed.json", SeedFixture.SeedResults());
        Write(dir, "synthetic.json", SeedFixture.SyntheticResults());
        ProcessResult r = DkpiProcess.Run(dir.Path, "report", "--as-of", "2022-12-31", "--lang", "en",
            "--catalog", "brvt.json", "tth.json", "--measurements", "seed.json", "--measurements", "synthetic.json", "--out", "rep");
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.StartsWith("Digital-transformation targets report · As of 2022-12-31 · 2 catalogs · 4 targets", r.StdOut, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^  BRVT\.2022\.ONLINE_DOSSIERS .* At risk +60%", r.StdOut);
        string html = File.ReadAllText(dir.File("rep/report.html"));
        Assert.Contains("brvt.json, tth.json, seed.json, synthetic.json", html, StringComparison.Ordinal);
        Assert.Equal(2, Regex.Count(html, "<path class=\"actual\""));
    }

    [Fact]
    public void LargeInput_ShowsProgressOnStandardError()
    {
        using var dir = new TempDir();
        var files = new List<string>();
        for (int i = 0; i < 210; i++)
        {
            string name = "c" + i.ToString("000", System.Globalization.CultureInfo.InvariantCulture) + ".json";
            var c = new Catalog("C" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), "Danh mục " + i.ToString(System.Globalization.CultureInfo.InvariantCulture), "45", new[] { Fibre },
                new[] { Target.For("T" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), Fibre.Code).AtLeast(Quantity.Percent(80)).By(2025).Build() });
            Write(dir, name, c);
            files.Add(name);
        }
        ProcessResult r = DkpiProcess.Run(dir.Path, new[] { "validate", "--lang", "en" }.Concat(files).ToArray());
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Contains("Reading 1/210 (0%)", r.StdErr, StringComparison.Ordinal);
        Assert.Contains("Reading 210/210 (100%)", r.StdErr, StringComparison.Ordinal);
        Assert.Contains("Checking 210/210 (100%)", r.StdErr, StringComparison.Ordinal);
        Assert.Empty(r.StdOut);

        ProcessResult quiet = DkpiProcess.Run(dir.Path, new[] { "validate", "-q" }.Concat(files).ToArray());
        Assert.Equal(0, quiet.ExitCode);
        Assert.Empty(quiet.StdErr);
    }
}
