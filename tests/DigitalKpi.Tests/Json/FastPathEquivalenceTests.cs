using System.Buffers;
using System.Globalization;
using System.Text;
using DigitalKpi.Json;
using DigitalKpi.Json.Internal;
using DigitalKpi.Rules;
using DigitalKpi.Tests.TestHelpers;

namespace DigitalKpi.Tests.Json;

/// <summary>
/// The measurement-set fast paths against the strict pipeline they stand in for. Reading: on generated sets and on
/// 40,000 mutations of the measurement samples (plus tokens aimed at the fast reader: escaped names, explicit defaults,
/// shapes), <see cref="KpiJson.ReadMeasurementSet(ReadOnlySpan{byte}, IEnumerable{Catalog}?, KpiJsonReadOptions?)"/>
/// gives exactly what <see cref="DocumentReader.ReadMeasurementSetStrictly"/> gives: an equal model, version and
/// located findings, or the same error at the same place. Writing: the direct writer's bytes are the context's.
/// </summary>
public class FastPathEquivalenceTests
{
    private const int Seed = 20_250_701;
    private const int Mutations = 40_000;

    private static readonly byte[][] Tokens =
    [
        "\"\\u0069ndicator\""u8.ToArray(), "\"status\": \"normal\", "u8.ToArray(), "\"status\": \"missing\", "u8.ToArray(), "\"value\": 1, "u8.ToArray(),
        "\"numerator\": 3, "u8.ToArray(), "\"denominator\": 0, "u8.ToArray(), "\"reportedValue\": 50.0, "u8.ToArray(), "\"source\": {\"document\": \"X\"}, "u8.ToArray(),
        "\"source\": {\"quote\": \"q\"}, "u8.ToArray(), "\"period\": \"2022-Q3\", "u8.ToArray(), "\"period\": \"20220601\", "u8.ToArray(), "\"adminUnit\": \"08\", "u8.ToArray(),
        "\"adminUnit\": \"\\u0030\\u0038\", "u8.ToArray(), "\"formatVersion\": \"1.7\", "u8.ToArray(), "\"kind\": \"digitalkpi.catalog\", "u8.ToArray(), "\"$schema\": 1, "u8.ToArray(),
        "\"\\ud800\""u8.ToArray(), "null"u8.ToArray(), "1e30"u8.ToArray(), "0.10"u8.ToArray(), "-0"u8.ToArray(), "{"u8.ToArray(), "}"u8.ToArray(), "["u8.ToArray(), "]"u8.ToArray(),
        ","u8.ToArray(), "\""u8.ToArray(), "{}, "u8.ToArray(), "\"title\": \" \", "u8.ToArray(), "\"id\": \"lower\", "u8.ToArray(), [0xC3, 0xA9],
    ];

    [Fact]
    public void GeneratedSets_ReadAlikeOnBothPaths_AndTakeTheFastPath()
    {
        PropertyCheck.ForAll(JsonModelGen.MeasurementSet, set =>
        {
            byte[] json = KpiJson.ToUtf8Bytes(set);
            MeasurementSetFastReader.Result? fast = MeasurementSetFastReader.TryRead(json, KpiJsonReadOptions.Default);
            Assert.NotNull(fast);
            ArrayPool<int>.Shared.Return(fast!.ElementOffsets);
            fast.Keys.Dispose();
            Assert.Equal(set, fast.Set);
            Assert.Equal(Outcome(json, strict: true, JsonSamples.Catalogs), Outcome(json, strict: false, JsonSamples.Catalogs));
            Assert.Equal(Outcome(json, strict: true, null), Outcome(json, strict: false, null));
        }, JsonRoundTripPropertyTests.Cases);
    }

    [Fact]
    public void MutatedSamples_ReadAlikeOnBothPaths()
    {
        List<byte[]> corpus = JsonSamples.Valid.Where(s => s.Kind == KpiDocumentKind.Measurements).Select(s => File.ReadAllBytes(s.Path)).ToList();
        Assert.True(corpus.Count >= 3);
        var random = new Random(Seed);
        var options = new[] { KpiJsonReadOptions.Default, new KpiJsonReadOptions { MaxDepth = 3, MaxStringLength = 40, MaxArrayItems = 2, SourceName = "m.json" } };
        int models = 0, fastModels = 0;
        for (int i = 0; i < Mutations; i++)
        {
            byte[] original = corpus[random.Next(corpus.Count)];
            byte[] mutated = Mutate(original, random);
            KpiJsonReadOptions o = options[random.Next(8) == 0 ? 1 : 0];
            string strict = Outcome(mutated, strict: true, JsonSamples.Catalogs, o);
            string full = Outcome(mutated, strict: false, JsonSamples.Catalogs, o);
            Assert.True(strict == full, "mutation #" + i.ToString(CultureInfo.InvariantCulture) + ":\n" + Encoding.UTF8.GetString(mutated) + "\n--- strict ---\n" + strict + "\n--- with the fast path ---\n" + full);
            if (strict.StartsWith("model", StringComparison.Ordinal))
            {
                models++;
                MeasurementSetFastReader.Result? fast = MeasurementSetFastReader.TryRead(mutated, o);
                if (fast is not null)
                {
                    fastModels++;
                    ArrayPool<int>.Shared.Return(fast.ElementOffsets);
                    fast.Keys.Dispose();
                }
            }
        }

        // The mutations reach both outcomes, and most documents that read are read by the fast path.
        Assert.True(models > 1_000, "models: " + models.ToString(CultureInfo.InvariantCulture));
        Assert.True(fastModels * 2 > models, "fast: " + fastModels.ToString(CultureInfo.InvariantCulture) + " of " + models.ToString(CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-0")]
    [InlineData("-0.000")]
    [InlineData("0.10")]
    [InlineData("007")]
    [InlineData("1.")]
    [InlineData("-")]
    [InlineData(".5")]
    [InlineData("1.5e3")]
    [InlineData("1E-2")]
    [InlineData("9999999999999999999")]
    [InlineData("18446744073709551615")]
    [InlineData("18446744073709551616")]
    [InlineData("-1234567890.123456789")]
    [InlineData("0.0000000000000000001")]
    [InlineData("0.00000000000000000000000000001")]
    [InlineData("79228162514264337593543950335")]
    [InlineData("79228162514264337593543950336")]
    [InlineData("12a")]
    [InlineData("12 ")]
    [InlineData("12\t")]
    [InlineData("12\r\n")]
    public void Numbers_ReadAlikeOnBothPaths(string number)
    {
        // The fast path reads short numbers in its own pass (ExactDecimal reads the rest): same value, same scale, same errors.
        string text = number.Replace("\\t", "\t", StringComparison.Ordinal).Replace("\\r", "\r", StringComparison.Ordinal).Replace("\\n", "\n", StringComparison.Ordinal);
        byte[] json = Encoding.UTF8.GetBytes(Document("{\"indicator\": \"DI.FIBRE\", \"adminUnit\": \"08\", \"period\": \"2024\", \"value\": " + text + "},\n"
            + "{\"indicator\": \"DI.FIBRE\", \"adminUnit\": \"09\", \"period\": \"2024\", \"numerator\": " + text + ", \"denominator\": " + text + "}"));
        string strict = Outcome(json, strict: true, JsonSamples.Catalogs);
        Assert.Equal(strict, Outcome(json, strict: false, JsonSamples.Catalogs));
        if (strict.StartsWith("model", StringComparison.Ordinal))
        {
            MeasurementSetFastReader.Result? fast = MeasurementSetFastReader.TryRead(json, KpiJsonReadOptions.Default);
            Assert.NotNull(fast);
            fast!.Keys.Dispose();
            ArrayPool<int>.Shared.Return(fast.ElementOffsets);
        }
    }

    [Theory]
    [InlineData("DI.FIBRE", "08")]
    [InlineData("DI.FIBRE_0123456789_ABCDEFGHIJ", "08")]
    [InlineData("DI.FIBRE_0123456\u0001", "08")]
    [InlineData("DI.FIBRE_01234567\u0001", "08")]
    [InlineData("DI.FIBRE\u0009", "08")]
    [InlineData("DI.\\u0046IBRE", "0\\u0038")]
    [InlineData("DI.FIBRE_0123456\\u0041", "0\\u0038")]
    [InlineData("DI.FIBRE\\\u0001", "08")]
    [InlineData("DI.FIBRE\\x", "08")]
    [InlineData("DI.FIBRE_01234567\\", "08")]
    public void Strings_ReadAlikeOnBothPaths(string indicator, string unit)
    {
        // Quotes, backslashes and control characters before, at and after the 16-byte blocks the fast path scans.
        byte[] json = Encoding.UTF8.GetBytes(Document("{\"indicator\": \"" + indicator + "\", \"adminUnit\": \"" + unit + "\", \"period\": \"2024\", \"value\": 1}"));
        Assert.Equal(Outcome(json, strict: true, JsonSamples.Catalogs), Outcome(json, strict: false, JsonSamples.Catalogs));
    }

    [Fact]
    public void DirectWriter_WritesTheContextsBytes()
    {
        PropertyCheck.ForAll(JsonModelGen.MeasurementSet, set =>
        {
            var direct = new ArrayBufferWriter<byte>();
            KpiJson.Write(set, direct);
            var context = new ArrayBufferWriter<byte>();
            KpiJson.WriteThroughContext(set, context);
            Assert.Equal(Encoding.UTF8.GetString(context.WrittenSpan), Encoding.UTF8.GetString(direct.WrittenSpan));
        }, JsonRoundTripPropertyTests.Cases);
    }

    [Fact]
    public void Findings_AreLocatedAlikeOnBothPaths_InALargeDocument()
    {
        // Findings far apart and out of order (a duplicate points back), and one without its member (located at the element).
        var measurements = new List<Measurement>();
        for (int i = 0; i < 3_000; i++)
        {
            string unit = (i % 1000).ToString("D5", CultureInfo.InvariantCulture);
            measurements.Add(i % 997 == 5
                ? Measurement.OfFraction("DI.FIBRE", unit, ReportingPeriod.Year(2020 + (i / 1000)), 10, 20, 75.5m, source: new SourceCitation("Báo cáo số " + i.ToString(CultureInfo.InvariantCulture), "tỷ lệ đạt 75,5%"))
                : Measurement.Of(i % 500 == 7 ? "UNKNOWN.X" : "DI.FIBRE", unit, ReportingPeriod.Year(2020 + (i / 1000)), i % 1111 == 3 ? 140m : 50.25m));
        }
        measurements.Add(measurements[1234]);
        var set = new MeasurementSet("LARGE", "Tập lớn", measurements);
        var catalog = new Catalog("C", "Danh mục", "VN", [new Indicator("DI.FIBRE", "Cáp quang", Unit.Percent, Direction.HigherIsBetter, Pillar.DigitalInfrastructure, TemporalNature.Snapshot)], []);
        byte[] json = KpiJson.ToUtf8Bytes(set);
        string strict = Outcome(json, strict: true, [catalog]);
        Assert.Equal(strict, Outcome(json, strict: false, [catalog]));
        Assert.Contains("DKPI010", strict, StringComparison.Ordinal);
        Assert.Contains("DKPI006", strict, StringComparison.Ordinal);
        Assert.Contains("DKPI012", strict, StringComparison.Ordinal);
        Assert.Contains("DKPI001", strict, StringComparison.Ordinal);
    }

    private static string Document(string measurements)
        => "{\n  \"kind\": \"digitalkpi.measurements\",\n  \"formatVersion\": \"1.0\",\n  \"id\": \"EDGE\",\n  \"title\": \"Biên\",\n  \"measurements\": [\n    " + measurements + "\n  ]\n}\n";

    private static string Outcome(byte[] json, bool strict, IEnumerable<Catalog>? catalogs, KpiJsonReadOptions? options = null)
    {
        KpiJsonReadOptions o = options ?? KpiJsonReadOptions.Default;
        try
        {
            KpiDocument<MeasurementSet> doc = strict
                ? DocumentReader.ReadMeasurementSetStrictly(Utf8Input.Prepare(json, o), catalogs, o)
                : KpiJson.ReadMeasurementSet(json, catalogs, o);
            var text = new StringBuilder("model ").Append(doc.FormatVersion).Append(' ').Append(doc.SourceName).Append('\n');
            text.Append(KpiJson.ToJson(doc.Model)).Append('\n');
            foreach (KpiDiagnostic d in doc.Diagnostics)
            {
                text.Append(d.Location.Path).Append(' ').Append(d.Location.ElementId).Append(' ').Append(d.Location.File)
                    .Append(' ').Append(d.Location.Line?.ToString(CultureInfo.InvariantCulture)).Append(':').Append(d.Location.Column?.ToString(CultureInfo.InvariantCulture))
                    .Append(' ').Append(d).Append(" | ").Append(d.GetMessage(new CultureInfo("vi-VN"))).Append('\n');
            }
            return text.ToString();
        }
        catch (KpiJsonException e)
        {
            return "error " + e.ErrorKind + " " + e.Path + " " + e.LineNumber?.ToString(CultureInfo.InvariantCulture) + ":" + e.Column?.ToString(CultureInfo.InvariantCulture) + " " + e.Message;
        }
    }

    private static byte[] Mutate(byte[] original, Random random)
    {
        int n = original.Length;
        switch (random.Next(4))
        {
            case 0:
            {
                byte[] copy = (byte[])original.Clone();
                copy[random.Next(n)] ^= (byte)(1 << random.Next(8));
                return copy;
            }
            case 1:
            {
                int at = random.Next(n);
                int length = Math.Min(n - at, 1 + random.Next(12));
                return [.. original.AsSpan(0, at), .. original.AsSpan(at + length)];
            }
            case 2:
            {
                int at = random.Next(n);
                int length = Math.Min(n - at, 1 + random.Next(random.Next(3) == 0 ? 300 : 30));
                int to = random.Next(2) == 0 ? at + length : random.Next(n + 1);
                return [.. original.AsSpan(0, to), .. original.AsSpan(at, length), .. original.AsSpan(to)];
            }
            default:
            {
                byte[] token = Tokens[random.Next(Tokens.Length)];
                // Mostly right after an opening brace or a comma, where a member may start.
                int at = random.Next(n + 1);
                if (random.Next(3) != 0)
                {
                    int next = Array.FindIndex(original, Math.Min(at, n - 1), b => b == (byte)'{' || b == (byte)',');
                    at = next < 0 ? at : next + 1;
                }
                int replace = random.Next(4) == 0 ? Math.Min(n - at, random.Next(24)) : 0;
                return [.. original.AsSpan(0, at), .. token, .. original.AsSpan(at + replace)];
            }
        }
    }
}
