using System.Globalization;
using DigitalKpi.Administration;
using NodaTime;

namespace DigitalKpi.Cli.Localization;

/// <summary>
/// Culture-explicit formatting of numbers, dates, values, comparisons and status words. Never uses the current
/// culture: English uses a dot decimal and comma thousands, Vietnamese a comma decimal and dot thousands (built here,
/// so the output is the same with or without ICU).
/// </summary>
internal sealed class ReportFormat
{
    private static readonly NumberFormatInfo EnNumbers = CreateNumbers(".", ",");
    private static readonly NumberFormatInfo ViNumbers = CreateNumbers(",", ".");

    private readonly bool vi;

    private ReportFormat(UiLanguage language)
    {
        Language = language;
        vi = language == UiLanguage.Vi;
        Numbers = vi ? ViNumbers : EnNumbers;
        Text = Strings.For(language);
    }

    internal static ReportFormat En { get; } = new(UiLanguage.En);

    internal static ReportFormat Vi { get; } = new(UiLanguage.Vi);

    internal static ReportFormat For(UiLanguage language) => language == UiLanguage.Vi ? Vi : En;

    internal UiLanguage Language { get; }

    internal Strings Text { get; }

    /// <summary>The number format: Vietnamese "1.693,5" or English "1,693.5".</summary>
    internal NumberFormatInfo Numbers { get; }

    private static NumberFormatInfo CreateNumbers(string decimalSeparator, string groupSeparator)
    {
        var nfi = (NumberFormatInfo)CultureInfo.InvariantCulture.NumberFormat.Clone();
        nfi.NumberDecimalSeparator = decimalSeparator;
        nfi.NumberGroupSeparator = groupSeparator;
        nfi.PercentDecimalSeparator = decimalSeparator;
        nfi.PercentGroupSeparator = groupSeparator;
        nfi.NegativeSign = "−";
        return NumberFormatInfo.ReadOnly(nfi);
    }

    /// <summary>A number with up to <paramref name="decimals"/> decimals and thousands separators.</summary>
    internal string Number(decimal value, int decimals = 2)
        => value.ToString(decimals <= 0 ? "#,##0" : "#,##0." + new string('#', decimals), Numbers);

    /// <summary>A whole number with thousands separators (the decimals argument is ignored).</summary>
    internal string Number(int value, int decimals = 0) => Number((decimal)value, Math.Min(decimals, 0));

    /// <summary>A number with up to <paramref name="decimals"/> decimals; "—" for NaN or infinity.</summary>
    internal string Number(double value, int decimals = 2)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            return "—";
        }
        string s = value.ToString(decimals <= 0 ? "#,##0" : "#,##0." + new string('#', decimals), Numbers);
        return s == "−0" ? "0" : s;
    }

    /// <summary>A ratio as a whole percentage: 0.6 → "60%".</summary>
    internal string Percent(double? ratio) => ratio is { } r && !double.IsNaN(r) ? Number(r * 100.0, 0) + "%" : "—";

    /// <summary>A factor such as a pace: "0,78" / "0.78".</summary>
    internal string Factor(double? value) => value is { } v && !double.IsNaN(v) ? v.ToString("0.00", Numbers) : "—";

    /// <summary>A date: Vietnamese dd/MM/yyyy, English yyyy-MM-dd.</summary>
    internal string Date(LocalDate date)
        => date.ToString(vi ? "dd'/'MM'/'uuuu" : "uuuu'-'MM'-'dd", CultureInfo.InvariantCulture);

    /// <summary>A reporting period in its canonical invariant form ("2022", "2022-Q1").</summary>
    internal static string Period(ReportingPeriod period) => period.ToString();

    /// <summary>A value in a unit: "81,2%", "15% GRDP", "hạng 10", "9.000", "có".</summary>
    internal string Value(decimal value, Unit unit) => unit.Kind switch
    {
        UnitKind.Percent or UnitKind.Fraction => Number(value, 2) + "%",
        UnitKind.Share => Number(value, 2) + "% " + Aggregate(unit.Aggregate),
        UnitKind.Rank => (vi ? "hạng " : "rank ") + Number(value, 0),
        UnitKind.IndexScore => Number(value, 2) + (vi ? " điểm" : " points"),
        UnitKind.Money => Number(value, 0) + " " + unit.Currency,
        UnitKind.Milestone => value >= 1m ? (vi ? "có" : "yes") : value == 0m ? (vi ? "chưa" : "no") : Number(value, 2),
        _ => Number(value, 2),
    };

    /// <summary>A value computed in double precision, in a unit; "—" when not a number.</summary>
    internal string Value(double value, Unit unit)
    {
        if (double.IsNaN(value) || double.IsInfinity(value) || Math.Abs(value) > 7.9e27)
        {
            return "—";
        }
        return Value((decimal)Math.Round(value, 4), unit);
    }

    /// <summary>
    /// A signed gap (positive: still to go): percentages in points ("32,5 điểm %" / "32.5 pp"), ranks in places,
    /// others in the unit's number.
    /// </summary>
    internal string Gap(double gap, Unit unit)
    {
        if (double.IsNaN(gap) || double.IsInfinity(gap))
        {
            return "—";
        }
        string n = Number(gap, 2);
        return unit.Kind switch
        {
            UnitKind.Percent or UnitKind.Fraction or UnitKind.Share => n + (vi ? " điểm %" : " pp"),
            UnitKind.Rank => n + (vi ? " bậc" : " places"),
            UnitKind.Milestone => gap > 0 ? (vi ? "chưa đạt" : "not yet") : "0",
            UnitKind.Money => n + " " + unit.Currency,
            _ => n,
        };
    }

    private string Aggregate(EconomicAggregate aggregate) => aggregate switch
    {
        EconomicAggregate.Grdp => "GRDP",
        EconomicAggregate.Gdp => "GDP",
        EconomicAggregate.BudgetExpenditure => vi ? "tổng chi ngân sách" : "of budget expenditure",
        EconomicAggregate.RetailSales => vi ? "tổng mức bán lẻ" : "of retail sales",
        _ => vi ? "giá trị tăng thêm của ngành" : "of sector value added",
    };

    /// <summary>The target's comparison: "tối thiểu 50%" / "at least 50%", "từ 15% đến 20% GRDP" / "15–20% GRDP".</summary>
    internal string Comparison(Target target)
    {
        Unit u = target.Unit;
        decimal x = target.Threshold.Value;
        switch (target.Comparator)
        {
            case Comparator.AtLeast:
                return (vi ? "tối thiểu " : "at least ") + Value(x, u);
            case Comparator.Above:
                return (vi ? "trên " : "above ") + Value(x, u);
            case Comparator.AtMost:
                return (vi ? "không quá " : "at most ") + Value(x, u);
            case Comparator.Below:
                return (vi ? "dưới " : "below ") + Value(x, u);
            case Comparator.Between:
            {
                decimal hi = target.Upper?.Value ?? x;
                return vi ? "từ " + Value(x, u) + " đến " + Value(hi, u) : "between " + Value(x, u) + " and " + Value(hi, u);
            }
            case Comparator.About:
                return (vi ? "khoảng " : "about ") + Value(x, u) + " ± " + Number(target.Tolerance ?? 0m, 2);
            case Comparator.RankWithin:
            {
                string pool = u.RankPool > 0 ? "/" + Number(u.RankPool, 0) : string.Empty;
                return vi ? "nhóm " + Number(x, 0) + pool + " dẫn đầu" : "top " + Number(x, 0) + pool;
            }
            default:
                return vi ? "hoàn thành" : "achieved";
        }
    }

    /// <summary>A status word.</summary>
    internal string Status(AttainmentStatus status) => status switch
    {
        AttainmentStatus.Achieved => vi ? "Đạt" : "Achieved",
        AttainmentStatus.OnTrack => vi ? "Đúng tiến độ" : "On track",
        AttainmentStatus.AtRisk => vi ? "Có nguy cơ" : "At risk",
        AttainmentStatus.OffTrack => vi ? "Chậm/không đạt" : "Off track",
        AttainmentStatus.NotYetDue => vi ? "Chưa đến hạn" : "Not yet due",
        _ => vi ? "Chưa có số liệu" : "No data",
    };

    /// <summary>A CSS class / machine name for a status: achieved, on-track, at-risk, off-track, not-yet-due, no-data.</summary>
    internal static string StatusKey(AttainmentStatus status) => status switch
    {
        AttainmentStatus.Achieved => "achieved",
        AttainmentStatus.OnTrack => "on-track",
        AttainmentStatus.AtRisk => "at-risk",
        AttainmentStatus.OffTrack => "off-track",
        AttainmentStatus.NotYetDue => "not-yet-due",
        _ => "no-data",
    };

    /// <summary>Statuses in display order, best first.</summary>
    internal static IReadOnlyList<AttainmentStatus> StatusOrder { get; } = new[]
    {
        AttainmentStatus.Achieved, AttainmentStatus.OnTrack, AttainmentStatus.AtRisk,
        AttainmentStatus.OffTrack, AttainmentStatus.NotYetDue, AttainmentStatus.NoData,
    };

    /// <summary>A pillar name; null is "other".</summary>
    internal string Pillar(Pillar? pillar) => pillar switch
    {
        DigitalKpi.Pillar.DigitalGovernment => vi ? "Chính quyền số" : "Digital government",
        DigitalKpi.Pillar.DigitalEconomy => vi ? "Kinh tế số" : "Digital economy",
        DigitalKpi.Pillar.DigitalSociety => vi ? "Xã hội số" : "Digital society",
        DigitalKpi.Pillar.DigitalInfrastructure => vi ? "Hạ tầng số" : "Digital infrastructure",
        _ => vi ? "Khác" : "Other",
    };

    /// <summary>A stable key for a pillar: government, economy, society, infrastructure, other.</summary>
    internal static string PillarKey(Pillar? pillar) => pillar switch
    {
        DigitalKpi.Pillar.DigitalGovernment => "government",
        DigitalKpi.Pillar.DigitalEconomy => "economy",
        DigitalKpi.Pillar.DigitalSociety => "society",
        DigitalKpi.Pillar.DigitalInfrastructure => "infrastructure",
        _ => "other",
    };

    /// <summary>An administrative level.</summary>
    internal string Level(AdministrativeLevel level) => level switch
    {
        AdministrativeLevel.National => vi ? "Quốc gia" : "National",
        AdministrativeLevel.Province => vi ? "Tỉnh" : "Province",
        AdministrativeLevel.District => vi ? "Huyện" : "District",
        AdministrativeLevel.Commune => vi ? "Xã" : "Commune",
        _ => level.ToString(),
    };

    /// <summary>The indicator name in the output language (English falls back to Vietnamese).</summary>
    internal string IndicatorName(string nameVi, string? nameEn) => vi ? nameVi : nameEn ?? nameVi;
}
