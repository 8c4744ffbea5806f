using DigitalKpi.Json;

namespace DigitalKpi.Tests.Json;

public class JsonSampleTests
{
    [Fact]
    public void SeedSamples_AreTheSeedInventoryAsWritten()
    {
        // DKPI_UPDATE_SAMPLES=1 rewrites them from docs/seed-*.tsv.
        bool update = Environment.GetEnvironmentVariable("DKPI_UPDATE_SAMPLES") == "1";
        foreach ((string path, string json) in JsonSamples.SeedSamples())
        {
            if (update)
            {
                File.WriteAllText(path, json, new System.Text.UTF8Encoding(false));
            }
            Assert.True(File.Exists(path), path + " is missing: run the tests once with DKPI_UPDATE_SAMPLES=1.");
            Assert.Equal(json, File.ReadAllText(path).ReplaceLineEndings("\n"));
        }
    }
}

public class JsonSampleReadingTests
{
    /// <summary>What the .NET reader must say about each invalid sample: the error kind and the JSON path.</summary>
    internal static readonly Dictionary<string, (KpiJsonErrorKind Kind, string Path)> Expected = new(StringComparer.Ordinal)
    {
        ["catalog/achieved-in-percent"] = (KpiJsonErrorKind.InvalidValue, "$.targets[0].unit"),
        ["catalog/array-root"] = (KpiJsonErrorKind.WrongType, "$"),
        ["catalog/between-without-upper"] = (KpiJsonErrorKind.MissingMember, "$.targets[0].upper"),
        ["catalog/blank-title"] = (KpiJsonErrorKind.InvalidValue, "$.title"),
        ["catalog/boolean-as-string"] = (KpiJsonErrorKind.WrongType, "$.targets[0].maintain"),
        ["catalog/day-month-year-date"] = (KpiJsonErrorKind.InvalidValue, "$.targets[0].deadline"),
        ["catalog/empty-levels"] = (KpiJsonErrorKind.InvalidValue, "$.indicators[0].levels"),
        ["catalog/explicit-null"] = (KpiJsonErrorKind.WrongType, "$.indicators[0].nameEn"),
        ["catalog/integer-enum"] = (KpiJsonErrorKind.WrongType, "$.indicators[0].direction"),
        ["catalog/level-twice"] = (KpiJsonErrorKind.InvalidValue, "$.indicators[0].levels"),
        ["catalog/levels-not-an-array"] = (KpiJsonErrorKind.WrongType, "$.indicators[0].levels"),
        ["catalog/lower-case-code"] = (KpiJsonErrorKind.InvalidValue, "$.targets[0].id"),
        ["catalog/missing-deadline"] = (KpiJsonErrorKind.MissingMember, "$.targets[0]"),
        ["catalog/missing-kind"] = (KpiJsonErrorKind.MissingMember, "$"),
        ["catalog/newer-major-version"] = (KpiJsonErrorKind.UnsupportedVersion, "$.formatVersion"),
        ["catalog/number-beyond-decimal"] = (KpiJsonErrorKind.NumberOutOfRange, "$.targets[0].value"),
        ["catalog/pascal-case-comparator"] = (KpiJsonErrorKind.InvalidValue, "$.targets[0].comparator"),
        ["catalog/percent-sign-unit"] = (KpiJsonErrorKind.InvalidValue, "$.targets[0].unit"),
        ["catalog/rank-within-in-percent"] = (KpiJsonErrorKind.InvalidValue, "$.targets[0].unit"),
        ["catalog/title-too-long"] = (KpiJsonErrorKind.StringTooLong, "$.title"),
        ["catalog/tolerance-without-about"] = (KpiJsonErrorKind.InvalidValue, "$.targets[0].tolerance"),
        ["catalog/unknown-member-threshold"] = (KpiJsonErrorKind.UnknownMember, "$.targets[0].threshold"),
        ["catalog/value-as-string"] = (KpiJsonErrorKind.WrongType, "$.targets[0].value"),
        ["catalog/vietnamese-decimal-comma"] = (KpiJsonErrorKind.WrongType, "$.targets[0].value"),
        ["catalog/wrong-kind"] = (KpiJsonErrorKind.WrongDocumentKind, "$.kind"),
        ["catalog/year-zero-date"] = (KpiJsonErrorKind.InvalidValue, "$.targets[0].deadline"),
        ["measurements/lower-case-indicator"] = (KpiJsonErrorKind.InvalidValue, "$.measurements[0].indicator"),
        ["measurements/missing-with-normal-status"] = (KpiJsonErrorKind.InvalidValue, "$.measurements[0].status"),
        ["measurements/missing-without-status"] = (KpiJsonErrorKind.MissingMember, "$.measurements[0].value"),
        ["measurements/numerator-without-denominator"] = (KpiJsonErrorKind.MissingMember, "$.measurements[0].denominator"),
        ["measurements/quarter-five"] = (KpiJsonErrorKind.InvalidValue, "$.measurements[0].period"),
        ["measurements/reported-value-without-fraction"] = (KpiJsonErrorKind.InvalidValue, "$.measurements[0].reportedValue"),
        ["measurements/sdmx-status-code"] = (KpiJsonErrorKind.InvalidValue, "$.measurements[0].status"),
        ["measurements/source-without-document"] = (KpiJsonErrorKind.MissingMember, "$.measurements[0].source"),
        ["measurements/unit-instead-of-admin-unit"] = (KpiJsonErrorKind.UnknownMember, "$.measurements[0].unit"),
        ["measurements/value-and-fraction"] = (KpiJsonErrorKind.InvalidValue, "$.measurements[0].value"),
        ["measurements/value-as-string"] = (KpiJsonErrorKind.WrongType, "$.measurements[0].value"),
        ["measurements/wrong-kind"] = (KpiJsonErrorKind.WrongDocumentKind, "$.kind"),
        ["measurements/year-zero-period"] = (KpiJsonErrorKind.InvalidValue, "$.measurements[0].period"),
    };

    private static string Key(JsonSample s) => Path.GetFileName(Path.GetDirectoryName(s.Path)) + "/" + Path.GetFileNameWithoutExtension(s.Path);

    [Fact]
    public void SampleCounts()
    {
        // 7 seed catalogs, 3 seed result sets, 6 hand-written; 39 invalid. Built-in catalogs add to the valid ones.
        Assert.True(JsonSamples.Valid.Count >= 16, JsonSamples.Valid.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(Expected.Count, JsonSamples.Invalid.Count);
        Assert.Equal(39, JsonSamples.Invalid.Count);
    }

    [Fact]
    public void EveryValidSample_IsRead_AndWritesBackToAnEqualModel()
    {
        foreach (JsonSample sample in JsonSamples.Valid)
        {
            byte[] bytes = File.ReadAllBytes(sample.Path);
            object model = JsonSamples.Read(sample, bytes, new KpiJsonReadOptions { SourceName = sample.Name });
            object again = model is Catalog c
                ? KpiJson.ReadCatalog(KpiJson.ToUtf8Bytes(c)).Model
                : KpiJson.ReadMeasurementSet(KpiJson.ToUtf8Bytes((MeasurementSet)model)).Model;
            Assert.Equal(model, again);
        }
    }

    [Fact]
    public void EveryInvalidSample_IsRejected_WithItsKindPathAndPosition()
    {
        foreach (JsonSample sample in JsonSamples.Invalid)
        {
            Assert.True(Expected.TryGetValue(Key(sample), out var expected), "No expectation for " + sample.Name + ": add it to Expected.");
            KpiJsonException e = Assert.Throws<KpiJsonException>(() => JsonSamples.Read(sample, File.ReadAllBytes(sample.Path), new KpiJsonReadOptions { SourceName = sample.Name }));
            Assert.True(expected.Kind == e.ErrorKind, sample.Name + ": expected " + expected.Kind + ", got " + e.ErrorKind + ": " + e.Message);
            Assert.True(expected.Path == e.Path, sample.Name + ": expected " + expected.Path + ", got " + e.Path + ": " + e.Message);
            Assert.NotNull(e.LineNumber);
            Assert.NotNull(e.Column);
            Assert.StartsWith(sample.Name + ": " + e.Path + " (line ", e.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void RuleViolations_AreDiagnostics_LocatedByPathLineAndColumn()
    {
        JsonSample sample = JsonSamples.Valid.Single(s => s.Path.EndsWith("rule-violations.json", StringComparison.Ordinal));
        KpiDocument<Catalog> doc = KpiJson.ReadCatalogFile(sample.Path);
        string[] lines = File.ReadAllLines(sample.Path);
        Assert.True(doc.HasErrors);
        Assert.Equal(sample.Path, doc.SourceName);

        void AssertAt(string id, string path, string token)
        {
            DigitalKpi.Rules.KpiDiagnostic d = Assert.Single(doc.Diagnostics, x => x.Id == id && x.Location.Path == path);
            Assert.Equal(sample.Path, d.Location.File);
            int line = d.Location.Line!.Value;
            int column = d.Location.Column!.Value;
            Assert.Equal(token, lines[line - 1].Substring(column - 1, token.Length));
        }

        AssertAt("DKPI001", "$.targets[0].value", "\"value\": 120");
        AssertAt("DKPI002", "$.targets[1].upper", "\"upper\": 70");
        AssertAt("DKPI012", "$.targets[2].indicator", "\"indicator\": \"DS.NOT_DEFINED\"");
    }

    [Fact]
    public void TuyenQuangResults_ReportTheFractionThatDisagrees_AtItsLine()
    {
        JsonSample sample = JsonSamples.Valid.Single(s => s.Path.EndsWith("tq-results-2022.json", StringComparison.Ordinal));
        KpiDocument<MeasurementSet> doc = KpiJson.ReadMeasurementSetFile(sample.Path, JsonSamples.Catalogs);
        DigitalKpi.Rules.KpiDiagnostic d = Assert.Single(doc.Diagnostics, x => x.Id == "DKPI010" && x.Message.Contains("1693/1733", StringComparison.Ordinal));
        string line = File.ReadAllLines(sample.Path)[d.Location.Line!.Value - 1];
        Assert.Contains("\"reportedValue\": 81.2", line, StringComparison.Ordinal);
        Measurement m = doc.Model.Measurements.Single(x => x.Numerator == 1693m);
        Assert.Equal(81.2m, m.ReportedValue);
    }
}
