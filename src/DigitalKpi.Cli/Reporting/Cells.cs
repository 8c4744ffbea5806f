using DigitalKpi.Cli.Localization;

namespace DigitalKpi.Cli.Reporting;

/// <summary>The formatted cells of a target row, shared by the three renderers (which only escape and lay them out).</summary>
internal sealed record TargetCells(
    string Name,
    string Requirement,
    string Level,
    string Deadline,
    string Baseline,
    string Latest,
    string Status,
    string Ratio,
    string Progress,
    string Expected,
    string Gap,
    string Pace,
    string Notes)
{
    internal static TargetCells Of(TargetReport t, ReportFormat f)
    {
        AttainmentResult r = t.Result;
        bool hasData = r.Status != AttainmentStatus.NoData;
        string baseline = t.Baseline is { } b ? f.Value(b.Value, t.Unit) + " (" + f.Date(b.Date) + ")" : "—";
        string latest = t.Latest is { } m && m.Value is { } v ? f.Value(v, t.Unit) + " (" + ReportFormat.Period(m.Period) + ")" : "—";
        return new TargetCells(
            f.IndicatorName(t.NameVi, t.NameEn),
            f.Comparison(t.Target),
            f.Level(t.Level),
            f.Date(t.Deadline),
            baseline,
            latest,
            f.Status(r.Status),
            hasData ? f.Percent(r.Ratio) : "—",
            hasData ? f.Percent(r.Progress) : "—",
            hasData && r.Expected is { } e ? f.Value(e, t.Unit) : "—",
            hasData ? f.Gap(r.Gap, t.Unit) : "—",
            hasData ? f.Factor(r.Pace) : "—",
            string.Join("; ", t.Notes.Select(n => Note(n, f))));
    }

    internal static string Note(TargetNote note, ReportFormat f) => note.Kind switch
    {
        TargetNoteKind.Aspirational => f.Text.NoteAspirational,
        TargetNoteKind.Maintain => f.Text.NoteMaintain,
        TargetNoteKind.StartsOn => f.Text.NoteStartsOn(note.Date is { } d ? f.Date(d) : string.Empty),
        TargetNoteKind.Refines => f.Text.NoteRefines(note.Argument ?? string.Empty),
        TargetNoteKind.LevelNotMeasured => f.Text.NoteLevelNotMeasured,
        _ => f.Text.NoteUnknownIndicator,
    };
}

/// <summary>The formatted cells of a measurement listed without a target.</summary>
internal sealed record ResultCells(string Name, string Pillar, string Period, string Value, string Status)
{
    internal static ResultCells Of(MeasurementRow row, ReportFormat f)
    {
        Measurement m = row.Measurement;
        Unit unit = row.Indicator?.Unit ?? (m.IsFraction ? Unit.Fraction : Unit.Count);
        string value = m.Value is { } v ? f.Value(v, unit) : "—";
        if (m.IsFraction)
        {
            value += " = " + f.Number(m.Numerator!.Value, 2) + "/" + f.Number(m.Denominator!.Value, 2);
            if (m.ReportedValue is { } reported)
            {
                value += f.Language == UiLanguage.Vi ? " (báo cáo " + f.Number(reported, 2) + "%)" : " (reported " + f.Number(reported, 2) + "%)";
            }
        }
        return new ResultCells(
            row.Indicator is { } i ? f.IndicatorName(i.NameVi, i.NameEn) : m.IndicatorCode,
            f.Pillar(row.Indicator?.Pillar),
            ReportFormat.Period(m.Period),
            value,
            m.Status.ToSdmxCode());
    }
}
