using System.Globalization;
using System.Runtime.CompilerServices;

namespace DigitalKpi.Analyzers.Tests;

/// <summary>Runs the suite under DKPI_TEST_CULTURE (default vi-VN), as the core tests do: the analyzer must not depend on the thread's culture.</summary>
internal static class TestCulture
{
    [ModuleInitializer]
    internal static void Initialize()
    {
        string? name = Environment.GetEnvironmentVariable("DKPI_TEST_CULTURE");
        CultureInfo culture = name is null ? new CultureInfo("vi-VN") : (name.Length == 0 || name == "invariant" ? CultureInfo.InvariantCulture : new CultureInfo(name));
        CultureInfo.DefaultThreadCurrentCulture = culture;
        CultureInfo.DefaultThreadCurrentUICulture = culture;
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
    }
}
