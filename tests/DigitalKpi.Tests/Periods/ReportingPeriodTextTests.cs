using System.Globalization;

namespace DigitalKpi.Tests.Periods;

public class ReportingPeriodTextTests
{
    private static LocalDate D(int year, int month, int day) => new(year, month, day);

    /// <summary>Period, canonical form, SDMX form, DHIS2 form (null: none).</summary>
    public static TheoryData<string, ReportingPeriod, string, string, string?> Forms => new()
    {
        { "year", ReportingPeriod.Year(2022), "2022", "2022", "2022" },
        { "year 1", ReportingPeriod.Year(1), "0001", "0001", "0001" },
        { "year 9999", ReportingPeriod.Year(9999), "9999", "9999", "9999" },
        { "H1", ReportingPeriod.HalfYear(2022, 1), "2022-H1", "2022-S1", "2022S1" },
        { "H2", ReportingPeriod.HalfYear(2022, 2), "2022-H2", "2022-S2", "2022S2" },
        { "Q1", ReportingPeriod.Quarter(2022, 1), "2022-Q1", "2022-Q1", "2022Q1" },
        { "Q3", ReportingPeriod.Quarter(2022, 3), "2022-Q3", "2022-Q3", "2022Q3" },
        { "Q4 year 5", ReportingPeriod.Quarter(5, 4), "0005-Q4", "0005-Q4", "0005Q4" },
        { "June", ReportingPeriod.Month(2022, 6), "2022-06", "2022-M06", "202206" },
        { "December", ReportingPeriod.Month(2022, 12), "2022-12", "2022-M12", "202212" },
        { "day", ReportingPeriod.Day(D(2022, 6, 1)), "2022-06-01", "2022-06-01", "20220601" },
        { "leap day", ReportingPeriod.Day(D(2024, 2, 29)), "2024-02-29", "2024-02-29", "20240229" },
        { "range", ReportingPeriod.Between(D(2022, 6, 1), D(2022, 12, 31)), "2022-06-01/2022-12-31", "2022-06-01/2022-12-31", null },
        { "two days", ReportingPeriod.Between(D(2022, 6, 1), D(2022, 6, 2)), "2022-06-01/2022-06-02", "2022-06-01/2022-06-02", null },
        { "range across years", ReportingPeriod.Between(D(0999, 12, 31), D(1000, 1, 1)), "0999-12-31/1000-01-01", "0999-12-31/1000-01-01", null },
    };

    [Theory]
    [MemberData(nameof(Forms))]
    public void TextForms_FormatAndParseBack(string name, ReportingPeriod period, string canonical, string sdmx, string? dhis2)
    {
        Assert.NotNull(name);
        Assert.Equal(canonical, period.ToString());
        Assert.Equal(sdmx, period.ToSdmxString());
        Assert.Equal(period, ReportingPeriod.Parse(canonical));
        Assert.Equal(period, ReportingPeriod.Parse(sdmx));
        if (dhis2 is null)
        {
            InvalidOperationException ex = Assert.Throws<InvalidOperationException>(() => period.ToDhis2String());
            Assert.Contains(canonical, ex.Message, StringComparison.Ordinal);
            Assert.Contains("DHIS2", ex.Message, StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(dhis2, period.ToDhis2String());
            Assert.Equal(period, ReportingPeriod.Parse(dhis2));
        }
    }

    [Theory]
    [InlineData("2022", "2022")]
    [InlineData("2022-A1", "2022")] // SDMX annual
    [InlineData("2022-01-01/2022-12-31", "2022")]
    [InlineData("2022-H1", "2022-H1")]
    [InlineData("2022-S1", "2022-H1")] // SDMX
    [InlineData("2022S1", "2022-H1")] // DHIS2
    [InlineData("2022-S2", "2022-H2")]
    [InlineData("2022S2", "2022-H2")]
    [InlineData("2022-07-01/2022-12-31", "2022-H2")]
    [InlineData("2022-Q3", "2022-Q3")] // canonical and SDMX
    [InlineData("2022Q3", "2022-Q3")] // DHIS2
    [InlineData("2022Q1", "2022-Q1")]
    [InlineData("2022-04-01/2022-06-30", "2022-Q2")]
    [InlineData("2022-06", "2022-06")]
    [InlineData("2022-M06", "2022-06")] // SDMX
    [InlineData("202206", "2022-06")] // DHIS2
    [InlineData("202212", "2022-12")]
    [InlineData("2024-02-01/2024-02-29", "2024-02")]
    [InlineData("2022-06-01", "2022-06-01")]
    [InlineData("20220601", "2022-06-01")] // DHIS2
    [InlineData("2022-06-01/2022-06-01", "2022-06-01")] // single day as a range
    [InlineData("2024-02-29", "2024-02-29")]
    [InlineData("20000229", "2000-02-29")]
    [InlineData("2022-06-01/2022-12-31", "2022-06-01/2022-12-31")]
    [InlineData("0001-01-01/9999-12-31", "0001-01-01/9999-12-31")]
    public void Parse_AcceptsEveryForm(string text, string canonical)
    {
        ReportingPeriod period = ReportingPeriod.Parse(text);

        Assert.Equal(canonical, period.ToString());
        Assert.True(ReportingPeriod.TryParse(text, out ReportingPeriod tried));
        Assert.Equal(period, tried);
    }

    [Fact]
    public void Parse_ForeignForms_MapToTheRightPeriods()
    {
        Assert.Equal(ReportingPeriod.Year(2022), ReportingPeriod.Parse("2022-A1"));
        Assert.Equal(ReportingPeriod.HalfYear(2022, 1), ReportingPeriod.Parse("2022-S1"));
        Assert.Equal(ReportingPeriod.HalfYear(2022, 2), ReportingPeriod.Parse("2022S2"));
        Assert.Equal(ReportingPeriod.Quarter(2022, 3), ReportingPeriod.Parse("2022Q3"));
        Assert.Equal(ReportingPeriod.Month(2022, 6), ReportingPeriod.Parse("2022-M06"));
        Assert.Equal(ReportingPeriod.Month(2022, 6), ReportingPeriod.Parse("202206"));
        Assert.Equal(ReportingPeriod.Day(D(2022, 6, 1)), ReportingPeriod.Parse("20220601"));
        Assert.Equal(PeriodKind.Month, ReportingPeriod.Parse("202206").Kind);
        Assert.Equal(PeriodKind.Custom, ReportingPeriod.Parse("20220601").Kind);
    }

    [Theory]
    [InlineData("", -1)]
    [InlineData(" ", 0)]
    [InlineData("\t2022", 0)]
    [InlineData(" 2022", 0)]
    [InlineData("2022 ", 4)]
    [InlineData("2022\n", 4)]
    [InlineData("2022\u00A0", 4)]
    [InlineData("2022-Q3 ", 7)]
    [InlineData("2022-Q3\0", 7)]
    [InlineData("+2022", 0)]
    [InlineData("-2022", 0)]
    [InlineData("2022-06-01/+2022-06-30", 11)]
    [InlineData("202", -1)]
    [InlineData("22", -1)]
    [InlineData("0000", 0)]
    [InlineData("0000-01", 0)]
    [InlineData("10000", -1)]
    [InlineData("12022", -1)]
    [InlineData("\u0662\u0660\u0662\u0662", 0)] // Arabic-Indic digits
    [InlineData("\uFF12\uFF10\uFF12\uFF12", 0)] // full-width digits
    [InlineData("2022-\u0660\u0666", 5)]
    [InlineData("2022-", -1)]
    [InlineData("2022-13", 5)]
    [InlineData("2022-00", 5)]
    [InlineData("2022-1", -1)]
    [InlineData("2022-6-1", 6)]
    [InlineData("2022/06", 4)]
    [InlineData("2022\u201306", 4)] // en dash
    [InlineData("2022-Q", -1)]
    [InlineData("2022-Q0", 6)]
    [InlineData("2022-Q5", 6)]
    [InlineData("2022-Q10", 7)]
    [InlineData("2022-QX", 6)]
    [InlineData("2022-q3", 5)]
    [InlineData("2022q3", 4)]
    [InlineData("2022-H0", 6)]
    [InlineData("2022-H3", 6)]
    [InlineData("2022-h1", 5)]
    [InlineData("2022-H1x", 7)]
    [InlineData("2022-S0", 6)]
    [InlineData("2022-S3", 6)]
    [InlineData("2022-A", -1)]
    [InlineData("2022-A2", 6)]
    [InlineData("2022-A11", 7)]
    [InlineData("2022-M", -1)]
    [InlineData("2022-M6", -1)]
    [InlineData("2022-M00", 6)]
    [InlineData("2022-M13", 6)]
    [InlineData("2022-M060", 8)]
    [InlineData("2022-W01", 5)]
    [InlineData("2022W1", 4)]
    [InlineData("2022Q", -1)]
    [InlineData("2022Q0", 5)]
    [InlineData("2022Q5", 5)]
    [InlineData("2022Q3x", 6)]
    [InlineData("2022S0", 5)]
    [InlineData("2022S3", 5)]
    [InlineData("2022H1", 4)] // no compact H form
    [InlineData("202213", 4)]
    [InlineData("202200", 4)]
    [InlineData("2022060", -1)]
    [InlineData("20220230", 6)]
    [InlineData("20230229", 6)]
    [InlineData("20220600", 6)]
    [InlineData("202206011", 8)]
    [InlineData("2022-0601", 7)]
    [InlineData("202206-01", 6)]
    [InlineData("2022-06-1", -1)]
    [InlineData("2022-06-", -1)]
    [InlineData("2022-06-00", 8)]
    [InlineData("2022-06-31", 8)]
    [InlineData("2022-04-31", 8)]
    [InlineData("2022-02-29", 8)]
    [InlineData("1900-02-29", 8)]
    [InlineData("2022-02-30", 8)]
    [InlineData("2022-06-01 ", 10)]
    [InlineData("2022-06-01T00", 10)]
    [InlineData("2022-06-01-2022-06-30", 10)]
    [InlineData("2022-06-01/", -1)]
    [InlineData("2022-06-01/2022", -1)]
    [InlineData("2022-06-01/2022-06", -1)]
    [InlineData("2022-06-01/2022-06-3", -1)]
    [InlineData("2022-06-01/2022-6-30", 17)]
    [InlineData("2022-06-01/2022-13-01", 16)]
    [InlineData("2022-06-01/2022-06-31", 19)]
    [InlineData("2022-06-01/0000-01-01", 11)]
    [InlineData("2022-06-01/2022-05-31", 11)]
    [InlineData("2022-06-01/2021-12-31", 11)]
    [InlineData("2022-06-01/2022-06-30x", 21)]
    [InlineData("2022-06-01/2022-06-30/2022-07-31", 21)]
    [InlineData("2022-06-01/20220630", 15)]
    [InlineData("2022-06/2022-08", 7)]
    [InlineData("2022-06-01/P30D", 11)]
    public void Parse_RejectsBadInput(string text, int position)
    {
        PeriodFormatException ex = Assert.Throws<PeriodFormatException>(() => ReportingPeriod.Parse(text));

        Assert.Equal(text, ex.Text);
        Assert.Equal(position, ex.Position);
        Assert.StartsWith("'" + text + "' is not a reporting period: ", ex.Message, StringComparison.Ordinal);
        Assert.EndsWith(".", ex.Message, StringComparison.Ordinal);
        if (position >= 0)
        {
            Assert.EndsWith(" (at position " + position.ToString(CultureInfo.InvariantCulture) + ").", ex.Message, StringComparison.Ordinal);
        }
        else
        {
            Assert.DoesNotContain("(at position", ex.Message, StringComparison.Ordinal);
        }
        Assert.IsAssignableFrom<FormatException>(ex);

        Assert.False(ReportingPeriod.TryParse(text, out ReportingPeriod period));
        Assert.Equal(default, period);
    }

    [Theory]
    [InlineData("2022-Q5", "'2022-Q5' is not a reporting period: quarter must be 1-4 (at position 6).")]
    [InlineData("2022S3", "'2022S3' is not a reporting period: half-year must be 1-2 (at position 5).")]
    [InlineData("2022-13", "'2022-13' is not a reporting period: month must be 01-12 (at position 5).")]
    [InlineData("2023-02-29", "'2023-02-29' is not a reporting period: day must be 01-28 in 2023-02 (at position 8).")]
    [InlineData("2024-02-30", "'2024-02-30' is not a reporting period: day must be 01-29 in 2024-02 (at position 8).")]
    [InlineData("20220431", "'20220431' is not a reporting period: day must be 01-30 in 2022-04 (at position 6).")]
    [InlineData("0000", "'0000' is not a reporting period: year must be 0001-9999 (at position 0).")]
    [InlineData("202", "'202' is not a reporting period: expected a four-digit year 0001-9999, but the text ended.")]
    [InlineData("", "'' is not a reporting period: the text is empty.")]
    [InlineData(" 2022", "' 2022' is not a reporting period: expected a four-digit year 0001-9999 (at position 0).")]
    [InlineData("2022 ", "'2022 ' is not a reporting period: expected '-', 'S', 'Q' or a two-digit month after the year (at position 4).")]
    [InlineData("2022-W01", "'2022-W01' is not a reporting period: expected a two-digit month or one of 'H', 'S', 'Q', 'M', 'A' after '-' (at position 5).")]
    [InlineData("2022-06-01/2022-05-31", "'2022-06-01/2022-05-31' is not a reporting period: the end date must not be before the start date (at position 11).")]
    [InlineData("2022-Q3x", "'2022-Q3x' is not a reporting period: unexpected text after a complete period (at position 7).")]
    public void Parse_ExplainsWhatWasExpected(string text, string message)
    {
        PeriodFormatException ex = Assert.Throws<PeriodFormatException>(() => ReportingPeriod.Parse(text));

        Assert.Equal(message, ex.Message);
    }

    [Fact]
    public void TryParse_DoesNotAllocate()
    {
        string[] texts =
        [
            "2022", "2022-A1", "2022-H2", "2022-S1", "2022S2", "2022-Q3", "2022Q4", "2022-06", "2022-M06", "202206",
            "2022-06-01", "20220601", "2022-06-01/2022-12-31",
            "", " 2022", "2022-Q5", "2023-02-29", "2022-06-01/2022-05-31", "2022-06-01/2022-06-30x", "202",
        ];
        int parsed = 0;
        for (int round = 0; round < 3; round++) // warm up, then measure the last round
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            foreach (string text in texts)
            {
                if (ReportingPeriod.TryParse(text, out _))
                {
                    parsed++;
                }
            }
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            if (round == 2)
            {
                Assert.Equal(0, allocated);
            }
        }
        Assert.Equal(3 * 13, parsed);
    }

    [Fact]
    public void Parse_Null()
    {
        Assert.Equal("text", Assert.Throws<ArgumentNullException>(() => ReportingPeriod.Parse(null!)).ParamName);
        Assert.False(ReportingPeriod.TryParse(null, out ReportingPeriod period));
        Assert.Equal(default, period);
    }

    [Theory]
    [InlineData("vi-VN")]
    [InlineData("th-TH")] // Buddhist-era calendar by default
    [InlineData("ar-SA")] // Um Al-Qura calendar, Arabic digits available
    [InlineData("fa-IR")] // Persian calendar and digits
    [InlineData("tr-TR")] // dotted/dotless i casing
    [InlineData("de-DE")]
    public void TextForms_DoNotDependOnTheCurrentCulture(string cultureName)
    {
        ReportingPeriod[] periods =
        [
            ReportingPeriod.Year(2022),
            ReportingPeriod.HalfYear(2022, 1),
            ReportingPeriod.Quarter(2022, 3),
            ReportingPeriod.Month(2022, 6),
            ReportingPeriod.Day(D(2022, 6, 1)),
            ReportingPeriod.Between(D(2022, 6, 1), D(2022, 12, 31)),
        ];
        string[] expected = ["2022", "2022-H1", "2022-Q3", "2022-06", "2022-06-01", "2022-06-01/2022-12-31"];

        CultureInfo original = CultureInfo.CurrentCulture;
        CultureInfo originalUi = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo culture = new(cultureName);
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = culture;
            for (int i = 0; i < periods.Length; i++)
            {
                Assert.Equal(expected[i], periods[i].ToString());
                Assert.Equal(periods[i], ReportingPeriod.Parse(expected[i]));
                Assert.Equal(periods[i], ReportingPeriod.Parse(periods[i].ToSdmxString()));
            }
            Assert.Equal("2022Q3", periods[2].ToDhis2String());
            Assert.Equal("2022-M06", periods[3].ToSdmxString());
            Assert.Equal(
                "'2022-Q5' is not a reporting period: quarter must be 1-4 (at position 6).",
                Assert.Throws<PeriodFormatException>(() => ReportingPeriod.Parse("2022-Q5")).Message);
        }
        finally
        {
            CultureInfo.CurrentCulture = original;
            CultureInfo.CurrentUICulture = originalUi;
        }
    }
}
