using System.Text.Json;
using DigitalKpi.Json;
using DigitalKpi.Json.Internal;
using DigitalKpi.Tests.TestHelpers;

namespace DigitalKpi.Tests.Json;

/// <summary>
/// The committed schemas under docs/schema/ are what the exporter generates from the model today (regenerate with
/// DKPI_UPDATE_SCHEMAS=1), the library embeds the same text, and the $ids stay where they were published.
/// </summary>
public class JsonSchemaTests
{
    public static TheoryData<KpiDocumentKind, string, string> Schemas => new()
    {
        { KpiDocumentKind.Catalog, "catalog.schema.json", "https://digitalkpi.github.io/schema/catalog/1.0/catalog.schema.json" },
        { KpiDocumentKind.Measurements, "measurements.schema.json", "https://digitalkpi.github.io/schema/measurements/1.0/measurements.schema.json" },
    };

    internal static string SchemaPath(string file) => Path.Combine(RepoPaths.Root, "docs", "schema", file);

#if !DKPI_NETSTANDARD_LIBRARY // the generator needs .NET 9+ (JsonSchemaExporter); the net10.0 build checks it
    [Theory]
    [MemberData(nameof(Schemas))]
    public void CommittedSchema_IsTheSchemaGeneratedFromTheModel(KpiDocumentKind kind, string file, string id)
    {
        string generated = SchemaBuilder.Generate(kind);
        string path = SchemaPath(file);
        if (Environment.GetEnvironmentVariable("DKPI_UPDATE_SCHEMAS") == "1")
        {
            File.WriteAllText(path, generated, new System.Text.UTF8Encoding(false));
        }
        string committed = File.ReadAllText(path).ReplaceLineEndings("\n");
        Assert.True(generated == committed, $"docs/schema/{file} no longer matches the model. Review the change, then run the tests with DKPI_UPDATE_SCHEMAS=1 to update it.");
        Assert.Equal(id, JsonDocument.Parse(committed).RootElement.GetProperty("$id").GetString());
    }

#endif

    [Theory]
    [MemberData(nameof(Schemas))]
    public void Library_ServesTheCommittedSchema(KpiDocumentKind kind, string file, string id)
    {
        string committed = File.ReadAllText(SchemaPath(file)).ReplaceLineEndings("\n");
        Assert.Equal(committed, KpiJson.GetSchema(kind));
        Assert.Equal(id, kind == KpiDocumentKind.Catalog ? KpiJson.CatalogSchemaId : KpiJson.MeasurementsSchemaId);
    }

    [Fact]
    public void Schemas_AreDraft202012_AndClosed()
    {
        foreach (KpiDocumentKind kind in new[] { KpiDocumentKind.Catalog, KpiDocumentKind.Measurements })
        {
            JsonElement root = JsonDocument.Parse(KpiJson.GetSchema(kind)).RootElement;
            Assert.Equal("https://json-schema.org/draft/2020-12/schema", root.GetProperty("$schema").GetString());
            Assert.False(root.GetProperty("additionalProperties").GetBoolean());
            foreach (JsonProperty def in root.GetProperty("$defs").EnumerateObject())
            {
                if (def.Value.TryGetProperty("properties", out _))
                {
                    Assert.False(def.Value.GetProperty("additionalProperties").GetBoolean(), def.Name);
                }
            }
        }
    }

    [Fact]
    public void EnumDefinitions_ListEveryValueOfTheModel()
    {
        JsonElement defs = JsonDocument.Parse(KpiJson.GetSchema(KpiDocumentKind.Catalog)).RootElement.GetProperty("$defs");
        Assert.Equal(Enum.GetValues<Comparator>().Length, defs.GetProperty("comparator").GetProperty("enum").GetArrayLength());
        Assert.Equal(Enum.GetValues<Pillar>().Length, defs.GetProperty("pillar").GetProperty("enum").GetArrayLength());
        Assert.Equal(Enum.GetValues<PeriodKind>().Length, defs.GetProperty("periodicity").GetProperty("enum").GetArrayLength());
        Assert.Equal(Enum.GetValues<DigitalKpi.Administration.AdministrativeLevel>().Length, defs.GetProperty("level").GetProperty("enum").GetArrayLength());
        JsonElement mdefs = JsonDocument.Parse(KpiJson.GetSchema(KpiDocumentKind.Measurements)).RootElement.GetProperty("$defs");
        Assert.Equal(Enum.GetValues<ObservationStatus>().Length, mdefs.GetProperty("status").GetProperty("enum").GetArrayLength());
    }
}
