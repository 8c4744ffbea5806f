using System.Reflection;
using System.Runtime.Versioning;

namespace DigitalKpi.Tests;

/// <summary>
/// These sources run twice: in DigitalKpi.Tests against the library's net10.0 build, and linked into
/// DigitalKpi.NetStandard.Tests against its netstandard2.0 build. This checks each project tests the build it says.
/// </summary>
public class LibraryBuildTests
{
    [Fact]
    public void SuiteRunsAgainstTheIntendedBuildOfTheLibrary()
    {
        string? framework = typeof(Indicator).Assembly.GetCustomAttribute<TargetFrameworkAttribute>()?.FrameworkName;
#if DKPI_NETSTANDARD_LIBRARY
        Assert.Equal(".NETStandard,Version=v2.0", framework);
#else
        Assert.Equal(".NETCoreApp,Version=v10.0", framework);
#endif
    }
}
