namespace DigitalKpi.Administration;

/// <summary>
/// The tier of an administrative unit in Vietnam's hierarchy. The numeric values grow downwards, so a parent's
/// level is always numerically smaller than its children's.
/// </summary>
/// <remarks>
/// Until 2025-06-30 Vietnam had three tiers below the nation (province, district, commune). From 2025-07-01 the
/// district tier is abolished (Resolution 202/2025/QH15 and the Law on Organisation of Local Government 2025), so
/// a commune's parent is its province. Maps keep district units valid up to 2025-06-30 so that older data can still
/// be placed.
/// </remarks>
public enum AdministrativeLevel
{
    /// <summary>The nation (the single root, code "VN").</summary>
    National = 0,

    /// <summary>
    /// Provincial level (cấp tỉnh): provinces (tỉnh) and centrally-run cities (thành phố trực thuộc trung ương), which
    /// are provincial units too. Codes have 2 digits.
    /// </summary>
    Province = 1,

    /// <summary>
    /// District level (cấp huyện): rural districts, urban districts, towns and provincial cities. Codes have 3 digits.
    /// Abolished from 2025-07-01; no district unit of an official map is valid on or after that date.
    /// </summary>
    District = 2,

    /// <summary>Commune level (cấp xã): communes, wards, townships and special zones. Codes have 5 digits.</summary>
    Commune = 3,
}
