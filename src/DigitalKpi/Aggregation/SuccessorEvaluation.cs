using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using DigitalKpi.Administration;

namespace DigitalKpi.Aggregation;

/// <summary>
/// A target set for a unit, evaluated on the unit or units it became (<see cref="RollupResult.EvaluateOnSuccessors"/>):
/// one <see cref="SuccessorAttainment"/> per successor, with the mapping. Immutable.
/// </summary>
public sealed class SuccessorEvaluation
{
    internal SuccessorEvaluation(Target target, AdministrativeUnit targetUnit, ReportingPeriod period, IReadOnlyList<SuccessorAttainment> successors)
    {
        Target = target;
        TargetUnit = targetUnit;
        Period = period;
        Successors = successors;
    }

    /// <summary>Gets the target.</summary>
    public Target Target { get; }

    /// <summary>Gets the unit the target was set for.</summary>
    public AdministrativeUnit TargetUnit { get; }

    /// <summary>Gets the period whose figures were evaluated.</summary>
    public ReportingPeriod Period { get; }

    /// <summary>Gets the evaluation on each successor (the unit itself when it still exists); empty when it has none in the tree.</summary>
    public IReadOnlyList<SuccessorAttainment> Successors { get; }

    /// <summary>Gets whether the target is evaluated on a unit other than the one it was set for.</summary>
    public bool IsMapped => Successors.Any(s => !s.Unit.Equals(TargetUnit));

    /// <summary>Invariant text: the target, then one line per successor with the mapping and the attainment.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(Target.Id).Append(" set for ").Append(TargetUnit.Name).Append(" (").Append(TargetUnit.Id.ToString()).Append("), ")
            .Append(Period.ToString()).Append(':');
        if (Successors.Count == 0)
        {
            text.Append(" no successor in the tree");
        }
        foreach (SuccessorAttainment s in Successors)
        {
            text.Append('\n').Append("  ").Append(s.ToString());
        }
        return text.ToString();
    }
}

/// <summary>A target evaluated on one successor unit, with the mapping that led there. Immutable.</summary>
public sealed class SuccessorAttainment
{
    internal SuccessorAttainment(AdministrativeUnit unit, decimal? share, IReadOnlyList<AdministrativeUnit> formedFrom, RollupCell cell, AttainmentResult result, bool levelMatches)
    {
        Unit = unit;
        Share = share;
        FormedFrom = formedFrom;
        Cell = cell;
        Result = result;
        LevelMatches = levelMatches;
    }

    /// <summary>Gets the successor unit the target is evaluated on.</summary>
    public AdministrativeUnit Unit { get; }

    /// <summary>Gets the share of the target's unit that passed to <see cref="Unit"/> (1 for a merger or a rename; <see langword="null"/> when unknown).</summary>
    public decimal? Share { get; }

    /// <summary>Gets the units <see cref="Unit"/> was formed from, as they stood when the target's unit was last in force (for the new Thái Nguyên: Bắc Kạn and the old Thái Nguyên).</summary>
    public IReadOnlyList<AdministrativeUnit> FormedFrom { get; }

    /// <summary>Gets the rolled-up figure of <see cref="Unit"/> that was evaluated.</summary>
    public RollupCell Cell { get; }

    /// <summary>Gets the attainment (status <see cref="AttainmentStatus.NoData"/> when the successor has no value).</summary>
    public AttainmentResult Result { get; }

    /// <summary>Gets whether the successor is at the target's level; a district-level target cannot be met by a province after districts were abolished.</summary>
    public bool LevelMatches { get; }

    /// <summary>Invariant text, e.g. <c>→ Thái Nguyên (19@2025-07-01) × 1, formed from Bắc Kạn, Thái Nguyên: 97.5 Achieved ratio=1.08</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        CultureInfo inv = CultureInfo.InvariantCulture;
        return "→ " + Unit.Name + " (" + Unit.Id.ToString() + ") × " + (Share is { } s ? s.ToString(inv) : "?")
            + ", formed from " + string.Join(", ", FormedFrom.Select(u => u.Name)) + ": "
            + (Cell.Value is { } v ? System.Math.Round(v, 4).ToString(inv) + " " : string.Empty) + Result.ToString()
            + (LevelMatches ? string.Empty : " (level differs from the target's)");
    }
}
