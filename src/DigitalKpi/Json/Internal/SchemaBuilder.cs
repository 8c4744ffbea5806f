#if NET9_0_OR_GREATER
using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.Json.Serialization.Metadata;
using DigitalKpi.Administration;
using DigitalKpi.Utility;
using NodaTime;

namespace DigitalKpi.Json.Internal;

/// <summary>
/// Generates the JSON Schemas (draft 2020-12) of the format from the wire types with System.Text.Json's
/// <see cref="JsonSchemaExporter"/> (members, JSON types, required members, no additional members), refined with
/// what the exporter cannot know: enum names, patterns for codes, dates, units and periods, number ranges, text
/// limits, the conditional shapes of targets and measurements, and descriptions. The exporter exists from
/// System.Text.Json 9 on, so generation runs on .NET 9+ only (tests and tools); the library serves the committed,
/// embedded schemas on every target framework (<see cref="KpiJson.GetSchema"/>).
/// </summary>
internal static class SchemaBuilder
{
    internal const string CodePattern = "^[A-Z0-9][A-Z0-9._-]{0,63}$";

    internal const string DatePattern = "^(?!0000)[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$";

    internal const string UnitPattern =
        "^(percent|fraction|count|milestone|share:(GRDP|GDP|BUDGET|RETAIL|SECTOR)|rank|rank:([1-9][0-9]{0,4}|100000)"
        + "|score:(?=[0-9.]{1,30}$)(?![0.]*$)(0|[1-9][0-9]*)(\\.[0-9]+)?|money:[A-Z]{3})$";

    internal const string PeriodPattern =
        "^(?!0000)[0-9]{4}(-(A1|[HS][12]|Q[1-4]|M(0[1-9]|1[0-2])|(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01])"
        + "(/(?!0000)[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01]))?)?)|S[12]|Q[1-4]|(0[1-9]|1[0-2])(0[1-9]|[12][0-9]|3[01])?)?$";

    internal const string VersionPattern = "^1\\.(0|[1-9][0-9]{0,5})$";

    private const string DecimalLimit = "79228162514264337593543950335";

    /// <summary>The schema of a document kind, as indented UTF-8 text with LF line ends and a final newline.</summary>
    internal static string Generate(KpiDocumentKind kind)
    {
        var state = new State();
        JsonTypeInfo root = kind == KpiDocumentKind.Catalog
            ? KpiJsonContext.Default.CatalogDocumentDto
            : KpiJsonContext.Default.MeasurementsDocumentDto;
        var exporterOptions = new JsonSchemaExporterOptions
        {
            TreatNullObliviousAsNonNullable = true,
            TransformSchemaNode = (context, node) => Transform(state, context, node),
        };
        JsonNode exported = JsonSchemaExporter.GetJsonSchemaAsNode(root, exporterOptions);

        var schema = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$id"] = kind == KpiDocumentKind.Catalog ? KpiJson.CatalogSchemaId : KpiJson.MeasurementsSchemaId,
            ["title"] = kind == KpiDocumentKind.Catalog ? "DigitalKpi catalog, format 1" : "DigitalKpi measurement set, format 1",
            ["description"] = kind == KpiDocumentKind.Catalog
                ? "A catalog of digital-transformation indicators and targets (one province's plan or a national program). Generated from the DigitalKpi model; see docs/json-format.md."
                : "A set of reported figures (measurements) of digital-transformation indicators. Generated from the DigitalKpi model; see docs/json-format.md.",
        };
        CopyObjectShape(exported, schema);
        var defs = new JsonObject();
        foreach (string name in DefinitionOrder)
        {
            if (state.Used.Contains(name))
            {
                defs[name] = state.Definitions.TryGetValue(name, out JsonNode? captured) ? captured.DeepClone() : Definition(name);
            }
        }
        schema["$defs"] = defs;
        return Write(schema);
    }

    private static readonly string[] DefinitionOrder =
    [
        "indicator", "target", "baseline", "measurement", "source",
        "code", "name", "number", "date", "unit", "period",
        "comparator", "direction", "pillar", "temporalNature", "level", "periodicity", "status",
    ];

    private sealed class State
    {
        internal HashSet<string> Used { get; } = new(StringComparer.Ordinal);

        internal Dictionary<string, JsonNode> Definitions { get; } = new(StringComparer.Ordinal);
    }

    private static JsonNode Transform(State state, JsonSchemaExporterContext context, JsonNode node)
    {
        Type type = context.TypeInfo.Type;
        JsonPropertyInfo? property = context.PropertyInfo;
        string? definition = DefinitionOf(type);
        if (definition is null && type == typeof(string) && property is not null)
        {
            definition = StringRole(property.DeclaringType, property.Name);
        }

        JsonObject result;
        if (definition is not null)
        {
            if (IsWireObject(type) && !state.Definitions.ContainsKey(definition))
            {
                var shape = new JsonObject { ["description"] = ObjectDescription(type) };
                CopyObjectShape(node, shape);
                AddConstraints(type, shape);
                state.Definitions[definition] = shape;
            }
            state.Used.Add(definition);
            result = new JsonObject { ["$ref"] = "#/$defs/" + definition };
        }
        else if (property is null)
        {
            // Roots and anything else: left as exported.
            return node;
        }
        else
        {
            result = new JsonObject();
            if (node is JsonObject exported)
            {
                foreach (KeyValuePair<string, JsonNode?> member in exported)
                {
                    result[member.Key] = member.Value?.DeepClone();
                }
            }
            if (type == typeof(string))
            {
                // $schema, kind and formatVersion.
                result = StringMember(property.DeclaringType, property.Name);
            }
            else if (type == typeof(bool))
            {
                result = new JsonObject { ["type"] = "boolean" };
            }
            else if (result["type"] is JsonNode t && t.ToJsonString() == "[\"array\",\"null\"]")
            {
                result["type"] = "array";
            }
            if (type == typeof(List<AdministrativeLevel>))
            {
                result["minItems"] = 1;
                result["uniqueItems"] = true;
            }
        }

        if (property is not null)
        {
            var described = new JsonObject { ["description"] = PropertyDescription(property.DeclaringType, property.Name) };
            foreach (KeyValuePair<string, JsonNode?> member in result)
            {
                described[member.Key] = member.Value?.DeepClone();
            }
            return described;
        }
        return result;
    }

    private static bool IsWireObject(Type type)
        => type == typeof(IndicatorDto) || type == typeof(TargetDto) || type == typeof(BaselineDto) || type == typeof(SourceDto) || type == typeof(MeasurementDto);

    private static string? DefinitionOf(Type type)
    {
        if (type == typeof(IndicatorDto))
        {
            return "indicator";
        }
        if (type == typeof(TargetDto))
        {
            return "target";
        }
        if (type == typeof(BaselineDto))
        {
            return "baseline";
        }
        if (type == typeof(SourceDto))
        {
            return "source";
        }
        if (type == typeof(MeasurementDto))
        {
            return "measurement";
        }
        if (type == typeof(decimal) || type == typeof(decimal?))
        {
            return "number";
        }
        if (type == typeof(LocalDate) || type == typeof(LocalDate?))
        {
            return "date";
        }
        if (type == typeof(Unit))
        {
            return "unit";
        }
        if (type == typeof(ReportingPeriod))
        {
            return "period";
        }
        if (type == typeof(Comparator))
        {
            return "comparator";
        }
        if (type == typeof(Direction))
        {
            return "direction";
        }
        if (type == typeof(Pillar))
        {
            return "pillar";
        }
        if (type == typeof(TemporalNature))
        {
            return "temporalNature";
        }
        if (type == typeof(AdministrativeLevel) || type == typeof(AdministrativeLevel?))
        {
            return "level";
        }
        if (type == typeof(PeriodKind) || type == typeof(PeriodKind?))
        {
            return "periodicity";
        }
        if (type == typeof(ObservationStatus) || type == typeof(ObservationStatus?))
        {
            return "status";
        }
        return null;
    }

    /// <summary>Which kind of text a string member holds: a code or a human-readable name (null: its own schema).</summary>
    private static string? StringRole(Type? declaring, string name) => name switch
    {
        "$schema" or "kind" or "formatVersion" => null,
        "id" or "code" or "issuer" or "indicator" or "refines" or "adminUnit" => "code",
        "title" or "nameVi" or "nameEn" or "document" or "quote" => "name",
        _ => throw new InvalidOperationException("No schema role for string member '" + name + "' of " + declaring?.Name + "."),
    };

    private static JsonObject StringMember(Type? declaring, string name)
    {
        bool catalog = declaring == typeof(CatalogDocumentDto);
        return name switch
        {
            "$schema" => new JsonObject { ["type"] = "string", ["maxLength"] = 2000 },
            "kind" => new JsonObject { ["const"] = catalog ? KpiJson.CatalogKind : KpiJson.MeasurementsKind },
            "formatVersion" => new JsonObject { ["type"] = "string", ["pattern"] = VersionPattern },
            _ => throw new InvalidOperationException("No schema for string member '" + name + "'."),
        };
    }

    /// <summary>Copies "type", "properties", "required" and "additionalProperties" of an exported object schema.</summary>
    private static void CopyObjectShape(JsonNode exported, JsonObject target)
    {
        target["type"] = "object";
        foreach (string key in new[] { "properties", "required", "additionalProperties" })
        {
            if (exported[key] is JsonNode value)
            {
                target[key] = value.DeepClone();
            }
        }
        target["additionalProperties"] = false;
    }

    /// <summary>Cross-member rules of the wire objects, mirrored by the reader's own checks.</summary>
    private static void AddConstraints(Type type, JsonObject shape)
    {
        if (type == typeof(TargetDto))
        {
            shape["allOf"] = new JsonArray(
                IfComparator("between", Required("upper"), Not(Required("upper"))),
                IfComparator("about", Required("tolerance"), Not(Required("tolerance"))),
                IfComparator("rankWithin", new JsonObject { ["properties"] = new JsonObject { ["unit"] = new JsonObject { ["type"] = "string", ["pattern"] = "^rank(:|$)" } } }, null),
                IfComparator(
                    "achieved",
                    new JsonObject { ["properties"] = new JsonObject { ["unit"] = new JsonObject { ["const"] = "milestone" }, ["value"] = new JsonObject { ["const"] = 1 } } },
                    new JsonObject { ["properties"] = new JsonObject { ["unit"] = new JsonObject { ["not"] = new JsonObject { ["const"] = "milestone" } } } }));
        }
        else if (type == typeof(MeasurementDto))
        {
            shape["dependentRequired"] = new JsonObject
            {
                ["numerator"] = new JsonArray("denominator"),
                ["denominator"] = new JsonArray("numerator"),
                ["reportedValue"] = new JsonArray("numerator", "denominator"),
            };
            shape["allOf"] = new JsonArray(
                Not(Required("value", "numerator")),
                new JsonObject
                {
                    ["if"] = Not(new JsonObject { ["anyOf"] = new JsonArray(Required("value"), Required("numerator")) }),
                    ["then"] = new JsonObject
                    {
                        ["required"] = new JsonArray("status"),
                        ["properties"] = new JsonObject { ["status"] = new JsonObject { ["enum"] = new JsonArray("missing", "missingCannotExist") } },
                    },
                });
        }
    }

    private static JsonObject IfComparator(string comparator, JsonObject then, JsonObject? otherwise)
    {
        var rule = new JsonObject
        {
            ["if"] = new JsonObject { ["properties"] = new JsonObject { ["comparator"] = new JsonObject { ["const"] = comparator } }, ["required"] = new JsonArray("comparator") },
            ["then"] = then,
        };
        if (otherwise is not null)
        {
            rule["else"] = otherwise;
        }
        return rule;
    }

    private static JsonObject Required(params string[] names)
    {
        var array = new JsonArray();
        foreach (string n in names)
        {
            array.Add((JsonNode?)JsonValue.Create(n));
        }
        return new JsonObject { ["required"] = array };
    }

    private static JsonObject Not(JsonObject schema) => new() { ["not"] = schema };

    private static JsonObject Enum<T>(EnumNames<T> names, string description)
        where T : struct, System.Enum
    {
        var values = new JsonArray();
        foreach (string n in names.Names)
        {
            values.Add((JsonNode?)JsonValue.Create(n));
        }
        return new JsonObject { ["description"] = description, ["type"] = "string", ["enum"] = values };
    }

    private static JsonObject Definition(string name) => name switch
    {
        "code" => new JsonObject
        {
            ["description"] = "A stable code: 1–" + Text.MaxCodeLength.ToString(System.Globalization.CultureInfo.InvariantCulture) + " upper-case ASCII letters, digits, '.', '_' or '-', starting with a letter or digit (e.g. DS.FIBRE_HOUSEHOLDS, QT.2025.FIBRE, 45).",
            ["type"] = "string",
            ["pattern"] = CodePattern,
        },
        "name" => new JsonObject
        {
            ["description"] = "Human-readable text, not blank, at most " + Text.MaxTextLength.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + " characters. Vietnamese keeps its diacritics; readers normalise it to Unicode NFC.",
            ["type"] = "string",
            ["minLength"] = 1,
            ["maxLength"] = Text.MaxTextLength,
            ["pattern"] = "\\S",
        },
        "number" => new JsonObject
        {
            ["description"] = "A decimal number, written as a JSON number (never a string) with a point for decimals: 81.2, not \"81,2\". Read exactly, trailing zeros kept (81.20 stays 81.20); it must fit a .NET decimal: magnitude below 7.9×10^28, at most 28 decimal places.",
            ["type"] = "number",
            ["minimum"] = JsonValue.Create(-decimal.MaxValue),
            ["maximum"] = JsonValue.Create(decimal.MaxValue),
        },
        "date" => new JsonObject
        {
            ["description"] = "An ISO calendar date yyyy-MM-dd, years 0001–9999 (\"đến năm 2025\" is 2025-12-31).",
            ["type"] = "string",
            ["format"] = "date",
            ["pattern"] = DatePattern,
        },
        "unit" => new JsonObject
        {
            ["description"] = "The unit, in canonical text form: percent, fraction (numerator/denominator, valued as a percentage), count, share:GRDP|GDP|BUDGET|RETAIL|SECTOR (percent of an economic total), rank (a rank, 1 is best, among an unstated number of units), rank:N (among N units), score:MAX (index score 0–MAX), milestone (1 achieved, 0 not) or money:XXX (ISO 4217).",
            ["type"] = "string",
            ["pattern"] = UnitPattern,
        },
        "period" => new JsonObject
        {
            ["description"] = "A reporting period. Written canonically: 2022, 2022-H1, 2022-Q3, 2022-06, 2022-06-01 (a day) or 2022-06-01/2022-12-31 (a range). Also read: SDMX 2022-A1, 2022-S1, 2022-M06 and DHIS2 2022S1, 2022Q3, 202206, 20220601.",
            ["type"] = "string",
            ["pattern"] = PeriodPattern,
        },
        "comparator" => Enum(JsonNames.Comparator, "How a value is compared with the target: atLeast (≥, \"tối thiểu\", \"đạt\"), above (>, \"trên\"), atMost (≤, \"không quá\"), below (<, \"dưới\"), between (closed band value–upper, \"từ X đến Y\"), about (value ± tolerance, \"khoảng\"), rankWithin (rank ≤ value, \"nhóm N dẫn đầu\"), achieved (a yes/no milestone)."),
        "direction" => Enum(JsonNames.Direction, "Which way the indicator should move."),
        "pillar" => Enum(JsonNames.Pillar, "The pillar of digital transformation: digital government (chính quyền số), economy (kinh tế số), society (xã hội số) or infrastructure (hạ tầng số)."),
        "temporalNature" => Enum(JsonNames.TemporalNature, "How values combine over time: snapshot (a state at a date: a longer period takes the latest value), flow (an amount within a period: periods add up), runningTotal (a cumulative total: the last value)."),
        "level" => Enum(JsonNames.Level, "An administrative level: national, province (cấp tỉnh), district (cấp huyện, abolished from 2025-07-01) or commune (cấp xã)."),
        "periodicity" => Enum(JsonNames.Periodicity, "How often the indicator is reported."),
        "status" => Enum(JsonNames.Status, "Observation status (SDMX OBS_STATUS): normal A, break B, definitionDiffers D, estimated E, forecast F, experimental G, imputed I, missingCannotExist M, missing O, provisional P, lowReliability U, unvalidated V."),
        _ => throw new InvalidOperationException("No definition '" + name + "'."),
    };

    private static string ObjectDescription(Type type)
    {
        if (type == typeof(IndicatorDto))
        {
            return "What is measured: a stable code, names, unit, direction, pillar, temporal nature, and the levels and periodicity it is reported at.";
        }
        if (type == typeof(TargetDto))
        {
            return "A target for one indicator at one administrative level: comparator and threshold in the target's unit, deadline, and optionally start date, baseline, flags, the national target it refines and its source.";
        }
        if (type == typeof(BaselineDto))
        {
            return "The value when the target was set (\"từ mức 17,5% hiện nay\"), in the target's unit, and the date it refers to.";
        }
        if (type == typeof(SourceDto))
        {
            return "Where something comes from: a document reference and, ideally, the sentence quoted verbatim.";
        }
        return "A reported figure for one indicator, administrative unit and period: a value; or a numerator and denominator, optionally with the percentage the source reported; or, for a missing figure, only a missing status.";
    }

    private static string PropertyDescription(Type? declaring, string name)
    {
        string owner = declaring?.Name ?? string.Empty;
        return (owner, name) switch
        {
            (_, "$schema") => "The $id of this schema (optional; readers do not fetch it).",
            (_, "kind") => "What the document is.",
            (_, "formatVersion") => "The format version, major.minor. A reader reads every 1.x document and rejects a newer major version.",
            (nameof(CatalogDocumentDto), "id") => "Stable id of the catalog, e.g. QT-02-NQ-TU.",
            (nameof(MeasurementsDocumentDto), "id") => "Stable id of the measurement set, e.g. TQ-RESULTS-2022.",
            (_, "title") => "Title (Vietnamese).",
            (_, "issuer") => "Code of the administrative unit that issued the catalog (2 digits for a province, VN for a national program).",
            (_, "issuedOn") => "Date of the source document.",
            (nameof(CatalogDocumentDto), "source") or (nameof(MeasurementsDocumentDto), "source") => "The source document.",
            (_, "indicators") => "The indicators, in definition order.",
            (_, "targets") => "The targets, in definition order.",
            (_, "measurements") => "The measurements, in order.",
            (_, "document") => "Document reference, e.g. 02-NQ/TU or 749/QĐ-TTg.",
            (_, "quote") => "The sentence the element was taken from, verbatim.",
            (_, "code") => "Stable code of the indicator, e.g. DS.FIBRE_HOUSEHOLDS.",
            (_, "nameVi") => "Vietnamese name.",
            (_, "nameEn") => "English name.",
            (nameof(IndicatorDto), "unit") => "The unit of the indicator's values.",
            (_, "direction") => "Whether higher or lower values are better.",
            (_, "pillar") => "The pillar the indicator belongs to.",
            (_, "temporalNature") => "How the indicator's values combine over time.",
            (_, "levels") => "Administrative levels the indicator is reported at, each once; absent means [\"province\"].",
            (_, "periodicity") => "How often the indicator is reported; absent means \"year\".",
            (nameof(TargetDto), "id") => "Stable id of the target, e.g. QT.2025.FIBRE.",
            (nameof(TargetDto), "indicator") => "Code of the indicator the target is for.",
            (_, "comparator") => "The comparison the target makes.",
            (nameof(TargetDto), "value") => "The threshold: the lower bound of a band, the centre of an \"about\" target, N of \"rankWithin\", 1 for \"achieved\".",
            (_, "upper") => "The upper bound of a band; present exactly when the comparator is \"between\".",
            (_, "tolerance") => "The tolerance of an \"about\" target, in the target's unit; present exactly when the comparator is \"about\".",
            (nameof(TargetDto), "unit") => "The unit of value, upper, tolerance and baseline; compatible with the indicator's unit.",
            (_, "level") => "The administrative level the target applies to; absent means \"province\".",
            (_, "deadline") => "The date by which the target must hold.",
            (_, "startDate") => "The date the rule is in force from (\"từ ngày 01/6/2022\").",
            (_, "baseline") => "The value when the target was set.",
            (_, "maintain") => "\"Giữ vững\": the target must hold in every period up to the deadline; absent means false.",
            (_, "aspirational") => "\"Phấn đấu\": a stretch goal; absent means false.",
            (_, "refines") => "Id of the national target this one refines.",
            (nameof(TargetDto), "source") => "Where the target comes from.",
            (nameof(BaselineDto), "value") => "The baseline value, in the target's unit.",
            (nameof(BaselineDto), "date") => "The date the baseline value refers to.",
            (nameof(MeasurementDto), "indicator") => "Code of the indicator measured.",
            (_, "adminUnit") => "Code of the administrative unit the figure is for (e.g. 08 for Tuyên Quang, VN for the nation).",
            (_, "period") => "The reporting period.",
            (nameof(MeasurementDto), "value") => "The value, in the indicator's unit; absent for a fraction or a missing figure.",
            (_, "numerator") => "Numerator of a fraction (1693 in \"1.693/1.733 thôn\"); goes with denominator.",
            (_, "denominator") => "Denominator of a fraction (1733); goes with numerator.",
            (_, "reportedValue") => "The percentage the source reported with a fraction (81.2 in \"đạt 81,2%\"), kept as written even when it disagrees with the fraction.",
            (_, "status") => "Observation status; absent means \"normal\". A figure with neither value nor fraction has status missing or missingCannotExist.",
            (nameof(MeasurementDto), "source") => "Where the figure comes from.",
            _ => throw new InvalidOperationException("No description for member '" + name + "' of " + owner + "."),
        };
    }

    private static string Write(JsonNode schema)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, NewLine = "\n" }))
        {
            schema.WriteTo(writer);
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }
}
#endif
