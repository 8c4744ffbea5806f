using DigitalKpi.Administration;
using DigitalKpi.Aggregation;

namespace DigitalKpi.Tests.Aggregation;

/// <summary>
/// A national-scale roll-up on the synthetic map (63 provinces, 700 districts, 10,600 communes → 34 provinces, 3,300
/// communes): 12 months of figures of three indicators for every commune, checked against sums computed
/// independently through the map's own queries. A correctness test, not a timing test.
/// </summary>
public class NationalRollupTests
{
    private static readonly LocalDate OldDay = new(2024, 12, 31);
    private static readonly LocalDate NewDay = AdministrativeReform.ProvincialMerger;
    private static readonly ReportingPeriod Y2024 = ReportingPeriod.Year(2024);
    private static readonly ReportingPeriod[] Months = Enumerable.Range(1, 12).Select(m => ReportingPeriod.Month(2024, m)).ToArray();

    private static readonly Indicator Dossiers = new("DG.ONLINE_DOSSIERS", "Hồ sơ xử lý trực tuyến", Unit.Fraction, Direction.HigherIsBetter,
        Pillar.DigitalGovernment, TemporalNature.Flow, levels: [AdministrativeLevel.Commune, AdministrativeLevel.Province]);

    private static readonly Indicator Firms = new("DE.DIGITAL_FIRMS", "Doanh nghiệp số", Unit.Count, Direction.HigherIsBetter,
        Pillar.DigitalEconomy, TemporalNature.Snapshot, levels: [AdministrativeLevel.Commune, AdministrativeLevel.Province]);

    private static readonly Indicator Fibre = new("DS.FIBRE_HOUSEHOLDS", "Hộ gia đình có cáp quang", Unit.Percent, Direction.HigherIsBetter,
        Pillar.DigitalSociety, TemporalNature.Snapshot, levels: [AdministrativeLevel.Commune, AdministrativeLevel.Province]);

    private static readonly Lazy<National> Data = new(() => new National(SyntheticHierarchy.Generate(seed: 2025)));

    [Fact]
    public void TheOldMap_TotalsMatchIndependentSums_AndParallelEqualsSequential()
    {
        National d = Data.Value;
        var engine = new RollupEngine(d.Map, OldDay);
        Assert.Equal(10_600, engine.Tree.Units.Count(u => u.Level == AdministrativeLevel.Commune));

        // Fractions, a flow: numerators and denominators added over the months and up the tree.
        MeasurementColumns dossiers = MeasurementColumns.ForFractions(Months, d.Units, d.Periods, d.Numerators, d.Denominators);
        RollupResult sequential = engine.Rollup(Dossiers, dossiers, new RollupOptions(granularity: PeriodKind.Year, maxDegreeOfParallelism: 1));
        RollupResult parallel = engine.Rollup(Dossiers, dossiers, new RollupOptions(granularity: PeriodKind.Year, maxDegreeOfParallelism: 4));
        Assert.Equal(sequential.Cells(Y2024), parallel.Cells(Y2024)); // exactly, every unit

        RollupCell nation = sequential.Total(Y2024);
        Assert.Equal(d.Numerators.Sum(), nation.Numerator);
        Assert.Equal(d.Denominators.Sum(), nation.Denominator);
        Assert.Equal(10_600, nation.ExpectedUnits);
        Assert.Equal(10_600 - d.Dropped.Count, nation.ReportingUnits);
        Assert.Equal(d.Dropped.Count, sequential.MissingUnits(nation.Unit, Y2024).Count);
        Assert.Equal(0, nation.PartialUnits);
        foreach ((int province, decimal numerator) in d.NumeratorByOldProvince)
        {
            Assert.Equal(numerator, sequential.Get(province, 0).Numerator);
        }

        // Quarters: every quarter of every unit is the sum of its three months.
        RollupResult quarterly = engine.Rollup(Dossiers, dossiers, new RollupOptions(granularity: PeriodKind.Quarter));
        Assert.Equal(4, quarterly.Periods.Count);
        Assert.Equal(nation.Numerator, quarterly.Periods.Sum(q => quarterly.Total(q).Numerator));

        // Counts, a snapshot: the December figure of each commune.
        MeasurementColumns firms = MeasurementColumns.ForValues(Months, d.Units, d.Periods, d.Counts);
        RollupResult firmsResult = engine.Rollup(Firms, firms, new RollupOptions(granularity: PeriodKind.Year, maxDegreeOfParallelism: 3));
        Assert.Equal(d.DecemberCounts, firmsResult.Total(Y2024).Value);
        Assert.Equal(firmsResult.Cells(Y2024), engine.Rollup(Firms, firms, new RollupOptions(granularity: PeriodKind.Year, maxDegreeOfParallelism: 1)).Cells(Y2024));
    }

    [Fact]
    public void TheOldMap_FromMeasurementObjects_WeightedByHouseholds()
    {
        National d = Data.Value;
        var engine = new RollupEngine(d.Map, OldDay);
        RollupResult result = engine.Rollup(Fibre, d.FibreMeasurements(), new RollupOptions(granularity: PeriodKind.Year, weights: d.Households));
        RollupCell nation = result.Total(Y2024);
        Assert.Equal(d.FibreWeightedSum, nation.Numerator);
        Assert.Equal(d.FibreWeight, nation.Denominator);
        Assert.Equal(d.FibreWeightedSum / d.FibreWeight, nation.Value);
    }

    [Fact]
    public void TheNewMap_CarriesEveryOldCommune_AndConservesTheTotals()
    {
        National d = Data.Value;
        var engine = new RollupEngine(d.Map, NewDay);
        Assert.Equal(3_300, engine.Tree.Units.Count(u => u.Level == AdministrativeLevel.Commune));
        MeasurementColumns dossiers = MeasurementColumns.ForFractions(Months, d.Units, d.Periods, d.Numerators, d.Denominators);
        Assert.Throws<MixedMapsException>(() => engine.Rollup(Dossiers, dossiers));

        var carry = new RollupOptions(granularity: PeriodKind.Year, mapping: SuccessionMapping.CarryToSuccessors, maxDegreeOfParallelism: 1);
        RollupResult result = engine.Rollup(Dossiers, dossiers, carry);
        RollupResult parallel = engine.Rollup(Dossiers, dossiers, new RollupOptions(granularity: PeriodKind.Year, mapping: SuccessionMapping.CarryToSuccessors, maxDegreeOfParallelism: 4));
        Assert.Equal(result.Cells(Y2024), parallel.Cells(Y2024));

        RollupCell nation = result.Total(Y2024);
        Assert.Equal(d.Numerators.Sum(), nation.Numerator);      // splits share in tenths: exact
        Assert.Equal(d.Denominators.Sum(), nation.Denominator);
        Assert.Equal(3_300, nation.ExpectedUnits);
        Assert.True(result.Mappings.Count > 10_000);

        // Each new province: the old communes' figures times the share that reached it, summed independently.
        Dictionary<int, decimal> expected = d.NumeratorByNewProvince();
        Assert.Equal(34, expected.Count);
        foreach ((int province, decimal numerator) in expected)
        {
            Assert.Equal(numerator, result.Get(province, 0).Numerator);
        }

        // Dropped communes leave their successors partial (some predecessors reported) or missing (none did), never zero.
        int partial = 0, missing = 0;
        foreach (AdministrativeUnit commune in d.Map.UnitsOn(NewDay, AdministrativeLevel.Commune))
        {
            IReadOnlyList<AdministrativeUnit> predecessors = d.Map.PredecessorsOn(commune.Id, OldDay);
            int dropped = predecessors.Count(p => d.Dropped.Contains(d.Map.IndexOf(p.Id)));
            partial += dropped > 0 && dropped < predecessors.Count ? 1 : 0;
            missing += dropped == predecessors.Count ? 1 : 0;
        }
        Assert.True(partial > 50);
        Assert.Equal(partial, nation.PartialUnits);
        Assert.Equal(3_300 - missing, nation.ReportingUnits);
    }

    /// <summary>The synthetic country and its figures, with every expected total computed without the engine.</summary>
    private sealed class National
    {
        internal National(AdministrativeMap map)
        {
            Map = map;
            IReadOnlyList<AdministrativeUnit> communes = map.UnitsOn(OldDay, AdministrativeLevel.Commune);
            Dropped = communes.Where((_, i) => i % 97 == 13).Select(u => map.IndexOf(u.Id)).ToHashSet();
            var units = new List<int>();
            var periods = new List<int>();
            var numerators = new List<decimal>();
            var denominators = new List<decimal>();
            var counts = new List<decimal>();
            var households = new List<KeyValuePair<AdministrativeUnitId, decimal>>();
            var provinceOf = new Dictionary<int, int>();
            NumeratorByOldProvince = new Dictionary<int, decimal>();
            for (int c = 0; c < communes.Count; c++)
            {
                AdministrativeUnit commune = communes[c];
                int index = map.IndexOf(commune.Id);
                AdministrativeUnit province = map.GetAncestors(commune.Id, OldDay).Single(a => a.Level == AdministrativeLevel.Province);
                provinceOf[index] = map.IndexOf(province.Id);
                households.Add(new KeyValuePair<AdministrativeUnitId, decimal>(commune.Id, 800 + (c * 37 % 4000)));
                if (Dropped.Contains(index))
                {
                    continue;
                }
                for (int m = 0; m < 12; m++)
                {
                    decimal numerator = ((c * 7) + (m * 13)) % 500;
                    units.Add(index);
                    periods.Add(m);
                    numerators.Add(numerator);
                    denominators.Add(numerator + ((c * 3) + m) % 100 + 1);
                    counts.Add(((c * 11) + m) % 40 + 0.5m);
                    NumeratorByOldProvince[provinceOf[index]] = NumeratorByOldProvince.GetValueOrDefault(provinceOf[index]) + numerator;
                    if (m == 11)
                    {
                        DecemberCounts += counts[^1];
                    }
                }
            }
            Units = units.ToArray();
            Periods = periods.ToArray();
            Numerators = numerators.ToArray();
            Denominators = denominators.ToArray();
            Counts = counts.ToArray();
            Households = UnitWeights.Create(map, "households", households);
            foreach (KeyValuePair<AdministrativeUnitId, decimal> pair in households)
            {
                if (!Dropped.Contains(map.IndexOf(pair.Key)))
                {
                    FibreWeightedSum += FibreValue(map.IndexOf(pair.Key)) * pair.Value;
                    FibreWeight += pair.Value;
                }
            }
        }

        internal AdministrativeMap Map { get; }

        internal HashSet<int> Dropped { get; }

        internal int[] Units { get; }

        internal int[] Periods { get; }

        internal decimal[] Numerators { get; }

        internal decimal[] Denominators { get; }

        internal decimal[] Counts { get; }

        internal decimal DecemberCounts { get; }

        internal Dictionary<int, decimal> NumeratorByOldProvince { get; }

        internal UnitWeights Households { get; }

        internal decimal FibreWeightedSum { get; }

        internal decimal FibreWeight { get; }

        /// <summary>The December percentage of households on fibre of a commune (earlier months are lower).</summary>
        private static decimal FibreValue(int index) => 40m + (index % 600) / 10m;

        internal IEnumerable<Measurement> FibreMeasurements()
        {
            for (int r = 0; r < Units.Length; r++)
            {
                AdministrativeUnit unit = Map[Units[r]];
                decimal value = FibreValue(Units[r]) - (11 - Periods[r]) * 0.5m;
                yield return Measurement.Of(Fibre.Code, unit.Code, Months[Periods[r]], value);
            }
        }

        internal Dictionary<int, decimal> NumeratorByNewProvince()
        {
            var byCommune = new Dictionary<int, decimal>();
            for (int r = 0; r < Units.Length; r++)
            {
                byCommune[Units[r]] = byCommune.GetValueOrDefault(Units[r]) + Numerators[r];
            }
            var result = new Dictionary<int, decimal>();
            foreach (AdministrativeUnit province in Map.UnitsOn(NewDay, AdministrativeLevel.Province))
            {
                result[Map.IndexOf(province.Id)] = 0m;
            }
            foreach ((int commune, decimal numerator) in byCommune)
            {
                foreach (UnitShare share in Map.SuccessorShares(Map[commune].Id, OldDay, NewDay))
                {
                    int province = Map.IndexOf(Map.GetParent(share.Unit.Id, NewDay)!.Id);
                    result[province] += numerator * share.Share!.Value;
                }
            }
            return result;
        }
    }
}
