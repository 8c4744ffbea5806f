using System.Collections.Immutable;
using System.Text.Json;
using DigitalKpi.Cli.Localization;
using DigitalKpi.Cli.Reporting;
using DigitalKpi.Rules;

namespace DigitalKpi.Cli.Tests.Reporting;

public class DiagnosticsOutputTests
{
    private static KpiDiagnostic PercentAbove100(string? file = "plans/qt.json", int? line = 12, int? column = 17)
    {
        var i = new Indicator("DG.X", "Tỷ lệ X", Unit.Percent, Direction.HigherIsBetter, Pillar.DigitalGovernment, TemporalNature.Snapshot);
        var t = Target.For("QT.2025.X", i.Code).AtLeast(Quantity.Percent(120)).By(2025).Build();
        KpiDiagnostic d = CatalogValidator.Validate(new Catalog("QT", "Quảng Trị", "45", new[] { i }, new[] { t })).Single(x => x.Id == "DKPI001");
        return file is null ? d : d.WithLocation(d.Location.WithPosition(file, line, column));
    }

    [Fact]
    public void CompilerStyleLine_English()
    {
        string line = DiagnosticText.Format(PercentAbove100(), UiLanguage.En);
        Assert.Matches(@"^plans/qt\.json\(12,17\): error DKPI001: .+$", line);
        Assert.Equal(PercentAbove100().ToString(), line);
    }

    [Fact]
    public void CompilerStyleLine_Vietnamese_KeepsTheEnglishSeverityWord()
    {
        KpiDiagnostic d = PercentAbove100();
        string line = DiagnosticText.Format(d, UiLanguage.Vi);
        Assert.StartsWith("plans/qt.json(12,17): error DKPI001: ", line, StringComparison.Ordinal);
        Assert.EndsWith(d.GetMessage(new System.Globalization.CultureInfo("vi-VN")), line, StringComparison.Ordinal);
        Assert.NotEqual(DiagnosticText.Format(d, UiLanguage.En), line);
    }

    [Fact]
    public void WithoutPosition_KeepsTheJsonPath()
    {
        string line = DiagnosticText.Format(PercentAbove100(line: null, column: null), UiLanguage.En);
        Assert.Matches(@"^plans/qt\.json: error DKPI001: .+ \[\$\.targets\[0\]\.value\]$", line);
    }

    [Fact]
    public void Unreadable_HasTheSameShapeWithoutRuleId()
    {
        Assert.Equal("a.json(3,5): error: unexpected end", DiagnosticText.FormatUnreadable("a.json", 3, 5, "unexpected end"));
        Assert.Equal("a.json: error: file not found", DiagnosticText.FormatUnreadable("a.json", null, null, "file not found"));
    }

    [Fact]
    public void Sarif_IsValid210()
    {
        var diagnostics = ImmutableArray.Create(PercentAbove100(), PercentAbove100(file: "plans/khác tệp.json", line: null, column: null));
        string json = SarifWriter.Write(diagnostics, new[] { new UnreadableFile("bad.json", 1, 2, "not JSON") }, UiLanguage.Vi);
        using JsonDocument doc = JsonDocument.Parse(json);
        JsonElement root = doc.RootElement;
        Assert.Equal("2.1.0", root.GetProperty("version").GetString());
        JsonElement run = root.GetProperty("runs")[0];
        Assert.Equal("dkpi", run.GetProperty("tool").GetProperty("driver").GetProperty("name").GetString());
        Assert.Equal(KpiRules.All.Length, run.GetProperty("tool").GetProperty("driver").GetProperty("rules").GetArrayLength());
        JsonElement results = run.GetProperty("results");
        Assert.Equal(2, results.GetArrayLength());
        JsonElement first = results[0];
        Assert.Equal("DKPI001", first.GetProperty("ruleId").GetString());
        Assert.Equal("error", first.GetProperty("level").GetString());
        JsonElement physical = first.GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.Equal("plans/qt.json", physical.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal(12, physical.GetProperty("region").GetProperty("startLine").GetInt32());
        Assert.Equal(17, physical.GetProperty("region").GetProperty("startColumn").GetInt32());
        Assert.Equal("$.targets[0].value", first.GetProperty("locations")[0].GetProperty("logicalLocations")[0].GetProperty("fullyQualifiedName").GetString());
        Assert.Equal("plans/kh%C3%A1c%20t%E1%BB%87p.json", results[1].GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString());
        JsonElement invocation = run.GetProperty("invocations")[0];
        Assert.False(invocation.GetProperty("executionSuccessful").GetBoolean());
        Assert.Equal("not JSON", invocation.GetProperty("toolExecutionNotifications")[0].GetProperty("message").GetProperty("text").GetString());
    }
}
