using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;

namespace DigitalKpi.Benchmarks;

public static class Program
{
    /// <summary>
    /// <c>dotnet run -c Release --project benchmarks/DigitalKpi.Benchmarks -- --quick</c> runs every benchmark with a short
    /// job (a few minutes in all); without <c>--quick</c> BenchmarkDotNet's defaults apply. Other arguments go to BenchmarkDotNet
    /// (e.g. <c>--filter *Attainment*</c>).
    /// </summary>
    public static int Main(string[] args)
    {
        bool quick = args.Contains("--quick");
        string[] rest = args.Where(a => a != "--quick").ToArray();
        IConfig config = DefaultConfig.Instance.WithOptions(ConfigOptions.JoinSummary);
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
