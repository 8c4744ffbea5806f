using DigitalKpi.Cli.Tests.TestHelpers;

namespace DigitalKpi.Cli.Tests.EndToEnd;

/// <summary>The built tool run as a process on the built-in data and on bad input: exit codes and output.</summary>
public class CliProcessTests
{
    private static void NoStackTrace(ProcessResult r)
    {
        Assert.DoesNotContain("   at ", r.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", r.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", r.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_OnBuiltInData_Vietnamese()
    {
        using var dir = new TempDir();
        ProcessResult r = DkpiProcess.Run(dir.Path, "report", "--as-of", "2022-12-31", "--lang", "vi");
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.StartsWith("Báo cáo chỉ tiêu chuyển đổi số · Tính đến ngày 31/12/2022 · 7 danh mục", r.StdOut, StringComparison.Ordinal);
        Assert.Contains("BRVT.2022.ONLINE_DOSSIERS", r.StdOut, StringComparison.Ordinal);
        Assert.Contains("17,5% (2021)", r.StdOut, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", r.StdOut, StringComparison.Ordinal); // redirected: no colours
        Assert.Contains("report.html", r.StdErr, StringComparison.Ordinal);

        string html = File.ReadAllText(Path.Combine(dir.Path, "dkpi-report", "report.html"));
        string md = File.ReadAllText(Path.Combine(dir.Path, "dkpi-report", "report.md"));
        Assert.Contains("<svg class=\"chart chart-attainment\"", html, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"vi\">", html, StringComparison.Ordinal);
        Assert.StartsWith("# Báo cáo chỉ tiêu chuyển đổi số", md, StringComparison.Ordinal);
        Assert.False(File.ReadAllBytes(Path.Combine(dir.Path, "dkpi-report", "report.html")).AsSpan().StartsWith(new byte[] { 0xEF, 0xBB, 0xBF }), "no BOM");
    }

    [Fact]
    public void Report_English_ToAChosenFolder_Quiet()
    {
        using var dir = new TempDir();
        ProcessResult r = DkpiProcess.Run(dir.Path, "report", "--as-of", "2022-12-31", "--lang", "en", "--out", "out/en", "--quiet");
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.StartsWith("Digital-transformation targets report · As of 2022-12-31", r.StdOut, StringComparison.Ordinal);
        Assert.Contains("17.5% (2021)", r.StdOut, StringComparison.Ordinal);
        Assert.Empty(r.StdErr);
        Assert.True(File.Exists(Path.Combine(dir.Path, "out", "en", "report.html")));
        Assert.True(File.Exists(Path.Combine(dir.Path, "out", "en", "report.md")));
    }

    [Fact]
    public void Language_DefaultsFromDkpiLang()
    {
        using var dir = new TempDir();
        ProcessResult r = DkpiProcess.Run(dir.Path, new Dictionary<string, string?> { ["DKPI_LANG"] = "vi" }, "report", "--as-of", "2022-12-31", "-q");
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.StartsWith("Báo cáo", r.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_ListsTheCommands()
    {
        using var dir = new TempDir();
        ProcessResult r = DkpiProcess.Run(dir.Path, "--help");
        Assert.Equal(0, r.ExitCode);
        foreach (string word in new[] { "validate", "report", "schema", "--lang" })
        {
            Assert.Contains(word, r.StdOut, StringComparison.Ordinal);
        }
        ProcessResult vi = DkpiProcess.Run(dir.Path, "report", "--help", "--lang", "vi");
        Assert.Equal(0, vi.ExitCode);
        Assert.Contains("Thư mục kết quả", vi.StdOut, StringComparison.Ordinal);
        Assert.Contains("--as-of", vi.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public void NoCommand_ShowsHelp_ExitsTwo()
    {
        using var dir = new TempDir();
        ProcessResult r = DkpiProcess.Run(dir.Path);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("Usage", r.StdErr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("report", "--as-of", "2022-13-01")]
    [InlineData("report", "--as-of", "31/12/2022")]
    [InlineData("report", "--lang", "fr")]
    [InlineData("report", "--no-such-option")]
    [InlineData("frobnicate")]
    [InlineData("validate")]
    public void BadArguments_ExitTwo_WithAMessage(params string[] args)
    {
        using var dir = new TempDir();
        ProcessResult r = DkpiProcess.Run(dir.Path, args);
        Assert.True(r.ExitCode == 2, r.ToString());
        Assert.StartsWith("dkpi: ", r.StdErr, StringComparison.Ordinal);
        Assert.Contains("dkpi --help", r.StdErr, StringComparison.Ordinal);
        NoStackTrace(r);
        Assert.False(Directory.Exists(Path.Combine(dir.Path, "dkpi-report")));
    }

    [Fact]
    public void Validate_MissingFileOrFolder_ExitsTwo_InCompilerFormat()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(dir.File("folder"));
        ProcessResult r = DkpiProcess.Run(dir.Path, "validate", "missing.json", "folder", "--lang", "en");
        Assert.True(r.ExitCode == 2, r.ToString());
        string[] lines = r.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("missing.json: error: file not found", lines[0]);
        Assert.StartsWith("folder: error: cannot read the file", lines[1], StringComparison.Ordinal);
        Assert.Contains("2 files: 0 errors, 0 warnings, 0 info, 2 unreadable.", r.StdErr, StringComparison.Ordinal);
        NoStackTrace(r);
    }

    [Fact]
    public void Validate_BadJson_ExitsTwo()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File("broken.json"), "{ \"id\": ");
        ProcessResult r = DkpiProcess.Run(dir.Path, "validate", "broken.json", "--sarif", "out.sarif");
        Assert.True(r.ExitCode == 2, r.ToString());
        Assert.StartsWith("broken.json", r.StdOut, StringComparison.Ordinal);
        Assert.Matches(@"^broken\.json(\(\d+(,\d+)?\))?: error: ", r.StdOut);
        Assert.True(File.Exists(dir.File("out.sarif")));
        NoStackTrace(r);
    }

    [Fact]
    public void Report_WithAnUnreadableCatalog_ExitsTwo_AndWritesNothing()
    {
        using var dir = new TempDir();
        ProcessResult r = DkpiProcess.Run(dir.Path, "report", "--catalog", "nope.json", "--lang", "en");
        Assert.True(r.ExitCode == 2, r.ToString());
        Assert.Contains("nope.json: error: file not found", r.StdErr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir.File("dkpi-report")));
        NoStackTrace(r);
    }

    [Fact]
    public void Report_ToAnUnwritableFolder_ExitsTwo()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File("a-file"), "x");
        ProcessResult r = DkpiProcess.Run(dir.Path, "report", "--as-of", "2022-12-31", "--out", "a-file/report", "--lang", "en");
        Assert.True(r.ExitCode == 2, r.ToString());
        Assert.Contains("cannot write", r.StdErr, StringComparison.Ordinal);
        NoStackTrace(r);
    }

    [Fact]
    public void Schema_WritesTheLibrarysSchemas()
    {
        using var dir = new TempDir();
        ProcessResult r = DkpiProcess.Run(dir.Path, "schema", "--out", "schemas", "--lang", "en");
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Equal(DigitalKpi.Json.KpiJson.GetSchema(DigitalKpi.Json.KpiDocumentKind.Catalog), File.ReadAllText(dir.File("schemas/catalog.schema.json")));
        Assert.Equal(DigitalKpi.Json.KpiJson.GetSchema(DigitalKpi.Json.KpiDocumentKind.Measurements), File.ReadAllText(dir.File("schemas/measurements.schema.json")));
        Assert.Equal(2, r.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        ProcessResult again = DkpiProcess.Run(dir.Path, "schema", "--out", "schemas", "-q");
        Assert.Equal(0, again.ExitCode);
    }
}
