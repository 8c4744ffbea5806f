using DigitalKpi.Cli.Localization;
using DigitalKpi.Rules;

namespace DigitalKpi.Cli.Reporting;

/// <summary>
/// The compiler-style line understood by CI logs and editors (MSBuild canonical error format):
/// <c>file(line,col): severity DKPI00N: message</c>. The severity word stays English (error, warning, info) in every
/// language, because problem matchers look for it; the message is in the output language.
/// </summary>
internal static class DiagnosticText
{
    internal static string Format(KpiDiagnostic diagnostic, UiLanguage language)
    {
        KpiLocation loc = diagnostic.Location;
        string message = diagnostic.GetMessage(language.MessageCulture());
        if (loc.File is not null && loc.Line is null)
        {
            // No position: keep the JSON path so that the finding can still be found.
            message += " [" + loc.Path + "]";
        }
        return loc + ": " + KpiDiagnostic.SeverityText(diagnostic.Severity) + " " + diagnostic.Id + ": " + message;
    }

    /// <summary>The same format for a file that cannot be read (no rule id): <c>file(line,col): error: message</c>.</summary>
    internal static string FormatUnreadable(string file, int? line, int? column, string message)
    {
        string where = file;
        if (line is { } l)
        {
            where += "(" + l.ToString(System.Globalization.CultureInfo.InvariantCulture)
                + (column is { } c ? "," + c.ToString(System.Globalization.CultureInfo.InvariantCulture) : string.Empty) + ")";
        }
        return where + ": error: " + message;
    }
}
