using System.Collections.Generic;
using System.Linq;
using DigitalKpi.Administration;
using NodaTime;

namespace DigitalKpi.Aggregation;

/// <summary>
/// How the figures of one unit outside the tree of a roll-up were carried into units of the tree: the unit as it stood
/// on <see cref="AsOf"/> and the share of it that passed to each successor. Immutable.
/// </summary>
public sealed class UnitMapping
{
    internal UnitMapping(int sourceIndex, AdministrativeUnit source, LocalDate asOf, IReadOnlyList<UnitShare> targets)
    {
        SourceIndex = sourceIndex;
        Source = source;
        AsOf = asOf;
        Targets = targets;
    }

    /// <summary>Gets the dense map index of the unit that reported.</summary>
    public int SourceIndex { get; }

    /// <summary>Gets the unit that reported.</summary>
    public AdministrativeUnit Source { get; }

    /// <summary>Gets the day as of which the unit was taken (the end of the reported period, or the unit's last day if earlier).</summary>
    public LocalDate AsOf { get; }

    /// <summary>Gets the units of the tree the figures went to, with the share of the reporting unit each received (never unknown: a split without weights is an error).</summary>
    public IReadOnlyList<UnitShare> Targets { get; }

    /// <summary>Invariant text, e.g. <c>Bắc Kạn (06@2008-08-01) as of 2024-12-31 → Thái Nguyên (19@2025-07-01) × 1</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
        => Source.Name + " (" + Source.Id.ToString() + ") as of " + ValidityPeriod.Format(AsOf) + " → "
        + string.Join(" + ", Targets.Select(t => t.Unit.Name + " (" + t.Unit.Id.ToString() + ") × " + (t.Share is { } s ? s.ToString(System.Globalization.CultureInfo.InvariantCulture) : "?")));
}
