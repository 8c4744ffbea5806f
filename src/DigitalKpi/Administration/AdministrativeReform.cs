using NodaTime;

namespace DigitalKpi.Administration;

/// <summary>Key dates of Vietnam's administrative arrangement as used by <see cref="AdministrativeMap.BuiltIn"/>.</summary>
public static class AdministrativeReform
{
    /// <summary>
    /// Gets 2008-08-01, the first day of the 63-province arrangement (Hà Tây merged into Hà Nội, Resolution
    /// 15/2008/QH12) and the first day covered by the built-in map.
    /// </summary>
    public static LocalDate BuiltInMapStart => new(2008, 8, 1);

    /// <summary>
    /// Gets 2025-01-01, the day Thừa Thiên Huế province became Huế, a centrally-run city (Resolution 175/2024/QH15).
    /// </summary>
    public static LocalDate HueBecameCentrallyRunCity => new(2025, 1, 1);

    /// <summary>
    /// Gets 2025-07-01, the day the 63 provincial units became 34 (Resolution 202/2025/QH15) and the district
    /// level was abolished.
    /// </summary>
    public static LocalDate ProvincialMerger => new(2025, 7, 1);
}
