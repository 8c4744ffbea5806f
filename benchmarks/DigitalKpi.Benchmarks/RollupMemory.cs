using System.Diagnostics;
using System.Globalization;
using DigitalKpi.Aggregation;

namespace DigitalKpi.Benchmarks;

/// <summary>
/// Goal 2's memory side measurement (<c>--rollup-memory</c>), in a process of its own: the raw measurements (the four
/// columns), the managed heap once they are built, and the peak while the library rolls up all 100 indicators and
/// keeps every result (GC heap peak sampled after each indicator, and the process's peak working set).
/// </summary>
public static class RollupMemory
{
    /// <summary>Builds the dataset, rolls it up, prints the figures.</summary>
    public static void Run()
    {
        var inv = CultureInfo.InvariantCulture;
        long raw = RollupData.RawBytes;
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        long heapAfterData = GC.GetTotalMemory(forceFullCollection: true);
        long peakHeap = heapAfterData;
        var results = new List<RollupResult>(RollupData.Indicators);
        var clock = Stopwatch.StartNew();
        for (int k = 0; k < RollupData.Indicators; k++)
        {
            results.Add(RollupData.Engine.Rollup(RollupData.IndicatorList[k], RollupData.Columns[k], RollupData.Options[k]));
            peakHeap = Math.Max(peakHeap, GC.GetTotalMemory(forceFullCollection: false));
            peakHeap = Math.Max(peakHeap, GC.GetGCMemoryInfo(GCKind.Any).HeapSizeBytes);
        }
        clock.Stop();
        long heapAfterRollup = GC.GetTotalMemory(forceFullCollection: true);
        long peakWorkingSet = Process.GetCurrentProcess().PeakWorkingSet64;
        static string Mb(long bytes) => (bytes / 1048576.0).ToString("F0", CultureInfo.InvariantCulture) + " MiB";
        Console.WriteLine("rows                           " + RollupData.Rows.ToString("N0", inv));
        Console.WriteLine("raw measurements (4 columns)   " + Mb(raw));
        Console.WriteLine("managed heap after the data    " + Mb(heapAfterData) + " (map, engine and columns)");
        Console.WriteLine("managed heap peak, roll-up     " + Mb(peakHeap) + " = " + ((double)peakHeap / raw).ToString("F2", inv) + " x raw");
        Console.WriteLine("managed heap, results kept     " + Mb(heapAfterRollup) + " (" + Mb(heapAfterRollup - heapAfterData) + " of results)");
        Console.WriteLine("process peak working set       " + Mb(peakWorkingSet) + " = " + ((double)peakWorkingSet / raw).ToString("F2", inv) + " x raw (includes generating the data and the runtime)");
        Console.WriteLine("roll-up of 100 indicators      " + clock.Elapsed.TotalMilliseconds.ToString("F0", inv) + " ms (one cold run)");
        GC.KeepAlive(results);
    }
}
