using System.Diagnostics;
using System.IO.Compression;
using System.Reflection;
using System.Text;

namespace DigitalKpi.Analyzers.Tests;

/// <summary>
/// CONSUMER-PROJECT TEST (slow: packs and runs real <c>dotnet build</c>s, about a minute). Packs src/DigitalKpi (built
/// by the solution build; <c>--no-build</c>) into a local folder feed, restores a small consumer project from it with an
/// isolated NuGet cache, and shows that (a) it builds cleanly with valid targets, (b) the build fails with DKPI002 when a
/// band is inverted and warnings are errors (in English, and in Vietnamese for a Vietnamese compiler UI culture),
/// (c) an .editorconfig line silences it, and (d) a catalog kept as JSON (<c>&lt;AdditionalFiles Include="plan.kpi.json" /&gt;</c>)
/// with an inverted band fails the build with DKPI002 at <c>plan.kpi.json(line,col)</c>, which a global analyzer config
/// silences (the compiler applies no .editorconfig section to additional files). It fails, never skips, when packing or
/// restoring fails.
/// </summary>
[Trait("Category", "PackageConsumer")]
public class PackageConsumerTests
{
    private const string ValidPlan = """
        using DigitalKpi;
        using DigitalKpi.Administration;

        namespace Consumer;

        public static class Plan
        {
            public static readonly Indicator Fibre = new("DS.FIBRE_HOUSEHOLDS", "Tỷ lệ hộ gia đình có cáp quang", Unit.Percent, Direction.HigherIsBetter, Pillar.DigitalSociety, TemporalNature.Snapshot);

            public static readonly Target Fibre2025 = Target.For("QT.2025.FIBRE", Fibre.Code).Between(Quantity.Percent(70), Quantity.Percent(80)).By(2025).Build();

            public static readonly Catalog Catalog = new("QT-02-NQ-TU", "Nghị quyết 02-NQ/TU", "45", [Fibre], [Fibre2025]);
        }
        """;

    private const string JsonPlan = """
        {
          "kind": "digitalkpi.catalog",
          "formatVersion": "1.0",
          "id": "QT-02-NQ-TU-JSON",
          "title": "Nghị quyết 02-NQ/TU",
          "issuer": "45",
          "indicators": [
            {
              "code": "DS.FIBRE_HOUSEHOLDS",
              "nameVi": "Tỷ lệ hộ gia đình có cáp quang",
              "unit": "percent",
              "direction": "higherIsBetter",
              "pillar": "digitalSociety",
              "temporalNature": "snapshot"
            }
          ],
          "targets": [
            {
              "id": "QT.2025.FIBRE.JSON",
              "indicator": "DS.FIBRE_HOUSEHOLDS",
              "comparator": "between",
              "value": 80,
              "upper": 70,
              "unit": "percent",
              "deadline": "2025-12-31"
            }
          ]
        }
        """;

    [Fact]
    public void PackedPackage_ConsumerBuildsCleanly_FailsOnInvertedBand_AndEditorConfigSilencesIt()
    {
        string root = FindRepositoryRoot();
        string configuration = typeof(PackageConsumerTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
        string work = Directory.CreateTempSubdirectory("dkpi-consumer-").FullName;
        try
        {
            string feed = Path.Combine(work, "feed");
            string packages = Path.Combine(work, "packages");
            string consumer = Path.Combine(work, "consumer");
            Directory.CreateDirectory(consumer);

            Result pack = Dotnet(root, packages, "pack", Path.Combine(root, "src", "DigitalKpi", "DigitalKpi.csproj"), "-c", configuration, "--no-build", "-o", feed);
            Assert.True(pack.ExitCode == 0, "dotnet pack failed (build the solution in " + configuration + " first):\n" + pack.Output);
            AssertPackageLayout(Path.Combine(feed, "DigitalKpi.1.0.0.nupkg"));
            Assert.True(File.Exists(Path.Combine(feed, "DigitalKpi.1.0.0.snupkg")), "no symbol package");

            File.WriteAllText(Path.Combine(work, "nuget.config"), NuGetConfig(feed, packages));
            const string project = """
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFramework>net10.0</TargetFramework>
                    <Nullable>enable</Nullable>
                    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="DigitalKpi" Version="1.0.0" />
                  </ItemGroup>
                </Project>
                """;
            File.WriteAllText(Path.Combine(consumer, "Consumer.csproj"), project);
            string plan = Path.Combine(consumer, "Plan.cs");

            // (a) Valid targets: restores from the folder feed and builds with no diagnostics.
            File.WriteAllText(plan, ValidPlan);
            Result valid = Dotnet(consumer, packages, "build", "--disable-build-servers");
            Assert.True(valid.ExitCode == 0, "the valid consumer does not build:\n" + valid.Output);
            Assert.DoesNotContain("DKPI", valid.Output, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(packages, "digitalkpi", "1.0.0", "analyzers", "dotnet", "cs", "DigitalKpi.Analyzers.dll")), "the package did not come from the folder feed");

            // (b) An inverted band: the build fails with DKPI002 on the upper bound, in the compiler's UI language.
            string invertedPlan = ValidPlan.Replace("Between(Quantity.Percent(70), Quantity.Percent(80))", "Between(Quantity.Percent(80), Quantity.Percent(70))", StringComparison.Ordinal);
            File.WriteAllText(plan, invertedPlan);
            Result inverted = Dotnet(consumer, packages, "build", "--disable-build-servers", "--no-restore");
            Assert.True(inverted.ExitCode != 0, "the build with an inverted band succeeded:\n" + inverted.Output);
            // At the upper bound argument, "Quantity.Percent(70)".
            string[] lines = invertedPlan.Split('\n');
            int line = Array.FindIndex(lines, l => l.Contains("Between(", StringComparison.Ordinal));
            int column = lines[line].IndexOf("Quantity.Percent(70)", StringComparison.Ordinal) + 1;
            Assert.Contains($"Plan.cs({line + 1},{column}): error DKPI002: QT.2025.FIBRE: band 80–70% is inverted", inverted.Output, StringComparison.Ordinal);
            Result vietnamese = Dotnet(consumer, packages, "build", "--disable-build-servers", "--no-restore", "-p:PreferredUILang=vi-VN");
            Assert.Contains("error DKPI002: QT.2025.FIBRE: khoảng 80–70% bị đảo ngược", vietnamese.Output, StringComparison.Ordinal);

            // (b2) A catalog whose list of indicators (a collection expression, read from the compiler's own operation for it)
            // leaves out the target's indicator: DKPI012 across the definitions at the end of the compilation (a warning, which
            // this project treats as an error).
            string unlistedPlan = ValidPlan
                .Replace("[Fibre], [Fibre2025]", "[Other], [Fibre2025]", StringComparison.Ordinal)
                .Replace("    public static readonly Target", "    public static readonly Indicator Other = new(\"DS.OTHER\", \"Khác\", Unit.Percent, Direction.HigherIsBetter, Pillar.DigitalSociety, TemporalNature.Snapshot);\n\n    public static readonly Target", StringComparison.Ordinal);
            Assert.Contains("[Other], [Fibre2025]", unlistedPlan, StringComparison.Ordinal);
            File.WriteAllText(plan, unlistedPlan);
            Result unlisted = Dotnet(consumer, packages, "build", "--disable-build-servers", "--no-restore");
            Assert.True(unlisted.ExitCode != 0, "the build with an unlisted indicator succeeded:\n" + unlisted.Output);
            Assert.Contains("error DKPI012: QT.2025.FIBRE: indicator 'DS.FIBRE_HOUSEHOLDS' is not defined", unlisted.Output, StringComparison.Ordinal);
            File.WriteAllText(plan, invertedPlan);

            // (c) One .editorconfig line silences it.
            File.WriteAllText(Path.Combine(consumer, ".editorconfig"), "root = true\n\n[*.cs]\ndotnet_diagnostic.DKPI002.severity = none\n");
            Result silenced = Dotnet(consumer, packages, "build", "--disable-build-servers", "--no-restore");
            Assert.True(silenced.ExitCode == 0, "the .editorconfig line did not silence DKPI002:\n" + silenced.Output);
            Assert.DoesNotContain("DKPI002", silenced.Output, StringComparison.Ordinal);

            // (d) A catalog kept as JSON, given as an AdditionalFiles item, with an inverted band: the build fails with
            // DKPI002 at the value of "upper" in plan.kpi.json (the [*.cs] section above does not apply to it).
            File.WriteAllText(plan, ValidPlan);
            File.WriteAllText(Path.Combine(consumer, "Consumer.csproj"), project.Replace(
                "<PackageReference Include=\"DigitalKpi\" Version=\"1.0.0\" />",
                "<PackageReference Include=\"DigitalKpi\" Version=\"1.0.0\" />\n    <AdditionalFiles Include=\"plan.kpi.json\" />",
                StringComparison.Ordinal));
            File.WriteAllText(Path.Combine(consumer, "plan.kpi.json"), JsonPlan);
            Result json = Dotnet(consumer, packages, "build", "--disable-build-servers");
            Assert.True(json.ExitCode != 0, "the build with an inverted band in plan.kpi.json succeeded:\n" + json.Output);
            string[] jsonLines = JsonPlan.Split('\n');
            int upperLine = Array.FindIndex(jsonLines, l => l.Contains("\"upper\"", StringComparison.Ordinal));
            int upperColumn = jsonLines[upperLine].IndexOf("70", StringComparison.Ordinal) + 1;
            Assert.Contains($"plan.kpi.json({upperLine + 1},{upperColumn}): error DKPI002: QT.2025.FIBRE.JSON: band 80–70% is inverted", json.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("AD0001", json.Output, StringComparison.Ordinal);
            // The compiler applies .editorconfig sections to source files only (dotnet/roslyn#31916): a global analyzer
            // config, found by the SDK next to the project, configures diagnostics in additional files.
            File.WriteAllText(Path.Combine(consumer, ".globalconfig"), "is_global = true\n\ndotnet_diagnostic.DKPI002.severity = none\n");
            Result jsonSilenced = Dotnet(consumer, packages, "build", "--disable-build-servers", "--no-restore");
            Assert.True(jsonSilenced.ExitCode == 0, "the .globalconfig line did not silence DKPI002 in plan.kpi.json:\n" + jsonSilenced.Output);
            Assert.DoesNotContain("DKPI002", jsonSilenced.Output, StringComparison.Ordinal);
        }
        finally
        {
            try
            {
                Directory.Delete(work, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private static void AssertPackageLayout(string nupkg)
    {
        using ZipArchive zip = ZipFile.OpenRead(nupkg);
        var entries = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
        string[] required =
        [
            "lib/netstandard2.0/DigitalKpi.dll", "lib/netstandard2.0/DigitalKpi.xml", "lib/net10.0/DigitalKpi.dll", "lib/net10.0/DigitalKpi.xml",
            "analyzers/dotnet/cs/DigitalKpi.Analyzers.dll", "analyzers/dotnet/cs/DigitalKpi.CodeFixes.dll",
            "analyzers/dotnet/cs/NodaTime.dll", "analyzers/dotnet/cs/Microsoft.Bcl.HashCode.dll", "README.md",
        ];
        foreach (string r in required)
        {
            Assert.True(entries.Contains(r), r + " missing from the package: " + string.Join(", ", entries));
        }
        // The analyzer is packed once, not once per target framework.
        Assert.Single(entries, e => e.EndsWith("DigitalKpi.Analyzers.dll", StringComparison.Ordinal));
        using var reader = new StreamReader(zip.GetEntry("DigitalKpi.nuspec")!.Open());
        string nuspec = reader.ReadToEnd();
        foreach (string metadata in new[] { "<license type=\"expression\">MIT</license>", "<readme>README.md</readme>", "<repository type=\"git\"", "<description>", "<projectUrl>" })
        {
            Assert.Contains(metadata, nuspec, StringComparison.Ordinal);
        }
        Assert.DoesNotContain("DigitalKpi.Analyzers", nuspec, StringComparison.Ordinal);
    }

    private static string NuGetConfig(string feed, string packages)
    {
        var sb = new StringBuilder();
        sb.AppendLine("<?xml version=\"1.0\" encoding=\"utf-8\"?>");
        sb.AppendLine("<configuration>");
        sb.AppendLine("  <config><add key=\"globalPackagesFolder\" value=\"" + packages + "\" /></config>");
        sb.AppendLine("  <packageSources>");
        sb.AppendLine("    <clear />");
        sb.AppendLine("    <add key=\"local\" value=\"" + feed + "\" />");
        // The developer's package cache (a folder feed too) saves downloads; the normal source brings the rest (NodaTime…).
        string cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        if (Directory.Exists(cache))
        {
            sb.AppendLine("    <add key=\"cache\" value=\"" + cache + "\" />");
        }
        sb.AppendLine("    <add key=\"nuget.org\" value=\"https://api.nuget.org/v3/index.json\" protocolVersion=\"3\" />");
        sb.AppendLine("  </packageSources>");
        sb.AppendLine("</configuration>");
        return sb.ToString();
    }

    private sealed record Result(int ExitCode, string Output);

    private static Result Dotnet(string workingDirectory, string packages, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string a in arguments)
        {
            start.ArgumentList.Add(a);
        }
        // A clean environment for the child build: no MSBuild settings inherited from the test run, an isolated cache.
        foreach (string key in start.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(key);
        }
        start.Environment["NUGET_PACKAGES"] = packages;
        start.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en-US";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("dotnet " + string.Join(' ', arguments) + " did not finish in 5 minutes:\n" + output);
        }
        process.WaitForExit();
        lock (output)
        {
            return new Result(process.ExitCode, output.ToString());
        }
    }

    internal static string FindRepositoryRoot()
    {
        DirectoryInfo? dir = new(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "DigitalKpi.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("DigitalKpi.sln not found above " + AppContext.BaseDirectory);
    }
}
