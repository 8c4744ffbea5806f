using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using DigitalKpi.Json;
using NJ = Newtonsoft.Json;

namespace DigitalKpi.Benchmarks;

/// <summary>
/// Goal 3: reading and writing a 100,000-measurement document. Baselines, in the same run: System.Text.Json
/// source-generated plain DTOs of the same shape (the floor cost of the serializer; <see cref="BenchJsonContext"/>)
/// and Newtonsoft.Json over the same DTOs. The library: <see cref="KpiJson"/>, with everything its real read does
/// (size and encoding check, envelope, strict pre-scan, exact decimals, model construction, consistency rules against
/// a catalog, and locating the findings).
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class JsonBenchmarks : IDisposable
{
    private static readonly JsonWriterOptions IndentedOptions = new()
    {
        Indented = true,
        IndentSize = 2,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly NJ.JsonSerializer NewtonsoftSerializer = NJ.JsonSerializer.Create(new NJ.JsonSerializerSettings
    {
        ContractResolver = new NJ.Serialization.CamelCasePropertyNamesContractResolver(),
        NullValueHandling = NJ.NullValueHandling.Ignore,
        FloatParseHandling = NJ.FloatParseHandling.Decimal,
        DateParseHandling = NJ.DateParseHandling.None,
        Formatting = NJ.Formatting.Indented,
        MissingMemberHandling = NJ.MissingMemberHandling.Error,
    });

    private readonly ArrayBufferWriter<byte> buffer = new(16 << 20);
    private readonly MemoryStream stream = new(16 << 20);

    /// <summary>The fixture: the model, its document, and the same document as plain DTOs.</summary>
    public static class Fixture
    {
        /// <summary>Measurements in the document (the reader's default array limit).</summary>
        public const int Count = 100_000;

        /// <summary>Fractions whose printed percentage disagrees with numerator/denominator (DKPI010), one per 10,000.</summary>
        public const int Inconsistent = Count / 10_000;

        /// <summary>The catalog defining the 100 indicators measured.</summary>
        public static readonly Catalog Catalog = MakeCatalog();

        /// <summary>The catalogs passed to the reader.</summary>
        public static readonly Catalog[] Catalogs = [Catalog];

        /// <summary>The measurement set.</summary>
        public static readonly MeasurementSet Set = MakeSet();

        /// <summary>The document, as <see cref="KpiJson"/> writes it.</summary>
        public static readonly byte[] Utf8 = KpiJson.ToUtf8Bytes(Set);

        /// <summary>The same document as plain DTOs (read by the DTO baseline).</summary>
        public static readonly DocumentDto Dto = JsonSerializer.Deserialize(Utf8, BenchJsonContext.Default.DocumentDto)!;

        private static Catalog MakeCatalog()
        {
            var indicators = new List<Indicator>(100);
            for (int i = 0; i < 100; i++)
            {
                bool percent = i % 5 < 3;
                indicators.Add(new Indicator(
                    "DT." + ((i % 4) switch { 0 => "GOV", 1 => "ECO", 2 => "SOC", _ => "INF" }) + "_" + i.ToString("D3", System.Globalization.CultureInfo.InvariantCulture),
                    "Chỉ số chuyển đổi số " + i.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    percent ? Unit.Percent : Unit.Count,
                    Direction.HigherIsBetter,
                    (Pillar)(i % 4),
                    percent ? TemporalNature.Snapshot : TemporalNature.Flow,
                    levels: [Administration.AdministrativeLevel.Province, Administration.AdministrativeLevel.District, Administration.AdministrativeLevel.Commune],
                    periodicity: i % 3 == 0 ? PeriodKind.Month : i % 3 == 1 ? PeriodKind.Quarter : PeriodKind.Year));
            }
            return new Catalog("BENCH-CATALOG", "Danh mục chỉ số (benchmark)", "VN", indicators, []);
        }

        /// <summary>
        /// 1,000 communes × 100 indicators, one period each (year, half-year, quarter or month, by indicator). Percent
        /// indicators: half fractions (two thirds of them with the printed percentage), half plain values with one or
        /// two decimals; count indicators: integers. About 3 % missing, 6 % with another status, 2 % with a source (a
        /// quarter of those with a Vietnamese quote), and <see cref="Inconsistent"/> fractions that disagree.
        /// </summary>
        private static MeasurementSet MakeSet()
        {
            var random = new Random(20250701);
            var inv = System.Globalization.CultureInfo.InvariantCulture;
            var measurements = new List<Measurement>(Count);
            ObservationStatus[] others = [ObservationStatus.Estimated, ObservationStatus.Provisional, ObservationStatus.Imputed, ObservationStatus.Break];
            for (int n = 0; n < Count; n++)
            {
                Indicator indicator = Catalog.Indicators[n % 100];
                string unit = (1 + ((n / 100) * 97)).ToString("D5", inv);
                int k = n % 100;
                ReportingPeriod period = (k % 4) switch
                {
                    0 => ReportingPeriod.Year(2024),
                    1 => ReportingPeriod.HalfYear(2024, 1 + (n / 100 % 2)),
                    2 => ReportingPeriod.Quarter(2024, 1 + (n / 100 % 4)),
                    _ => ReportingPeriod.Month(2024, 1 + (n / 100 % 12)),
                };
                bool inconsistent = n % 10_000 == 4_321; // a percent indicator (21): always a fraction that disagrees
                int roll = inconsistent ? 50 : random.Next(100);
                SourceCitation? source = random.Next(100) < 2
                    ? new SourceCitation("BC-" + random.Next(1, 999).ToString(inv) + "/UBND", random.Next(4) == 0 ? "Tỷ lệ hồ sơ được xử lý trực tuyến toàn trình đạt " + random.Next(100).ToString(inv) + "%" : null)
                    : null;
                if (roll < 3)
                {
                    measurements.Add(Measurement.Missing(indicator.Code, unit, period, roll == 0 ? ObservationStatus.MissingCannotExist : ObservationStatus.Missing, source));
                    continue;
                }
                ObservationStatus status = roll < 9 ? others[roll - 3 & 3] : ObservationStatus.Normal;
                if (indicator.Unit == Unit.Percent && (random.Next(2) == 0 || inconsistent))
                {
                    decimal denominator = random.Next(20, 20_000);
                    decimal numerator = Math.Floor(denominator * (decimal)random.NextDouble());
                    decimal? printed = random.Next(3) == 0 ? null : Math.Round(100m * numerator / denominator, 1 + random.Next(2), MidpointRounding.AwayFromZero);
                    if (inconsistent)
                    {
                        printed = 100m - Math.Round(100m * numerator / denominator, 1) + 7.5m; // disagrees: DKPI010
                        numerator = Math.Min(numerator, denominator - 1);
                    }
                    measurements.Add(Measurement.OfFraction(indicator.Code, unit, period, numerator, denominator, printed, status, source));
                }
                else if (indicator.Unit == Unit.Percent)
                {
                    measurements.Add(Measurement.Of(indicator.Code, unit, period, Math.Round((decimal)(random.NextDouble() * 100), 1 + random.Next(2), MidpointRounding.AwayFromZero), status, source));
                }
                else
                {
                    measurements.Add(Measurement.Of(indicator.Code, unit, period, random.Next(0, 250_000), status, source));
                }
            }
            return new MeasurementSet("BENCH-100K", "Kết quả chuyển đổi số cấp xã năm 2024 (benchmark)", measurements, new SourceCitation("BC-2024/STTTT"));
        }
    }

    /// <summary>Checks that every benchmark reads and writes the same document.</summary>
    [GlobalSetup]
    public void Setup()
    {
        KpiDocument<MeasurementSet> read = KpiJson.ReadMeasurementSet(Fixture.Utf8, Fixture.Catalogs);
        if (read.Model.Measurements.Length != Fixture.Count || !read.Model.Equals(Fixture.Set))
        {
            throw new InvalidOperationException("The fixture does not read back.");
        }
        if (read.Diagnostics.Length < Fixture.Inconsistent || read.Diagnostics.Any(d => d.Location.Line is null))
        {
            throw new InvalidOperationException("Expected located DKPI010 findings, got " + read.Diagnostics.Length + ".");
        }
        if (Fixture.Dto.Measurements.Count != Fixture.Count || NewtonsoftRead().Measurements.Count != Fixture.Count)
        {
            throw new InvalidOperationException("The baselines do not read the fixture.");
        }
        int library = KpiJsonWrite(), dto = DtoWrite(), newtonsoft = NewtonsoftWrite();
        // The DTO writer produces the same bytes but the final newline; Newtonsoft writes integral decimals as "1693.0".
        if (Math.Abs(library - dto) > 16 || Math.Abs(library - newtonsoft) > library / 50)
        {
            throw new InvalidOperationException($"Writers differ in size: KpiJson {library}, DTO {dto}, Newtonsoft {newtonsoft} bytes.");
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        stream.Dispose();
        GC.SuppressFinalize(this);
    }

    // ---- Read ------------------------------------------------------------------------------------------------

    /// <summary>The floor: System.Text.Json source-generated plain DTOs, no checks.</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("Read")]
    public DocumentDto DtoRead() => JsonSerializer.Deserialize(Fixture.Utf8, BenchJsonContext.Default.DocumentDto)!;

    /// <summary>The library's full read: strict, exact, the model, the consistency rules, located findings.</summary>
    [Benchmark, BenchmarkCategory("Read")]
    public KpiDocument<MeasurementSet> KpiJsonRead() => KpiJson.ReadMeasurementSet(Fixture.Utf8, Fixture.Catalogs);

    /// <summary>Newtonsoft.Json into the same DTOs, from the same bytes.</summary>
    [Benchmark, BenchmarkCategory("Read")]
    public DocumentDto NewtonsoftRead()
    {
        using var reader = new NJ.JsonTextReader(new StreamReader(new MemoryStream(Fixture.Utf8, writable: false), System.Text.Encoding.UTF8));
        return NewtonsoftSerializer.Deserialize<DocumentDto>(reader)!;
    }

    // ---- Write -----------------------------------------------------------------------------------------------

    /// <summary>The floor: System.Text.Json source-generated plain DTOs, same indentation and escaping.</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("Write")]
    public int DtoWrite()
    {
        buffer.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(buffer, IndentedOptions))
        {
            JsonSerializer.Serialize(writer, Fixture.Dto, BenchJsonContext.Default.DocumentDto);
        }
        return buffer.WrittenCount;
    }

    /// <summary>The library's writer from the model, into a reusable buffer.</summary>
    [Benchmark, BenchmarkCategory("Write")]
    public int KpiJsonWrite()
    {
        buffer.ResetWrittenCount();
        KpiJson.Write(Fixture.Set, buffer);
        return buffer.WrittenCount;
    }

    /// <summary>Newtonsoft.Json from the same DTOs into a reusable stream.</summary>
    [Benchmark, BenchmarkCategory("Write")]
    public int NewtonsoftWrite()
    {
        stream.SetLength(0);
        using (var text = new StreamWriter(stream, new System.Text.UTF8Encoding(false), 1 << 16, leaveOpen: true))
        using (var writer = new NJ.JsonTextWriter(text) { Indentation = 2 })
        {
            NewtonsoftSerializer.Serialize(writer, Fixture.Dto);
        }
        return (int)stream.Length;
    }
}

/// <summary>A plain DTO of the measurement-set document: what an application would declare for the same shape.</summary>
public sealed class DocumentDto
{
    [JsonPropertyName("$schema")]
    [NJ.JsonProperty("$schema")]
    public string? Schema { get; set; }

    public string Kind { get; set; } = "";

    public string FormatVersion { get; set; } = "";

    public string Id { get; set; } = "";

    public string Title { get; set; } = "";

    public SourceDto? Source { get; set; }

    public List<MeasurementDto> Measurements { get; set; } = [];
}

/// <summary>A plain measurement DTO.</summary>
public sealed class MeasurementDto
{
    public string Indicator { get; set; } = "";

    public string AdminUnit { get; set; } = "";

    public string Period { get; set; } = "";

    public decimal? Value { get; set; }

    public decimal? Numerator { get; set; }

    public decimal? Denominator { get; set; }

    public decimal? ReportedValue { get; set; }

    public string? Status { get; set; }

    public SourceDto? Source { get; set; }
}

/// <summary>A plain source DTO.</summary>
public sealed class SourceDto
{
    public string Document { get; set; } = "";

    public string? Quote { get; set; }
}

/// <summary>The baseline's source-generated context: camelCase, nulls omitted, defaults otherwise.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(DocumentDto))]
public sealed partial class BenchJsonContext : JsonSerializerContext
{
}
