using System;
using System.Runtime.CompilerServices;

namespace DigitalKpi.Utility;

/// <summary>The one place for argument guards; every public factory validates through here.</summary>
internal static class Preconditions
{
    [MethodImpl(HotPath.Optimized)]
    internal static T CheckNotNull<T>(T? value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
        where T : class
        => value ?? throw new ArgumentNullException(paramName);

    [MethodImpl(HotPath.Optimized)]
    internal static string CheckNotBlank(string? value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
    {
        CheckNotNull(value, paramName);
        for (int i = 0; i < value!.Length; i++)
        {
            if (!char.IsWhiteSpace(value[i]))
            {
                return value;
            }
        }
        throw new ArgumentException("Value must not be empty or white space.", paramName);
    }

    [MethodImpl(HotPath.Optimized)]
    internal static void CheckArgument(bool expression, string paramName, string message)
    {
        if (!expression)
        {
            throw new ArgumentException(message, paramName);
        }
    }


    internal static double CheckFinite(double value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            throw new ArgumentOutOfRangeException(paramName, value, "Value must be a finite number.");
        }
        return value;
    }

    internal static int CheckArgumentRange(int value, int minInclusive, int maxInclusive, [CallerArgumentExpression(nameof(value))] string? paramName = null)
    {
        if (value < minInclusive || value > maxInclusive)
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"Value must be in the range [{minInclusive}, {maxInclusive}].");
        }
        return value;
    }

    internal static decimal CheckArgumentRange(decimal value, decimal minInclusive, decimal maxInclusive, [CallerArgumentExpression(nameof(value))] string? paramName = null)
    {
        if (value < minInclusive || value > maxInclusive)
        {
            throw new ArgumentOutOfRangeException(paramName, value, FormattableString.Invariant($"Value must be in the range [{minInclusive}, {maxInclusive}]."));
        }
        return value;
    }
}
