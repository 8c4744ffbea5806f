using System.Text;
using DigitalKpi.Cli.Localization;
using DigitalKpi.Rules;
using static DigitalKpi.Cli.Reporting.Html;

namespace DigitalKpi.Cli.Reporting;

/// <summary>
/// One self-contained HTML file: inline CSS and inline SVG charts, no script, no external font, image or link, so it
/// opens offline in any browser. Every text is escaped. Stable ids: <c>summary</c>, <c>catalog-{id}</c>,
/// <c>target-{id}</c>, <c>diagnostics</c>.
/// </summary>
internal static class HtmlRenderer
{
    internal const string Css = """
        :root { --achieved:#1a7f37; --on-track:#7cc47f; --at-risk:#e3a008; --off-track:#c62828; --not-yet-due:#6b7f99; --no-data:#c8ccd2; }
        * { box-sizing: border-box; }
        body { font-family: system-ui, -apple-system, "Segoe UI", "Noto Sans", "DejaVu Sans", Arial, sans-serif; color:#1f2328; background:#fff; margin:0; padding:24px 32px; line-height:1.4; }
        h1 { font-size:1.6rem; margin:0 0 4px; } h2 { font-size:1.3rem; margin:32px 0 4px; border-bottom:2px solid #d0d7de; padding-bottom:4px; }
        h3 { font-size:1.05rem; margin:20px 0 6px; } .meta { color:#57606a; margin:2px 0 12px; }
        .tiles { display:flex; flex-wrap:wrap; gap:8px; margin:12px 0; }
        .tile { border-radius:6px; padding:8px 12px; min-width:120px; color:#fff; } .tile b { display:block; font-size:1.4rem; }
        .tile.status-on-track, .tile.status-no-data, .tile.status-at-risk { color:#1f2328; }
        table { border-collapse:collapse; width:100%; font-size:.86rem; margin:6px 0 12px; }
        th, td { border:1px solid #d0d7de; padding:4px 6px; vertical-align:top; text-align:left; }
        th { background:#f6f8fa; } td.num { text-align:right; white-space:nowrap; }
        td.id { font-family:ui-monospace, "DejaVu Sans Mono", monospace; font-size:.8rem; min-width:200px; max-width:320px; overflow-wrap:anywhere; }
        td.req { min-width:120px; }
        .name { color:#57606a; font-size:.8rem; font-family:system-ui, -apple-system, "Segoe UI", "Noto Sans", "DejaVu Sans", Arial, sans-serif; }
        .badge { display:inline-block; border-radius:10px; padding:1px 8px; color:#fff; white-space:nowrap; font-size:.8rem; }
        .badge.status-on-track, .badge.status-no-data, .badge.status-at-risk { color:#1f2328; }
        .status-achieved { background:var(--achieved); } .status-on-track { background:var(--on-track); } .status-at-risk { background:var(--at-risk); }
        .status-off-track { background:var(--off-track); } .status-not-yet-due { background:var(--not-yet-due); } .status-no-data { background:var(--no-data); }
        svg.chart { display:block; max-width:100%; height:auto; background:#fff; }
        svg.chart text { font-size:11px; fill:#1f2328; } svg.chart .tick { fill:#57606a; font-size:10px; }
        svg.chart .grid { stroke:#eaeef2; stroke-width:1; } svg.chart .xtick { stroke:#8c959f; }
        svg.chart .axis { fill:none; stroke:#8c959f; stroke-width:1; } svg.chart .goal { stroke:#1f2328; stroke-width:1.5; stroke-dasharray:4 3; }
        svg.chart circle.point { fill:#0969da; stroke:#fff; stroke-width:1; } svg.chart circle.baseline { fill:#fff; stroke:#6b7f99; stroke-width:2; }
        svg.chart rect.status-achieved, svg.chart circle.status-achieved { fill:var(--achieved); background:none; }
        svg.chart rect.status-on-track, svg.chart circle.status-on-track { fill:var(--on-track); background:none; }
        svg.chart rect.status-at-risk, svg.chart circle.status-at-risk { fill:var(--at-risk); background:none; }
        svg.chart rect.status-off-track, svg.chart circle.status-off-track { fill:var(--off-track); background:none; }
        svg.chart rect.status-not-yet-due, svg.chart circle.status-not-yet-due { fill:var(--not-yet-due); background:none; }
        svg.chart rect.status-no-data, svg.chart circle.status-no-data { fill:var(--no-data); background:none; }
        svg.chart .count { fill:#fff; font-weight:600; } svg.chart .count.dark { fill:#1f2328; } svg.chart .nodata { fill:#8c959f; font-style:italic; }
        svg.chart-trajectory { background:#fff; border:1px solid #d0d7de; border-radius:4px; }
        svg.chart-trajectory.status-achieved, svg.chart-trajectory.status-on-track, svg.chart-trajectory.status-at-risk,
        svg.chart-trajectory.status-off-track, svg.chart-trajectory.status-not-yet-due, svg.chart-trajectory.status-no-data { background:#fff; }
        svg.chart .target-zone { fill:#1a7f37; fill-opacity:.12; stroke:#1a7f37; stroke-opacity:.5; stroke-width:1; }
        svg.chart .deadline { stroke:#c62828; stroke-width:1.2; stroke-dasharray:3 3; } svg.chart .asof { stroke:#0969da; stroke-width:1; stroke-dasharray:1 3; }
        svg.chart .plan { fill:none; stroke:#6b7f99; stroke-width:1.5; stroke-dasharray:6 4; }
        svg.chart .actual { fill:none; stroke:#0969da; stroke-width:2; }
        .trajectories { display:grid; grid-template-columns:repeat(auto-fill, minmax(360px, 1fr)); gap:12px; margin:8px 0 16px; }
        figure { margin:0; } figcaption { font-size:.8rem; color:#57606a; margin-top:2px; }
        .legend-line { font-size:.8rem; color:#57606a; } .legend-line span { margin-right:14px; white-space:nowrap; }
        .sw { display:inline-block; width:18px; height:0; border-top:2px solid; vertical-align:middle; margin-right:4px; }
        .sw.plan { border-top:2px dashed #6b7f99; } .sw.actual { border-color:#0969da; } .sw.deadline { border-top:2px dashed #c62828; } .sw.zone { border:0; height:10px; background:rgba(26,127,55,.18); }
        ul.diagnostics { font-family:ui-monospace, "DejaVu Sans Mono", monospace; font-size:.8rem; padding-left:18px; }
        li.sev-error { color:#c62828; } li.sev-warning { color:#9a6700; } li.sev-info { color:#57606a; }
        footer { margin-top:32px; color:#57606a; font-size:.8rem; border-top:1px solid #d0d7de; padding-top:8px; }
        """;

    internal static string Render(Report report, ReportFormat f)
    {
        Strings s = f.Text;
        var sb = new StringBuilder(64 * 1024);
        sb.Append("<!DOCTYPE html>\n<html lang=\"").Append(f.Language.Tag()).Append("\">\n<head>\n<meta charset=\"utf-8\">\n")
          .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
          .Append("<meta name=\"generator\" content=\"dkpi\">\n")
          .Append("<title>").Append(Escape(s.ReportTitle + " · " + s.AsOf + " " + f.Date(report.AsOf))).Append("</title>\n")
          .Append("<style>\n").Append(Css).Append("\n</style>\n</head>\n<body>\n");

        sb.Append("<header id=\"top\"><h1>").Append(Escape(s.ReportTitle)).Append("</h1>\n<p class=\"meta\">")
          .Append(Escape(s.AsOf)).Append(" <time datetime=\"").Append(report.AsOf.ToString("uuuu-MM-dd", System.Globalization.CultureInfo.InvariantCulture)).Append("\">")
          .Append(Escape(f.Date(report.AsOf))).Append("</time> · ")
          .Append(Escape(f.Number(report.Catalogs.Count, 0) + " " + s.Catalogs + " · " + f.Number(report.Counts.Total, 0) + " " + s.TargetsWord))
          .Append(" · ").Append(Escape(s.Inputs)).Append(": ")
          .Append(Escape(report.BuiltIn ? s.BuiltInData : string.Join(", ", report.Inputs.Select(Path.GetFileName)))).Append("</p></header>\n");

        // Summary.
        sb.Append("<section id=\"summary\">\n<h2>").Append(Escape(s.Summary)).Append("</h2>\n<div class=\"tiles\">");
        foreach (AttainmentStatus st in ReportFormat.StatusOrder)
        {
            sb.Append("<div class=\"tile status-").Append(ReportFormat.StatusKey(st)).Append("\"><b>").Append(Escape(f.Number(report.Counts[st], 0))).Append("</b>")
              .Append(Escape(f.Status(st))).Append("</div>");
        }
        sb.Append("</div>\n");
        List<TargetReport> measured = report.AllTargets.Where(t => t.Status != AttainmentStatus.NoData).ToList();
        if (measured.Count > 0)
        {
            sb.Append("<h3>").Append(Escape(s.ChartMeasured)).Append("</h3>\n").Append(SvgCharts.Attainment(measured, f, "all")).Append('\n');
        }
        sb.Append("<h3>").Append(Escape(s.ChartPillars)).Append("</h3>\n").Append(SvgCharts.Pillars(report.PillarCounts, f, "all")).Append('\n');
        sb.Append("<table class=\"catalog-index\"><thead><tr><th>").Append(Escape(s.Catalog)).Append("</th><th>").Append(Escape(s.Unit)).Append("</th>");
        foreach (AttainmentStatus st in ReportFormat.StatusOrder)
        {
            sb.Append("<th>").Append(Escape(f.Status(st))).Append("</th>");
        }
        sb.Append("<th>").Append(Escape(s.Total)).Append("</th></tr></thead><tbody>");
        foreach (CatalogReport c in report.Catalogs)
        {
            sb.Append("<tr><td><a href=\"#catalog-").Append(Escape(Token(c.Id))).Append("\">").Append(Escape(c.Id)).Append("</a><div class=\"name\">").Append(Escape(c.Title)).Append("</div></td><td>")
              .Append(Escape(UnitText(c.Issuer, f))).Append("</td>");
            foreach (AttainmentStatus st in ReportFormat.StatusOrder)
            {
                sb.Append("<td class=\"num\">").Append(Escape(f.Number(c.Counts[st], 0))).Append("</td>");
            }
            sb.Append("<td class=\"num\">").Append(Escape(f.Number(c.Counts.Total, 0))).Append("</td></tr>");
        }
        sb.Append("</tbody></table>\n</section>\n");

        foreach (CatalogReport c in report.Catalogs)
        {
            RenderCatalog(sb, c, report, f);
        }

        foreach (UnitResults u in report.UnitsWithoutCatalog)
        {
            sb.Append("<section class=\"unit-results\" id=\"unit-").Append(Escape(Token(u.Unit.Code))).Append("\">\n<h2>")
              .Append(Escape(s.UnitsWithoutCatalog + ": " + UnitText(u.Unit, f))).Append("</h2>\n");
            RenderResults(sb, u.Results, f);
            sb.Append("</section>\n");
        }

        // Diagnostics.
        sb.Append("<section id=\"diagnostics\">\n<h2>").Append(Escape(s.Diagnostics)).Append("</h2>\n");
        if (report.Diagnostics.IsEmpty)
        {
            sb.Append("<p>").Append(Escape(s.NoDiagnostics)).Append("</p>\n");
        }
        else
        {
            sb.Append("<p>").Append(Escape(s.Findings(Count(report, KpiSeverity.Error), Count(report, KpiSeverity.Warning), Count(report, KpiSeverity.Info)))).Append("</p>\n<ul class=\"diagnostics\">");
            foreach (KpiDiagnostic d in report.Diagnostics)
            {
                sb.Append("<li class=\"sev-").Append(KpiDiagnostic.SeverityText(d.Severity)).Append("\">").Append(Escape(DiagnosticText.Format(d, f.Language))).Append("</li>");
            }
            sb.Append("</ul>\n");
        }
        sb.Append("</section>\n<footer>").Append(Escape(s.GeneratedBy)).Append("</footer>\n</body>\n</html>\n");
        return sb.ToString();
    }

    private static int Count(Report r, KpiSeverity severity) => r.Diagnostics.Count(d => d.Severity == severity);

    private static void RenderCatalog(StringBuilder sb, CatalogReport c, Report report, ReportFormat f)
    {
        Strings s = f.Text;
        sb.Append("<section class=\"catalog\" id=\"catalog-").Append(Escape(Token(c.Id))).Append("\">\n<h2>").Append(Escape(c.Id + " · " + c.Title)).Append("</h2>\n<p class=\"meta\">")
          .Append(Escape(s.Unit + ": " + UnitText(c.Issuer, f)));
        if (c.Catalog.IssuedOn is { } issued)
        {
            sb.Append(" · ").Append(Escape(s.Issued + ": " + f.Date(issued)));
        }
        if (c.Catalog.Source is { } src)
        {
            sb.Append(" · ").Append(Escape(s.Source + ": " + src.Document));
        }
        sb.Append("</p>\n");
        List<TargetReport> all = c.AllTargets.ToList();
        if (all.Count == 0)
        {
            sb.Append("<p>").Append(Escape(s.NoTargets)).Append("</p>\n");
        }
        else
        {
            if (all.Exists(t => t.Status != AttainmentStatus.NoData))
            {
                sb.Append("<h3>").Append(Escape(s.ChartAttainment)).Append("</h3>\n").Append(SvgCharts.Attainment(all, f, Token(c.Id))).Append('\n');
            }
            else
            {
                sb.Append("<p class=\"no-measurements\">").Append(Escape(s.NoMeasuredTargets)).Append("</p>\n");
            }
            sb.Append("<h3>").Append(Escape(s.ChartPillars)).Append("</h3>\n").Append(SvgCharts.Pillars(c.PillarCounts, f, Token(c.Id))).Append('\n');
            foreach (PillarReport p in c.Pillars)
            {
                sb.Append("<div class=\"pillar pillar-").Append(ReportFormat.PillarKey(p.Pillar)).Append("\">\n<h3>").Append(Escape(f.Pillar(p.Pillar)))
                  .Append(" <span class=\"name\">(").Append(Escape(f.Number(p.Targets.Count, 0) + " " + s.TargetsWord)).Append(")</span></h3>\n");
                RenderTargetTable(sb, p.Targets, f);
                List<TargetReport> drawable = p.Targets.Where(t => t.HasTrajectory).ToList();
                if (drawable.Count > 0)
                {
                    sb.Append("<p class=\"legend-line\"><b>").Append(Escape(s.ChartTrajectory)).Append("</b><br><span><i class=\"sw plan\"></i>").Append(Escape(s.Planned))
                      .Append("</span><span><i class=\"sw actual\"></i>").Append(Escape(s.Measured)).Append("</span><span><i class=\"sw deadline\"></i>").Append(Escape(s.Deadline))
                      .Append("</span><span><i class=\"sw zone\"></i>").Append(Escape(s.TargetZone)).Append("</span></p>\n<div class=\"trajectories\">");
                    foreach (TargetReport t in drawable)
                    {
                        sb.Append("<figure>").Append(SvgCharts.Trajectory(t, report.AsOf, f)).Append("<figcaption>").Append(Escape(t.Id + " · " + f.Comparison(t.Target) + " · " + f.Status(t.Status)))
                          .Append("</figcaption></figure>");
                    }
                    sb.Append("</div>\n");
                }
                sb.Append("</div>\n");
            }
        }
        if (c.OtherResults.Count > 0)
        {
            sb.Append("<h3>").Append(Escape(s.OtherResults)).Append("</h3>\n");
            RenderResults(sb, c.OtherResults, f);
        }
        sb.Append("</section>\n");
    }

    private static void RenderTargetTable(StringBuilder sb, IReadOnlyList<TargetReport> targets, ReportFormat f)
    {
        Strings s = f.Text;
        sb.Append("<table class=\"targets\"><thead><tr>");
        foreach (string h in new[] { s.ColTarget, s.ColRequirement, s.ColLevel, s.ColDeadline, s.ColBaseline, s.ColLatest, s.ColStatus, s.ColRatio, s.ColProgress, s.ColExpected, s.ColGap, s.ColPace, s.Notes })
        {
            sb.Append("<th>").Append(Escape(h)).Append("</th>");
        }
        sb.Append("</tr></thead><tbody>");
        foreach (TargetReport t in targets)
        {
            TargetCells c = TargetCells.Of(t, f);
            sb.Append("<tr id=\"target-").Append(Escape(Token(t.Id))).Append("\" class=\"status-row-").Append(ReportFormat.StatusKey(t.Status)).Append("\">")
              .Append("<td class=\"id\">").Append(Escape(t.Id)).Append("<div class=\"name\">").Append(Escape(c.Name)).Append("</div></td>")
              .Append("<td class=\"req\">").Append(Escape(c.Requirement)).Append("</td>")
              .Append("<td>").Append(Escape(c.Level)).Append("</td>")
              .Append("<td class=\"num\">").Append(Escape(c.Deadline)).Append("</td>")
              .Append("<td class=\"num\">").Append(Escape(c.Baseline)).Append("</td>")
              .Append("<td class=\"num\">").Append(Escape(c.Latest)).Append("</td>")
              .Append("<td><span class=\"badge status-").Append(ReportFormat.StatusKey(t.Status)).Append("\">").Append(Escape(c.Status)).Append("</span></td>")
              .Append("<td class=\"num\">").Append(Escape(c.Ratio)).Append("</td>")
              .Append("<td class=\"num\">").Append(Escape(c.Progress)).Append("</td>")
              .Append("<td class=\"num\">").Append(Escape(c.Expected)).Append("</td>")
              .Append("<td class=\"num\">").Append(Escape(c.Gap)).Append("</td>")
              .Append("<td class=\"num\">").Append(Escape(c.Pace)).Append("</td>")
              .Append("<td>").Append(Escape(c.Notes)).Append("</td></tr>");
        }
        sb.Append("</tbody></table>\n");
    }

    private static void RenderResults(StringBuilder sb, IReadOnlyList<MeasurementRow> rows, ReportFormat f)
    {
        Strings s = f.Text;
        sb.Append("<table class=\"results\"><thead><tr><th>").Append(Escape(s.ColIndicator)).Append("</th><th>").Append(Escape(s.Pillar)).Append("</th><th>")
          .Append(Escape(s.ColPeriod)).Append("</th><th>").Append(Escape(s.ColValue)).Append("</th><th>").Append(Escape(s.ColObsStatus)).Append("</th></tr></thead><tbody>");
        foreach (MeasurementRow r in rows)
        {
            ResultCells c = ResultCells.Of(r, f);
            sb.Append("<tr><td class=\"id\">").Append(Escape(r.Measurement.IndicatorCode)).Append("<div class=\"name\">").Append(Escape(c.Name)).Append("</div></td><td>")
              .Append(Escape(c.Pillar)).Append("</td><td class=\"num\">").Append(Escape(c.Period)).Append("</td><td class=\"num\">").Append(Escape(c.Value))
              .Append("</td><td>").Append(Escape(c.Status)).Append("</td></tr>");
        }
        sb.Append("</tbody></table>\n");
    }

    internal static string UnitText(UnitInfo unit, ReportFormat f)
    {
        // The Vietnamese name in both languages: the English names of the map are ASCII transliterations.
        string name = unit.Name is null ? unit.Code : unit.Name + " (" + unit.Code + ")";
        if (unit.EndedOn is { } ended && unit.Successors.Count > 0)
        {
            name += "; " + f.Text.NowPartOf(string.Join(", ", unit.Successors), f.Date(ended.PlusDays(1)));
        }
        return name;
    }
}
