using System;
using System.Globalization;
using System.Runtime.CompilerServices;
using DigitalKpi.Utility;

namespace DigitalKpi;

/// <summary>The kind of a <see cref="Unit"/>.</summary>
public enum UnitKind
{
    /// <summary>Percent of a population (0–100).</summary>
    Percent,

    /// <summary>A fraction reported as numerator and denominator; its value is the percentage they give (0–100).</summary>
    Fraction,

    /// <summary>A count of things (enterprises, services, villages); a non-negative number.</summary>
    Count,

    /// <summary>A share of an economic total (GRDP, budget, retail sales), in percent (0–100).</summary>
    Share,

    /// <summary>A rank among a number of units (1 is best; lower is better).</summary>
    Rank,

    /// <summary>A score on an index scale (DTI points, satisfaction index).</summary>
    IndexScore,

    /// <summary>A yes/no milestone: 1 achieved, 0 not.</summary>
    Milestone,

    /// <summary>An amount of money.</summary>
    Money,
}

/// <summary>The economic total a <see cref="UnitKind.Share"/> is a share of.</summary>
public enum EconomicAggregate
{
    /// <summary>Gross regional domestic product of a province (GRDP).</summary>
    Grdp,

    /// <summary>Gross domestic product of the nation (GDP).</summary>
    Gdp,

    /// <summary>Total state budget expenditure (tổng chi ngân sách).</summary>
    BudgetExpenditure,

    /// <summary>Total retail sales of goods and services.</summary>
    RetailSales,

    /// <summary>The value added of one economic sector.</summary>
    SectorValueAdded,
}

/// <summary>
/// The unit of an indicator's values. Units are immutable values; two units are equal when their kind and
/// parameters are equal. Values of different units are never compared or added: see <see cref="IsCompatibleWith"/>.
/// </summary>
/// <remarks>
/// The invariant text form (<see cref="ToString"/>, <see cref="Parse"/>) is one of: <c>percent</c>, <c>fraction</c>,
/// <c>count</c>, <c>share:GRDP</c> (GDP, BUDGET, RETAIL, SECTOR), <c>rank:63</c> (rank among 63 units), <c>rank</c> (among an unstated number),
/// <c>score:1000</c> (index score with a maximum of 1000 points), <c>milestone</c>, <c>money:VND</c>.
/// </remarks>
public sealed class Unit : IEquatable<Unit>
{
    /// <summary>The largest number of units a rank can be among (a generous bound: about 10,600 communes).</summary>
    public const int MaxRankPool = 100_000;

    private Unit(UnitKind kind, EconomicAggregate aggregate, int rankPool, decimal scaleMaximum, string? currency)
    {
        Kind = kind;
        Aggregate = aggregate;
        RankPool = rankPool;
        ScaleMaximum = scaleMaximum;
        Currency = currency;
        CompatibilityClass = kind switch
        {
            UnitKind.Percent or UnitKind.Fraction => "percent",
            UnitKind.Share => aggregate is EconomicAggregate.Grdp or EconomicAggregate.Gdp ? "share:product" : "share:" + AggregateText(aggregate),
            UnitKind.Money => "money:" + currency,
            _ => kind.ToString(),
        };
    }

    /// <summary>Units with the same class are compatible (<see cref="IsCompatibleWith"/>); the one place that relation is defined.</summary>
    internal string CompatibilityClass { get; }

    /// <summary>Percent of a population (0–100).</summary>
    public static Unit Percent { get; } = new(UnitKind.Percent, default, 0, 0m, null);

    /// <summary>A fraction with numerator and denominator; values are the percentage they give.</summary>
    public static Unit Fraction { get; } = new(UnitKind.Fraction, default, 0, 0m, null);

    /// <summary>A non-negative count.</summary>
    public static Unit Count { get; } = new(UnitKind.Count, default, 0, 0m, null);

    /// <summary>A yes/no milestone (1 achieved, 0 not).</summary>
    public static Unit Milestone { get; } = new(UnitKind.Milestone, default, 0, 0m, null);

    /// <summary>Vietnamese đồng.</summary>
    public static Unit Vnd { get; } = new(UnitKind.Money, default, 0, 0m, "VND");

    /// <summary>A share of an economic total, in percent.</summary>
    /// <param name="aggregate">The total.</param>
    /// <returns>The unit.</returns>
    public static Unit ShareOf(EconomicAggregate aggregate)
    {
        if (aggregate < EconomicAggregate.Grdp || aggregate > EconomicAggregate.SectorValueAdded)
        {
            throw new ArgumentOutOfRangeException(nameof(aggregate), aggregate, "Unknown economic aggregate.");
        }
        return new(UnitKind.Share, aggregate, 0, 0m, null);
    }

    /// <summary>A rank among an unstated number of units (international rankings whose field changes each edition): ranks of 1 and above, no upper bound. Text form <c>rank</c>.</summary>
    public static Unit Rank { get; } = new(UnitKind.Rank, default, 0, 0m, null);

    /// <summary>A rank among <paramref name="outOf"/> units (e.g. 63 provinces before 2025-07-01, 34 after).</summary>
    /// <param name="outOf">How many units are ranked, 1 to <see cref="MaxRankPool"/>.</param>
    /// <returns>The unit.</returns>
    public static Unit RankAmong(int outOf)
        => new(UnitKind.Rank, default, Preconditions.CheckArgumentRange(outOf, 1, MaxRankPool), 0m, null);

    /// <summary>A score on an index scale from 0 to <paramref name="maximum"/> (1000 for the DTI of Decision 922/QĐ-BTTTT).</summary>
    /// <param name="maximum">The highest possible score, positive.</param>
    /// <returns>The unit.</returns>
    public static Unit IndexScore(decimal maximum)
    {
        Preconditions.CheckArgument(maximum > 0m, nameof(maximum), "The maximum of an index scale must be positive.");
        return new(UnitKind.IndexScore, default, 0, maximum, null);
    }

    /// <summary>Money in a currency.</summary>
    /// <param name="currency">ISO 4217 code: three upper-case ASCII letters.</param>
    /// <returns>The unit.</returns>
    public static Unit Money(string currency)
    {
        Preconditions.CheckNotNull(currency);
        Preconditions.CheckArgument(
            currency.Length == 3 && IsUpperAscii(currency[0]) && IsUpperAscii(currency[1]) && IsUpperAscii(currency[2]),
            nameof(currency),
            "A currency is an ISO 4217 code of three upper-case letters.");
        return string.Equals(currency, "VND", StringComparison.Ordinal) ? Vnd : new(UnitKind.Money, default, 0, 0m, currency);
    }

    /// <summary>The kind of unit.</summary>
    public UnitKind Kind { get; }

    /// <summary>For <see cref="UnitKind.Share"/>: the total it is a share of; otherwise the default value.</summary>
    public EconomicAggregate Aggregate { get; }

    /// <summary>For <see cref="UnitKind.Rank"/>: how many units are ranked (0 when unstated, see <see cref="Rank"/>); otherwise 0.</summary>
    public int RankPool { get; }

    /// <summary>For <see cref="UnitKind.IndexScore"/>: the highest score; otherwise 0.</summary>
    public decimal ScaleMaximum { get; }

    /// <summary>For <see cref="UnitKind.Money"/>: the ISO 4217 currency code; otherwise null.</summary>
    public string? Currency { get; }

    /// <summary>The smallest value a quantity of this unit can take.</summary>
    public decimal MinValue => Kind switch
    {
        UnitKind.Rank => 1m,
        _ => 0m,
    };

    /// <summary>The largest value a quantity of this unit can take, or null when unbounded.</summary>
    public decimal? MaxValue => Kind switch
    {
        UnitKind.Percent or UnitKind.Fraction or UnitKind.Share => 100m,
        UnitKind.Rank => RankPool > 0 ? RankPool : null,
        UnitKind.IndexScore => ScaleMaximum,
        UnitKind.Milestone => 1m,
        _ => null,
    };

    /// <summary>Whether values of this unit are percentages (percent, fraction or share).</summary>
    public bool IsPercentage => Kind is UnitKind.Percent or UnitKind.Fraction or UnitKind.Share;

    /// <summary>Whether a value is within this unit's domain (<see cref="MinValue"/> to <see cref="MaxValue"/>; whole numbers for counts, ranks and milestones).</summary>
    /// <param name="value">The value.</param>
    /// <returns>True when the value is valid for this unit.</returns>
    [MethodImpl(HotPath.Optimized)]
    public bool IsInDomain(decimal value)
    {
        if (value < MinValue || (MaxValue is { } max && value > max))
        {
            return false;
        }
        return Kind is not (UnitKind.Count or UnitKind.Rank or UnitKind.Milestone) || decimal.Truncate(value) == value;
    }

    /// <summary>
    /// Whether a target in <paramref name="other"/> can be evaluated against values in this unit: the same kind and,
    /// for shares, the same total, for money, the same currency. A percent target is compatible with a fraction indicator
    /// (a fraction's value is its percentage), and a share of GRDP with a share of GDP (the same measure at provincial and national
    /// level). Rank pools and index scales may differ (a rank among 63 and among 34 are both ranks).
    /// </summary>
    /// <param name="other">The other unit.</param>
    /// <returns>True when compatible.</returns>
    [MethodImpl(HotPath.Optimized)]
    public bool IsCompatibleWith(Unit other)
        => string.Equals(CompatibilityClass, Preconditions.CheckNotNull(other).CompatibilityClass, StringComparison.Ordinal);

    /// <inheritdoc />
    public bool Equals(Unit? other)
        => other is not null
        && Kind == other.Kind
        && Aggregate == other.Aggregate
        && RankPool == other.RankPool
        && ScaleMaximum == other.ScaleMaximum
        && string.Equals(Currency, other.Currency, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as Unit);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Kind, Aggregate, RankPool, ScaleMaximum, Currency);

    /// <summary>Equality operator.</summary>
    /// <param name="left">Left unit.</param>
    /// <param name="right">Right unit.</param>
    /// <returns>Whether equal.</returns>
    public static bool operator ==(Unit? left, Unit? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Inequality operator.</summary>
    /// <param name="left">Left unit.</param>
    /// <param name="right">Right unit.</param>
    /// <returns>Whether not equal.</returns>
    public static bool operator !=(Unit? left, Unit? right) => !(left == right);

    /// <summary>The invariant text form, e.g. <c>percent</c>, <c>share:GRDP</c>, <c>rank:63</c>.</summary>
    /// <returns>The text form.</returns>
    public override string ToString() => Kind switch
    {
        UnitKind.Percent => "percent",
        UnitKind.Fraction => "fraction",
        UnitKind.Count => "count",
        UnitKind.Share => "share:" + AggregateText(Aggregate),
        UnitKind.Rank => RankPool > 0 ? "rank:" + RankPool.ToString(CultureInfo.InvariantCulture) : "rank",
        UnitKind.IndexScore => "score:" + ScaleMaximum.ToString(CultureInfo.InvariantCulture),
        UnitKind.Milestone => "milestone",
        UnitKind.Money => "money:" + Currency,
        _ => Kind.ToString(),
    };

    /// <summary>Parses the invariant text form written by <see cref="ToString"/>.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The unit.</returns>
    /// <exception cref="FormatException">The text is not a unit.</exception>
    public static Unit Parse(string text)
    {
        Preconditions.CheckNotNull(text);
        return TryParse(text, out Unit? unit)
            ? unit!
            : throw new FormatException($"'{text}' is not a unit: expected percent, fraction, count, share:GRDP|GDP|BUDGET|RETAIL|SECTOR, rank, rank:N, score:MAX, milestone or money:XXX.");
    }

    /// <summary>Tries to parse the invariant text form written by <see cref="ToString"/>.</summary>
    /// <param name="text">The text.</param>
    /// <param name="unit">The unit, or null.</param>
    /// <returns>Whether the text is a unit.</returns>
    public static bool TryParse(string? text, out Unit? unit)
    {
        unit = null;
        if (text is null)
        {
            return false;
        }
        switch (text)
        {
            case "percent": unit = Percent; return true;
            case "fraction": unit = Fraction; return true;
            case "count": unit = Count; return true;
            case "milestone": unit = Milestone; return true;
            case "rank": unit = Rank; return true;
        }
        int colon = text.IndexOf(":", StringComparison.Ordinal);
        if (colon <= 0)
        {
            return false;
        }
        string head = text.Substring(0, colon);
        string arg = text.Substring(colon + 1);
        switch (head)
        {
            case "share":
                if (TryParseAggregate(arg, out EconomicAggregate aggregate))
                {
                    unit = ShareOf(aggregate);
                    return true;
                }
                return false;
            case "rank":
                if (IsAsciiDigits(arg) && arg.Length <= 6 && int.TryParse(arg, NumberStyles.None, CultureInfo.InvariantCulture, out int pool) && pool >= 1 && pool <= MaxRankPool)
                {
                    unit = RankAmong(pool);
                    return true;
                }
                return false;
            case "score":
                if (arg.Length > 0 && arg.Length <= 30 && decimal.TryParse(arg, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out decimal max) && max > 0m)
                {
                    unit = IndexScore(max);
                    return true;
                }
                return false;
            case "money":
                if (arg.Length == 3 && IsUpperAscii(arg[0]) && IsUpperAscii(arg[1]) && IsUpperAscii(arg[2]))
                {
                    unit = Money(arg);
                    return true;
                }
                return false;
            default:
                return false;
        }
    }

    private static string AggregateText(EconomicAggregate aggregate) => aggregate switch
    {
        EconomicAggregate.Grdp => "GRDP",
        EconomicAggregate.Gdp => "GDP",
        EconomicAggregate.BudgetExpenditure => "BUDGET",
        EconomicAggregate.RetailSales => "RETAIL",
        EconomicAggregate.SectorValueAdded => "SECTOR",
        _ => throw new ArgumentOutOfRangeException(nameof(aggregate)),
    };

    private static bool TryParseAggregate(string text, out EconomicAggregate aggregate)
    {
        switch (text)
        {
            case "GRDP": aggregate = EconomicAggregate.Grdp; return true;
            case "GDP": aggregate = EconomicAggregate.Gdp; return true;
            case "BUDGET": aggregate = EconomicAggregate.BudgetExpenditure; return true;
            case "RETAIL": aggregate = EconomicAggregate.RetailSales; return true;
            case "SECTOR": aggregate = EconomicAggregate.SectorValueAdded; return true;
            default: aggregate = default; return false;
        }
    }

    private static bool IsUpperAscii(char c) => c >= 'A' && c <= 'Z';

    private static bool IsAsciiDigits(string s)
    {
        if (s.Length == 0)
        {
            return false;
        }
        foreach (char c in s)
        {
            if (c < '0' || c > '9')
            {
                return false;
            }
        }
        return true;
    }
}
