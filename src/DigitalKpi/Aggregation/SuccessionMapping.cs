namespace DigitalKpi.Aggregation;

/// <summary>What a roll-up does with figures reported for units that are not in the tree it rolls up on.</summary>
public enum SuccessionMapping
{
    /// <summary>
    /// Nothing is carried: a figure for a unit outside the tree (an old province in a roll-up on the 34-province map,
    /// or a new one on the 63-province map) is an error, <see cref="MixedMapsException"/>.
    /// </summary>
    None,

    /// <summary>
    /// Figures of units that ended before the tree's period are carried into their successors in the tree
    /// (<see cref="Administration.AdministrativeMap.SuccessorShares(Administration.AdministrativeUnitId, NodaTime.LocalDate, NodaTime.LocalDate)"/>),
    /// split between several successors in proportion to the succession's weights; a split without weights is an
    /// error. The mapping used is reported in <see cref="RollupResult.Mappings"/>. Figures cannot be carried backwards.
    /// </summary>
    CarryToSuccessors,
}
