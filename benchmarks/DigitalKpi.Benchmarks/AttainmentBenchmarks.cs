using BenchmarkDotNet.Attributes;

namespace DigitalKpi.Benchmarks;

/// <summary>
/// Goal 1: evaluating many measurements against a target. Baselines, in the same run: a plain scalar loop written
/// here (what a developer writes by hand) and an object-per-measurement LINQ implementation (what a typical reporting
/// developer writes). The library: <see cref="AttainmentKernel"/> over spans.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("Attainment")]
public class AttainmentBenchmarks
{
    private const int Count = 1_000_000;
    private static readonly Target Fibre = Target.For("QT.2025.FIBRE", "DS.FIBRE_HOUSEHOLDS").AtLeast(Quantity.Percent(80)).By(2025).Build();
    private static readonly AttainmentKernel Kernel = AttainmentKernel.Create(Fibre);
    private static readonly double[] Values = MakeValues();
    private static readonly double[] Ratios = new double[Count];
    private static readonly Row[] Rows = Values.Select((v, i) => new Row("DS.FIBRE_HOUSEHOLDS", i.ToString(System.Globalization.CultureInfo.InvariantCulture), v)).ToArray();

    private static double[] MakeValues()
    {
        var random = new Random(42);
        var values = new double[Count];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = Math.Round(random.NextDouble() * 100.0, 1);
        }
        return values;
    }

    /// <summary>A hand-written scalar loop: ratio = clamp(value / threshold, 0, 10), at least 1 when met.</summary>
    [Benchmark(Baseline = true)]
    public double ScalarLoop()
    {
        double threshold = 80.0;
        double[] values = Values;
        double[] ratios = Ratios;
        for (int i = 0; i < values.Length; i++)
        {
            double v = values[i];
            double r = v / threshold;
            if (v >= threshold && r < 1.0)
            {
                r = 1.0;
            }
            ratios[i] = r > 10.0 ? 10.0 : r < 0.0 ? 0.0 : r;
        }
        return ratios[^1];
    }

    /// <summary>What a typical reporting developer writes: one object per measurement, LINQ projection.</summary>
    [Benchmark]
    public double LinqObjects()
        => Rows.Select(r => new RowResult(r.Unit, r.Value >= 80.0, Math.Clamp(r.Value / 80.0, 0.0, 10.0))).ToList()[^1].Ratio;

    /// <summary>The library's batch API (vectorised, allocation-free).</summary>
    [Benchmark]
    public double KernelRatios()
    {
        Kernel.Ratios(Values, Ratios);
        return Ratios[^1];
    }

    /// <summary>The library's batch count of met targets.</summary>
    [Benchmark]
    public int KernelCountMet() => Kernel.CountMet(Values);

    /// <summary>The library's full single-item evaluation (status, progress, gap...), per value.</summary>
    [Benchmark(OperationsPerInvoke = 1)]
    public double SingleItemEvaluate()
    {
        double sum = 0;
        var date = new NodaTime.LocalDate(2024, 12, 31);
        for (int i = 0; i < 100_000; i++)
        {
            sum += Attainment.Evaluate(Fibre, (decimal)Values[i], date).Ratio;
        }
        return sum;
    }

    private sealed record Row(string Indicator, string Unit, double Value);

    private sealed record RowResult(string Unit, bool Met, double Ratio);
}
