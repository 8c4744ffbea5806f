using System.Diagnostics;
using System.Text.Json;
using DigitalKpi.Json;
using DigitalKpi.Tests.TestHelpers;

namespace DigitalKpi.Tests.Json;

/// <summary>
/// The independent check: Ajv (JSON Schema draft 2020-12, strict mode, with ajv-formats) validates every sample
/// against the committed schemas. Every valid sample must pass, every invalid one must parse and fail the schema.
/// Needs node and tests/ajv/node_modules (`npm ci` in tests/ajv, which .ci/run does); fails, never skips, without them.
/// </summary>
public class AjvTests
{
    private sealed record Verdict(string File, bool Parsed, bool Valid, string[] Errors);

    private static readonly JsonSerializerOptions ReadOptions = new() { PropertyNameCaseInsensitive = true };

    private static readonly string AjvFolder = Path.Combine(RepoPaths.Root, "tests", "ajv");

    private static List<Verdict> RunAjv(string schemaFile, IEnumerable<string> files)
    {
        Assert.True(
            Directory.Exists(Path.Combine(AjvFolder, "node_modules", "ajv")) && Directory.Exists(Path.Combine(AjvFolder, "node_modules", "ajv-formats")),
            "Ajv is not installed: run `npm ci` in tests/ajv (.ci/run does).");
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = RepoPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
        };
        start.ArgumentList.Add(Path.Combine(AjvFolder, "validate.mjs"));
        start.ArgumentList.Add(Path.Combine(RepoPaths.Root, "docs", "schema", schemaFile));
        foreach (string f in files)
        {
            start.ArgumentList.Add(f);
        }
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            Assert.Fail("node is not installed or not on PATH (" + e.Message + "): the Ajv check needs Node.js.");
            throw;
        }
        using (process)
        {
            Task<string> stderr = process.StandardError.ReadToEndAsync();
            string stdout = process.StandardOutput.ReadToEnd();
            Assert.True(process.WaitForExit(120_000), "node did not finish in 2 minutes");
            Assert.True(process.ExitCode == 0, "validate.mjs failed (" + process.ExitCode + "): " + stderr.Result);
            return JsonSerializer.Deserialize<List<Verdict>>(stdout, ReadOptions)!;
        }
    }

    [Theory]
    [InlineData(KpiDocumentKind.Catalog, "catalog.schema.json")]
    [InlineData(KpiDocumentKind.Measurements, "measurements.schema.json")]
    public void Ajv_AcceptsEveryValidSample_AndRejectsEveryInvalidOne(KpiDocumentKind kind, string schema)
    {
        List<JsonSample> samples = JsonSamples.All.Where(s => s.Kind == kind).ToList();
        List<Verdict> verdicts = RunAjv(schema, samples.Select(s => s.Path));
        Assert.Equal(samples.Count, verdicts.Count);
        for (int i = 0; i < samples.Count; i++)
        {
            JsonSample sample = samples[i];
            Verdict v = verdicts[i];
            Assert.True(v.Parsed, sample.Name + " is not JSON for node: " + string.Join("; ", v.Errors));
            if (sample.Valid)
            {
                Assert.True(v.Valid, "Ajv rejects valid " + sample.Name + ": " + string.Join("; ", v.Errors));
            }
            else
            {
                Assert.False(v.Valid, "Ajv accepts invalid " + sample.Name);
                Assert.NotEmpty(v.Errors);
            }
        }
    }

    [Fact]
    public void Ajv_AcceptsGeneratedDocuments()
    {
        // Documents the writer produces from generated models (every unit, comparator, level, status, period form
        // and extreme decimals) conform to the committed schemas too.
        string dir = Directory.CreateTempSubdirectory("dkpi-ajv-").FullName;
        try
        {
            var catalogFiles = new List<string>();
            int n = 0;
            foreach (Catalog c in FsCheck.Fluent.Gen.Sample(JsonModelGen.Catalog, 150))
            {
                string f = Path.Combine(dir, "c" + n++ + ".json");
                File.WriteAllBytes(f, KpiJson.ToUtf8Bytes(c));
                catalogFiles.Add(f);
            }
            var setFiles = new List<string>();
            foreach (MeasurementSet s in FsCheck.Fluent.Gen.Sample(JsonModelGen.MeasurementSet, 150))
            {
                string f = Path.Combine(dir, "m" + n++ + ".json");
                File.WriteAllBytes(f, KpiJson.ToUtf8Bytes(s));
                setFiles.Add(f);
            }
            foreach (Verdict v in RunAjv("catalog.schema.json", catalogFiles).Concat(RunAjv("measurements.schema.json", setFiles)))
            {
                Assert.True(v.Parsed && v.Valid, v.File + ": " + string.Join("; ", v.Errors) + "\n" + File.ReadAllText(v.File));
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
