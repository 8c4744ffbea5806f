namespace DigitalKpi.Tests.Model;

public class UnitTests
{
    public static TheoryData<string> UnitTexts => new() { "percent", "fraction", "count", "share:GRDP", "share:GDP", "share:BUDGET", "share:RETAIL", "share:SECTOR", "rank:63", "rank:34", "rank", "score:1000", "score:0.5", "milestone", "money:VND", "money:USD" };

    [Theory]
    [MemberData(nameof(UnitTexts))]
    public void TextForm_RoundTrips(string text)
    {
        Unit unit = Unit.Parse(text);
        Assert.Equal(text, unit.ToString());
        Assert.Equal(unit, Unit.Parse(unit.ToString()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Percent")]
    [InlineData("share:")]
    [InlineData("share:grdp")]
    [InlineData("rank:0")]
    [InlineData("rank:-1")]
    [InlineData("rank:1e3")]
    [InlineData("score:-5")]
    [InlineData("score:1,5")]
    [InlineData("money:vnd")]
    [InlineData("money:VNDX")]
    [InlineData(" percent")]
    public void Parse_RejectsBadText(string text)
    {
        FormatException e = Assert.Throws<FormatException>(() => Unit.Parse(text));
        Assert.Contains("'" + text + "'", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("percent", 0, true)]
    [InlineData("percent", 100, true)]
    [InlineData("percent", 100.01, false)]
    [InlineData("percent", -0.1, false)]
    [InlineData("count", 300, true)]
    [InlineData("count", -1, false)]
    [InlineData("count", 1.5, false)]
    [InlineData("rank:63", 1, true)]
    [InlineData("rank:63", 63, true)]
    [InlineData("rank:63", 64, false)]
    [InlineData("rank:63", 0, false)]
    [InlineData("rank", 1000, true)]
    [InlineData("rank", 0, false)]
    [InlineData("milestone", 1, true)]
    [InlineData("milestone", 2, false)]
    [InlineData("score:1000", 1000, true)]
    [InlineData("score:1000", 1000.5, false)]
    [InlineData("money:VND", 1e12, true)]
    public void Domain(string unit, double value, bool inDomain)
        => Assert.Equal(inDomain, Unit.Parse(unit).IsInDomain((decimal)value));

    [Fact]
    public void Compatibility_FractionAndPercent_ButNotShares()
    {
        Assert.True(Unit.Fraction.IsCompatibleWith(Unit.Percent));
        Assert.True(Unit.Percent.IsCompatibleWith(Unit.Fraction));
        Assert.True(Unit.RankAmong(63).IsCompatibleWith(Unit.RankAmong(34)));
        Assert.False(Unit.Percent.IsCompatibleWith(Unit.ShareOf(EconomicAggregate.Grdp)));
        Assert.False(Unit.ShareOf(EconomicAggregate.Grdp).IsCompatibleWith(Unit.ShareOf(EconomicAggregate.BudgetExpenditure)));
        Assert.True(Unit.ShareOf(EconomicAggregate.Grdp).IsCompatibleWith(Unit.ShareOf(EconomicAggregate.Gdp)));
        Assert.False(Unit.Count.IsCompatibleWith(Unit.Percent));
        Assert.False(Unit.Vnd.IsCompatibleWith(Unit.Money("USD")));
    }

    [Fact]
    public void Equality_IsByValue()
    {
        Assert.Equal(Unit.RankAmong(63), Unit.RankAmong(63));
        Assert.NotEqual(Unit.RankAmong(63), Unit.RankAmong(34));
        Assert.True(Unit.ShareOf(EconomicAggregate.Grdp) == Unit.Parse("share:GRDP"));
        Assert.Same(Unit.Vnd, Unit.Money("VND"));
        Assert.Equal(Unit.IndexScore(1000m).GetHashCode(), Unit.Parse("score:1000").GetHashCode());
    }

    [Fact]
    public void Quantity_ToString_IsInvariant()
    {
        Assert.Equal("64.4 percent", Quantity.Percent(64.4m).ToString());
        Assert.Equal("10 rank:63", Quantity.Rank(10, 63).ToString());
        Assert.Equal(Quantity.Percent(80m), new Quantity(80m, Unit.Percent));
        Assert.NotEqual(Quantity.Percent(80m), Quantity.Share(80m, EconomicAggregate.Grdp));
    }
}
