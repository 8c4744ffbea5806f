using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;

namespace DigitalKpi.Analyzers.Tests;

/// <summary>No analyzer exception (AD0001, or one caught by the analyzer's own guard) on any input: the repository's own C# files and thousands of truncated or mutated consumer files.</summary>
public class RobustnessTests
{
    /// <summary>A consumer file that uses every form the analyzer reads, valid and invalid.</summary>
    internal static string ConsumerFile(int n) => Harness.Usings + $$"""
        namespace Consumer.N{{n}};

        public static partial class Plan{{n}}
        {
            private const decimal Floor = 80;
            private static readonly Quantity Ceiling = Quantity.Percent(90);
            private static readonly TargetBuilder Base = Target.For("P{{n}}.BASE", Consumer.Indicators.Fibre.Code).By(2025);
            public static readonly Indicator Local = new("X{{n}}.LOCAL", "Chỉ số {{n}}", Unit.RankAmong(63), Direction.LowerIsBetter, Pillar.DigitalGovernment, TemporalNature.Snapshot, levels: new[] { AdministrativeLevel.Province });
            public static readonly Target A = Target.For("P{{n}}.A", Consumer.Indicators.Fibre.Code).AtLeast(Quantity.Percent(Floor)).WithBaseline(Quantity.Percent(60.5m), new LocalDate(2021, 12, 31)).By(2025).CitedFrom("02-NQ/TU", "tối thiểu 80%").Build();
            public static readonly Target B = Target.For("P{{n}}.B", Consumer.Indicators.Fibre.Code).Between(Quantity.Percent(95), Ceiling).AtLevel(AdministrativeLevel.District).By(new LocalDate(2030, 12, 31)).Build();
            public static readonly Target C = Target.For("P{{n}}.C", "X{{n}}.LOCAL").RankWithin(10, 63).Maintained().Aspirational().By(2025).Build();
            public static readonly Target D = Target.For("P{{n}}.D", Consumer.Indicators.GrdpShare.Code).About(Quantity.Share(10, EconomicAggregate.Grdp), -1m).From(new LocalDate(2022, 6, 1)).By(2025).Refining("VN.749.GRDP").Build();
            public static readonly Target E = new("P{{n}}.E", "DS.FIBRE_HOUSEHOLDS", Comparator.AtMost, Quantity.Percent(120), new LocalDate(2025, 12, 31), level: AdministrativeLevel.Commune, baseline: new Baseline(50, new LocalDate(2026, 1, 1)));
            public static readonly Target F = Target.For("P{{n}}.F", "MILESTONE.X").Achieved().By(2025).Build();
            public static readonly Target G = Target.For("P{{n}}.G", Consumer.Indicators.Enterprises.Code).AtLeast(Quantity.Count(300)).By(2030).Build();
            public static Target H => Base.Between(Quantity.Percent(Floor), Quantity.Percent(70)).Build();
            public static readonly Measurement M = Measurement.OfFraction("DS.FIBRE_HOUSEHOLDS", "08", ReportingPeriod.Year(2022), 1693m, 1733m, 81.2m);
            public static readonly Catalog Catalog = new("P{{n}}", "Kế hoạch {{n}}", "45", [Consumer.Indicators.Fibre, Local], [A, B, C, D, E, F, G, H, Target.For("P{{n}}.I", "DS.FIBRE_HOUSEHOLDS").Below(Quantity.Percent(5)).By(2026).Build()]);

            public static Target[] Dynamic(decimal p, int year)
            {
                var local = Target.For("P{{n}}.L", "DS.FIBRE_HOUSEHOLDS").By(year);
                return [local.AtLeast(Quantity.Percent(p)).Build(), Base.AtLevel(AdministrativeLevel.Commune).AtMost(Quantity.Percent(-3)).Build()];
            }
        }
        """;

    [Fact]
    public async Task EveryCSharpFileInTheRepository_NoAnalyzerException()
    {
        string root = PackageConsumerTests.FindRepositoryRoot();
        var projects = Directory.EnumerateFiles(root, "*.csproj", SearchOption.AllDirectories)
            .Where(p => !IsBuildOutput(p))
            .Select(Path.GetDirectoryName)
            .ToList();
        Assert.NotEmpty(projects);
        int files = 0;
        foreach (string? dir in projects)
        {
            var sources = Directory.EnumerateFiles(dir!, "*.cs", SearchOption.AllDirectories)
                .Where(f => !IsBuildOutput(f))
                .Select(f => (f, File.ReadAllText(f)))
                .ToList();
            files += sources.Count;
            // The files compile against DigitalKpi and NodaTime only (other references missing: errors are expected).
            await Harness.RunAsync(Harness.Compile(sources, requireNoErrors: false));
        }
        Assert.True(files > 50, "only " + files + " files found");
    }

    [Fact]
    public async Task ThousandsOfTruncatedOrMutatedConsumerFiles_NoAnalyzerException()
    {
        const int Files = 2400;
        const int PerCompilation = 60;
        var random = new Random(20251123);
        string[] inserts = ["null", "default", "-", "(", ")", ",", ".", "new()", "[]", "..", "!", "\"", "'", "{", "}", ";", "=>", "0", "-0m", "1e400", "79228162514264337593543950335m", "int.MaxValue", "Comparator.About", "(Comparator)99", "(AdministrativeLevel)7", "(EconomicAggregate)(-1)", "Quantity.Yes", "Unit.RankAmong(0)", ".Build()", ".By(0)", ".By(2025)", "Target.For(", "new LocalDate(2025, 2, 30)"];
        var batch = new List<(string, string)>();
        int compilations = 0;
        for (int i = 0; i < Files; i++)
        {
            string text = ConsumerFile(i);
            int mutations = 1 + random.Next(4);
            for (int m = 0; m < mutations && text.Length > 0; m++)
            {
                int at = random.Next(text.Length);
                switch (random.Next(6))
                {
                    case 0:
                        text = text[..at];
                        break;
                    case 1:
                        text = text.Remove(at, Math.Min(text.Length - at, 1 + random.Next(40)));
                        break;
                    case 2:
                        text = text.Insert(at, inserts[random.Next(inserts.Length)]);
                        break;
                    case 3:
                        int len = Math.Min(text.Length - at, 1 + random.Next(80));
                        text = text.Insert(random.Next(text.Length), text.Substring(at, len));
                        break;
                    case 4:
                        text = ReplaceNumber(text, random);
                        break;
                    default:
                        text = ReplaceNumber(ReplaceNumber(text, random), random);
                        break;
                }
            }
            batch.Add(($"Mutated{i}.cs", text));
            if (batch.Count == PerCompilation || i == Files - 1)
            {
                batch.Add(("Indicators.cs", Harness.IndicatorsFile));
                await Harness.RunAsync(Harness.Compile(batch, requireNoErrors: false));
                compilations++;
                batch.Clear();
            }
        }
        Assert.Equal(Files / PerCompilation, compilations);
    }

    [Fact]
    public async Task UnmutatedConsumerFiles_CompileAndReport()
    {
        var sources = Enumerable.Range(0, 3).Select(i => ($"Plan{i}.cs", ConsumerFile(i))).Append(("Indicators.cs", Harness.IndicatorsFile)).ToList();
        var diagnostics = await Harness.RunAsync(Harness.Compile(sources));
        string[] expected = ["DKPI001", "DKPI002", "DKPI003", "DKPI005", "DKPI006", "DKPI008", "DKPI009", "DKPI010", "DKPI012"];
        string[] missing = expected.Where(id => !diagnostics.Any(d => d.Id == id)).ToArray();
        Assert.True(missing.Length == 0, "missing " + string.Join(", ", missing) + " in:\n" + string.Join("\n", diagnostics.Select(d => d.ToString())));
    }

    private static string ReplaceNumber(string text, Random random)
    {
        var digits = new List<int>();
        for (int i = 0; i < text.Length; i++)
        {
            if (char.IsAsciiDigit(text[i]) && (i == 0 || !char.IsAsciiDigit(text[i - 1])))
            {
                digits.Add(i);
            }
        }
        if (digits.Count == 0)
        {
            return text;
        }
        int start = digits[random.Next(digits.Count)];
        int end = start;
        while (end < text.Length && (char.IsAsciiDigit(text[end]) || text[end] == '.'))
        {
            end++;
        }
        string[] values = ["0", "-1", "100", "101", "99999999999", "2147483648", "0.0000001", "63", "64", "-2025", "9999", "1", "12", "31", "13", "32"];
        return text[..start] + values[random.Next(values.Length)] + text[end..];
    }

    private static bool IsBuildOutput(string path)
    {
        string p = path.Replace('\\', '/');
        return p.Contains("/bin/", StringComparison.Ordinal) || p.Contains("/obj/", StringComparison.Ordinal) || p.Contains("/.git/", StringComparison.Ordinal);
    }
}
