using System;
using System.Globalization;
using System.Linq;
using DigitalKpi.Rules;
using Microsoft.CodeAnalysis;

namespace DigitalKpi.Analyzers;

/// <summary>
/// A rule's title (or description) in English or Vietnamese, chosen when the compiler or the IDE renders it with its
/// UI culture (<c>/preferreduilang</c>, or the UI culture of the process).
/// </summary>
internal sealed class RuleTitle : LocalizableString
{
    private readonly RuleDescriptor rule;
    private readonly bool description;

    internal RuleTitle(RuleDescriptor rule, bool description)
    {
        this.rule = rule;
        this.description = description;
    }

    protected override string GetText(IFormatProvider? formatProvider)
    {
        string title = rule.GetTitle(formatProvider as CultureInfo);
        return description ? title + " (" + rule.Id + ")." : title;
    }

    protected override bool AreEqual(object? other) => other is RuleTitle t && ReferenceEquals(t.rule, rule) && t.description == description;

    protected override int GetHash() => StringComparer.Ordinal.GetHashCode(rule.Id) ^ (description ? 1 : 0);
}

/// <summary>
/// The argument of a diagnostic's <c>{0}</c> message: formats the core's bilingual template in the culture the
/// diagnostic is rendered with, so the compiler's UI culture chooses English or Vietnamese.
/// </summary>
internal sealed class LocalizedMessage : IFormattable, IEquatable<LocalizedMessage>
{
    private readonly string[] arguments;
    private readonly string[] argumentsVi;

    internal LocalizedMessage(RuleMessage template, string[] arguments, string[] argumentsVi)
    {
        Template = template;
        this.arguments = arguments;
        this.argumentsVi = argumentsVi;
    }

    internal RuleMessage Template { get; }

    public string ToString(string? format, IFormatProvider? formatProvider)
    {
        var culture = formatProvider as CultureInfo;
        return Template.FormatMessage(culture, RuleMessage.IsVietnamese(culture) ? argumentsVi : arguments);
    }

    public override string ToString() => ToString(null, null);

    public bool Equals(LocalizedMessage? other)
        => other is not null && ReferenceEquals(Template, other.Template) && arguments.SequenceEqual(other.arguments, StringComparer.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as LocalizedMessage);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Template.Format) ^ arguments.Length;
}
