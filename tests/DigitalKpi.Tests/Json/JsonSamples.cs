using System.Text.Json;
using DigitalKpi.Json;
using DigitalKpi.Tests.Catalogs;
using DigitalKpi.Tests.TestHelpers;

namespace DigitalKpi.Tests.Json;

/// <summary>A sample document: its file, its kind and whether it is meant to be read.</summary>
public sealed record JsonSample(string Path, KpiDocumentKind Kind, bool Valid)
{
    public string Name => System.IO.Path.GetRelativePath(RepoPaths.Root, Path).Replace('\\', '/');

    public override string ToString() => Name;
}

/// <summary>
/// The sample documents: tests/DigitalKpi.Tests/Json/Samples/{valid,invalid}/{catalog,measurements}/*.json, plus every
/// *.json under src/DigitalKpi/Catalogs (the built-in seed catalogs, once they exist), whose kind is read from the file.
/// </summary>
internal static class JsonSamples
{
    internal static string Folder { get; } = Path.Combine(RepoPaths.Root, "tests", "DigitalKpi.Tests", "Json", "Samples");

    internal static string BuiltInCatalogs { get; } = Path.Combine(RepoPaths.Root, "src", "DigitalKpi", "Catalogs");

    internal static IReadOnlyList<JsonSample> Valid { get; } = Load(valid: true);

    internal static IReadOnlyList<JsonSample> Invalid { get; } = Load(valid: false);

    internal static IReadOnlyList<JsonSample> All { get; } = [.. Valid, .. Invalid];

    private static List<JsonSample> Load(bool valid)
    {
        var samples = new List<JsonSample>();
        string root = Path.Combine(Folder, valid ? "valid" : "invalid");
        foreach ((string sub, KpiDocumentKind kind) in new[] { ("catalog", KpiDocumentKind.Catalog), ("measurements", KpiDocumentKind.Measurements) })
        {
            foreach (string file in Directory.EnumerateFiles(Path.Combine(root, sub), "*.json").Order(StringComparer.Ordinal))
            {
                samples.Add(new JsonSample(file, kind, valid));
            }
        }
        if (valid && Directory.Exists(BuiltInCatalogs))
        {
            foreach (string file in Directory.EnumerateFiles(BuiltInCatalogs, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                samples.Add(new JsonSample(file, KindOf(file), valid));
            }
        }
        return samples;
    }

    private static KpiDocumentKind KindOf(string file)
    {
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllBytes(file));
        string? kind = doc.RootElement.TryGetProperty("kind", out JsonElement k) ? k.GetString() : null;
        return kind == KpiJson.MeasurementsKind ? KpiDocumentKind.Measurements : KpiDocumentKind.Catalog;
    }

    /// <summary>The catalogs among the valid samples (measurement sets are checked against them).</summary>
    internal static IReadOnlyList<Catalog> Catalogs { get; } = Valid
        .Where(s => s.Kind == KpiDocumentKind.Catalog)
        .Select(s => KpiJson.ReadCatalogFile(s.Path).Model)
        .ToList();

    /// <summary>Reads a sample as its kind; returns the model.</summary>
    internal static object Read(JsonSample sample, ReadOnlySpan<byte> bytes, KpiJsonReadOptions? options = null)
        => sample.Kind == KpiDocumentKind.Catalog
            ? KpiJson.ReadCatalog(bytes, options).Model
            : KpiJson.ReadMeasurementSet(bytes, Catalogs, options).Model;

    /// <summary>The built-in seed catalogs (src/DigitalKpi/Catalogs): every catalog and result set of the reviewed seed inventory, as the writer writes them.</summary>
    internal static IEnumerable<(string Path, string Json)> SeedSamples()
    {
        (List<Catalog> catalogs, List<MeasurementSet> results) = SeedInventory.Load();
        foreach (Catalog c in catalogs)
        {
            yield return (Path.Combine(BuiltInCatalogs, "catalogs", c.Id.ToLowerInvariant() + ".json"), KpiJson.ToJson(c));
        }
        foreach (MeasurementSet s in results)
        {
            yield return (Path.Combine(BuiltInCatalogs, "results", s.Id.ToLowerInvariant() + ".json"), KpiJson.ToJson(s));
        }
    }
}
