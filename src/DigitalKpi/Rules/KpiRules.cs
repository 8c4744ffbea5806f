using System;
using System.Collections.Immutable;

namespace DigitalKpi.Rules;

/// <summary>The catalogue of consistency rules, DKPI001–DKPI012, and their messages. IDs, texts and default severities live here only.</summary>
public static class KpiRules
{
    /// <summary>Base address of the rule documentation pages (<c>docs/rules/DKPI00N.md</c>).</summary>
    public const string HelpLinkBase = "https://github.com/digitalkpi/digitalkpi/blob/main/docs/rules/";

    /// <summary>DKPI001: a value outside its unit's domain (percent outside 0–100, negative count, rank below 1 or above the number of units).</summary>
    public static RuleDescriptor ValueOutsideDomain { get; } = new("DKPI001", "Value outside the unit's domain", "Giá trị nằm ngoài miền của đơn vị đo", KpiSeverity.Error);

    /// <summary>DKPI002: an empty or inverted band, or a negative tolerance.</summary>
    public static RuleDescriptor InvalidBand { get; } = new("DKPI002", "Empty or inverted band, or negative tolerance", "Khoảng giá trị rỗng hoặc đảo ngược, hoặc dung sai âm", KpiSeverity.Error);

    /// <summary>DKPI003: the comparator contradicts the indicator's direction.</summary>
    public static RuleDescriptor ComparatorContradictsDirection { get; } = new("DKPI003", "Comparator contradicts the indicator's direction", "Phép so sánh trái với chiều của chỉ số", KpiSeverity.Error);

    /// <summary>DKPI004: milestones regress — a later deadline asks less than an earlier one.</summary>
    public static RuleDescriptor MilestonesRegress { get; } = new("DKPI004", "Milestones regress", "Các mốc chỉ tiêu thụt lùi", KpiSeverity.Warning);

    /// <summary>DKPI005: dates out of order (deadline not after the baseline date, or start date after the deadline).</summary>
    public static RuleDescriptor DatesOutOfOrder { get; } = new("DKPI005", "Dates out of order", "Các mốc thời gian không đúng thứ tự", KpiSeverity.Error);

    /// <summary>DKPI006: duplicates (two indicators with one code, two targets with one id, or for the same indicator, level and deadline).</summary>
    public static RuleDescriptor Duplicate { get; } = new("DKPI006", "Duplicate definition", "Định nghĩa trùng lặp", KpiSeverity.Error);

    /// <summary>DKPI007: the target's unit differs from the indicator's unit.</summary>
    public static RuleDescriptor UnitMismatch { get; } = new("DKPI007", "Target unit differs from the indicator's unit", "Đơn vị của chỉ tiêu khác đơn vị của chỉ số", KpiSeverity.Error);

    /// <summary>DKPI008: a target for a level the indicator is not reported at, or a level that does not exist on the deadline.</summary>
    public static RuleDescriptor LevelNotAvailable { get; } = new("DKPI008", "Level not reported, or not existing on the deadline", "Cấp hành chính không được báo cáo hoặc không còn tồn tại vào hạn chót", KpiSeverity.Warning);

    /// <summary>DKPI009: the baseline already meets the target.</summary>
    public static RuleDescriptor BaselineAlreadyMeetsTarget { get; } = new("DKPI009", "Baseline already meets the target", "Giá trị cơ sở đã đạt chỉ tiêu", KpiSeverity.Info);

    /// <summary>DKPI010: a fraction is inconsistent (reported percentage disagrees with numerator/denominator beyond rounding, numerator above denominator, zero or negative parts).</summary>
    public static RuleDescriptor FractionInconsistent { get; } = new("DKPI010", "Fraction inconsistent", "Tỷ lệ không khớp với tử số/mẫu số", KpiSeverity.Warning);

    /// <summary>DKPI011: a target that refines a national target is less ambitious than it.</summary>
    public static RuleDescriptor LessAmbitiousThanNational { get; } = new("DKPI011", "Less ambitious than the national target it refines", "Thấp hơn chỉ tiêu quốc gia mà nó cụ thể hóa", KpiSeverity.Warning);

    /// <summary>DKPI012: a reference that cannot be resolved (unknown indicator, unknown national target).</summary>
    public static RuleDescriptor UnresolvedReference { get; } = new("DKPI012", "Unresolved reference", "Tham chiếu không tìm thấy", KpiSeverity.Warning);

    /// <summary>All rules, in ID order.</summary>
    public static ImmutableArray<RuleDescriptor> All { get; } = ImmutableArray.Create(
        ValueOutsideDomain, InvalidBand, ComparatorContradictsDirection, MilestonesRegress, DatesOutOfOrder, Duplicate,
        UnitMismatch, LevelNotAvailable, BaselineAlreadyMeetsTarget, FractionInconsistent, LessAmbitiousThanNational, UnresolvedReference);

    /// <summary>The rule with an ID, or null.</summary>
    /// <param name="id">The ID, e.g. <c>DKPI002</c>.</param>
    /// <returns>The rule, or null.</returns>
    public static RuleDescriptor? Find(string id)
    {
        foreach (RuleDescriptor rule in All)
        {
            if (string.Equals(rule.Id, id, StringComparison.Ordinal))
            {
                return rule;
            }
        }
        return null;
    }

    /// <summary>The messages the rules report. Arguments are invariant text.</summary>
    public static class Messages
    {
        /// <summary>DKPI001 — {0} element, {1} what, {2} value, {3} unit, {4} domain.</summary>
        public static RuleMessage OutsideDomain { get; } = new(ValueOutsideDomain,
            "{0}: {1} {2} is outside the domain of unit {3} ({4})",
            "{0}: {1} {2} nằm ngoài miền giá trị của đơn vị {3} ({4})");

        /// <summary>DKPI002 — {0} element, {1} band.</summary>
        public static RuleMessage InvertedBand { get; } = new(InvalidBand,
            "{0}: band {1} is inverted",
            "{0}: khoảng {1} bị đảo ngược");

        /// <summary>DKPI002 — {0} element, {1} band.</summary>
        public static RuleMessage EmptyBand { get; } = new(InvalidBand,
            "{0}: band {1} is empty (zero width); use AtLeast, AtMost or About",
            "{0}: khoảng {1} rỗng (độ rộng bằng 0); hãy dùng AtLeast, AtMost hoặc About");

        /// <summary>DKPI002 — {0} element, {1} tolerance.</summary>
        public static RuleMessage NegativeTolerance { get; } = new(InvalidBand,
            "{0}: tolerance {1} is negative",
            "{0}: dung sai {1} là số âm");

        /// <summary>DKPI003 — {0} element, {1} comparison, {2} indicator, {3} direction ("higher is better").</summary>
        public static RuleMessage Contradiction { get; } = new(ComparatorContradictsDirection,
            "{0}: '{1}' contradicts indicator {2}, where {3}",
            "{0}: '{1}' trái với chỉ số {2}, vốn {3}");

        /// <summary>DKPI004 — {0} later target, {1} its ask, {2} its deadline, {3} earlier target, {4} its ask, {5} its deadline.</summary>
        public static RuleMessage Regression { get; } = new(MilestonesRegress,
            "{0}: asks '{1}' by {2}, less than {3} asks ('{4}') by {5}",
            "{0}: đặt '{1}' đến {2}, thấp hơn {3} ('{4}') đến {5}");

        /// <summary>DKPI005 — {0} element, {1} deadline, {2} baseline date.</summary>
        public static RuleMessage DeadlineNotAfterBaseline { get; } = new(DatesOutOfOrder,
            "{0}: deadline {1} is not after the baseline date {2}",
            "{0}: hạn chót {1} không sau ngày của giá trị cơ sở {2}");

        /// <summary>DKPI005 — {0} element, {1} start date, {2} deadline.</summary>
        public static RuleMessage StartAfterDeadline { get; } = new(DatesOutOfOrder,
            "{0}: start date {1} is after the deadline {2}",
            "{0}: ngày bắt đầu {1} sau hạn chót {2}");

        /// <summary>DKPI006 — {0} code, {1} first position.</summary>
        public static RuleMessage DuplicateIndicator { get; } = new(Duplicate,
            "indicator {0}: the code is already defined at {1}",
            "chỉ số {0}: mã đã được định nghĩa tại {1}");

        /// <summary>DKPI006 — {0} id, {1} first position.</summary>
        public static RuleMessage DuplicateTargetId { get; } = new(Duplicate,
            "target {0}: the id is already used at {1}",
            "chỉ tiêu {0}: mã đã được dùng tại {1}");

        /// <summary>DKPI006 — {0} target, {1} other target, {2} indicator, {3} level, {4} deadline.</summary>
        public static RuleMessage DuplicateTarget { get; } = new(Duplicate,
            "{0}: {1} already sets a target for {2} at {3} level by {4}",
            "{0}: {1} đã đặt chỉ tiêu cho {2} ở cấp {3} đến {4}");

        /// <summary>DKPI007 — {0} element, {1} unit, {2} the refined target's unit, {3} the refined target.</summary>
        public static RuleMessage RefinedMismatch { get; } = new(UnitMismatch,
            "{0}: unit {1} differs from the unit {2} of the refined target {3}, so they cannot be compared",
            "{0}: đơn vị {1} khác đơn vị {2} của chỉ tiêu được cụ thể hóa {3}, nên không so sánh được");

        /// <summary>DKPI006 — {0} measurement, {1} first position.</summary>
        public static RuleMessage DuplicateMeasurement { get; } = new(Duplicate,
            "{0}: the same indicator, unit and period are already reported at {1}",
            "{0}: chỉ số, đơn vị hành chính và kỳ báo cáo này đã được báo cáo tại {1}");

        /// <summary>DKPI007 — {0} element, {1} unit, {2} indicator unit, {3} indicator.</summary>
        public static RuleMessage Mismatch { get; } = new(UnitMismatch,
            "{0}: unit {1} differs from the unit {2} of indicator {3}",
            "{0}: đơn vị {1} khác đơn vị {2} của chỉ số {3}");

        /// <summary>DKPI008 — {0} element, {1} level, {2} indicator, {3} levels.</summary>
        public static RuleMessage LevelNotReported { get; } = new(LevelNotAvailable,
            "{0}: indicator {2} is not reported at {1} level (only {3})",
            "{0}: chỉ số {2} không được báo cáo ở cấp {1} (chỉ {3})");

        /// <summary>DKPI008 — {0} element, {1} level, {2} deadline, {3} last day of the level.</summary>
        public static RuleMessage LevelAbolished { get; } = new(LevelNotAvailable,
            "{0}: the {1} level no longer exists on the deadline {2} (abolished after {3})",
            "{0}: cấp {1} không còn tồn tại vào hạn chót {2} (bãi bỏ sau {3})");

        /// <summary>DKPI009 — {0} target, {1} baseline, {2} date, {3} comparison.</summary>
        public static RuleMessage BaselineMeets { get; } = new(BaselineAlreadyMeetsTarget,
            "{0}: the baseline {1} of {2} already meets '{3}'",
            "{0}: giá trị cơ sở {1} ngày {2} đã đạt '{3}'");

        /// <summary>DKPI010 — {0} measurement, {1} reported, {2} numerator, {3} denominator, {4} computed.</summary>
        public static RuleMessage ReportedPercentDisagrees { get; } = new(FractionInconsistent,
            "{0}: reported {1}% disagrees with {2}/{3} = {4}%",
            "{0}: tỷ lệ báo cáo {1}% không khớp với {2}/{3} = {4}%");

        /// <summary>DKPI010 — {0} measurement, {1} numerator, {2} denominator.</summary>
        public static RuleMessage NumeratorAboveDenominator { get; } = new(FractionInconsistent,
            "{0}: numerator {1} is above denominator {2}",
            "{0}: tử số {1} lớn hơn mẫu số {2}");

        /// <summary>DKPI010 — {0} measurement, {1} numerator, {2} denominator.</summary>
        public static RuleMessage InvalidFractionParts { get; } = new(FractionInconsistent,
            "{0}: fraction {1}/{2} needs a positive denominator and a non-negative numerator",
            "{0}: tỷ lệ {1}/{2} cần mẫu số dương và tử số không âm");

        /// <summary>DKPI011 — {0} target, {1} comparison, {2} national target, {3} its comparison.</summary>
        public static RuleMessage LessAmbitious { get; } = new(LessAmbitiousThanNational,
            "{0}: '{1}' is less ambitious than national target {2} ('{3}')",
            "{0}: '{1}' thấp hơn chỉ tiêu quốc gia {2} ('{3}')");

        /// <summary>DKPI012 — {0} element, {1} code.</summary>
        public static RuleMessage UnknownIndicator { get; } = new(UnresolvedReference,
            "{0}: indicator '{1}' is not defined",
            "{0}: không tìm thấy chỉ số '{1}'");

        /// <summary>DKPI012 — {0} element, {1} id.</summary>
        public static RuleMessage UnknownNationalTarget { get; } = new(UnresolvedReference,
            "{0}: the refined target '{1}' is not defined in the reference catalogs",
            "{0}: không tìm thấy chỉ tiêu quốc gia '{1}' trong các danh mục tham chiếu");
    }
}
