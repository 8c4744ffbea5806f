using System.Globalization;
using System.Runtime.CompilerServices;

namespace DigitalKpi.Cli.Tests;

/// <summary>
/// Runs the whole suite under the culture named by DKPI_TEST_CULTURE (default vi-VN, which uses a
/// comma for decimals and a dot for thousands). CI runs the suite once more with the invariant culture.
/// </summary>
internal static class TestCulture
{
    internal static CultureInfo Current { get; private set; } = CultureInfo.InvariantCulture;

    [ModuleInitializer]
    internal static void Initialize()
    {
        string? name = Environment.GetEnvironmentVariable("DKPI_TEST_CULTURE");
        Current = name is null ? new CultureInfo("vi-VN") : (name.Length == 0 || name == "invariant" ? CultureInfo.InvariantCulture : new CultureInfo(name));
        CultureInfo.DefaultThreadCurrentCulture = Current;
        CultureInfo.DefaultThreadCurrentUICulture = Current;
        CultureInfo.CurrentCulture = Current;
        CultureInfo.CurrentUICulture = Current;
    }
}

public class TestCultureTests
{
    [Fact]
    public void SuiteRunsUnderConfiguredCulture()
    {
        Assert.Equal(TestCulture.Current.Name, CultureInfo.CurrentCulture.Name);
        if (TestCulture.Current.Name == "vi-VN")
        {
            // Guard against InvariantGlobalization silently turning vi-VN into a dot-decimal culture.
            Assert.Equal(",", CultureInfo.CurrentCulture.NumberFormat.NumberDecimalSeparator);
        }
    }
}
