namespace DigitalKpi;

/// <summary>Which way an indicator should move.</summary>
public enum Direction
{
    /// <summary>A larger value is better (households on fibre, online dossiers).</summary>
    HigherIsBetter,

    /// <summary>A smaller value is better (processing days, rank among provinces).</summary>
    LowerIsBetter,
}

/// <summary>The pillar of digital transformation an indicator belongs to.</summary>
public enum Pillar
{
    /// <summary>Chính quyền số: online public services, dossiers processed online, e-reporting.</summary>
    DigitalGovernment,

    /// <summary>Kinh tế số: share of GRDP, digital enterprises, e-invoices, e-commerce.</summary>
    DigitalEconomy,

    /// <summary>Xã hội số: fibre to households, smartphones, e-payment accounts, e-health records.</summary>
    DigitalSociety,

    /// <summary>Hạ tầng số: fibre, 4G/5G coverage, data centres, when reported on its own.</summary>
    DigitalInfrastructure,
}

/// <summary>
/// How values of one indicator combine over time. Declared, never guessed: DHIS2 and Akvo users
/// report wrong figures when a flow is averaged or a snapshot is summed.
/// </summary>
public enum TemporalNature
{
    /// <summary>A state at a date (households on fibre): a longer period takes the latest value.</summary>
    Snapshot,

    /// <summary>An amount within a period (dossiers processed): a longer period adds the periods up.</summary>
    Flow,

    /// <summary>A cumulative total since some origin (accounts opened to date): a longer period takes the last value.</summary>
    RunningTotal,
}

/// <summary>The comparison a target makes between a measured value and its threshold.</summary>
public enum Comparator
{
    /// <summary>Tối thiểu X, ít nhất X, đạt X: the value must be ≥ X.</summary>
    AtLeast,

    /// <summary>Trên X: the value must be &gt; X.</summary>
    Above,

    /// <summary>Không quá X: the value must be ≤ X.</summary>
    AtMost,

    /// <summary>Dưới X: the value must be &lt; X.</summary>
    Below,

    /// <summary>Từ X đến Y: the value must lie in the closed band [X, Y].</summary>
    Between,

    /// <summary>Khoảng X: the value must lie within X ± tolerance.</summary>
    About,

    /// <summary>Nhóm N dẫn đầu: the rank must be ≤ N (rank 1 is best).</summary>
    RankWithin,

    /// <summary>A yes/no milestone: the value must be 1 (achieved).</summary>
    Achieved,
}

/// <summary>
/// How a band target (<see cref="Comparator.Between"/>, <see cref="Comparator.About"/>) is judged: whether passing the far
/// bound is welcome ("từ 15% đến 20% GRDP" at 25% is achieved, exceeded) or a failure (the value must stay inside).
/// </summary>
public enum BandSemantics
{
    /// <summary>
    /// Decided by the indicator's direction: <see cref="ReachBand"/> (the near bound is the commitment). Without a known
    /// direction the evaluation assumes higher is better.
    /// </summary>
    ByDirection = 0,

    /// <summary>
    /// Reach the band: for a higher-is-better indicator the value must be at least the lower bound, and above the upper
    /// bound the target is exceeded; for a lower-is-better indicator the value must be at most the upper bound, and below
    /// the lower bound it is exceeded.
    /// </summary>
    ReachBand = 1,

    /// <summary>Stay inside: the value must lie inside the band; outside it on either side the target is not met.</summary>
    StayInside = 2,
}

/// <summary>
/// What a reported figure says about the true value: exactly the number, or only a bound or an approximation
/// ("trên 75%", "hơn 250 khách sạn", "gần 97%", "khoảng 10%").
/// </summary>
public enum ValueQualifier
{
    /// <summary>The figure is the value.</summary>
    Exact = 0,

    /// <summary>"Khoảng", "xấp xỉ": about the figure, on either side; evaluated as the figure, marked approximate.</summary>
    About = 1,

    /// <summary>"Trên", "hơn", "vượt": the value is above the figure (a strict lower bound).</summary>
    Above = 2,

    /// <summary>"Ít nhất", "tối thiểu", "từ … trở lên": the value is at least the figure (a lower bound).</summary>
    AtLeast = 3,

    /// <summary>"Dưới", "chưa đến": the value is below the figure (a strict upper bound).</summary>
    Below = 4,

    /// <summary>"Không quá", "tối đa": the value is at most the figure (an upper bound).</summary>
    AtMost = 5,

    /// <summary>
    /// "Gần", "đạt gần": nearly the figure, just under it ("1.675/1.733 thôn, đạt gần 97%" is 96.65%). An upper bound close
    /// to the value: evaluated as the figure, marked approximate; a fraction reported with it must not exceed it (DKPI010).
    /// </summary>
    Nearly = 6,
}

/// <summary>
/// Observation status of a measured value. The codes are those of SDMX's OBS_STATUS code list.
/// </summary>
public enum ObservationStatus
{
    /// <summary>A: normal value.</summary>
    Normal,

    /// <summary>B: time-series break (definition or method changed from the previous period).</summary>
    Break,

    /// <summary>D: definition differs from the indicator's definition.</summary>
    DefinitionDiffers,

    /// <summary>E: estimated value.</summary>
    Estimated,

    /// <summary>F: forecast value.</summary>
    Forecast,

    /// <summary>G: experimental value.</summary>
    Experimental,

    /// <summary>I: imputed value.</summary>
    Imputed,

    /// <summary>M: missing value; data cannot exist.</summary>
    MissingCannotExist,

    /// <summary>O: missing value.</summary>
    Missing,

    /// <summary>P: provisional value.</summary>
    Provisional,

    /// <summary>U: low reliability.</summary>
    LowReliability,

    /// <summary>V: unvalidated value.</summary>
    Unvalidated,
}

/// <summary>Conversions between <see cref="ObservationStatus"/> and SDMX OBS_STATUS codes.</summary>
public static class ObservationStatusCodes
{
    /// <summary>The one-letter SDMX OBS_STATUS code of a status.</summary>
    /// <param name="status">The status.</param>
    /// <returns>The code, e.g. "A" for <see cref="ObservationStatus.Normal"/>.</returns>
    public static string ToSdmxCode(this ObservationStatus status) => status switch
    {
        ObservationStatus.Normal => "A",
        ObservationStatus.Break => "B",
        ObservationStatus.DefinitionDiffers => "D",
        ObservationStatus.Estimated => "E",
        ObservationStatus.Forecast => "F",
        ObservationStatus.Experimental => "G",
        ObservationStatus.Imputed => "I",
        ObservationStatus.MissingCannotExist => "M",
        ObservationStatus.Missing => "O",
        ObservationStatus.Provisional => "P",
        ObservationStatus.LowReliability => "U",
        ObservationStatus.Unvalidated => "V",
        _ => throw new System.ArgumentOutOfRangeException(nameof(status), status, "Unknown observation status."),
    };

    /// <summary>Reads a one-letter SDMX OBS_STATUS code (case-sensitive, upper case).</summary>
    /// <param name="code">The code.</param>
    /// <param name="status">The status, when the code is known.</param>
    /// <returns>Whether the code is known.</returns>
    public static bool TryParseSdmxCode(string? code, out ObservationStatus status)
    {
        switch (code)
        {
            case "A": status = ObservationStatus.Normal; return true;
            case "B": status = ObservationStatus.Break; return true;
            case "D": status = ObservationStatus.DefinitionDiffers; return true;
            case "E": status = ObservationStatus.Estimated; return true;
            case "F": status = ObservationStatus.Forecast; return true;
            case "G": status = ObservationStatus.Experimental; return true;
            case "I": status = ObservationStatus.Imputed; return true;
            case "M": status = ObservationStatus.MissingCannotExist; return true;
            case "O": status = ObservationStatus.Missing; return true;
            case "P": status = ObservationStatus.Provisional; return true;
            case "U": status = ObservationStatus.LowReliability; return true;
            case "V": status = ObservationStatus.Unvalidated; return true;
            default: status = default; return false;
        }
    }
}
