using System.Runtime.CompilerServices;

namespace DigitalKpi.Analyzers;

/// <summary>
/// The analyzer mostly runs in a compiler process started for one build, whose background JIT is busy optimising the
/// compiler itself: without this, the per-definition code ran unoptimised (tier 0) for the whole build. Methods marked
/// <see cref="Optimized"/> are compiled optimised at their first call instead (<c>MethodImplOptions.AggressiveOptimization</c>,
/// which netstandard2.0 does not name; older runtimes ignore the flag).
/// </summary>
internal static class HotPath
{
    /// <summary><c>MethodImplOptions.AggressiveOptimization</c> (512).</summary>
    internal const MethodImplOptions Optimized = (MethodImplOptions)512;
}
