using System.Collections.Immutable;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using DigitalKpi.Cli.Localization;
using DigitalKpi.Cli.Reporting;
using DigitalKpi.Cli.Tests.TestHelpers;
using DigitalKpi.Rules;

namespace DigitalKpi.Cli.Tests.Reporting;

public class HtmlRendererTests
{
    internal static int Count(string html, string pattern) => Regex.Count(html, pattern);

    private static string Render(UiLanguage language = UiLanguage.Vi) => HtmlRenderer.Render(SeedFixture.Report(), ReportFormat.For(language));

    [Fact]
    public void DrawsOneElementPerDataPoint()
    {
        Report report = SeedFixture.Report();
        string html = HtmlRenderer.Render(report, ReportFormat.Vi);

        // Attainment: one chart per catalog with a measured target, plus one over every measured target in the summary.
        int catalogsWithTargets = report.Catalogs.Count(c => c.AllTargets.Any());
        int catalogsMeasured = report.Catalogs.Count(c => c.AllTargets.Any(t => t.Status != AttainmentStatus.NoData));
        int measured = report.AllTargets.Count(t => t.Status != AttainmentStatus.NoData);
        Assert.Equal(3, measured);
        Assert.Equal(catalogsMeasured + 1, Count(html, "<svg class=\"chart chart-attainment\""));
        Assert.Equal(1 + catalogsWithTargets, Count(html, "<svg class=\"chart chart-pillars\""));
        Assert.Equal(2 * measured, Count(html, "<rect class=\"bar status-"));
        string summary = html.Substring(html.IndexOf("id=\"chart-attainment-all\"", StringComparison.Ordinal));
        summary = summary.Substring(0, summary.IndexOf("</svg>", StringComparison.Ordinal));
        Assert.Equal(measured, Count(summary, "<rect class=\"bar status-"));
        Assert.Equal(report.AllTargets.Count(t => t.HasTrajectory), Count(html, "<svg class=\"chart chart-trajectory"));
        Assert.Equal(report.AllTargets.Count(t => t.Baseline is not null), Count(html, "<path class=\"plan\""));
        Assert.Equal(report.AllTargets.Count(t => t.Points.Count >= 2), Count(html, "<path class=\"actual\""));
        Assert.Equal(report.AllTargets.Sum(t => t.Points.Count), Count(html, "<circle class=\"point"));
        Assert.Equal(report.AllTargets.Count(t => t.HasTrajectory && t.Target.Comparator != Comparator.Achieved), Count(html, "<rect class=\"target-zone\""));

        // Pillar segments: one per non-zero (pillar, status) pair, overall and per catalog.
        int segments = report.PillarCounts.Sum(p => ReportFormat.StatusOrder.Count(s => p.Counts[s] > 0))
            + report.Catalogs.Where(c => c.AllTargets.Any()).Sum(c => c.PillarCounts.Sum(p => ReportFormat.StatusOrder.Count(s => p.Counts[s] > 0)));
        Assert.Equal(segments, Count(html, "<rect class=\"seg status-"));
    }

    [Fact]
    public void ChartsAreWellFormedSvgWithInvariantCoordinates()
    {
        string html = Render();
        MatchCollection svgs = Regex.Matches(html, "<svg .*?</svg>", RegexOptions.Singleline);
        Assert.True(svgs.Count >= 6, "svg count " + svgs.Count);
        foreach (Match m in svgs)
        {
            XElement svg = XElement.Parse(m.Value);
            Assert.Equal("svg", svg.Name.LocalName);
            foreach (XAttribute a in svg.DescendantsAndSelf().Attributes().Where(a => a.Name.LocalName is "x" or "y" or "width" or "height" or "x1" or "x2" or "y1" or "y2" or "cx" or "cy" or "r" or "d" or "viewBox"))
            {
                Assert.DoesNotContain(",", a.Value, StringComparison.Ordinal);
                Assert.DoesNotContain("NaN", a.Value, StringComparison.Ordinal);
                Assert.DoesNotContain("∞", a.Value, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void IsSelfContained()
    {
        string html = Render();
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        foreach (string banned in new[] { "<script", "<link", "<img", "<iframe", "@import", "url(", " src=", "@font-face" })
        {
            Assert.DoesNotContain(banned, html, StringComparison.OrdinalIgnoreCase);
        }
        // The only absolute URL is the SVG namespace.
        Assert.DoesNotContain(Regex.Matches(html, "https?://[^\"]*").Select(m => m.Value), u => u != "http://www.w3.org/2000/svg");
    }

    [Fact]
    public void HasStableIdsAndLanguage()
    {
        string vi = Render(UiLanguage.Vi);
        Assert.Contains("<html lang=\"vi\">", vi, StringComparison.Ordinal);
        foreach (string id in new[] { "summary", "catalog-BRVT-2022", "catalog-TTH-NQ-HN5", "target-BRVT.2022.ONLINE_DOSSIERS", "chart-trajectory-BRVT.2022.ONLINE_DOSSIERS", "chart-attainment-BRVT-2022", "diagnostics" })
        {
            Assert.Equal(1, Count(vi, "id=\"" + Regex.Escape(id) + "\""));
        }
        Assert.Contains("17,5%", vi, StringComparison.Ordinal);
        Assert.Contains("Tính đến ngày", vi, StringComparison.Ordinal);

        string en = Render(UiLanguage.En);
        Assert.Contains("<html lang=\"en\">", en, StringComparison.Ordinal);
        Assert.Contains("17.5%", en, StringComparison.Ordinal);
        Assert.DoesNotContain("17,5%", en, StringComparison.Ordinal);
    }

    [Fact]
    public void EscapesEveryText()
    {
        const string evil = "<script>alert(\"x\")</script> & 'q'";
        var indicator = new Indicator("DG.EVIL", "Chỉ số <b>đậm</b> & \"trích\"", Unit.Percent, Direction.HigherIsBetter, Pillar.DigitalGovernment, TemporalNature.Snapshot, evil);
        var target = Target.For("EVIL.2025.T", indicator.Code).AtLeast(Quantity.Percent(50)).By(2025).WithBaseline(Quantity.Percent(10), new LocalDate(2021, 12, 31)).CitedFrom(evil).Build();
        var catalog = new Catalog("EVIL", evil, "45", new[] { indicator }, new[] { target }, source: new SourceCitation(evil));
        var set = new MeasurementSet("EVIL-R", evil, new[] { Measurement.Of(indicator.Code, "45", ReportingPeriod.Year(2022), 20m) });
        var input = new ReportInput(new[] { catalog }, new[] { set }, ImmutableArray<KpiDiagnostic>.Empty, new[] { "<evil>.json" }, false);
        Report report = ReportBuilder.Build(input, SeedFixture.AsOf);

        foreach (UiLanguage lang in new[] { UiLanguage.Vi, UiLanguage.En })
        {
            string html = HtmlRenderer.Render(report, ReportFormat.For(lang));
            Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<b>đậm", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<evil>", html, StringComparison.Ordinal);
            Assert.Contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;", html, StringComparison.Ordinal);
            foreach (Match m in Regex.Matches(html, "<svg .*?</svg>", RegexOptions.Singleline))
            {
                XElement.Parse(m.Value);
            }
        }
    }

    [Fact]
    public void Escape_HandlesSpecialCharacters()
    {
        Assert.Equal("a&lt;b&gt;c&amp;d&quot;e&#39;f", Html.Escape("a<b>c&d\"e'f"));
        Assert.Equal("plain Tiếng Việt", Html.Escape("plain Tiếng Việt"));
        Assert.Equal("a b", Html.Escape("a\u0001b"));
        Assert.Equal(string.Empty, Html.Escape(null));
        Assert.Equal("12.5", Html.N(12.54));
        Assert.Equal("0", Html.N(double.NaN));
    }

    [Fact]
    public void RankTrajectory_PutsBetterRanksHigher()
    {
        Report report = SeedFixture.Report();
        TargetReport rank = report.AllTargets.Single(t => t.Id == "TTH.2025.RANK_DTI");
        string svg = SvgCharts.Trajectory(rank, report.AsOf, ReportFormat.En);
        XElement doc = XElement.Parse(svg);
        var points = doc.Descendants().Where(e => e.Name.LocalName == "circle" && ((string?)e.Attribute("class"))!.StartsWith("point", StringComparison.Ordinal))
            .Select(e => double.Parse((string)e.Attribute("cy")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(2, points.Count);
        Assert.True(points[0] < points[1], "rank 8 (2021) should be drawn above rank 12 (2022)");
    }
}
