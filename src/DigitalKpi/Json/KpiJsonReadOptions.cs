using System;
using DigitalKpi.Rules;

namespace DigitalKpi.Json;

/// <summary>
/// Options for reading JSON documents: limits that keep memory and time bounded on hostile input, the name of the
/// source for locations, and the options of the consistency rules run on what was read. Immutable once created
/// (set the properties in an object initializer).
/// </summary>
public sealed class KpiJsonReadOptions
{
    /// <summary>Default <see cref="MaxDocumentBytes"/>: 64 MiB.</summary>
    public const int DefaultMaxDocumentBytes = 64 * 1024 * 1024;

    /// <summary>Default <see cref="MaxDepth"/>: 32 (documents of format 1 nest 4 deep).</summary>
    public const int DefaultMaxDepth = 32;

    /// <summary>Default <see cref="MaxStringLength"/>: 4,000 characters, the model's longest name or quote.</summary>
    public const int DefaultMaxStringLength = Utility.Text.MaxTextLength;

    /// <summary>Default <see cref="MaxArrayItems"/>: 100,000 items in one array.</summary>
    public const int DefaultMaxArrayItems = 100_000;

    private readonly int maxDocumentBytes = DefaultMaxDocumentBytes;
    private readonly int maxDepth = DefaultMaxDepth;
    private readonly int maxStringLength = DefaultMaxStringLength;
    private readonly int maxArrayItems = DefaultMaxArrayItems;

    /// <summary>The default options.</summary>
    public static KpiJsonReadOptions Default { get; } = new();

    /// <summary>The longest document accepted, in bytes (1 to <see cref="int.MaxValue"/>); a stream is not read past it.</summary>
    public int MaxDocumentBytes
    {
        get => maxDocumentBytes;
        init => maxDocumentBytes = CheckRange(value, 1, int.MaxValue);
    }

    /// <summary>The deepest nesting of objects and arrays accepted (1 to 1,000).</summary>
    public int MaxDepth
    {
        get => maxDepth;
        init => maxDepth = CheckRange(value, 1, 1000);
    }

    /// <summary>The longest string (value or member name) accepted, in UTF-16 code units (16 to 1,000,000). Names and quotes are further limited to 4,000 by the model.</summary>
    public int MaxStringLength
    {
        get => maxStringLength;
        init => maxStringLength = CheckRange(value, 16, 1_000_000);
    }

    /// <summary>The most items accepted in one array (indicators, targets, measurements, levels), 1 to <see cref="int.MaxValue"/>.</summary>
    public int MaxArrayItems
    {
        get => maxArrayItems;
        init => maxArrayItems = CheckRange(value, 1, int.MaxValue);
    }

    /// <summary>The file or source name placed in error and diagnostic locations, or null.</summary>
    public string? SourceName { get; init; }

    /// <summary>Options of the consistency rules run on what was read, or null for <see cref="ValidationOptions.Default"/>.</summary>
    public ValidationOptions? Validation { get; init; }

    private static int CheckRange(int value, int min, int max)
    {
        if (value < min || value > max)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, FormattableString.Invariant($"Value must be in the range [{min}, {max}]."));
        }
        return value;
    }
}
