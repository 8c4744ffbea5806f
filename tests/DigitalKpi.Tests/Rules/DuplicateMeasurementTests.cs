using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using DigitalKpi.Json;
using DigitalKpi.Json.Internal;
using DigitalKpi.Rules;

namespace DigitalKpi.Tests.Rules;

/// <summary>
/// The duplicate rule (DKPI006) on measurements, found through <see cref="MeasurementKeys"/> (ids per distinct code and
/// period, a table of first occurrences), against the plain definition: a dictionary of (indicator, unit, period) to
/// the first index, every later measurement with the same key reported at its period and pointing back to the first.
/// </summary>
public class DuplicateMeasurementTests
{
    [Fact]
    public void RandomSets_HaveTheDuplicatesOfThePlainDefinition()
    {
        var random = new Random(20_251_123);
        for (int round = 0; round < 200; round++)
        {
            // Few codes: one bit per possible key, then the table from the first duplicate; many: the table from the start.
            int count = random.Next(0, round < 20 ? 2_000 : 200);
            MeasurementSet set = RandomSet(random, count, codes: 1 + random.Next(round % 3 == 0 ? 60 : 6), periods: 1 + random.Next(6));
            Assert.Equal(Expected(set), Found(CatalogValidator.Validate(set, [])));
        }
    }

    [Fact]
    public void EqualCodesAndPeriods_WrittenOrBuiltDifferently_AreDuplicates()
    {
        // Equal texts in distinct string instances, and equal periods built differently.
        string unit = new('0', 2);
        MeasurementSet set = new("S", "Tập", [
            Measurement.Of("DI.A", "00", ReportingPeriod.Year(2024), 1m),
            Measurement.Of(new string("DI.A".ToCharArray()), unit, ReportingPeriod.Between(new LocalDate(2024, 1, 1), new LocalDate(2024, 12, 31)), 2m),
            Measurement.Of("DI.A", "00", ReportingPeriod.Quarter(2024, 1), 3m),
            Measurement.Of("DI.A", "00", ReportingPeriod.Parse("2024Q1"), 4m),
            Measurement.Of("DI.B", "00", ReportingPeriod.Year(2024), 5m),
        ]);
        ImmutableArray<KpiDiagnostic> found = CatalogValidator.Validate(set, []);
        Assert.Equal(["$.measurements[1].period <- $.measurements[0].period DI.A@00 2024", "$.measurements[3].period <- $.measurements[2].period DI.A@00 2024-Q1"], Found(found));
        Assert.Equal(Expected(set), Found(found));
    }

    [Fact]
    public void TheReader_GivesEqualIdsToEscapedCodesAndOtherPeriodForms_AsTheStrictPathFinds()
    {
        // The fast path caches codes and periods by their bytes: "\u0030\u0038" is "08", "2024-A1" and "2024-01-01/2024-12-31" are 2024.
        string[] rows =
        [
            "{\"indicator\": \"DI.A\", \"adminUnit\": \"08\", \"period\": \"2024\", \"value\": 1}",
            "{\"indicator\": \"DI.A\", \"adminUnit\": \"\\u0030\\u0038\", \"period\": \"2024\", \"value\": 2}",
            "{\"indicator\": \"DI.\\u0041\", \"adminUnit\": \"08\", \"period\": \"2024-A1\", \"value\": 3}",
            "{\"indicator\": \"DI.A\", \"adminUnit\": \"09\", \"period\": \"2024-01-01/2024-12-31\", \"value\": 4}",
            "{\"indicator\": \"DI.A\", \"adminUnit\": \"09\", \"period\": \"2024\", \"value\": 5}",
            "{\"indicator\": \"DI.A\", \"adminUnit\": \"09\", \"period\": \"2024-Q1\", \"value\": 6}",
        ];
        byte[] json = Encoding.UTF8.GetBytes("{\"kind\": \"digitalkpi.measurements\", \"formatVersion\": \"1.0\", \"id\": \"S\", \"title\": \"Tập\", \"measurements\": [\n"
            + string.Join(",\n", rows) + "\n]}\n");
        MeasurementSetFastReader.Result? fast = MeasurementSetFastReader.TryRead(json, KpiJsonReadOptions.Default);
        Assert.NotNull(fast);
        fast!.Keys.Dispose();
        System.Buffers.ArrayPool<int>.Shared.Return(fast.ElementOffsets);

        KpiDocument<MeasurementSet> read = KpiJson.ReadMeasurementSet(json);
        KpiDocument<MeasurementSet> strict = DocumentReader.ReadMeasurementSetStrictly(json, null, KpiJsonReadOptions.Default);
        Assert.Equal(["$.measurements[1].period <- $.measurements[0].period DI.A@08 2024", "$.measurements[2].period <- $.measurements[0].period DI.A@08 2024", "$.measurements[4].period <- $.measurements[3].period DI.A@09 2024"], Found(read.Diagnostics));
        Assert.Equal(Found(strict.Diagnostics), Found(read.Diagnostics));
        Assert.Equal(strict.Diagnostics.Select(d => (d.Location.Line, d.Location.Column)), read.Diagnostics.Select(d => (d.Location.Line, d.Location.Column)));
        Assert.Equal(Expected(read.Model), Found(read.Diagnostics));
    }

    [Fact]
    public void ALateFirstDuplicate_PointsBackAcrossTheSwitchToTheTable()
    {
        var measurements = new List<Measurement>();
        for (int i = 0; i < 5_000; i++)
        {
            measurements.Add(Measurement.Of("DI." + (i % 50).ToString("D3", CultureInfo.InvariantCulture), (i / 50).ToString("D3", CultureInfo.InvariantCulture), ReportingPeriod.Year(2024), i));
        }
        measurements.Add(measurements[4_321]);
        measurements.Add(measurements[17]);
        measurements.Add(measurements[4_321]);
        var set = new MeasurementSet("LATE", "Muộn", measurements);
        List<string> found = Found(CatalogValidator.Validate(set, []));
        Assert.Equal(["$.measurements[5000].period <- $.measurements[4321].period DI.021@086 2024", "$.measurements[5001].period <- $.measurements[17].period DI.017@000 2024", "$.measurements[5002].period <- $.measurements[4321].period DI.021@086 2024"], found);
        Assert.Equal(Expected(set), found);
    }

    [Fact]
    public void Keys_AreEqualExactlyWhenCodesAndPeriodsAre()
    {
        MeasurementSet set = RandomSet(new Random(7), 3_000, codes: 5, periods: 5);
        using MeasurementKeys keys = MeasurementKeys.Compute(set.Measurements);
        Assert.Equal(set.Measurements.Length, keys.Count);
        for (int i = 0; i < set.Measurements.Length; i += 7)
        {
            for (int j = 0; j < set.Measurements.Length; j += 13)
            {
                Measurement a = set.Measurements[i], b = set.Measurements[j];
                bool same = a.IndicatorCode == b.IndicatorCode && a.UnitCode == b.UnitCode && a.Period.Equals(b.Period);
                Assert.Equal(same, keys.Keys[i].Equals(keys.Keys[j]));
                Assert.Equal(a.IndicatorCode, keys.IndicatorCodes[keys.Keys[i].Indicator]);
                Assert.InRange(keys.Keys[i].Unit, 0, keys.UnitCount - 1);
                Assert.InRange(keys.Keys[i].Period, 0, keys.PeriodCount - 1);
            }
        }
    }

    private static MeasurementSet RandomSet(Random random, int count, int codes, int periods)
    {
        ReportingPeriod[] choices = [ReportingPeriod.Year(2024), ReportingPeriod.Quarter(2024, 2), ReportingPeriod.Month(2024, 5), ReportingPeriod.Year(2023), ReportingPeriod.HalfYear(2024, 1), ReportingPeriod.Day(new LocalDate(2024, 3, 1))];
        var measurements = new List<Measurement>(count);
        for (int i = 0; i < count; i++)
        {
            // Fresh string instances: equality must be by text, not by reference.
            string indicator = "DI." + random.Next(codes).ToString("D3", CultureInfo.InvariantCulture);
            string unit = random.Next(codes).ToString("D2", CultureInfo.InvariantCulture);
            measurements.Add(Measurement.Of(indicator, unit, choices[random.Next(Math.Min(periods, choices.Length))], random.Next(100)));
        }
        return new MeasurementSet("RANDOM", "Ngẫu nhiên", measurements);
    }

    /// <summary>The plain definition, as the rule was first written.</summary>
    private static List<string> Expected(MeasurementSet set)
    {
        var first = new Dictionary<(string, string, ReportingPeriod), int>();
        var found = new List<string>();
        for (int i = 0; i < set.Measurements.Length; i++)
        {
            Measurement m = set.Measurements[i];
            if (first.TryGetValue((m.IndicatorCode, m.UnitCode, m.Period), out int f))
            {
                found.Add(Line(i, f, m.IndicatorCode + "@" + m.UnitCode + " " + m.Period.ToString()));
            }
            else
            {
                first.Add((m.IndicatorCode, m.UnitCode, m.Period), i);
            }
        }
        return found;
    }

    private static List<string> Found(ImmutableArray<KpiDiagnostic> diagnostics)
        => diagnostics.Where(d => d.Id == "DKPI006").Select(d => d.Location.Path + " <- " + d.Arguments[1] + " " + d.Location.ElementId).ToList();

    private static string Line(int i, int first, string label)
        => "$.measurements[" + i.ToString(CultureInfo.InvariantCulture) + "].period <- $.measurements[" + first.ToString(CultureInfo.InvariantCulture) + "].period " + label;
}
