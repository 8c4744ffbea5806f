using System.Globalization;
using System.Text;
using DigitalKpi.Json;
using DigitalKpi.Tests.TestHelpers;

namespace DigitalKpi.Tests.Json;

/// <summary>
/// FsCheck round-trip properties of the JSON format, each checked for at least 1,000 generated models: write → read
/// gives an equal model, every decimal keeps its exact bits (value and scale), and writing again gives the same bytes.
/// </summary>
public class JsonRoundTripPropertyTests
{
    internal const int Cases = PropertyCheck.DefaultCases;

    [Fact]
    public void Catalog_WriteThenRead_GivesAnEqualCatalog()
    {
        PropertyCheck.ForAll(JsonModelGen.Catalog, catalog =>
        {
            byte[] json = KpiJson.ToUtf8Bytes(catalog);
            Catalog read = KpiJson.ReadCatalog(json).Model;
            Assert.Equal(catalog, read);
            Assert.Equal(Decimals(catalog), Decimals(read));
        }, Cases);
    }

    [Fact]
    public void MeasurementSet_WriteThenRead_GivesAnEqualSet()
    {
        PropertyCheck.ForAll(JsonModelGen.MeasurementSet, set =>
        {
            byte[] json = KpiJson.ToUtf8Bytes(set);
            MeasurementSet read = KpiJson.ReadMeasurementSet(json).Model;
            Assert.Equal(set, read);
            Assert.Equal(Decimals(set), Decimals(read));
        }, Cases);
    }

    [Fact]
    public void Catalog_Writing_IsDeterministicAndStable()
    {
        PropertyCheck.ForAll(JsonModelGen.Catalog, catalog =>
        {
            string first = KpiJson.ToJson(catalog);
            Assert.Equal(first, KpiJson.ToJson(catalog));
            Assert.Equal(first, KpiJson.ToJson(KpiJson.ReadCatalog(first).Model));
            Assert.DoesNotContain("\r", first, StringComparison.Ordinal);
            Assert.EndsWith("}\n", first, StringComparison.Ordinal);
        }, Cases);
    }

    [Fact]
    public void MeasurementSet_Writing_IsDeterministicAndStable()
    {
        PropertyCheck.ForAll(JsonModelGen.MeasurementSet, set =>
        {
            string first = KpiJson.ToJson(set);
            Assert.Equal(first, KpiJson.ToJson(KpiJson.ReadMeasurementSet(first).Model));
        }, Cases);
    }

    [Fact]
    public void Decimal_KeepsValueAndScaleExactly()
    {
        PropertyCheck.ForAll(JsonModelGen.Decimal, value =>
        {
            var set = new MeasurementSet("S", "t", [Measurement.Of("I", "VN", ReportingPeriod.Year(2022), value)]);
            decimal read = KpiJson.ReadMeasurementSet(KpiJson.ToUtf8Bytes(set)).Model.Measurements[0].ReportedValue!.Value;
            Assert.Equal(Bits(value), Bits(read));
        }, Cases);
    }

    [Fact]
    public void Writing_DoesNotDependOnTheCulture()
    {
        // The suite runs under vi-VN by default (comma decimals); numbers, dates and periods must not notice.
        PropertyCheck.ForAll(JsonModelGen.Catalog, catalog =>
        {
            CultureInfo saved = CultureInfo.CurrentCulture;
            string invariant;
            try
            {
                CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
                invariant = KpiJson.ToJson(catalog);
            }
            finally
            {
                CultureInfo.CurrentCulture = saved;
            }
            CultureInfo.CurrentCulture = new CultureInfo("vi-VN");
            try
            {
                Assert.Equal(invariant, KpiJson.ToJson(catalog));
                Assert.Equal(catalog, KpiJson.ReadCatalog(invariant).Model);
            }
            finally
            {
                CultureInfo.CurrentCulture = saved;
            }
        }, Cases);
    }

    [Fact]
    public void StreamBufferAndStringForms_Agree()
    {
        PropertyCheck.ForAll(JsonModelGen.MeasurementSet, set =>
        {
            using var stream = new MemoryStream();
            KpiJson.Write(set, stream);
            byte[] bytes = stream.ToArray();
            Assert.Equal(KpiJson.ToUtf8Bytes(set), bytes);
            Assert.Equal(KpiJson.ToJson(set), Encoding.UTF8.GetString(bytes));
            stream.Position = 0;
            Assert.Equal(set, KpiJson.ReadMeasurementSet(stream).Model);
            Assert.Equal(set, KpiJson.ReadMeasurementSet(KpiJson.ToJson(set)).Model);
        }, Cases);
    }

    private static (int, int, int, int) Bits(decimal d)
    {
        int[] b = decimal.GetBits(d);
        return d == 0m ? (0, 0, 0, b[3] & 0x00FF0000) : (b[0], b[1], b[2], b[3]);
    }

    private static List<(int, int, int, int)> Decimals(Catalog c)
    {
        var all = new List<(int, int, int, int)>();
        foreach (Indicator i in c.Indicators)
        {
            all.Add(Bits(i.Unit.ScaleMaximum));
        }
        foreach (Target t in c.Targets)
        {
            all.Add(Bits(t.Threshold.Value));
            all.Add(Bits(t.Unit.ScaleMaximum));
            all.Add(Bits(t.Upper?.Value ?? -1m));
            all.Add(Bits(t.Tolerance ?? -1m));
            all.Add(Bits(t.Baseline?.Value ?? -1m));
        }
        return all;
    }

    private static List<(int, int, int, int)> Decimals(MeasurementSet s)
    {
        var all = new List<(int, int, int, int)>();
        foreach (Measurement m in s.Measurements)
        {
            all.Add(Bits(m.ReportedValue ?? -1m));
            all.Add(Bits(m.Numerator ?? -1m));
            all.Add(Bits(m.Denominator ?? -1m));
        }
        return all;
    }
}
