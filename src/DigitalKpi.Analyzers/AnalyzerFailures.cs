using System;
using System.Collections.Concurrent;
using System.Threading;

namespace DigitalKpi.Analyzers;

/// <summary>
/// The analyzer never throws into the compiler (no AD0001): an unexpected exception in one analysis step drops that
/// step's findings and is recorded here, where the robustness tests look for it.
/// </summary>
internal static class AnalyzerFailures
{
    private static readonly ConcurrentQueue<Exception> Recorded = new();
    private static int count;

    internal static int Count => Volatile.Read(ref count);

    internal static Exception[] Snapshot() => Recorded.ToArray();

    internal static void Record(Exception exception)
    {
        if (Interlocked.Increment(ref count) <= 100)
        {
            Recorded.Enqueue(exception);
        }
    }
}
