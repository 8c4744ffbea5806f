using FsCheck;
using FsCheck.Fluent;

namespace DigitalKpi.Tests.TestHelpers;

/// <summary>Runs FsCheck properties from xunit facts (FsCheck.Xunit is not available).</summary>
internal static class Properties
{
    internal const int DefaultCases = 1000;

    internal static void Check<T>(Gen<T> gen, Func<T, bool> property, int cases = DefaultCases)
        => FsCheck.Check.One(Config.QuickThrowOnFailure.WithMaxTest(cases), Prop.ForAll(Arb.From(gen), property));

    internal static void Check<T>(Gen<T> gen, Action<T> property, int cases = DefaultCases)
        => FsCheck.Check.One(Config.QuickThrowOnFailure.WithMaxTest(cases), Prop.ForAll(Arb.From(gen), property));
}
