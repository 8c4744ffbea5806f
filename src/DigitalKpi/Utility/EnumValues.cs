using System;

namespace DigitalKpi.Utility;

/// <summary>The named values of an enum (a handful), read once per enum type, in the order of <c>Enum.GetNames</c>.</summary>
/// <typeparam name="T">The enum type.</typeparam>
internal static class EnumValues<T>
    where T : struct, Enum
{
    /// <summary>The named values, sorted by value as <c>Enum.GetValues</c> gives them.</summary>
#if NET5_0_OR_GREATER
    internal static readonly T[] All = Enum.GetValues<T>();
#else
    internal static readonly T[] All = (T[])Enum.GetValues(typeof(T));
#endif
}
