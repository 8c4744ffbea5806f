using System.Runtime.CompilerServices;

namespace DigitalKpi;

/// <summary>
/// Methods the analyzer runs for every definition it reads. In the library this is no option at all; in the analyzer
/// build (the same sources compiled into <c>DigitalKpi.Analyzers</c>, <c>DKPI_ANALYZER</c>) it asks for optimised code
/// at the first call (<c>MethodImplOptions.AggressiveOptimization</c>, which netstandard2.0 does not name; runtimes
/// without it ignore the flag). The analyzer mostly runs in a compiler process started for one build, whose background
/// JIT is busy with the compiler itself: without this, the per-definition code (the analyzer's and the core's model and
/// rules it calls) ran unoptimised or instrumented (tier 0) for the whole build.
/// </summary>
internal static class HotPath
{
#if DKPI_ANALYZER
    /// <summary><c>MethodImplOptions.AggressiveOptimization</c> (512).</summary>
    internal const MethodImplOptions Optimized = (MethodImplOptions)512;
#else
    /// <summary>No option: the library's code is tiered up by the runtime as usual.</summary>
    internal const MethodImplOptions Optimized = 0;
#endif
}
