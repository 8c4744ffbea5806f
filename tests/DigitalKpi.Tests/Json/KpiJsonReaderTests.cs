using System.Text;
using DigitalKpi.Json;

namespace DigitalKpi.Tests.Json;

/// <summary>Hostile and edge-case input: each is a model or one documented <see cref="KpiJsonException"/> with path, line and column.</summary>
public class KpiJsonReaderTests
{
    private const string Head = "{\"kind\":\"digitalkpi.catalog\",\"formatVersion\":\"1.0\",\"id\":\"X\",\"title\":\"Thử\",\"issuer\":\"VN\",\"indicators\":[]";

    private static string WithTarget(string value, string extra = "")
        => Head + ",\"targets\":[{\"id\":\"T\",\"indicator\":\"I\",\"comparator\":\"atLeast\",\"value\":" + value + ",\"unit\":\"percent\",\"deadline\":\"2025-12-31\"" + extra + "}]}";

    private static KpiJsonException Fails(string json, KpiJsonErrorKind kind, string path, KpiJsonReadOptions? options = null)
        => Fails(Encoding.UTF8.GetBytes(json), kind, path, options);

    private static KpiJsonException Fails(byte[] json, KpiJsonErrorKind kind, string path, KpiJsonReadOptions? options = null)
    {
        KpiJsonException e = Assert.Throws<KpiJsonException>(() => KpiJson.ReadCatalog(json, options));
        Assert.True(kind == e.ErrorKind, "expected " + kind + ", got " + e.ErrorKind + ": " + e.Message);
        Assert.Equal(path, e.Path);
        return e;
    }

    private static decimal ValueOf(string number) => KpiJson.ReadCatalog(WithTarget(number)).Model.Targets[0].Threshold.Value;

    [Fact]
    public void Minimal_IsRead()
    {
        KpiDocument<Catalog> doc = KpiJson.ReadCatalog(Head + ",\"targets\":[]}");
        Assert.Equal("X", doc.Model.Id);
        Assert.Equal("1.0", doc.FormatVersion);
        Assert.Empty(doc.Diagnostics);
        Assert.False(doc.HasErrors);
    }

    [Theory]
    [InlineData("81.20", "81.20")]
    [InlineData("81.2", "81.2")]
    [InlineData("100", "100")]
    [InlineData("1.5e3", "1500")]
    [InlineData("1.50E+3", "1500")]
    [InlineData("15e-1", "1.5")]
    [InlineData("0.000", "0.000")]
    [InlineData("-0", "0")]
    [InlineData("-0.0", "0.0")]
    [InlineData("79228162514264337593543950335", "79228162514264337593543950335")]
    [InlineData("-79228162514264337593543950335", "-79228162514264337593543950335")]
    [InlineData("0.0000000000000000000000000001", "0.0000000000000000000000000001")]
    [InlineData("1.00000000000000000000000000000000000", "1.0000000000000000000000000000")]
    [InlineData("7.9228162514264337593543950335e28", "79228162514264337593543950335")]
    [InlineData("0e999999999", "0")]
    public void Numbers_AreReadExactly_WithTheirScale(string json, string expected)
    {
        Assert.Equal(expected, ValueOf(json).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("79228162514264337593543950336")]
    [InlineData("1e29")]
    [InlineData("1e400")]
    [InlineData("-1e400")]
    [InlineData("1e-400")]
    [InlineData("0.00000000000000000000000000001")]
    [InlineData("0.12345678901234567890123456789012")]
    [InlineData("123456789012345678901234567890")]
    public void Numbers_ADecimalCannotHoldExactly_AreRefused(string json)
    {
        KpiJsonException e = Fails(WithTarget(json), KpiJsonErrorKind.NumberOutOfRange, "$.targets[0].value");
        Assert.Equal(1, e.LineNumber);
        Assert.Contains("cannot be held exactly", e.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("-Infinity")]
    [InlineData("+1")]
    [InlineData("01")]
    [InlineData(".5")]
    [InlineData("1.")]
    [InlineData("0x10")]
    public void NonJsonNumbers_AreMalformedJson(string json)
        => Fails(WithTarget(json), KpiJsonErrorKind.MalformedJson, "$.targets[0].value");

    [Theory]
    [InlineData("\"NaN\"")]
    [InlineData("\"Infinity\"")]
    [InlineData("\"81,2\"")]
    [InlineData("null")]
    [InlineData("true")]
    [InlineData("[]")]
    [InlineData("{}")]
    public void NumbersOfTheWrongJsonType_AreRefused(string json)
        => Fails(WithTarget(json), KpiJsonErrorKind.WrongType, "$.targets[0].value");

    [Fact]
    public void DuplicateMembers_AreRefused_AtTheSecondOccurrence()
    {
        string json = "{\n  \"kind\": \"digitalkpi.catalog\",\n  \"id\": \"A\",\n  \"id\": \"B\"\n}";
        KpiJsonException e = Fails(json, KpiJsonErrorKind.DuplicateMember, "$.id");
        Assert.Equal(4, e.LineNumber);
        Assert.Equal(3, e.Column);
        Fails(WithTarget("1", ",\"value\":2"), KpiJsonErrorKind.DuplicateMember, "$.targets[0].value");
        Fails(Head + ",\"targets\":[],\"source\":{\"document\":\"a\",\"document\":\"b\"}}", KpiJsonErrorKind.DuplicateMember, "$.source.document");
    }

    [Fact]
    public void UnknownMembers_AreRefused_CaseSensitively()
    {
        Fails(WithTarget("1", ",\"Unit\":\"percent\""), KpiJsonErrorKind.UnknownMember, "$.targets[0].Unit");
        Fails(Head + ",\"targets\":[],\"comment\":\"x\"}", KpiJsonErrorKind.UnknownMember, "$.comment");
        Fails(Head + ",\"targets\":[],\"$id\":\"x\"}", KpiJsonErrorKind.UnknownMember, "$.$id");
    }

    [Fact]
    public void ExplicitNulls_AreRefused_Everywhere()
    {
        Fails(Head + ",\"targets\":[],\"source\":null}", KpiJsonErrorKind.WrongType, "$.source");
        Fails(Head + ",\"targets\":[null]}", KpiJsonErrorKind.WrongType, "$.targets[0]");
        Fails(WithTarget("1", ",\"upper\":null"), KpiJsonErrorKind.WrongType, "$.targets[0].upper");
        Fails("null", KpiJsonErrorKind.WrongType, "$");
    }

    [Fact]
    public void CommentsTrailingCommasAndTrailingText_AreMalformedJson()
    {
        Fails(Head + ",\"targets\":[] // comment\n}", KpiJsonErrorKind.MalformedJson, "$.targets");
        Fails(Head + ",\"targets\":[],}", KpiJsonErrorKind.MalformedJson, "$.targets"); // the last member read
        Fails(Head + ",\"targets\":[]} {}", KpiJsonErrorKind.MalformedJson, "$");
        Fails(Head + ",\"targets\":[]", KpiJsonErrorKind.MalformedJson, "$.targets");
        Fails("", KpiJsonErrorKind.MalformedJson, "$");
        Fails("{'kind': 'digitalkpi.catalog'}", KpiJsonErrorKind.MalformedJson, "$");
    }

    [Fact]
    public void MalformedJson_IsPositionedAtTheOffendingByte()
    {
        string json = "{\n  \"kind\": \"digitalkpi.catalog\",\n  \"title\": \"Tỉnh Quảng Trị\" x\n}";
        KpiJsonException e = Fails(json, KpiJsonErrorKind.MalformedJson, "$.title");
        Assert.Equal(3, e.LineNumber);
        Assert.Equal(29, e.Column); // characters, not bytes: "Tỉnh Quảng Trị" has multi-byte letters
        Assert.Equal(34, e.BytePositionInLine);
    }

    [Fact]
    public void Encodings_OnlyUtf8_WithAnOptionalByteOrderMark()
    {
        string json = Head + ",\"targets\":[]}";
        byte[] utf8 = Encoding.UTF8.GetBytes(json);
        Assert.Equal("X", KpiJson.ReadCatalog([0xEF, 0xBB, 0xBF, .. utf8]).Model.Id);
        Assert.Equal("X", KpiJson.ReadCatalog("\uFEFF" + json).Model.Id);

        Fails([0xFF, 0xFE, .. Encoding.Unicode.GetBytes(json)], KpiJsonErrorKind.InvalidEncoding, "$");
        Fails([0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes(json)], KpiJsonErrorKind.InvalidEncoding, "$");
        Fails(Encoding.Unicode.GetBytes(json), KpiJsonErrorKind.InvalidEncoding, "$");
        Fails(Encoding.UTF32.GetBytes(json), KpiJsonErrorKind.InvalidEncoding, "$");

        // "Thử" in Windows-1258 is not UTF-8: the offending byte is located.
        byte[] legacy = [.. Encoding.ASCII.GetBytes("{\n\"title\": \"Th"), 0xFD, .. Encoding.ASCII.GetBytes("\"}")];
        KpiJsonException e = Fails(legacy, KpiJsonErrorKind.InvalidEncoding, "$");
        Assert.Equal(2, e.LineNumber);
        Assert.Equal(13, e.Column);

        foreach (byte[] bad in new byte[][] { [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82], [0x80] })
        {
            Fails([.. Encoding.ASCII.GetBytes("{\"title\":\""), .. bad, .. Encoding.ASCII.GetBytes("\"}")], KpiJsonErrorKind.InvalidEncoding, "$");
        }
        Fails(Head.Replace("Thử", "\\ud800", StringComparison.Ordinal) + ",\"targets\":[]}", KpiJsonErrorKind.InvalidEncoding, "$.title");
        Fails(Head + ",\"targets\":[],\"\\udc00\":1}", KpiJsonErrorKind.InvalidEncoding, "$");
        KpiJsonException lone = Assert.Throws<KpiJsonException>(() => KpiJson.ReadCatalog("{\"title\":\"a\ud800\"}"));
        Assert.Equal(KpiJsonErrorKind.InvalidEncoding, lone.ErrorKind);
    }

    [Fact]
    public void Depth_IsLimited()
    {
        string deep = new string('[', 10_000) + new string(']', 10_000);
        KpiJsonException e = Fails(deep, KpiJsonErrorKind.TooDeep, "$" + string.Concat(Enumerable.Repeat("[0]", 31)));
        Assert.Equal(33, e.Column);
        Fails(Head + ",\"targets\":[]}", KpiJsonErrorKind.TooDeep, "$.indicators", new KpiJsonReadOptions { MaxDepth = 1 });
        Assert.Equal("X", KpiJson.ReadCatalog(Head + ",\"targets\":[]}", new KpiJsonReadOptions { MaxDepth = 2 }).Model.Id);
    }

    [Fact]
    public void LongStrings_AreRefused_BeforeTheyAreMaterialized()
    {
        string huge = new('a', 5_000_000);
        KpiJsonException e = Fails(Head.Replace("Thử", huge, StringComparison.Ordinal) + ",\"targets\":[]}", KpiJsonErrorKind.StringTooLong, "$.title");
        Assert.Equal(1, e.LineNumber);
        Fails(Head.Replace("Thử", new string('ữ', 4001), StringComparison.Ordinal) + ",\"targets\":[]}", KpiJsonErrorKind.StringTooLong, "$.title");
        Fails(Head.Replace("Thử", string.Concat(Enumerable.Repeat("\\u00e1", 4001)), StringComparison.Ordinal) + ",\"targets\":[]}", KpiJsonErrorKind.StringTooLong, "$.title");
        Fails(Head + ",\"targets\":[],\"" + new string('k', 10_000) + "\":1}", KpiJsonErrorKind.StringTooLong, "$");
        Assert.Equal(4000, KpiJson.ReadCatalog(Head.Replace("Thử", new string('ữ', 4000), StringComparison.Ordinal) + ",\"targets\":[]}").Model.Title.Length);
        Fails(Head + ",\"targets\":[]}", KpiJsonErrorKind.StringTooLong, "$.kind", new KpiJsonReadOptions { MaxStringLength = 16 });
    }

    [Fact]
    public void ArraySizes_AreLimited()
    {
        string targets = string.Join(",", Enumerable.Range(0, 11).Select(i => "{\"id\":\"T" + i + "\",\"indicator\":\"I\",\"comparator\":\"atLeast\",\"value\":1,\"unit\":\"percent\",\"deadline\":\"2025-12-31\"}"));
        string json = Head + ",\"targets\":[" + targets + "]}";
        Assert.Equal(11, KpiJson.ReadCatalog(json).Model.Targets.Length);
        KpiJsonException e = Fails(json, KpiJsonErrorKind.TooManyItems, "$.targets", new KpiJsonReadOptions { MaxArrayItems = 10 });
        Assert.NotNull(e.Column);
        Fails("[" + string.Join(",", Enumerable.Repeat("1", 200_000)) + "]", KpiJsonErrorKind.TooManyItems, "$");
    }

    [Fact]
    public void DocumentSize_IsLimited_AndAStreamIsNotReadPastTheLimit()
    {
        var options = new KpiJsonReadOptions { MaxDocumentBytes = 1000 };
        var endless = new EndlessStream();
        KpiJsonException e = Assert.Throws<KpiJsonException>(() => KpiJson.ReadCatalog(endless, options));
        Assert.Equal(KpiJsonErrorKind.DocumentTooLarge, e.ErrorKind);
        Assert.Equal("$", e.Path);
        Assert.True(endless.Delivered <= 1001 + 65536, endless.Delivered.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Throws<KpiJsonException>(() => KpiJson.ReadCatalog(new MemoryStream(new byte[5000]), options));
        Assert.Throws<KpiJsonException>(() => KpiJson.ReadCatalog(new string(' ', 1001), options));
        Assert.Throws<KpiJsonException>(() => KpiJson.ReadCatalog(new byte[1001], options));
        Assert.Throws<KpiJsonException>(() => KpiJson.ReadCatalog(new string('ữ', 400), options)); // 1,200 bytes of UTF-8
    }

    private sealed class EndlessStream : Stream
    {
        public long Delivered { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => Delivered; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            buffer.AsSpan(offset, count).Fill((byte)' ');
            Delivered += count;
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    [Fact]
    public void Versions_NewerMajorIsRefusedFirst_OlderAndNewerMinorAreRead()
    {
        // A 2.0 document may use members 1.x does not know: the version is reported, not the members.
        string v2 = "{\"kind\":\"digitalkpi.catalog\",\"formatVersion\":\"2.0\",\"newThing\":{\"x\":[1,2]},\"targets\":null}";
        KpiJsonException e = Fails(v2, KpiJsonErrorKind.UnsupportedVersion, "$.formatVersion");
        Assert.Contains("2.0", e.Reason, StringComparison.Ordinal);
        Assert.Contains("1.x", e.Reason, StringComparison.Ordinal);
        Fails(Head.Replace("\"1.0\"", "\"10.0\"", StringComparison.Ordinal) + ",\"targets\":[]}", KpiJsonErrorKind.UnsupportedVersion, "$.formatVersion");
        Fails(Head.Replace("\"1.0\"", "\"0.9\"", StringComparison.Ordinal) + ",\"targets\":[]}", KpiJsonErrorKind.UnsupportedVersion, "$.formatVersion");
        Fails(Head.Replace("\"1.0\"", "\"1\"", StringComparison.Ordinal) + ",\"targets\":[]}", KpiJsonErrorKind.InvalidValue, "$.formatVersion");
        Fails(Head.Replace("\"1.0\"", "\"1.0.0\"", StringComparison.Ordinal) + ",\"targets\":[]}", KpiJsonErrorKind.InvalidValue, "$.formatVersion");
        Fails(Head.Replace("\"1.0\"", "1.0", StringComparison.Ordinal) + ",\"targets\":[]}", KpiJsonErrorKind.WrongType, "$.formatVersion");

        KpiDocument<Catalog> newerMinor = KpiJson.ReadCatalog(Head.Replace("\"1.0\"", "\"1.4\"", StringComparison.Ordinal) + ",\"targets\":[]}");
        Assert.Equal("1.4", newerMinor.FormatVersion);
        KpiJsonException unknown = Fails(Head.Replace("\"1.0\"", "\"1.4\"", StringComparison.Ordinal) + ",\"targets\":[],\"region\":\"north\"}", KpiJsonErrorKind.UnknownMember, "$.region");
        Assert.Contains("1.4", unknown.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Kind_IsCheckedBeforeTheMembers()
    {
        string measurements = "{\"kind\":\"digitalkpi.measurements\",\"formatVersion\":\"1.0\",\"id\":\"M\",\"title\":\"t\",\"measurements\":[]}";
        Fails(measurements, KpiJsonErrorKind.WrongDocumentKind, "$.kind");
        Assert.Empty(KpiJson.ReadMeasurementSet(measurements).Model.Measurements);
        Fails(Head.Replace("digitalkpi.catalog", "digitalkpi.catalogue", StringComparison.Ordinal) + ",\"targets\":[]}", KpiJsonErrorKind.WrongDocumentKind, "$.kind");
        KpiJsonException e = Assert.Throws<KpiJsonException>(() => KpiJson.ReadMeasurementSet(Head + ",\"targets\":[]}"));
        Assert.Equal(KpiJsonErrorKind.WrongDocumentKind, e.ErrorKind);
    }

    [Fact]
    public void ModelConstructorErrors_AreWrapped_WithTheMembersPath()
    {
        Fails(Head.Replace("\"X\"", "\"bad id\"", StringComparison.Ordinal) + ",\"targets\":[]}", KpiJsonErrorKind.InvalidValue, "$.id");
        Fails(WithTarget("1").Replace("\"I\"", "\"i\"", StringComparison.Ordinal), KpiJsonErrorKind.InvalidValue, "$.targets[0].indicator");
        Fails(WithTarget("1", ",\"refines\":\"x y\""), KpiJsonErrorKind.InvalidValue, "$.targets[0].refines");
        Fails(WithTarget("1", ",\"source\":{\"document\":\" \"}"), KpiJsonErrorKind.InvalidValue, "$.targets[0].source.document");
        Fails(WithTarget("2").Replace("\"atLeast\"", "\"achieved\"", StringComparison.Ordinal).Replace("\"percent\"", "\"milestone\"", StringComparison.Ordinal), KpiJsonErrorKind.InvalidValue, "$.targets[0].value");
        Fails(WithTarget("1").Replace("\"percent\"", "\"rank:063\"", StringComparison.Ordinal), KpiJsonErrorKind.InvalidValue, "$.targets[0].unit");
    }

    [Fact]
    public void Dates_AreStrictIsoDates()
    {
        foreach (string date in new[] { "2025-02-29", "2025-13-01", "2025-1-01", "25-12-31", "2025-12-31T00:00:00", "+2025-12-31", "2025/12/31", "２０２５-12-31" })
        {
            Fails(WithTarget("1").Replace("2025-12-31", date, StringComparison.Ordinal), KpiJsonErrorKind.InvalidValue, "$.targets[0].deadline");
        }
        Assert.Equal(new LocalDate(2024, 2, 29), KpiJson.ReadCatalog(WithTarget("1").Replace("2025-12-31", "2024-02-29", StringComparison.Ordinal)).Model.Targets[0].Deadline);
    }

    [Fact]
    public void Periods_AreReadInEveryAcceptedForm_AndWrittenCanonically()
    {
        foreach ((string text, string canonical) in new[] { ("2022-S1", "2022-H1"), ("2022S2", "2022-H2"), ("2022Q3", "2022-Q3"), ("2022-M06", "2022-06"), ("202206", "2022-06"), ("20220601", "2022-06-01"), ("2022-A1", "2022"), ("2022-01-01/2022-12-31", "2022") })
        {
            string json = "{\"kind\":\"digitalkpi.measurements\",\"formatVersion\":\"1.0\",\"id\":\"M\",\"title\":\"t\",\"measurements\":[{\"indicator\":\"I\",\"adminUnit\":\"08\",\"period\":\"" + text + "\",\"value\":1}]}";
            MeasurementSet set = KpiJson.ReadMeasurementSet(json).Model;
            Assert.Equal(canonical, set.Measurements[0].Period.ToString());
            Assert.Contains("\"period\": \"" + canonical + "\"", KpiJson.ToJson(set), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Positions_CountCharactersAndLfLines_WithCrLfFiles()
    {
        string json = "{\r\n  \"kind\": \"digitalkpi.catalog\",\r\n  \"formatVersion\": \"1.0\",\r\n  \"id\": \"X\",\r\n  \"title\": \"Thừa Thiên Huế\", \"issuer\": \"vn\",\r\n  \"indicators\": [],\r\n  \"targets\": []\r\n}";
        KpiJsonException e = Fails(json, KpiJsonErrorKind.InvalidValue, "$.issuer");
        Assert.Equal(5, e.LineNumber);
        Assert.Equal(30, e.Column);
        Assert.Equal(new DigitalKpi.Rules.KpiLocation("$.issuer", null, null, 5, 30), e.Location);
    }

    [Fact]
    public void SourceName_IsInTheMessageAndTheDiagnostics()
    {
        var options = new KpiJsonReadOptions { SourceName = "cat.json" };
        KpiJsonException e = Assert.Throws<KpiJsonException>(() => KpiJson.ReadCatalog(WithTarget("\"1\""), options));
        Assert.Equal("cat.json", e.SourceName);
        Assert.StartsWith("cat.json: $.targets[0].value (line 1, column ", e.Message, StringComparison.Ordinal);
        KpiDocument<Catalog> doc = KpiJson.ReadCatalog(WithTarget("120"), options);
        Assert.Contains(doc.Diagnostics, d => d.Id == "DKPI001" && d.Location.File == "cat.json" && d.Location.Line == 1 && d.Location.Path == "$.targets[0].value");
    }

    [Fact]
    public void Options_RejectNonsenseLimits()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new KpiJsonReadOptions { MaxDocumentBytes = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new KpiJsonReadOptions { MaxDepth = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new KpiJsonReadOptions { MaxStringLength = 1 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new KpiJsonReadOptions { MaxArrayItems = -1 });
        Assert.Equal(64 * 1024 * 1024, KpiJsonReadOptions.Default.MaxDocumentBytes);
    }

    [Fact]
    public void Writer_OmitsDefaults_AndKeepsVietnameseReadable()
    {
        Catalog c = new("QT-02-NQ-TU", "Quảng Trị", "45",
            [new Indicator("DS.FIBRE", "Hộ gia đình có cáp quang", Unit.Percent, Direction.HigherIsBetter, Pillar.DigitalSociety, TemporalNature.Snapshot)],
            [Target.For("QT.2025.FIBRE", "DS.FIBRE").Above(Quantity.Percent(80.0m)).By(2025).Build()]);
        string json = KpiJson.ToJson(c);
        Assert.Contains("\"title\": \"Quảng Trị\"", json, StringComparison.Ordinal);
        Assert.Contains("\"value\": 80.0,", json, StringComparison.Ordinal);
        foreach (string absent in new[] { "level", "levels", "periodicity", "maintain", "aspirational", "null", "nameEn", "upper", "tolerance", "issuedOn" })
        {
            Assert.DoesNotContain("\"" + absent + "\"", json, StringComparison.Ordinal);
        }
        Assert.StartsWith("{\n  \"$schema\": \"" + KpiJson.CatalogSchemaId + "\",\n  \"kind\": \"digitalkpi.catalog\",\n  \"formatVersion\": \"1.0\",", json, StringComparison.Ordinal);
    }
}
