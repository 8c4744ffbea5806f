using System;
using System.Globalization;
using System.Text;
using DigitalKpi.Rules;

namespace DigitalKpi.Json;

/// <summary>What went wrong when a JSON document could not be read. See <see cref="KpiJsonException"/>.</summary>
public enum KpiJsonErrorKind
{
    /// <summary>The text is not well-formed JSON (RFC 8259): a syntax error, a truncated document, comments, trailing commas, bare NaN or Infinity, more than one top-level value.</summary>
    MalformedJson,

    /// <summary>The bytes are not UTF-8 (a UTF-16 or UTF-32 document, a legacy code page, invalid sequences, or a string escape that is not valid Unicode).</summary>
    InvalidEncoding,

    /// <summary>The document is longer than <see cref="KpiJsonReadOptions.MaxDocumentBytes"/>.</summary>
    DocumentTooLarge,

    /// <summary>Objects and arrays are nested deeper than <see cref="KpiJsonReadOptions.MaxDepth"/>.</summary>
    TooDeep,

    /// <summary>A string is longer than <see cref="KpiJsonReadOptions.MaxStringLength"/>.</summary>
    StringTooLong,

    /// <summary>An array has more items than <see cref="KpiJsonReadOptions.MaxArrayItems"/>.</summary>
    TooManyItems,

    /// <summary>A member this format does not define (member names are case-sensitive).</summary>
    UnknownMember,

    /// <summary>A member appears twice in one object.</summary>
    DuplicateMember,

    /// <summary>A required member is absent.</summary>
    MissingMember,

    /// <summary>A value of the wrong JSON type (a string where a number belongs, an explicit null, an object where an array belongs).</summary>
    WrongType,

    /// <summary>A value of the right JSON type that is not allowed: a malformed code, date, period or unit, an unknown enum name, a target or measurement of the wrong shape.</summary>
    InvalidValue,

    /// <summary>A number that a <see cref="decimal"/> cannot hold exactly: beyond ±7.9×10^28, more than 28 decimal places, or too many significant digits.</summary>
    NumberOutOfRange,

    /// <summary>The document declares a format version this reader does not read (a newer major version).</summary>
    UnsupportedVersion,

    /// <summary>The document is of another kind (a measurement set read as a catalog, or an unknown <c>kind</c>).</summary>
    WrongDocumentKind,
}

/// <summary>
/// The one exception the JSON reader throws (<see cref="KpiJson"/>): the document could not be turned into a model.
/// It names the JSON path of the offending member and, where known, its line and column; the
/// <see cref="ErrorKind"/> says what kind of problem it is. A document that is well-formed but breaks a consistency
/// rule is not an error: it is read, and its <see cref="KpiDocument{T}.Diagnostics"/> report the rule.
/// </summary>
public sealed class KpiJsonException : Exception
{
    internal KpiJsonException(KpiJsonErrorKind errorKind, string reason, string path, string? sourceName, int? lineNumber, int? column, long? bytePositionInLine, Exception? innerException = null)
        : base(BuildMessage(reason, path, sourceName, lineNumber, column), innerException)
    {
        ErrorKind = errorKind;
        Reason = reason;
        Path = path;
        SourceName = sourceName;
        LineNumber = lineNumber;
        Column = column;
        BytePositionInLine = bytePositionInLine;
    }

    /// <summary>What kind of problem it is.</summary>
    public KpiJsonErrorKind ErrorKind { get; }

    /// <summary>The problem, without the location (the <see cref="Exception.Message"/> has both).</summary>
    public string Reason { get; }

    /// <summary>The JSON path of the offending member or element, e.g. <c>$.targets[2].comparator</c>; <c>$</c> for the document itself.</summary>
    public string Path { get; }

    /// <summary>The file or source name given in <see cref="KpiJsonReadOptions.SourceName"/>, or null.</summary>
    public string? SourceName { get; }

    /// <summary>1-based line of the offending token (lines end at LF), or null when no single place is at fault (a document too large).</summary>
    public int? LineNumber { get; }

    /// <summary>1-based column of the offending token, counted in Unicode characters from the start of the line, or null.</summary>
    public int? Column { get; }

    /// <summary>0-based byte offset of the offending token within its line (UTF-8, a leading byte order mark not counted), or null.</summary>
    public long? BytePositionInLine { get; }

    /// <summary>The location as a <see cref="KpiLocation"/> (path, file, line, column), as diagnostics carry it.</summary>
    public KpiLocation Location => new(Path, null, SourceName, LineNumber, Column);

    private static string BuildMessage(string reason, string path, string? sourceName, int? lineNumber, int? column)
    {
        var sb = new StringBuilder();
        if (sourceName is not null)
        {
            sb.Append(sourceName).Append(": ");
        }
        sb.Append(path);
        if (lineNumber is { } line)
        {
            sb.Append(" (line ").Append(line.ToString(CultureInfo.InvariantCulture));
            if (column is { } col)
            {
                sb.Append(", column ").Append(col.ToString(CultureInfo.InvariantCulture));
            }
            sb.Append(')');
        }
        return sb.Append(": ").Append(reason).ToString();
    }
}
