using System.Globalization;
using BenchmarkDotNet.Attributes;
using DigitalKpi.Administration;
using DigitalKpi.Aggregation;
using NodaTime;

namespace DigitalKpi.Benchmarks;

/// <summary>
/// Goal 2: the national synthetic dataset (old map: 10,600 communes × 100 indicators × 12 months, 1 % of the figures
/// missing: about 12.6 million rows) rolled up to district, province and nation. The library: <see cref="RollupEngine"/>
/// over columns, with its real features on (each indicator's own aggregation method: sums of numerators and
/// denominators for the 60 percentage indicators, sums for the 40 counts; coverage of every cell; flows and snapshots).
/// Baselines, in the same run: a hand-written dense-array loop over the same columns (Baseline), LINQ GroupBy over one
/// object per figure (what the goal compares with), and LINQ GroupBy over the columns (a harder, unusual baseline).
/// PostgreSQL's <c>GROUP BY indicator, month, ROLLUP(province, district)</c> over the same rows: benchmarks/postgres/run.sh.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("Rollup")]
public class RollupBenchmarks
{
    private static readonly decimal[] DistrictA = new decimal[RollupData.Districts * RollupData.Months];
    private static readonly decimal[] DistrictB = new decimal[RollupData.Districts * RollupData.Months];
    private static readonly int[] DistrictN = new int[RollupData.Districts * RollupData.Months];
    private static readonly decimal[] ProvinceA = new decimal[RollupData.Provinces * RollupData.Months];
    private static readonly decimal[] ProvinceB = new decimal[RollupData.Provinces * RollupData.Months];
    private static readonly int[] ProvinceN = new int[RollupData.Provinces * RollupData.Months];

    /// <summary>Checks that the three compute the same national totals.</summary>
    [GlobalSetup]
    public void Setup()
    {
        decimal library = Library(), dense = DenseLoop(), decimals = LibraryDecimalFigures();
        if (library != dense || decimals != dense)
        {
            throw new InvalidOperationException("The library and the dense loop disagree: " + library.ToString(CultureInfo.InvariantCulture) + " and " + decimals.ToString(CultureInfo.InvariantCulture) + " (decimal figures) vs " + dense.ToString(CultureInfo.InvariantCulture) + ".");
        }
        // The decimal figures must take the one-pass path too (figures of scale 1), and its sums keep the figures'
        // scale (1693.0) as the general path's do.
        for (int k = 0; k < RollupData.Indicators; k++)
        {
            RollupResult result = RollupData.Engine.Rollup(RollupData.IndicatorList[k], DecimalFigures.Columns[k], RollupData.Options[k]);
            RollupCell cell = result.Total(RollupData.Periods[0]);
            if (!result.IsWholeForm || !result.Whole!.HasScale || ((decimal.GetBits(cell.Numerator ?? cell.Value!.Value)[3] >> 16) & 0xFF) != 1)
            {
                throw new InvalidOperationException("The decimal-figure roll-up of " + RollupData.IndicatorList[k].Code + " did not take the one-pass path, or did not keep the figures' scale.");
            }
        }
    }

    /// <summary>
    /// What a developer writes by hand on dense arrays: per indicator, each row added to its district and month
    /// (numerator and denominator, or value, and a count of reporting communes), districts added to provinces, provinces
    /// to the nation. Exact decimals, as the library; no coverage ratios, no temporal natures, no checks.
    /// </summary>
    [Benchmark(Baseline = true)]
    public decimal DenseLoop()
    {
        int[] unit = RollupData.UnitIndex, period = RollupData.PeriodIndex, districtOf = RollupData.DistrictOfUnit, provinceOf = RollupData.ProvinceOfDistrict;
        decimal[] first = RollupData.First, second = RollupData.Second;
        const int T = RollupData.Months;
        decimal check = 0m;
        for (int k = 0; k < RollupData.Indicators; k++)
        {
            Array.Clear(DistrictA);
            Array.Clear(DistrictB);
            Array.Clear(DistrictN);
            int start = RollupData.RowStart[k], end = RollupData.RowStart[k + 1];
            bool fraction = RollupData.IsFraction(k);
            for (int i = start; i < end; i++)
            {
                int c = (districtOf[unit[i]] * T) + period[i];
                DistrictA[c] += first[i];
                if (fraction)
                {
                    DistrictB[c] += second[i];
                }
                DistrictN[c]++;
            }
            Array.Clear(ProvinceA);
            Array.Clear(ProvinceB);
            Array.Clear(ProvinceN);
            for (int d = 0; d < RollupData.Districts; d++)
            {
                int p = provinceOf[d];
                for (int t = 0; t < T; t++)
                {
                    ProvinceA[(p * T) + t] += DistrictA[(d * T) + t];
                    ProvinceB[(p * T) + t] += DistrictB[(d * T) + t];
                    ProvinceN[(p * T) + t] += DistrictN[(d * T) + t];
                }
            }
            decimal nationA = 0m, nationB = 0m;
            int nationN = 0;
            for (int p = 0; p < RollupData.Provinces; p++)
            {
                for (int t = 0; t < T; t++)
                {
                    nationA += ProvinceA[(p * T) + t];
                    nationB += ProvinceB[(p * T) + t];
                    nationN += ProvinceN[(p * T) + t];
                }
            }
            check += nationA + nationB + nationN;
        }
        return check;
    }

    /// <summary>The library: one <see cref="RollupEngine.Rollup(Indicator, MeasurementColumns, RollupOptions?)"/> per indicator, every level, coverage.</summary>
    [Benchmark]
    public decimal Library() => RollUpAll(RollupData.Columns);

    /// <summary>
    /// The library on the same rows with every figure written with one decimal place (<c>1693.0</c>: same values, scale
    /// 1): the one-pass path with 64-bit sums at scale 1, the same totals, each of scale 1. Shows what data with
    /// decimals costs (the dense loop's time does not depend on the scale).
    /// </summary>
    [Benchmark]
    public decimal LibraryDecimalFigures() => RollUpAll(DecimalFigures.Columns);

    /// <summary>One roll-up per indicator over the given columns; the national totals of every period, summed as a check.</summary>
    private static decimal RollUpAll(MeasurementColumns[] columns)
    {
        decimal check = 0m;
        for (int k = 0; k < RollupData.Indicators; k++)
        {
            RollupResult result = RollupData.Engine.Rollup(RollupData.IndicatorList[k], columns[k], RollupData.Options[k]);
            foreach (ReportingPeriod period in result.Periods)
            {
                RollupCell total = result.Total(period);
                check += (total.Numerator ?? total.Value ?? 0m) + (total.Denominator ?? 0m) + total.ReportingUnits;
            }
        }
        return check;
    }

    /// <summary>
    /// The straightforward LINQ implementation a reporting developer writes: one object per figure (codes as strings,
    /// as read from a file or a database), GroupBy (indicator, province, district, month), then provinces, then the nation.
    /// </summary>
    [Benchmark]
    public decimal LinqGroupBy()
    {
        var districts = RowObjects.Rows
            .GroupBy(r => (r.Indicator, r.Province, r.District, r.Month))
            .Select(g => (g.Key, Numerator: g.Sum(r => r.Numerator), Denominator: g.Sum(r => r.Denominator), Value: g.Sum(r => r.Value), Reporting: g.Count()))
            .ToList();
        var provinces = districts
            .GroupBy(d => (d.Key.Indicator, d.Key.Province, d.Key.Month))
            .Select(g => (g.Key, Numerator: g.Sum(d => d.Numerator), Denominator: g.Sum(d => d.Denominator), Value: g.Sum(d => d.Value), Reporting: g.Sum(d => d.Reporting)))
            .ToList();
        var nation = provinces
            .GroupBy(p => (p.Key.Indicator, p.Key.Month))
            .Select(g => (g.Key, Numerator: g.Sum(p => p.Numerator), Denominator: g.Sum(p => p.Denominator), Value: g.Sum(p => p.Value), Reporting: g.Sum(p => p.Reporting)))
            .ToList();
        return nation.Sum(n => n.Numerator + n.Denominator + n.Value + n.Reporting);
    }

    /// <summary>LINQ GroupBy on the columns themselves (integer keys, no objects per figure): a much harder baseline than <see cref="LinqGroupBy"/>.</summary>
    [Benchmark]
    public decimal LinqGroupByColumns()
    {
        int[] unit = RollupData.UnitIndex, period = RollupData.PeriodIndex, districtOf = RollupData.DistrictOfUnit, provinceOf = RollupData.ProvinceOfDistrict;
        decimal[] first = RollupData.First, second = RollupData.Second;
        decimal check = 0m;
        for (int k = 0; k < RollupData.Indicators; k++)
        {
            int start = RollupData.RowStart[k], end = RollupData.RowStart[k + 1];
            var districts = Enumerable.Range(start, end - start)
                .GroupBy(i => (District: districtOf[unit[i]], Month: period[i]))
                .Select(g => (g.Key.District, g.Key.Month, A: g.Sum(i => first[i]), B: g.Sum(i => second[i]), N: g.Count()))
                .ToList();
            var provinces = districts
                .GroupBy(d => (Province: provinceOf[d.District], d.Month))
                .Select(g => (g.Key.Province, g.Key.Month, A: g.Sum(d => d.A), B: g.Sum(d => d.B), N: g.Sum(d => d.N)))
                .ToList();
            var nation = provinces
                .GroupBy(p => p.Month)
                .Select(g => (Month: g.Key, A: g.Sum(p => p.A), B: g.Sum(p => p.B), N: g.Sum(p => p.N)))
                .ToList();
            check += nation.Sum(n => n.A + (RollupData.IsFraction(k) ? n.B : 0m) + n.N);
        }
        return check;
    }
}

/// <summary>The rows with every figure at scale 1 (<c>1693.0</c>), for <see cref="RollupBenchmarks.LibraryDecimalFigures"/> only.</summary>
public static class DecimalFigures
{
    /// <summary>The columns of each indicator, over copies of the figures at scale 1.</summary>
    public static readonly MeasurementColumns[] Columns = Make();

    private static MeasurementColumns[] Make()
    {
        decimal[] first = Array.ConvertAll(RollupData.First, d => d * 1.0m);
        decimal[] second = Array.ConvertAll(RollupData.Second, d => d * 1.0m);
        var columns = new MeasurementColumns[RollupData.Indicators];
        for (int k = 0; k < RollupData.Indicators; k++)
        {
            int s = RollupData.RowStart[k], length = RollupData.RowStart[k + 1] - s;
            columns[k] = RollupData.IsFraction(k)
                ? MeasurementColumns.ForFractions(RollupData.Periods, RollupData.UnitIndex.AsMemory(s, length), RollupData.PeriodIndex.AsMemory(s, length), first.AsMemory(s, length), second.AsMemory(s, length))
                : MeasurementColumns.ForValues(RollupData.Periods, RollupData.UnitIndex.AsMemory(s, length), RollupData.PeriodIndex.AsMemory(s, length), first.AsMemory(s, length));
        }
        return columns;
    }
}

/// <summary>The rows as objects, for <see cref="RollupBenchmarks.LinqGroupBy"/> only (built in that benchmark's process alone).</summary>
public static class RowObjects
{
    /// <summary>The rows.</summary>
    public static readonly Row[] Rows = Make();

    private static Row[] Make()
    {
        var rows = new Row[RollupData.Rows];
        var district = new string[RollupData.Map.Count];
        var province = new string[RollupData.Map.Count];
        foreach (int c in RollupData.Communes)
        {
            int d = RollupData.Engine.Tree.ParentIndex(c);
            district[c] = RollupData.Map[d].Code;
            province[c] = RollupData.Map[RollupData.Engine.Tree.ParentIndex(d)].Code;
        }
        for (int k = 0; k < RollupData.Indicators; k++)
        {
            string code = RollupData.IndicatorList[k].Code;
            bool fraction = RollupData.IsFraction(k);
            for (int i = RollupData.RowStart[k]; i < RollupData.RowStart[k + 1]; i++)
            {
                int u = RollupData.UnitIndex[i];
                rows[i] = new Row(code, RollupData.PeriodIndex[i] + 1, province[u], district[u], RollupData.Map[u].Code,
                    fraction ? RollupData.First[i] : 0m, fraction ? RollupData.Second[i] : 0m, fraction ? 0m : RollupData.First[i]);
            }
        }
        return rows;
    }

    /// <summary>One figure, as a reporting developer holds it.</summary>
    public sealed record Row(string Indicator, int Month, string Province, string District, string Commune, decimal Numerator, decimal Denominator, decimal Value);
}

/// <summary>
/// The national synthetic dataset, generated once per process, deterministically, as columns: the old map of
/// <see cref="SyntheticHierarchy"/> (63 provinces, 700 districts, 10,600 communes) on 2024-12-31; 100 indicators (60
/// percentages reported as numerator and denominator, 40 counts), the 12 months of 2024; 1 % of the figures missing.
/// Also written as CSV for PostgreSQL (<c>--export-rows FILE</c>).
/// </summary>
public static class RollupData
{
    /// <summary>Indicators.</summary>
    public const int Indicators = 100;

    /// <summary>Months of 2024.</summary>
    public const int Months = 12;

    /// <summary>The map (seed 2025).</summary>
    public static readonly AdministrativeMap Map = SyntheticHierarchy.Generate(2025);

    /// <summary>The engine on the old tree (communes, districts, provinces, nation).</summary>
    public static readonly RollupEngine Engine = new(Map, new LocalDate(2024, 12, 31));

    /// <summary>The months of 2024.</summary>
    public static readonly ReportingPeriod[] Periods = Enumerable.Range(1, Months).Select(m => ReportingPeriod.Month(2024, m)).ToArray();

    /// <summary>The communes of the tree (map indexes).</summary>
    public static readonly int[] Communes = Engine.Tree.UnitIndexes.Where(i => Map[i].Level == AdministrativeLevel.Commune).ToArray();

    /// <summary>The districts of the tree (map indexes).</summary>
    public static readonly int[] DistrictUnits = Engine.Tree.UnitIndexes.Where(i => Map[i].Level == AdministrativeLevel.District).ToArray();

    /// <summary>The provinces of the tree (map indexes).</summary>
    public static readonly int[] ProvinceUnits = Engine.Tree.UnitIndexes.Where(i => Map[i].Level == AdministrativeLevel.Province).ToArray();

    /// <summary>Number of districts.</summary>
    public static readonly int Districts = DistrictUnits.Length;

    /// <summary>Number of provinces.</summary>
    public static readonly int Provinces = ProvinceUnits.Length;

    /// <summary>Per map index, the dense district number of a commune (for the baselines), or -1.</summary>
    public static readonly int[] DistrictOfUnit = MakeDistrictOfUnit();

    /// <summary>Per dense district number, the dense province number.</summary>
    public static readonly int[] ProvinceOfDistrict = DistrictUnits.Select(d => Array.IndexOf(ProvinceUnits, Engine.Tree.ParentIndex(d))).ToArray();

    /// <summary>The indicators: 60 percentages (fractions; 30 flows, 30 snapshots), 40 counts (flows).</summary>
    public static readonly Indicator[] IndicatorList = Enumerable.Range(0, Indicators).Select(MakeIndicator).ToArray();

    /// <summary>Per indicator, the roll-up options: percentages reported as fractions add numerators and denominators; counts take their unit's default (sum).</summary>
    public static readonly RollupOptions[] Options = Enumerable.Range(0, Indicators)
        .Select(k => IsFraction(k) ? new RollupOptions(method: AggregationMethod.SumFractions) : RollupOptions.Default).ToArray();

    /// <summary>Per indicator k, its rows are <c>RowStart[k]</c> to <c>RowStart[k + 1]</c>.</summary>
    public static readonly int[] RowStart = new int[Indicators + 1];

    /// <summary>Per row, the commune's map index.</summary>
    public static readonly int[] UnitIndex;

    /// <summary>Per row, the month (index into <see cref="Periods"/>).</summary>
    public static readonly int[] PeriodIndex;

    /// <summary>Per row, the numerator (fractions) or the value (counts).</summary>
    public static readonly decimal[] First;

    /// <summary>Per row, the denominator (fractions) or 0.</summary>
    public static readonly decimal[] Second;

    /// <summary>The columns of each indicator (views on the arrays above, nothing copied).</summary>
    public static readonly MeasurementColumns[] Columns;

#pragma warning disable CA1810 // The columns are filled together, in one pass.
    static RollupData()
#pragma warning restore CA1810
    {
        int capacity = Indicators * Communes.Length * Months;
        var unit = new int[capacity];
        var period = new int[capacity];
        var first = new decimal[capacity];
        var second = new decimal[capacity];
        int n = 0;
        for (int k = 0; k < Indicators; k++)
        {
            RowStart[k] = n;
            for (int c = 0; c < Communes.Length; c++)
            {
                ulong households = 200 + (Mix((ulong)c, 1) % 4800);
                for (int m = 0; m < Months; m++)
                {
                    ulong h = Mix((ulong)((((long)k * Communes.Length) + c) * Months + m), 2);
                    if (h % 100 == 0)
                    {
                        continue; // 1 % missing
                    }
                    unit[n] = Communes[c];
                    period[n] = m;
                    if (IsFraction(k))
                    {
                        first[n] = (decimal)(households * ((h >> 8) % 1001) / 1000);
                        second[n] = households;
                    }
                    else
                    {
                        first[n] = (h >> 8) % 5000;
                    }
                    n++;
                }
            }
        }
        RowStart[Indicators] = n;
        UnitIndex = unit.AsSpan(0, n).ToArray();
        PeriodIndex = period.AsSpan(0, n).ToArray();
        First = first.AsSpan(0, n).ToArray();
        Second = second.AsSpan(0, n).ToArray();
        Columns = new MeasurementColumns[Indicators];
        for (int k = 0; k < Indicators; k++)
        {
            int s = RowStart[k], length = RowStart[k + 1] - s;
            Columns[k] = IsFraction(k)
                ? MeasurementColumns.ForFractions(Periods, UnitIndex.AsMemory(s, length), PeriodIndex.AsMemory(s, length), First.AsMemory(s, length), Second.AsMemory(s, length))
                : MeasurementColumns.ForValues(Periods, UnitIndex.AsMemory(s, length), PeriodIndex.AsMemory(s, length), First.AsMemory(s, length));
        }
    }

    /// <summary>Rows.</summary>
    public static int Rows => RowStart[Indicators];

    /// <summary>The size of the raw measurements: the four columns.</summary>
    public static long RawBytes => ((long)UnitIndex.Length * sizeof(int)) + ((long)PeriodIndex.Length * sizeof(int)) + ((long)First.Length * sizeof(decimal)) + ((long)Second.Length * sizeof(decimal));

    /// <summary>Whether indicator k is a percentage reported as fractions.</summary>
    public static bool IsFraction(int k) => k % 5 < 3;

    /// <summary>Writes the rows as CSV (header: indicator,month,province,district,commune,numerator,denominator,value).</summary>
    public static void ExportCsv(string path)
    {
        using var writer = new StreamWriter(path, false, new System.Text.UTF8Encoding(false), 1 << 20);
        writer.NewLine = "\n";
        writer.WriteLine("indicator,month,province,district,commune,numerator,denominator,value");
        var inv = CultureInfo.InvariantCulture;
        string[] district = new string[Map.Count], province = new string[Map.Count];
        foreach (int c in Communes)
        {
            int d = Engine.Tree.ParentIndex(c);
            district[c] = Map[d].Code;
            province[c] = Map[Engine.Tree.ParentIndex(d)].Code;
        }
        for (int k = 0; k < Indicators; k++)
        {
            string code = IndicatorList[k].Code;
            bool fraction = IsFraction(k);
            for (int i = RowStart[k]; i < RowStart[k + 1]; i++)
            {
                int u = UnitIndex[i];
                writer.Write(code);
                writer.Write(',');
                writer.Write((PeriodIndex[i] + 1).ToString(inv));
                writer.Write(',');
                writer.Write(province[u]);
                writer.Write(',');
                writer.Write(district[u]);
                writer.Write(',');
                writer.Write(Map[u].Code);
                writer.Write(fraction ? "," + First[i].ToString(inv) + "," + Second[i].ToString(inv) + ",\n" : ",,," + First[i].ToString(inv) + "\n");
            }
        }
    }

    private static int[] MakeDistrictOfUnit()
    {
        var result = new int[Map.Count];
        result.AsSpan().Fill(-1);
        foreach (int c in Communes)
        {
            result[c] = Array.IndexOf(DistrictUnits, Engine.Tree.ParentIndex(c));
        }
        return result;
    }

    private static Indicator MakeIndicator(int k)
    {
        string code = "NB." + k.ToString("D3", CultureInfo.InvariantCulture);
        return IsFraction(k)
            ? new Indicator(code, "Tỷ lệ " + k.ToString(CultureInfo.InvariantCulture), Unit.Percent, Direction.HigherIsBetter, Pillar.DigitalSociety,
                k % 2 == 0 ? TemporalNature.Flow : TemporalNature.Snapshot, levels: [AdministrativeLevel.Commune, AdministrativeLevel.District, AdministrativeLevel.Province], periodicity: PeriodKind.Month)
            : new Indicator(code, "Số lượng " + k.ToString(CultureInfo.InvariantCulture), Unit.Count, Direction.HigherIsBetter, Pillar.DigitalEconomy,
                TemporalNature.Flow, levels: [AdministrativeLevel.Commune, AdministrativeLevel.District, AdministrativeLevel.Province], periodicity: PeriodKind.Month);
    }

    private static ulong Mix(ulong x, ulong salt)
    {
        ulong z = x + (salt * 0x9E3779B97F4A7C15UL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
