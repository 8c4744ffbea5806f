using System;
using System.Collections.Immutable;
using System.Linq;
using System.Globalization;
using System.Text;
using DigitalKpi.Utility;

namespace DigitalKpi.Rules;

/// <summary>
/// Where a diagnostic points: a JSON path into the catalog or measurement-set document (<c>$.targets[2].upper</c>),
/// the id of the element concerned, and, once known, a file with a line and column. Immutable.
/// </summary>
public sealed class KpiLocation : IEquatable<KpiLocation>
{
    /// <summary>Creates a location.</summary>
    /// <param name="path">JSON path of the offending member, e.g. <c>$.targets[2].upper</c>.</param>
    /// <param name="elementId">Id or code of the element (target id, indicator code), or null.</param>
    /// <param name="file">File name, or null.</param>
    /// <param name="line">1-based line, or null.</param>
    /// <param name="column">1-based column, or null.</param>
    public KpiLocation(string path, string? elementId = null, string? file = null, int? line = null, int? column = null)
    {
        Path = Preconditions.CheckNotNull(path);
        ElementId = elementId;
        File = file;
        Line = line;
        Column = column;
    }

    /// <summary>JSON path of the offending member.</summary>
    public string Path { get; }

    /// <summary>Id or code of the element, or null.</summary>
    public string? ElementId { get; }

    /// <summary>File name, or null.</summary>
    public string? File { get; }

    /// <summary>1-based line, or null.</summary>
    public int? Line { get; }

    /// <summary>1-based column, or null.</summary>
    public int? Column { get; }

    /// <summary>The same location placed in a file.</summary>
    /// <param name="file">File name.</param>
    /// <param name="line">1-based line, or null.</param>
    /// <param name="column">1-based column, or null.</param>
    /// <returns>A new location.</returns>
    public KpiLocation WithPosition(string? file, int? line, int? column) => new(Path, ElementId, file, line, column);

    /// <inheritdoc />
    public bool Equals(KpiLocation? other)
        => other is not null && string.Equals(Path, other.Path, StringComparison.Ordinal) && string.Equals(ElementId, other.ElementId, StringComparison.Ordinal)
        && string.Equals(File, other.File, StringComparison.Ordinal) && Line == other.Line && Column == other.Column;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as KpiLocation);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Path, ElementId, File, Line, Column);

    /// <summary><c>file(line,col)</c> when placed in a file, else the JSON path.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        if (File is null)
        {
            return Path;
        }
        var sb = new StringBuilder(File);
        if (Line is { } l)
        {
            sb.Append('(').Append(l.ToString(CultureInfo.InvariantCulture));
            if (Column is { } c)
            {
                sb.Append(',').Append(c.ToString(CultureInfo.InvariantCulture));
            }
            sb.Append(')');
        }
        return sb.ToString();
    }
}

/// <summary>A consistency finding: rule, severity, message (English and Vietnamese) and location. Immutable.</summary>
public sealed class KpiDiagnostic : IEquatable<KpiDiagnostic>
{
    internal KpiDiagnostic(RuleMessage message, KpiSeverity severity, KpiLocation location, ImmutableArray<string> arguments, ImmutableArray<string> argumentsVi)
    {
        Template = message;
        Severity = severity;
        Location = location;
        Arguments = arguments;
        ArgumentsVi = argumentsVi;
    }

    /// <summary>Creates a diagnostic (for front ends that report rules themselves, such as the JSON reader).</summary>
    /// <param name="message">The rule message.</param>
    /// <param name="severity">The severity.</param>
    /// <param name="location">The location.</param>
    /// <param name="arguments">The message arguments, as invariant text.</param>
    /// <returns>The diagnostic.</returns>
    public static KpiDiagnostic Create(RuleMessage message, KpiSeverity severity, KpiLocation location, params string[] arguments)
        => new(Preconditions.CheckNotNull(message), severity, Preconditions.CheckNotNull(location), Preconditions.CheckNotNull(arguments).ToImmutableArray(), arguments.ToImmutableArray());

    /// <summary>The rule.</summary>
    public RuleDescriptor Rule => Template.Rule;

    /// <summary>The rule ID, e.g. <c>DKPI002</c>.</summary>
    public string Id => Template.Rule.Id;

    /// <summary>The message template.</summary>
    public RuleMessage Template { get; }

    /// <summary>The severity (the rule's default unless overridden).</summary>
    public KpiSeverity Severity { get; }

    /// <summary>Where it points.</summary>
    public KpiLocation Location { get; }

    /// <summary>The message arguments, as invariant English text.</summary>
    public ImmutableArray<string> Arguments { get; }

    /// <summary>The message arguments in Vietnamese (numbers, codes and dates are the same as in <see cref="Arguments"/>).</summary>
    public ImmutableArray<string> ArgumentsVi { get; }

    /// <summary>The message in English.</summary>
    public string Message => GetMessage(null);

    /// <summary>The message in English or, for a Vietnamese culture, in Vietnamese.</summary>
    /// <param name="culture">The UI culture, or null for English.</param>
    /// <returns>The message.</returns>
    public string GetMessage(CultureInfo? culture)
        => Template.FormatMessage(culture, (RuleMessage.IsVietnamese(culture) ? ArgumentsVi : Arguments).ToArray());

    /// <summary>The same diagnostic at another location (e.g. with a file line and column).</summary>
    /// <param name="location">The location.</param>
    /// <returns>A new diagnostic.</returns>
    public KpiDiagnostic WithLocation(KpiLocation location) => new(Template, Severity, Preconditions.CheckNotNull(location), Arguments, ArgumentsVi);

    /// <inheritdoc />
    public bool Equals(KpiDiagnostic? other)
        => other is not null && ReferenceEquals(Template, other.Template) && Severity == other.Severity && Location.Equals(other.Location)
        && Text.SequenceEqual(Arguments, other.Arguments);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as KpiDiagnostic);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, Severity, Location);

    /// <summary>The compiler-style form: <c>location: severity DKPI00N: message</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Location.ToString() + ": " + SeverityText(Severity) + " " + Id + ": " + Message;

    /// <summary>Lower-case severity word used in compiler-style output (error, warning, info).</summary>
    /// <param name="severity">The severity.</param>
    /// <returns>The word.</returns>
    public static string SeverityText(KpiSeverity severity) => severity switch
    {
        KpiSeverity.Error => "error",
        KpiSeverity.Warning => "warning",
        KpiSeverity.Info => "info",
        _ => "none",
    };
}
