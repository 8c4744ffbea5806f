using FsCheck;
using FsCheck.Fluent;

namespace DigitalKpi.Tests.TestHelpers;

/// <summary>
/// Runs FsCheck properties from plain xunit facts (FsCheck.Xunit is not used), with at least 1,000 cases by default,
/// and verifies that the body really ran that many times.
/// </summary>
public static class PropertyCheck
{
    public const int DefaultCases = 1000;

    /// <summary>Checks <paramref name="body"/> (which asserts) for <paramref name="cases"/> values drawn from <paramref name="arbitrary"/>.</summary>
    public static void ForAll<T>(Arbitrary<T> arbitrary, Action<T> body, int cases = DefaultCases)
    {
        int runs = 0;
        Property property = Prop.ForAll(arbitrary, (T value) =>
        {
            Interlocked.Increment(ref runs);
            body(value);
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(cases).WithQuietOnSuccess(true), property);
        Assert.True(runs >= cases, $"The property ran {runs} times, expected at least {cases}.");
    }

    /// <summary>Checks <paramref name="body"/> for <paramref name="cases"/> values drawn from <paramref name="generator"/> (no shrinking).</summary>
    public static void ForAll<T>(Gen<T> generator, Action<T> body, int cases = DefaultCases)
        => ForAll(generator.ToArbitrary(), body, cases);
}
