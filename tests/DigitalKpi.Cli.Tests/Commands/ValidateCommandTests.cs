using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using DigitalKpi.Cli.Commands;
using DigitalKpi.Cli.Input;
using DigitalKpi.Cli.Localization;
using DigitalKpi.Cli.Tests.TestHelpers;
using DigitalKpi.Rules;

namespace DigitalKpi.Cli.Tests.Commands;

/// <summary>
/// validate in-process with a stand-in reader (the JSON reader is another component): exit codes, output format, SARIF.
/// The stand-in places a finding at line = 10 + target index, column 5, as a JSON reader's locator would.
/// </summary>
public class ValidateCommandTests
{
    private static readonly Indicator Fibre = new("DI.FIBRE_HOUSEHOLDS", "Tỷ lệ hộ gia đình có cáp quang", Unit.Percent, Direction.HigherIsBetter, Pillar.DigitalInfrastructure, TemporalNature.Snapshot);

    private static Catalog Good() => new("GOOD", "Tốt", "77", new[] { Fibre }, new[] { Target.For("GOOD.2025.FIBRE", Fibre.Code).AtLeast(Quantity.Percent(80)).By(2025).Build() });

    private static Catalog Bad() => new("BAD", "Lỗi", "45", new[] { Fibre }, new[]
    {
        Target.For("BAD.2025.OK", Fibre.Code).AtLeast(Quantity.Percent(80)).By(2025).Build(),
        Target.For("BAD.2030.FIBRE", Fibre.Code).AtLeast(Quantity.Percent(120)).By(2030).Build(),
    });

    /// <summary>Stands in for the JSON reader; leaves the rules to the tool (RulesChecked: false) and locates by path.</summary>
    private sealed class FakeReader : IDocumentReader
    {
        public LoadedDocument? ReadCatalog(string path, ValidationOptions rules, Strings text) => Path.GetFileName(path) switch
        {
            "good.json" => Doc(path, Good(), null),
            "bad.json" => Doc(path, Bad(), null),
            "results.json" => null,
            _ => throw new CliException("unexpected token at 3:7", path, 3, 7),
        };

        public LoadedDocument ReadMeasurements(string path, IReadOnlyList<Catalog> catalogs, ValidationOptions rules, Strings text)
        {
            Assert.Contains(catalogs, c => c.Id == "GOOD"); // catalogs are read first
            return Doc(path, null, new MeasurementSet("R", "Kết quả", new[] { Measurement.OfFraction(Fibre.Code, "08", ReportingPeriod.Year(2022), 1693m, 1733m, 81.2m) }));
        }
    }

    private static LoadedDocument Doc(string path, Catalog? c, MeasurementSet? m)
        => new(path, c, m, ImmutableArray<KpiDiagnostic>.Empty, RulesChecked: false, p => p.StartsWith("$.targets[", StringComparison.Ordinal) || p.StartsWith("$.measurements[", StringComparison.Ordinal)
            ? (10 + int.Parse(p.AsSpan(p.IndexOf('[', StringComparison.Ordinal) + 1, 1), CultureInfo.InvariantCulture), 5)
            : null);

    private static (int Exit, string Out, string Err) Run(UiLanguage lang, string? sarif, params string[] files)
    {
        using var o = new StringWriter(CultureInfo.InvariantCulture);
        using var e = new StringWriter(CultureInfo.InvariantCulture);
        int exit = ValidateCommand.Execute(files, sarif, new CommonOptions(lang, Quiet: false), new CliContext(o, e, true, true), new FakeReader());
        return (exit, o.ToString(), e.ToString());
    }

    [Fact]
    public void NoFinding_ExitsZero()
    {
        (int exit, string output, string err) = Run(UiLanguage.En, null, "good.json");
        Assert.Equal(0, exit);
        Assert.Empty(output);
        Assert.Contains("1 file: 0 errors", err, StringComparison.Ordinal);
    }

    [Fact]
    public void RuleError_ExitsOne_WithCompilerStyleLines()
    {
        (int exit, string output, _) = Run(UiLanguage.En, null, "good.json", "bad.json");
        Assert.Equal(1, exit);
        string line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Matches(@"^bad\.json\(11,5\): error DKPI001: .+$", line);
    }

    [Fact]
    public void Warnings_DoNotFail()
    {
        (int exit, string output, _) = Run(UiLanguage.En, null, "results.json", "good.json");
        Assert.Equal(0, exit);
        Assert.Matches(@"(?m)^results\.json\(10,5\): warning DKPI010: .+$", output);
    }

    [Fact]
    public void ReaderFindings_AreReportedAsTheyAre()
    {
        KpiDiagnostic located = CatalogValidator.Validate(Bad()).First(d => d.Id == "DKPI001");
        located = located.WithLocation(located.Location.WithPosition("bad.json", 42, 9));
        var reader = new SingleDocReader(new LoadedDocument("bad.json", Bad(), null, ImmutableArray.Create(located), RulesChecked: true));
        using var o = new StringWriter(CultureInfo.InvariantCulture);
        using var e = new StringWriter(CultureInfo.InvariantCulture);
        int exit = ValidateCommand.Execute(new[] { "bad.json" }, null, new CommonOptions(UiLanguage.En, Quiet: true), new CliContext(o, e, true, true), reader);
        Assert.Equal(1, exit);
        Assert.StartsWith("bad.json(42,9): error DKPI001: ", o.ToString(), StringComparison.Ordinal);
        Assert.Single(o.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)); // the tool does not run the rules again
        Assert.Empty(e.ToString());
    }

    private sealed class SingleDocReader(LoadedDocument doc) : IDocumentReader
    {
        public LoadedDocument? ReadCatalog(string path, ValidationOptions rules, Strings text) => doc;

        public LoadedDocument ReadMeasurements(string path, IReadOnlyList<Catalog> catalogs, ValidationOptions rules, Strings text) => doc;
    }

    [Fact]
    public void UnreadableFile_ExitsTwo_AndTheOthersAreStillChecked()
    {
        (int exit, string output, string err) = Run(UiLanguage.En, null, "broken.json", "bad.json");
        Assert.Equal(2, exit);
        Assert.Contains("broken.json(3,7): error: unexpected token at 3:7", output, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^bad\.json\(11,5\): error DKPI001: ", output);
        Assert.Contains("1 unreadable", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Vietnamese_TranslatesMessagesNotSeverityWords()
    {
        (_, string en, _) = Run(UiLanguage.En, null, "bad.json");
        (_, string vi, string err) = Run(UiLanguage.Vi, null, "bad.json");
        Assert.StartsWith("bad.json(11,5): error DKPI001: ", vi, StringComparison.Ordinal);
        Assert.NotEqual(en, vi);
        Assert.Contains("1 tệp: 1 lỗi", err, StringComparison.Ordinal);
    }

    [Fact]
    public void WritesSarif()
    {
        using var dir = new TempDir();
        string sarif = dir.File("out/findings.sarif");
        (int exit, _, string err) = Run(UiLanguage.En, sarif, "bad.json", "broken.json");
        Assert.Equal(2, exit);
        Assert.Contains("SARIF written", err, StringComparison.Ordinal);
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(sarif));
        JsonElement run = doc.RootElement.GetProperty("runs")[0];
        Assert.Equal("DKPI001", run.GetProperty("results")[0].GetProperty("ruleId").GetString());
        Assert.Equal(1, run.GetProperty("invocations")[0].GetProperty("toolExecutionNotifications").GetArrayLength());
    }
}
