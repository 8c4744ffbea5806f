using System;
using System.Globalization;

namespace DigitalKpi;

/// <summary>
/// Thrown by <see cref="ReportingPeriod.Parse(string)"/> when text is not a reporting period in any accepted form.
/// The message names the text, what was expected and, where there is one, the position of the offending character.
/// </summary>
public sealed class PeriodFormatException : FormatException
{
    internal PeriodFormatException(string text, int position, string reason)
        : base(BuildMessage(text, position, reason))
    {
        Text = text;
        Position = position;
    }

    /// <summary>Gets the text that could not be parsed, exactly as it was given.</summary>
    public string Text { get; }

    /// <summary>
    /// Gets the zero-based index in <see cref="Text"/> of the first offending character, or -1 when no single
    /// character is at fault (the text is empty or ends too early).
    /// </summary>
    public int Position { get; }

    private static string BuildMessage(string text, int position, string reason)
    {
        string where = position < 0
            ? string.Empty
            : " (at position " + position.ToString(CultureInfo.InvariantCulture) + ")";
        return "'" + text + "' is not a reporting period: " + reason + where + ".";
    }
}
