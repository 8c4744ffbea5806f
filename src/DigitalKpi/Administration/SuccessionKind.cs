namespace DigitalKpi.Administration;

/// <summary>What kind of change a <see cref="Succession"/> records; the kind fixes how many units stand on each side.</summary>
public enum SuccessionKind
{
    /// <summary>Two or more units become one (sáp nhập, hợp nhất). The successor may reuse a predecessor's code.</summary>
    Merge = 0,

    /// <summary>One unit is divided into two or more (chia, tách), optionally with a weight per successor.</summary>
    Split = 1,

    /// <summary>One unit becomes one unit with a new name (đổi tên); level and type unchanged.</summary>
    Rename = 2,

    /// <summary>
    /// One unit becomes one unit of another type or level, possibly with a new name, e.g. Thừa Thiên Huế province
    /// became Huế, a centrally-run city, on 2025-01-01.
    /// </summary>
    Reclassification = 3,

    /// <summary>Any other change between one or more predecessors and one or more successors (boundary adjustments).</summary>
    Reorganisation = 4,
}
