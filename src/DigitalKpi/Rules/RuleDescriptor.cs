using System;
using System.Globalization;
using DigitalKpi.Utility;

namespace DigitalKpi.Rules;

/// <summary>Severity of a consistency diagnostic.</summary>
public enum KpiSeverity
{
    /// <summary>Not reported (a rule switched off by the caller).</summary>
    None,

    /// <summary>Worth knowing; nothing is wrong.</summary>
    Info,

    /// <summary>Probably wrong; evaluation still possible.</summary>
    Warning,

    /// <summary>Wrong; evaluation would mislead.</summary>
    Error,
}

/// <summary>
/// One consistency rule: a stable ID (DKPI001…), titles in English and Vietnamese, a default severity and a help
/// link. The same descriptors are reported by the runtime validator, the JSON reader, the analyzer and the CLI.
/// </summary>
public sealed class RuleDescriptor
{
    internal RuleDescriptor(string id, string title, string titleVi, KpiSeverity defaultSeverity)
    {
        Id = id;
        Title = title;
        TitleVi = titleVi;
        DefaultSeverity = defaultSeverity;
    }

    /// <summary>Stable ID, e.g. <c>DKPI002</c>.</summary>
    public string Id { get; }

    /// <summary>Short English title.</summary>
    public string Title { get; }

    /// <summary>Short Vietnamese title.</summary>
    public string TitleVi { get; }

    /// <summary>Severity unless the caller overrides it.</summary>
    public KpiSeverity DefaultSeverity { get; }

    /// <summary>Link to the rule's documentation page.</summary>
    public string HelpLink => KpiRules.HelpLinkBase + Id + ".md";

    /// <summary>The title in English or, for a Vietnamese culture, in Vietnamese.</summary>
    /// <param name="culture">The UI culture, or null for English.</param>
    /// <returns>The title.</returns>
    public string GetTitle(CultureInfo? culture) => RuleMessage.IsVietnamese(culture) ? TitleVi : Title;

    /// <summary>The ID and title.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Id + ": " + Title;
}

/// <summary>One message a rule reports, with English and Vietnamese templates (composite format; arguments are invariant text).</summary>
public sealed class RuleMessage
{
    internal RuleMessage(RuleDescriptor rule, string format, string formatVi)
    {
        Rule = rule;
        Format = format;
        FormatVi = formatVi;
    }

    /// <summary>The rule.</summary>
    public RuleDescriptor Rule { get; }

    /// <summary>English template.</summary>
    public string Format { get; }

    /// <summary>Vietnamese template.</summary>
    public string FormatVi { get; }

    /// <summary>Formats the message in English or, for a Vietnamese culture (<c>vi</c>, <c>vi-VN</c>), in Vietnamese.</summary>
    /// <param name="culture">The UI culture, or null for English.</param>
    /// <param name="arguments">Arguments, already formatted with the invariant culture.</param>
    /// <returns>The message.</returns>
    public string FormatMessage(CultureInfo? culture, params string[] arguments)
    {
        Preconditions.CheckNotNull(arguments);
        return string.Format(CultureInfo.InvariantCulture, IsVietnamese(culture) ? FormatVi : Format, arguments);
    }

    internal static bool IsVietnamese(CultureInfo? culture)
        => culture is not null && string.Equals(culture.TwoLetterISOLanguageName, "vi", StringComparison.OrdinalIgnoreCase);

    /// <summary>The rule ID and English template.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Rule.Id + ": " + Format;
}
