using System.Globalization;
using System.Text;
using DigitalKpi.Cli.Localization;

namespace DigitalKpi.Cli.Reporting;

/// <summary>
/// The report as a plain-text table with fixed-width columns (widths counted in text elements, so Vietnamese
/// diacritics do not shift columns). Status words are coloured with ANSI escapes only when asked to; the layout is
/// the same with and without colours.
/// </summary>
internal static class ConsoleRenderer
{
    private static readonly (int Width, bool Right)[] Columns =
    {
        (30, false), // target id
        (24, false), // requirement
        (10, false), // deadline
        (20, false), // latest
        (15, false), // status
        (10, true),  // attainment
        (8, true),   // progress
        (8, true),   // pace
    };

    internal static void Render(Report report, ReportFormat f, TextWriter output, bool color)
    {
        Strings s = f.Text;
        output.WriteLine(s.ReportTitle + " · " + s.AsOf + " " + f.Date(report.AsOf) + " · "
            + f.Number(report.Catalogs.Count, 0) + " " + s.Catalogs + " · " + f.Number(report.Counts.Total, 0) + " " + s.TargetsWord);
        output.WriteLine();
        string[] header = { s.ColTarget, s.ColRequirement, s.ColDeadline, s.ColLatest, s.ColStatus, s.ColRatio, s.ColProgress, s.ColPace };
        foreach (CatalogReport c in report.Catalogs)
        {
            output.WriteLine(c.Id + " · " + c.Title);
            output.WriteLine("  " + s.Unit + ": " + HtmlRenderer.UnitText(c.Issuer, f));
            if (!c.AllTargets.Any())
            {
                output.WriteLine("  " + s.NoTargets);
            }
            foreach (PillarReport p in c.Pillars)
            {
                output.WriteLine();
                output.WriteLine("  " + f.Pillar(p.Pillar));
                output.WriteLine("  " + Line(header, null, false));
                output.WriteLine("  " + string.Join("  ", Columns.Select(col => new string('-', col.Width))).TrimEnd());
                foreach (TargetReport t in p.Targets)
                {
                    TargetCells x = TargetCells.Of(t, f);
                    string[] cells = { t.Id, x.Requirement, x.Deadline, x.Latest, x.Status, x.Ratio, x.Progress, x.Pace };
                    output.WriteLine("  " + Line(cells, color ? Ansi(t.Status) : null, color));
                }
            }
            if (c.OtherResults.Count > 0)
            {
                output.WriteLine();
                output.WriteLine("  " + s.OtherResults + ": " + f.Number(c.OtherResults.Count, 0));
            }
            output.WriteLine();
        }
        foreach (UnitResults u in report.UnitsWithoutCatalog)
        {
            output.WriteLine(s.UnitsWithoutCatalog + ": " + HtmlRenderer.UnitText(u.Unit, f) + ": " + f.Number(u.Results.Count, 0));
        }
        var summary = new StringBuilder(s.Total + ":");
        foreach (AttainmentStatus st in ReportFormat.StatusOrder)
        {
            summary.Append(' ').Append(f.Status(st)).Append(' ').Append(f.Number(report.Counts[st], 0)).Append(st == AttainmentStatus.NoData ? string.Empty : " ·");
        }
        output.WriteLine(summary.ToString());
    }

    private static string Line(string[] cells, string? statusColor, bool color)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < Columns.Length; i++)
        {
            string cell = Fit(cells[i], Columns[i].Width, Columns[i].Right);
            if (i == 4 && statusColor is not null && color)
            {
                cell = statusColor + cell + "\u001b[0m";
            }
            sb.Append(cell);
            if (i < Columns.Length - 1)
            {
                sb.Append("  ");
            }
        }
        return sb.ToString().TrimEnd();
    }

    /// <summary>Pads or truncates (with '…') to exactly <paramref name="width"/> text elements.</summary>
    internal static string Fit(string text, int width, bool right)
    {
        var info = new StringInfo(text.Replace('\n', ' '));
        int len = info.LengthInTextElements;
        if (len > width)
        {
            return info.SubstringByTextElements(0, width - 1) + "…";
        }
        string pad = new(' ', width - len);
        return right ? pad + info.String : info.String + pad;
    }

    private static string Ansi(AttainmentStatus status) => status switch
    {
        AttainmentStatus.Achieved => "\u001b[32m",
        AttainmentStatus.OnTrack => "\u001b[92m",
        AttainmentStatus.AtRisk => "\u001b[33m",
        AttainmentStatus.OffTrack => "\u001b[31m",
        AttainmentStatus.NotYetDue => "\u001b[34m",
        _ => "\u001b[90m",
    };
}
