using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Text;

namespace DigitalKpi.Utility;

/// <summary>Text and sequence helpers shared by the model types.</summary>
internal static class Text
{
    /// <summary>The longest code accepted for indicators, targets, catalogs and units.</summary>
    internal const int MaxCodeLength = 64;

    /// <summary>The longest name or quote accepted.</summary>
    internal const int MaxTextLength = 4000;

    /// <summary>Codes: 1–64 characters of upper-case ASCII letters, digits, '.', '_', '-', starting with a letter or digit.</summary>
    [MethodImpl(HotPath.Optimized)]
    internal static bool IsValidCode(string? code)
    {
        if (code is null || code.Length == 0 || code.Length > MaxCodeLength)
        {
            return false;
        }
        for (int i = 0; i < code.Length; i++)
        {
            char c = code[i];
            bool ok = (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || (i > 0 && (c == '.' || c == '_' || c == '-'));
            if (!ok)
            {
                return false;
            }
        }
        return true;
    }

    [MethodImpl(HotPath.Optimized)]
    internal static string CheckCode(string? code, string paramName)
    {
        Preconditions.CheckNotNull(code, paramName);
        if (!IsValidCode(code))
        {
            throw new ArgumentException(
                $"'{code}' is not a valid code: use 1–{MaxCodeLength} upper-case ASCII letters, digits, '.', '_' or '-', starting with a letter or digit.",
                paramName);
        }
        return code!;
    }

    /// <summary>Checks a required human-readable text and returns it NFC-normalised.</summary>
    [MethodImpl(HotPath.Optimized)]
    internal static string CheckName(string? value, string paramName)
    {
        Preconditions.CheckNotBlank(value, paramName);
        return Nfc(value!, paramName);
    }

    /// <summary>Checks an optional human-readable text and returns it NFC-normalised (null stays null).</summary>
    internal static string? CheckOptionalName(string? value, string paramName)
        => value is null ? null : CheckName(value, paramName);

    [MethodImpl(HotPath.Optimized)]
    private static string Nfc(string value, string paramName)
    {
        if (value.Length > MaxTextLength)
        {
            throw new ArgumentException($"Text is longer than {MaxTextLength} characters.", paramName);
        }
        try
        {
            return value.IsNormalized(NormalizationForm.FormC) ? value : value.Normalize(NormalizationForm.FormC);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException("Text contains invalid Unicode (a lone surrogate).", paramName, e);
        }
    }

    internal static bool SequenceEqual<T>(ImmutableArray<T> left, ImmutableArray<T> right)
    {
        if (left.Length != right.Length)
        {
            return false;
        }
        EqualityComparer<T> comparer = EqualityComparer<T>.Default;
        for (int i = 0; i < left.Length; i++)
        {
            if (!comparer.Equals(left[i], right[i]))
            {
                return false;
            }
        }
        return true;
    }

    internal static int SequenceHash<T>(ImmutableArray<T> items)
    {
        var hash = new HashCode();
        hash.Add(items.Length);
        foreach (T item in items)
        {
            hash.Add(item);
        }
        return hash.ToHashCode();
    }

    [MethodImpl(HotPath.Optimized)]
    internal static ImmutableArray<T> ToImmutable<T>(IEnumerable<T>? items, string paramName)
        where T : class
    {
        if (items is null)
        {
            return ImmutableArray<T>.Empty;
        }
        ImmutableArray<T> array = items.ToImmutableArray();
        foreach (T item in array)
        {
            if (item is null)
            {
                throw new ArgumentException("The collection contains a null element.", paramName);
            }
        }
        return array;
    }
}
