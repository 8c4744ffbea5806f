using System.Text;
using DigitalKpi.Cli.Localization;
using NodaTime;
using static DigitalKpi.Cli.Reporting.Html;

namespace DigitalKpi.Cli.Reporting;

/// <summary>
/// Inline SVG charts generated on the server side (no script): attainment per target, targets per pillar by status,
/// and one trajectory per target. Coordinates are invariant; every text is escaped. Stable classes:
/// <c>svg.chart.chart-attainment</c> with <c>rect.bar</c>, <c>svg.chart.chart-pillars</c> with <c>rect.seg</c>,
/// <c>svg.chart.chart-trajectory</c> with <c>path.plan</c>, <c>path.actual</c>, <c>circle.point</c>.
/// </summary>
internal static class SvgCharts
{
    /// <summary>The attainment ratio shown at the right edge of the attainment chart (ratios above are clipped).</summary>
    internal const double MaxShownRatio = 1.5;

    /// <summary>Horizontal bars: one per target, length = attainment ratio, colour = status, a line at 100%.</summary>
    internal static string Attainment(IReadOnlyList<TargetReport> targets, ReportFormat f, string idSuffix)
    {
        const double width = 760, labelW = 250, x0 = 260, x1 = 700, rowH = 22, top = 26, barH = 14;
        double height = top + (Math.Max(1, targets.Count) * rowH) + 10;
        double Scale(double r) => x0 + ((x1 - x0) * Math.Min(Math.Max(r, 0.0), MaxShownRatio) / MaxShownRatio);
        var sb = new StringBuilder();
        sb.Append("<svg class=\"chart chart-attainment\" id=\"chart-attainment-").Append(Escape(idSuffix))
          .Append("\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").Append(N(width)).Append(' ').Append(N(height))
          .Append("\" width=\"").Append(N(width)).Append("\" height=\"").Append(N(height))
          .Append("\" role=\"img\" aria-label=\"").Append(Escape(f.Text.ChartAttainment)).Append("\">");
        sb.Append("<title>").Append(Escape(f.Text.ChartAttainment)).Append("</title>");
        foreach (double tick in new[] { 0.0, 0.5, 1.0, 1.5 })
        {
            double x = Scale(tick);
            sb.Append("<line class=\"grid\" x1=\"").Append(N(x)).Append("\" y1=\"").Append(N(top - 6)).Append("\" x2=\"").Append(N(x)).Append("\" y2=\"").Append(N(height - 6)).Append("\"/>");
            sb.Append("<text class=\"tick\" x=\"").Append(N(x)).Append("\" y=\"").Append(N(top - 10)).Append("\" text-anchor=\"middle\">").Append(Escape(f.Percent(tick))).Append("</text>");
        }
        for (int i = 0; i < targets.Count; i++)
        {
            TargetReport t = targets[i];
            double y = top + (i * rowH);
            string name = f.IndicatorName(t.NameVi, t.NameEn);
            sb.Append("<g class=\"row status-").Append(ReportFormat.StatusKey(t.Status)).Append("\" data-target=\"").Append(Escape(t.Id)).Append("\">");
            sb.Append("<title>").Append(Escape(t.Id + " · " + name + " · " + f.Comparison(t.Target) + " · " + f.Status(t.Status))).Append("</title>");
            sb.Append("<text class=\"label\" x=\"").Append(N(labelW)).Append("\" y=\"").Append(N(y + barH - 2)).Append("\" text-anchor=\"end\">")
              .Append(Escape(Truncate(t.Id, 38))).Append("</text>");
            if (t.Status == AttainmentStatus.NoData)
            {
                sb.Append("<text class=\"nodata\" x=\"").Append(N(x0 + 4)).Append("\" y=\"").Append(N(y + barH - 2)).Append("\">").Append(Escape(f.Status(t.Status))).Append("</text>");
            }
            else
            {
                double r = t.Result.Ratio;
                double w = Math.Max(2.0, Scale(r) - x0);
                sb.Append("<rect class=\"bar status-").Append(ReportFormat.StatusKey(t.Status)).Append("\" x=\"").Append(N(x0)).Append("\" y=\"").Append(N(y))
                  .Append("\" width=\"").Append(N(w)).Append("\" height=\"").Append(N(barH)).Append("\"/>");
                sb.Append("<text class=\"value\" x=\"").Append(N(x0 + w + 4)).Append("\" y=\"").Append(N(y + barH - 2)).Append("\">")
                  .Append(Escape(f.Percent(r) + (r > MaxShownRatio ? " ▸" : string.Empty))).Append("</text>");
            }
            sb.Append("</g>");
        }
        double goal = Scale(1.0);
        sb.Append("<line class=\"goal\" x1=\"").Append(N(goal)).Append("\" y1=\"").Append(N(top - 6)).Append("\" x2=\"").Append(N(goal)).Append("\" y2=\"").Append(N(height - 6)).Append("\"/>");
        sb.Append("</svg>");
        return sb.ToString();
    }

    /// <summary>Stacked horizontal bars: one per pillar, one segment per status with its count.</summary>
    internal static string Pillars(IReadOnlyList<PillarSummary> pillars, ReportFormat f, string idSuffix)
    {
        const double width = 760, labelW = 170, x0 = 180, x1 = 740, rowH = 28, top = 8, barH = 20, legendH = 28;
        int max = Math.Max(1, pillars.Count == 0 ? 1 : pillars.Max(p => p.Counts.Total));
        double height = top + (Math.Max(1, pillars.Count) * rowH) + legendH;
        var sb = new StringBuilder();
        sb.Append("<svg class=\"chart chart-pillars\" id=\"chart-pillars-").Append(Escape(idSuffix))
          .Append("\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").Append(N(width)).Append(' ').Append(N(height))
          .Append("\" width=\"").Append(N(width)).Append("\" height=\"").Append(N(height))
          .Append("\" role=\"img\" aria-label=\"").Append(Escape(f.Text.ChartPillars)).Append("\">");
        sb.Append("<title>").Append(Escape(f.Text.ChartPillars)).Append("</title>");
        for (int i = 0; i < pillars.Count; i++)
        {
            PillarSummary p = pillars[i];
            double y = top + (i * rowH);
            sb.Append("<g class=\"pillar pillar-").Append(ReportFormat.PillarKey(p.Pillar)).Append("\">");
            sb.Append("<text class=\"label\" x=\"").Append(N(labelW)).Append("\" y=\"").Append(N(y + barH - 5)).Append("\" text-anchor=\"end\">")
              .Append(Escape(f.Pillar(p.Pillar))).Append("</text>");
            double x = x0;
            foreach (AttainmentStatus s in ReportFormat.StatusOrder)
            {
                int n = p.Counts[s];
                if (n == 0)
                {
                    continue;
                }
                double w = (x1 - x0) * n / max;
                sb.Append("<rect class=\"seg status-").Append(ReportFormat.StatusKey(s)).Append("\" x=\"").Append(N(x)).Append("\" y=\"").Append(N(y))
                  .Append("\" width=\"").Append(N(w)).Append("\" height=\"").Append(N(barH)).Append("\"><title>")
                  .Append(Escape(f.Pillar(p.Pillar) + " · " + f.Status(s) + ": " + f.Number(n, 0))).Append("</title></rect>");
                if (w >= 18)
                {
                    sb.Append(s is AttainmentStatus.OnTrack or AttainmentStatus.AtRisk or AttainmentStatus.NoData ? "<text class=\"count dark\" x=\"" : "<text class=\"count\" x=\"").Append(N(x + (w / 2))).Append("\" y=\"").Append(N(y + barH - 5)).Append("\" text-anchor=\"middle\">")
                      .Append(Escape(f.Number(n, 0))).Append("</text>");
                }
                x += w;
            }
            sb.Append("</g>");
        }
        double ly = top + (Math.Max(1, pillars.Count) * rowH) + 6;
        double lx = x0;
        foreach (AttainmentStatus s in ReportFormat.StatusOrder)
        {
            string label = f.Status(s);
            sb.Append("<rect class=\"swatch status-").Append(ReportFormat.StatusKey(s)).Append("\" x=\"").Append(N(lx)).Append("\" y=\"").Append(N(ly))
              .Append("\" width=\"12\" height=\"12\"/>");
            sb.Append("<text class=\"legend\" x=\"").Append(N(lx + 16)).Append("\" y=\"").Append(N(ly + 10)).Append("\">").Append(Escape(label)).Append("</text>");
            lx += 28 + (label.Length * 6.2);
        }
        sb.Append("</svg>");
        return sb.ToString();
    }

    /// <summary>
    /// A target's trajectory: the target zone, the planned straight path from the baseline to the target at the deadline,
    /// the deadline, and the measured values. Rank axes are reversed so that better is up.
    /// </summary>
    internal static string Trajectory(TargetReport t, LocalDate asOf, ReportFormat f)
    {
        const double width = 360, height = 200, left = 58, right = 14, top = 14, bottom = 30;
        double pw = width - left - right, ph = height - top - bottom;
        Target target = t.Target;
        Unit unit = t.Unit;

        // Time domain.
        var dates = new List<LocalDate> { t.Deadline };
        if (t.Baseline is { } bl)
        {
            dates.Add(bl.Date);
        }
        dates.AddRange(t.Points.Select(p => p.Date));
        if (target.StartDate is { } sd)
        {
            dates.Add(sd);
        }
        LocalDate start = dates.Min();
        LocalDate end = dates.Max();
        if (Period.DaysBetween(start, end) < 365)
        {
            start = end.PlusYears(-1);
        }
        double span = Period.DaysBetween(start, end);
        double X(LocalDate d) => left + (pw * Period.DaysBetween(start, d) / span);

        // Value domain.
        bool rank = unit.Kind == UnitKind.Rank;
        var values = new List<double> { (double)target.Threshold.Value };
        if (target.Upper is { } up)
        {
            values.Add((double)up.Value);
        }
        if (target.Comparator == Comparator.About && target.Tolerance is { } tol)
        {
            values.Add((double)(target.Threshold.Value + tol));
            values.Add((double)(target.Threshold.Value - tol));
        }
        if (t.Baseline is { } b2)
        {
            values.Add((double)b2.Value);
        }
        values.AddRange(t.Points.Select(p => (double)p.Value));
        double lo, hi;
        if (unit.Kind == UnitKind.Milestone)
        {
            lo = 0;
            hi = 1;
        }
        else if (rank)
        {
            lo = 1;
            hi = NiceCeiling(Math.Max(values.Max() * 1.2, 2));
        }
        else
        {
            lo = Math.Min(0, values.Min());
            hi = NiceCeiling(Math.Max(values.Max() * 1.15, lo + 1));
            if (unit.MaxValue is { } max && hi > (double)max && values.Max() <= (double)max)
            {
                hi = (double)max;
            }
        }
        double Y(double v)
        {
            double k = (v - lo) / (hi - lo);
            k = Math.Min(Math.Max(k, 0), 1);
            return rank ? top + (ph * k) : top + ph - (ph * k);
        }

        string name = f.IndicatorName(t.NameVi, t.NameEn);
        var sb = new StringBuilder();
        sb.Append("<svg class=\"chart chart-trajectory status-").Append(ReportFormat.StatusKey(t.Status)).Append("\" id=\"chart-trajectory-").Append(Escape(Token(t.Id)))
          .Append("\" data-target=\"").Append(Escape(t.Id)).Append("\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").Append(N(width)).Append(' ').Append(N(height))
          .Append("\" width=\"").Append(N(width)).Append("\" height=\"").Append(N(height))
          .Append("\" role=\"img\" aria-label=\"").Append(Escape(t.Id + ": " + name)).Append("\">");
        sb.Append("<title>").Append(Escape(t.Id + " · " + name + " · " + f.Comparison(target))).Append("</title>");

        // Target zone.
        double tx = (double)target.Threshold.Value;
        (double zoneLo, double zoneHi)? zone = target.Comparator switch
        {
            Comparator.AtLeast or Comparator.Above => (tx, hi),
            Comparator.AtMost or Comparator.Below => (lo, tx),
            Comparator.RankWithin => (lo, tx),
            Comparator.Between => (tx, (double)(target.Upper?.Value ?? target.Threshold.Value)),
            Comparator.About => (tx - (double)(target.Tolerance ?? 0m), tx + (double)(target.Tolerance ?? 0m)),
            _ => null,
        };
        if (zone is { } z)
        {
            double ya = Y(z.zoneLo), yb = Y(z.zoneHi);
            double y0 = Math.Min(ya, yb), h = Math.Max(Math.Abs(ya - yb), 1.5);
            sb.Append("<rect class=\"target-zone\" x=\"").Append(N(left)).Append("\" y=\"").Append(N(y0)).Append("\" width=\"").Append(N(X(t.Deadline) - left))
              .Append("\" height=\"").Append(N(h)).Append("\"><title>").Append(Escape(f.Text.TargetZone + ": " + f.Comparison(target))).Append("</title></rect>");
        }

        // Axes and ticks.
        sb.Append("<path class=\"axis\" d=\"M").Append(N(left)).Append(' ').Append(N(top)).Append('V').Append(N(top + ph)).Append('H').Append(N(left + pw)).Append("\"/>");
        foreach (double v in Ticks(lo, hi, unit.Kind == UnitKind.Milestone))
        {
            double y = Y(v);
            sb.Append("<line class=\"grid\" x1=\"").Append(N(left)).Append("\" y1=\"").Append(N(y)).Append("\" x2=\"").Append(N(left + pw)).Append("\" y2=\"").Append(N(y)).Append("\"/>");
            sb.Append("<text class=\"tick\" x=\"").Append(N(left - 4)).Append("\" y=\"").Append(N(y + 3)).Append("\" text-anchor=\"end\">")
              .Append(Escape(f.Value((decimal)v, unit))).Append("</text>");
        }
        int firstYear = start.Year + (start.Month == 1 && start.Day == 1 ? 0 : 1);
        int years = end.Year - firstYear + 1;
        int step = years <= 6 ? 1 : years <= 12 ? 2 : 5;
        for (int year = firstYear; year <= end.Year; year += step)
        {
            double x = X(new LocalDate(year, 1, 1));
            sb.Append("<line class=\"xtick\" x1=\"").Append(N(x)).Append("\" y1=\"").Append(N(top + ph)).Append("\" x2=\"").Append(N(x)).Append("\" y2=\"").Append(N(top + ph + 4)).Append("\"/>");
            sb.Append("<text class=\"tick\" x=\"").Append(N(x)).Append("\" y=\"").Append(N(top + ph + 16)).Append("\" text-anchor=\"middle\">")
              .Append(year.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append("</text>");
        }

        // Deadline and report date.
        double xd = X(t.Deadline);
        sb.Append("<line class=\"deadline\" x1=\"").Append(N(xd)).Append("\" y1=\"").Append(N(top)).Append("\" x2=\"").Append(N(xd)).Append("\" y2=\"").Append(N(top + ph))
          .Append("\"><title>").Append(Escape(f.Text.Deadline + ": " + f.Date(t.Deadline))).Append("</title></line>");
        if (asOf >= start && asOf <= end)
        {
            double xa = X(asOf);
            sb.Append("<line class=\"asof\" x1=\"").Append(N(xa)).Append("\" y1=\"").Append(N(top)).Append("\" x2=\"").Append(N(xa)).Append("\" y2=\"").Append(N(top + ph))
              .Append("\"><title>").Append(Escape(f.Text.AsOf + ": " + f.Date(asOf))).Append("</title></line>");
        }

        // Planned path from the baseline to the target point at the deadline.
        if (t.Baseline is { } baseline && PlanEnd(target, baseline) is { } goal)
        {
            sb.Append("<path class=\"plan\" d=\"M").Append(N(X(baseline.Date))).Append(' ').Append(N(Y((double)baseline.Value)))
              .Append('L').Append(N(xd)).Append(' ').Append(N(Y(goal))).Append("\"><title>").Append(Escape(f.Text.Planned)).Append("</title></path>");
        }

        // Measured values.
        if (t.Points.Count >= 2)
        {
            sb.Append("<path class=\"actual\" d=\"");
            for (int i = 0; i < t.Points.Count; i++)
            {
                sb.Append(i == 0 ? "M" : "L").Append(N(X(t.Points[i].Date))).Append(' ').Append(N(Y((double)t.Points[i].Value)));
            }
            sb.Append("\"/>");
        }
        if (t.Baseline is { } b3)
        {
            sb.Append("<circle class=\"baseline\" cx=\"").Append(N(X(b3.Date))).Append("\" cy=\"").Append(N(Y((double)b3.Value))).Append("\" r=\"4\"><title>")
              .Append(Escape(f.Text.ColBaseline + ": " + f.Value(b3.Value, unit) + " (" + f.Date(b3.Date) + ")")).Append("</title></circle>");
        }
        for (int i = 0; i < t.Points.Count; i++)
        {
            TrajectoryPoint p = t.Points[i];
            bool last = i == t.Points.Count - 1;
            sb.Append("<circle class=\"point").Append(last ? " latest status-" + ReportFormat.StatusKey(t.Status) : string.Empty).Append("\" cx=\"").Append(N(X(p.Date)))
              .Append("\" cy=\"").Append(N(Y((double)p.Value))).Append("\" r=\"").Append(last ? "5" : "3.5").Append("\"><title>")
              .Append(Escape(f.Text.Measured + " " + ReportFormat.Period(p.Period) + ": " + f.Value(p.Value, unit))).Append("</title></circle>");
        }
        sb.Append("</svg>");
        return sb.ToString();
    }

    /// <summary>The value the plan heads for: the threshold, or the band edge nearer the baseline; null for milestones or a baseline inside the band.</summary>
    private static double? PlanEnd(Target target, Baseline baseline)
    {
        double b = (double)baseline.Value;
        double x = (double)target.Threshold.Value;
        switch (target.Comparator)
        {
            case Comparator.Achieved:
                return 1.0;
            case Comparator.Between:
            case Comparator.About:
            {
                double lo = target.Comparator == Comparator.Between ? x : x - (double)(target.Tolerance ?? 0m);
                double hi = target.Comparator == Comparator.Between ? (double)(target.Upper?.Value ?? target.Threshold.Value) : x + (double)(target.Tolerance ?? 0m);
                return b < lo ? lo : b > hi ? hi : null;
            }
            default:
                return x;
        }
    }

    private static IEnumerable<double> Ticks(double lo, double hi, bool milestone)
    {
        if (milestone)
        {
            yield return 0;
            yield return 1;
            yield break;
        }
        double step = NiceStep((hi - lo) / 4);
        double first = Math.Ceiling(lo / step) * step;
        for (double v = first; v <= hi + (step / 1000); v += step)
        {
            yield return Math.Round(v, 6);
        }
    }

    private static double NiceStep(double raw)
    {
        if (raw <= 0)
        {
            return 1;
        }
        double mag = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        double n = raw / mag;
        return (n <= 1 ? 1 : n <= 2 ? 2 : n <= 2.5 ? 2.5 : n <= 5 ? 5 : 10) * mag;
    }

    private static double NiceCeiling(double value)
    {
        double step = NiceStep(value / 4);
        return Math.Ceiling(value / step) * step;
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");
}
