using System.Globalization;
using DigitalKpi.Cli.Infrastructure;
using DigitalKpi.Cli.Localization;
using DigitalKpi.Cli.Reporting;
using DigitalKpi.Cli.Tests.TestHelpers;

namespace DigitalKpi.Cli.Tests.Reporting;

public class MarkdownRendererTests
{
    [Fact]
    public void Escape_NeutralisesMarkdownAndHtml()
    {
        Assert.Equal("a\\|b &lt;c&gt; \\*d\\_ \\[e\\](f) \\`g\\` h&amp;i", MarkdownRenderer.Escape("a|b <c> *d_ [e](f) `g` h&i"));
        Assert.Equal("one two", MarkdownRenderer.Escape("one\r\ntwo"));
        Assert.Equal("Tỷ lệ 17,5%", MarkdownRenderer.Escape("Tỷ lệ 17,5%"));
    }

    [Fact]
    public void TablesKeepTheirShape_EvenWithPipesInText()
    {
        var indicator = new Indicator("DG.PIPE", "Tên | có | gạch", Unit.Percent, Direction.HigherIsBetter, Pillar.DigitalGovernment, TemporalNature.Snapshot);
        var target = Target.For("PIPE.2025.T", indicator.Code).AtLeast(Quantity.Percent(50)).By(2025).Build();
        var input = SeedFixture.Input() with { Catalogs = new[] { new Catalog("PIPE", "A | B", "45", new[] { indicator }, new[] { target }) } };
        string md = MarkdownRenderer.Render(ReportBuilder.Build(input, SeedFixture.AsOf), ReportFormat.Vi);

        string[] targetTable = md.Split('\n').SkipWhile(l => !l.StartsWith("| Mã chỉ tiêu", StringComparison.Ordinal)).TakeWhile(l => l.StartsWith('|')).ToArray();
        Assert.Equal(3, targetTable.Length); // header, alignment, one row
        int Cells(string line) => System.Text.RegularExpressions.Regex.Count(line, @"(?<!\\)\|");
        Assert.All(targetTable, l => Assert.Equal(Cells(targetTable[0]), Cells(l)));
        Assert.Contains("Tên \\| có \\| gạch", md, StringComparison.Ordinal);
    }

    [Fact]
    public void RendersSectionsAndLocalisedNumbers()
    {
        string vi = MarkdownRenderer.Render(SeedFixture.Report(), ReportFormat.Vi);
        Assert.StartsWith("# Báo cáo chỉ tiêu chuyển đổi số\n", vi, StringComparison.Ordinal);
        Assert.Contains("## BRVT-2022 · ", vi, StringComparison.Ordinal);
        Assert.Contains("### Chính quyền số", vi, StringComparison.Ordinal);
        Assert.Contains("| `BRVT.2022.ONLINE_DOSSIERS` |", vi, StringComparison.Ordinal);
        Assert.Contains("17,5% (31/12/2021)", vi, StringComparison.Ordinal);
        Assert.Contains("**Có nguy cơ**", vi, StringComparison.Ordinal);
        Assert.Contains("1.693/1.733", vi, StringComparison.Ordinal);

        string en = MarkdownRenderer.Render(SeedFixture.Report(), ReportFormat.En);
        Assert.Contains("17.5% (2021-12-31)", en, StringComparison.Ordinal);
        Assert.Contains("**At risk**", en, StringComparison.Ordinal);
        Assert.Contains("1,693/1,733 (reported 81.2%)", en, StringComparison.Ordinal);
    }
}

public class ConsoleRendererTests
{
    private static string Render(ReportFormat f, bool color)
    {
        using var w = new StringWriter(CultureInfo.InvariantCulture);
        ConsoleRenderer.Render(SeedFixture.Report(), f, w, color);
        return w.ToString();
    }

    [Fact]
    public void ColumnsAreFixedWidth_WithVietnameseText()
    {
        string text = Render(ReportFormat.Vi, color: false);
        string[] rows = text.Split('\n').Where(l => l.StartsWith("  BRVT.", StringComparison.Ordinal) || l.StartsWith("  TTH.", StringComparison.Ordinal)).ToArray();
        Assert.Equal(4, rows.Length);
        foreach (string row in rows)
        {
            var info = new StringInfo(row);
            // 2 indent + 30 id + 2 + 24 requirement + 2 → the deadline column starts at text element 60.
            Assert.Matches(@"^\d\d/\d\d/\d{4}$", info.SubstringByTextElements(60, 10));
        }
        Assert.Contains("tối thiểu 50%", text, StringComparison.Ordinal);
        Assert.Contains("30% (2022-H1)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ColoursOnlyWhenAsked_LayoutUnchanged()
    {
        string plain = Render(ReportFormat.En, color: false);
        string colored = Render(ReportFormat.En, color: true);
        Assert.DoesNotContain("\u001b[", plain, StringComparison.Ordinal);
        Assert.Contains("\u001b[33m", colored, StringComparison.Ordinal); // at risk
        Assert.Equal(plain, System.Text.RegularExpressions.Regex.Replace(colored, "\u001b\\[[0-9;]*m", string.Empty));
    }

    [Fact]
    public void Fit_PadsAndTruncatesByTextElement()
    {
        Assert.Equal("Đạt  ", ConsoleRenderer.Fit("Đạt", 5, false));
        Assert.Equal("  35%", ConsoleRenderer.Fit("35%", 5, true));
        Assert.Equal("Chậm…", ConsoleRenderer.Fit("Chậm tiến độ", 5, false));
        Assert.Equal(5, new StringInfo(ConsoleRenderer.Fit("Chậm tiến độ", 5, false)).LengthInTextElements);
        // A decomposed (NFD) letter counts as one column.
        Assert.Equal(3, new StringInfo(ConsoleRenderer.Fit("e\u0301", 3, false)).LengthInTextElements);
    }
}

public class ProgressReporterTests
{
    [Fact]
    public void Redirected_PrintsAQuarterlyLine()
    {
        using var w = new StringWriter(CultureInfo.InvariantCulture);
        var p = new ProgressReporter(w, interactive: false, enabled: true);
        for (int i = 1; i <= 400; i++)
        {
            p.Report("Reading", i, 400);
        }
        p.Finish();
        Assert.Equal(new[] { "Reading 1/400 (0%)", "Reading 100/400 (25%)", "Reading 200/400 (50%)", "Reading 300/400 (75%)", "Reading 400/400 (100%)" },
            w.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Interactive_RewritesOneLine()
    {
        using var w = new StringWriter(CultureInfo.InvariantCulture);
        var p = new ProgressReporter(w, interactive: true, enabled: true);
        p.Report("Checking", 1, 2);
        p.Report("Checking", 2, 2);
        Assert.Equal("\rChecking 1/2   \rChecking 2/2   " + Environment.NewLine, w.ToString());
    }

    [Fact]
    public void SmallInputsOrQuiet_PrintNothing()
    {
        using var w = new StringWriter(CultureInfo.InvariantCulture);
        new ProgressReporter(w, interactive: false, enabled: false).Report("Reading", 1, 1);
        Assert.Empty(w.ToString());
        Assert.False(ProgressReporter.IsLarge(3, 1000));
        Assert.True(ProgressReporter.IsLarge(ProgressReporter.ItemThreshold, 0));
        Assert.True(ProgressReporter.IsLarge(1, ProgressReporter.ByteThreshold));
    }
}
