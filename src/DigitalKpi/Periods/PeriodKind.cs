namespace DigitalKpi;

/// <summary>
/// The shape of a <see cref="ReportingPeriod"/>. The kind is always derived from the period's dates, never stored:
/// a range that happens to cover exactly one calendar quarter is a <see cref="Quarter"/>, however it was created.
/// </summary>
public enum PeriodKind
{
    /// <summary>A calendar year: 1 January to 31 December.</summary>
    Year,

    /// <summary>A calendar half-year: 1 January to 30 June, or 1 July to 31 December.</summary>
    HalfYear,

    /// <summary>A calendar quarter: January-March, April-June, July-September or October-December.</summary>
    Quarter,

    /// <summary>A calendar month.</summary>
    Month,

    /// <summary>Any other inclusive range of dates, including a single day.</summary>
    Custom,
}
