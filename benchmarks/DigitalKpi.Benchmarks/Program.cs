using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;

namespace DigitalKpi.Benchmarks;

public static class Program
{
    /// <summary>
    /// <c>dotnet run -c Release --project benchmarks/DigitalKpi.Benchmarks -- --quick</c> runs every benchmark with a short
    /// job (a few minutes in all); without <c>--quick</c> BenchmarkDotNet's defaults apply. Other arguments go to BenchmarkDotNet
    /// (e.g. <c>--filter *Attainment*</c>). <c>--export-rows FILE</c> writes the roll-up dataset as CSV (for
    /// benchmarks/postgres/run.sh); <c>--rollup-memory</c> measures the roll-up's peak memory against the raw data.
    /// </summary>
    public static int Main(string[] args)
    {
        int export = Array.IndexOf(args, "--export-rows");
        if (export >= 0)
        {
            if (export + 1 >= args.Length)
            {
                Console.Error.WriteLine("usage: --export-rows FILE");
                return 2;
            }
            RollupData.ExportCsv(args[export + 1]);
            Console.WriteLine(RollupData.Rows.ToString(System.Globalization.CultureInfo.InvariantCulture) + " rows written to " + args[export + 1]);
            return 0;
        }
        if (args.Contains("--rollup-memory"))
        {
            RollupMemory.Run();
            return 0;
        }
        bool quick = args.Contains("--quick");
        string[] rest = args.Where(a => a != "--quick").ToArray();
        // Shared, noisy machines: the summary shows the median beside the mean, and ratios against the baseline of the same run.
        // Every class has a category (goal) and JSON has one per direction: one table, ratios within each category.
        IConfig config = DefaultConfig.Instance.WithOptions(ConfigOptions.JoinSummary).AddColumn(StatisticColumn.Median)
            .AddLogicalGroupRules(BenchmarkLogicalGroupRule.ByCategory);
        if (quick)
        {
            config = config.AddJob(Job.ShortRun.WithWarmupCount(2).WithIterationCount(5).WithLaunchCount(1).WithId("Quick"));
        }
        if (rest.Length == 0)
        {
            rest = ["--filter", "*"];
        }
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(rest, config);
        return 0;
    }
}
