using System.Text;
using DigitalKpi.Cli.Localization;
using DigitalKpi.Rules;

namespace DigitalKpi.Cli.Reporting;

/// <summary>The report as GitHub-flavoured Markdown: one section per catalog, one table per pillar.</summary>
internal static class MarkdownRenderer
{
    internal static string Render(Report report, ReportFormat f)
    {
        Strings s = f.Text;
        var sb = new StringBuilder(32 * 1024);
        sb.Append("# ").Append(Escape(s.ReportTitle)).Append("\n\n");
        sb.Append(Escape(s.AsOf)).Append(' ').Append(Escape(f.Date(report.AsOf))).Append(" · ")
          .Append(Escape(f.Number(report.Catalogs.Count, 0) + " " + s.Catalogs + " · " + f.Number(report.Counts.Total, 0) + " " + s.TargetsWord)).Append(" · ")
          .Append(Escape(s.Inputs)).Append(": ").Append(Escape(report.BuiltIn ? s.BuiltInData : string.Join(", ", report.Inputs.Select(Path.GetFileName)))).Append("\n\n");
        sb.Append(Escape(s.HtmlLink)).Append("\n\n");

        sb.Append("## ").Append(Escape(s.Summary)).Append("\n\n");
        var header = new List<string> { s.Pillar };
        header.AddRange(ReportFormat.StatusOrder.Select(f.Status));
        header.Add(s.Total);
        Row(sb, header, header.Select((_, i) => i > 0).ToList());
        foreach (PillarSummary p in report.PillarCounts)
        {
            var cells = new List<string> { f.Pillar(p.Pillar) };
            cells.AddRange(ReportFormat.StatusOrder.Select(st => f.Number(p.Counts[st], 0)));
            cells.Add(f.Number(p.Counts.Total, 0));
            Row(sb, cells);
        }
        var totals = new List<string> { "**" + Escape(s.Total) + "**" };
        totals.AddRange(ReportFormat.StatusOrder.Select(st => f.Number(report.Counts[st], 0)));
        totals.Add(f.Number(report.Counts.Total, 0));
        RowRaw(sb, totals.Select((c, i) => i == 0 ? c : Escape(c)).ToList());
        sb.Append('\n');

        foreach (CatalogReport c in report.Catalogs)
        {
            sb.Append("## ").Append(Escape(c.Id + " · " + c.Title)).Append("\n\n");
            sb.Append(Escape(s.Unit + ": " + HtmlRenderer.UnitText(c.Issuer, f)));
            if (c.Catalog.IssuedOn is { } issued)
            {
                sb.Append(" · ").Append(Escape(s.Issued + ": " + f.Date(issued)));
            }
            if (c.Catalog.Source is { } src)
            {
                sb.Append(" · ").Append(Escape(s.Source + ": " + src.Document));
            }
            sb.Append("\n\n");
            if (!c.AllTargets.Any())
            {
                sb.Append(Escape(s.NoTargets)).Append("\n\n");
            }
            foreach (PillarReport p in c.Pillars)
            {
                sb.Append("### ").Append(Escape(f.Pillar(p.Pillar))).Append("\n\n");
                var h = new List<string> { s.ColTarget, s.ColIndicator, s.ColRequirement, s.ColLevel, s.ColDeadline, s.ColBaseline, s.ColLatest, s.ColStatus, s.ColRatio, s.ColProgress, s.ColExpected, s.ColGap, s.ColPace, s.Notes };
                Row(sb, h, new List<bool> { false, false, false, false, true, true, true, false, true, true, true, true, true, false });
                foreach (TargetReport t in p.Targets)
                {
                    TargetCells x = TargetCells.Of(t, f);
                    RowRaw(sb, new List<string>
                    {
                        "`" + t.Id.Replace("`", "'", StringComparison.Ordinal) + "`", Escape(x.Name), Escape(x.Requirement), Escape(x.Level), Escape(x.Deadline), Escape(x.Baseline),
                        Escape(x.Latest), "**" + Escape(x.Status) + "**", Escape(x.Ratio), Escape(x.Progress), Escape(x.Expected), Escape(x.Gap), Escape(x.Pace), Escape(x.Notes),
                    });
                }
                sb.Append('\n');
            }
            if (c.OtherResults.Count > 0)
            {
                sb.Append("### ").Append(Escape(s.OtherResults)).Append("\n\n");
                Results(sb, c.OtherResults, f);
            }
        }

        foreach (UnitResults u in report.UnitsWithoutCatalog)
        {
            sb.Append("## ").Append(Escape(s.UnitsWithoutCatalog + ": " + HtmlRenderer.UnitText(u.Unit, f))).Append("\n\n");
            Results(sb, u.Results, f);
        }

        sb.Append("## ").Append(Escape(s.Diagnostics)).Append("\n\n");
        if (report.Diagnostics.IsEmpty)
        {
            sb.Append(Escape(s.NoDiagnostics)).Append('\n');
        }
        else
        {
            sb.Append(Escape(s.Findings(
                report.Diagnostics.Count(d => d.Severity == KpiSeverity.Error),
                report.Diagnostics.Count(d => d.Severity == KpiSeverity.Warning),
                report.Diagnostics.Count(d => d.Severity == KpiSeverity.Info)))).Append("\n\n```text\n");
            foreach (KpiDiagnostic d in report.Diagnostics)
            {
                sb.Append(DiagnosticText.Format(d, f.Language).Replace("```", "'''", StringComparison.Ordinal).Replace('\n', ' ')).Append('\n');
            }
            sb.Append("```\n");
        }
        return sb.ToString();
    }

    private static void Results(StringBuilder sb, IReadOnlyList<MeasurementRow> rows, ReportFormat f)
    {
        Strings s = f.Text;
        Row(sb, new List<string> { s.ColIndicator, s.Pillar, s.ColPeriod, s.ColValue, s.ColObsStatus }, new List<bool> { false, false, true, true, false });
        foreach (MeasurementRow r in rows)
        {
            ResultCells c = ResultCells.Of(r, f);
            RowRaw(sb, new List<string> { "`" + r.Measurement.IndicatorCode + "` " + Escape(c.Name), Escape(c.Pillar), Escape(c.Period), Escape(c.Value), Escape(c.Status) });
        }
        sb.Append('\n');
    }

    /// <summary>A header row (escaped) with its alignment row.</summary>
    private static void Row(StringBuilder sb, IReadOnlyList<string> header, IReadOnlyList<bool> rightAligned)
    {
        RowRaw(sb, header.Select(Escape).ToList());
        sb.Append('|');
        foreach (bool right in rightAligned)
        {
            sb.Append(right ? " ---: |" : " --- |");
        }
        sb.Append('\n');
    }

    private static void Row(StringBuilder sb, IReadOnlyList<string> cells) => RowRaw(sb, cells.Select(Escape).ToList());

    private static void RowRaw(StringBuilder sb, IReadOnlyList<string> cells)
    {
        sb.Append('|');
        foreach (string c in cells)
        {
            sb.Append(' ').Append(c.Length == 0 ? " " : c).Append(" |");
        }
        sb.Append('\n');
    }

    /// <summary>
    /// Escapes text for Markdown: backslash-escapes punctuation with meaning (including the cell separator '|'),
    /// turns '&lt;', '&gt;' and '&amp;' into entities so that no HTML passes through, and folds line breaks.
    /// </summary>
    internal static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }
        var sb = new StringBuilder(text.Length + 8);
        foreach (char c in text)
        {
            switch (c)
            {
                case '\\': case '`': case '*': case '_': case '[': case ']': case '#': case '|': case '~': case '!': case '{': case '}':
                    sb.Append('\\').Append(c);
                    break;
                case '<':
                    sb.Append("&lt;");
                    break;
                case '>':
                    sb.Append("&gt;");
                    break;
                case '&':
                    sb.Append("&amp;");
                    break;
                case '\r':
                    break;
                case '\n':
                    sb.Append(' ');
                    break;
                default:
                    sb.Append(c);
                    break;
            }
        }
        return sb.ToString();
    }
}
