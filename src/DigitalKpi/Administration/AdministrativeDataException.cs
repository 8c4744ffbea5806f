using System;
using System.Globalization;

namespace DigitalKpi.Administration;

/// <summary>
/// Thrown by <see cref="AdministrativeDataFile"/> when a file cannot be read or its contents do not form a consistent
/// map. <see cref="LineNumber"/> gives the 1-based line of the offending record, and the message starts with
/// "source:line: ".
/// </summary>
public sealed class AdministrativeDataException : AdministrativeMapException
{
    internal AdministrativeDataException(string sourceName, int lineNumber, string reason, string? unitCode = null, Exception? innerException = null)
        : base(sourceName + ":" + lineNumber.ToString(CultureInfo.InvariantCulture) + ": " + reason, unitCode,
            (innerException as AdministrativeMapException)?.UnitId, (innerException as AdministrativeMapException)?.Succession, innerException)
    {
        SourceName = sourceName;
        LineNumber = lineNumber;
        Reason = reason;
    }

    /// <summary>Gets the name of the file or other source, as given to the loader.</summary>
    public string SourceName { get; }

    /// <summary>Gets the 1-based line number of the offending record (the header is line 1 when nothing precedes it).</summary>
    public int LineNumber { get; }

    /// <summary>Gets the description of the problem, without the source and line prefix.</summary>
    public string Reason { get; }
}
