using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace DigitalKpi.Analyzers;

/// <summary>Identifies an expression in source: its tree and span.</summary>
internal readonly record struct SiteKey(SyntaxTree Tree, TextSpan Span)
{
    [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
    internal static SiteKey Of(SyntaxNode node) => new(node.SyntaxTree, node.Span);
}

/// <summary>A reference to a definition from a catalog: an inline expression, or a field/property holding one.</summary>
internal sealed class ElementRef
{
    internal ElementRef(SiteKey? key, ISymbol? symbol)
    {
        Key = key;
        Symbol = symbol;
    }

    internal SiteKey? Key { get; }

    internal ISymbol? Symbol { get; }
}

/// <summary>How a code fix can repair a target: the arguments of a band, the comparator, a negated tolerance literal.</summary>
internal sealed class FixInfo
{
    internal SyntaxNode? BandLower { get; set; }

    internal SyntaxNode? BandUpper { get; set; }

    internal SyntaxNode? Comparator { get; set; }

    internal Comparator ComparatorValue { get; set; }

    internal bool ToleranceIsNegatedLiteral { get; set; }
}

/// <summary>A target read from source (a <c>Target.For(…)…Build()</c> chain or <c>new Target(…)</c>).</summary>
internal sealed class TargetSite
{
    private string? idDisplay;
    private string? codeDisplay;
    private static int placeholders;
    private string? idPlaceholder;
    private string? codePlaceholder;

    internal TargetSite(SiteKey key, SyntaxNode fallback)
    {
        Key = key;
        Fallback = fallback;
    }

    internal SiteKey Key { get; }

    /// <summary>The field or property whose initializer (or expression body) this is, or null.</summary>
    internal ISymbol? Owner { get; set; }

    /// <summary>The id, or null when not a constant.</summary>
    internal string? Id { get; set; }

    /// <summary>The id given to the core in place of a non-constant id: unique ("ZZ-ID-12"), made when first needed.</summary>
    internal string IdPlaceholder => idPlaceholder ??= NewPlaceholder("ID");

    /// <summary>How the id is shown in messages: the id, or the expression that gives it (computed when first needed).</summary>
    internal string IdDisplay
    {
        get => idDisplay ??= IdSyntax is null ? string.Empty : ValueReader.Display(IdSyntax);
        set => idDisplay = value;
    }

    /// <summary>The id's expression when it is not a constant.</summary>
    internal SyntaxNode? IdSyntax { get; set; }

    /// <summary>The indicator code, or null when not a constant.</summary>
    internal string? IndicatorCode { get; set; }

    /// <summary>The field or property holding the indicator whose <c>Code</c> is used, or null.</summary>
    internal ISymbol? IndicatorRef { get; set; }

    /// <summary>The code given to the core in place of a non-constant indicator code (made when first needed).</summary>
    internal string CodePlaceholder => codePlaceholder ??= NewPlaceholder("INDICATOR");

    /// <summary>
    /// The code the per-definition pass builds a target with when its indicator code is not a constant: the rules of that
    /// pass do not use the code, so no unique placeholder is made per definition; the compilation-end pass resolves the
    /// code or gives the target its own <see cref="CodePlaceholder"/>, and so does a per-definition finding.
    /// </summary>
    internal const string SharedCodePlaceholder = "ZZ-INDICATOR";

    /// <summary>How the indicator code is shown in messages: the code, or the expression that gives it (computed when first needed).</summary>
    internal string CodeDisplay
    {
        get => codeDisplay ??= CodeSyntax is null ? string.Empty : ValueReader.Display(CodeSyntax);
        set => codeDisplay = value;
    }

    /// <summary>The indicator code's expression when it is not a constant.</summary>
    internal SyntaxNode? CodeSyntax { get; set; }

    /// <summary>
    /// The target as the core's own API builds it from the definition (with the placeholders for a non-constant id or
    /// code: <see cref="SharedCodePlaceholder"/> for the code); the reader returns no site when the core refuses the definition.
    /// </summary>
    internal Target? Built { get; set; }

    /// <summary>Compilation-end pass: the target with its indicator code resolved, or null when it cannot be built.</summary>
    internal Target? Resolved { get; set; }

    /// <summary>Compilation-end pass: whether the indicator code is known (a constant, or the code of an indicator defined in the compilation).</summary>
    internal bool CodeKnown { get; set; }

    /// <summary>Compilation-end pass: whether a visible catalog lists this target.</summary>
    internal bool InCatalog { get; set; }

    /// <summary>Source locations by JSON member name (value, upper, comparator, level, deadline, …).</summary>
    internal LocationMap Locations { get; } = new();

    /// <summary>Where a finding without a more precise place is shown (the syntax: locations are made only for findings).</summary>
    internal SyntaxNode Fallback { get; }

    internal FixInfo Fix { get; } = new();

    /// <summary>A code unique in the process, never shown (messages show the expression instead).</summary>
    private static string NewPlaceholder(string kind)
        => "ZZ-" + kind + "-" + ValueReader.Invariant(System.Threading.Interlocked.Increment(ref placeholders));

    internal Location Locate(string member)
    {
        if (Locations.TryGetValue(member, out SyntaxNode? node))
        {
            return node.GetLocation();
        }
        int dot = member.IndexOf('.');
        return (dot > 0 && Locations.TryGetValue(member.Substring(0, dot), out node) ? node : Fallback).GetLocation();
    }
}

/// <summary>An indicator read from <c>new Indicator(…)</c>.</summary>
internal sealed class IndicatorSite
{
    internal IndicatorSite(SiteKey key, Indicator indicator, Location codeLocation)
    {
        Key = key;
        Indicator = indicator;
        CodeLocation = codeLocation;
    }

    internal SiteKey Key { get; }

    internal ISymbol? Owner { get; set; }

    /// <summary>Compilation-end pass: whether a visible catalog lists this indicator.</summary>
    internal bool InCatalog { get; set; }

    internal Indicator Indicator { get; }

    internal Location CodeLocation { get; }
}

/// <summary>A catalog read from <c>new Catalog(…)</c>: the indicators and targets it lists, when visible.</summary>
internal sealed class CatalogSite
{
    internal CatalogSite(SiteKey key, List<ElementRef?>? indicators, List<ElementRef?>? targets)
    {
        Key = key;
        Indicators = indicators;
        Targets = targets;
    }

    internal SiteKey Key { get; }

    /// <summary>The listed indicators (null entries: not visible), or null when the list itself is not visible.</summary>
    internal List<ElementRef?>? Indicators { get; }

    /// <summary>The listed targets (null entries: not visible), or null when the list itself is not visible.</summary>
    internal List<ElementRef?>? Targets { get; }
}

/// <summary>
/// The source of each JSON member of a target that the rules may name (a fixed set): one small array per target instead
/// of a dictionary, as the analyzer reads tens of thousands of targets; the syntax, not its <see cref="Location"/>, which
/// is made only for a finding.
/// </summary>
internal sealed class LocationMap
{
    /// <summary>How many members have a slot (<see cref="IndexOf"/>).</summary>
    private const int Count = 13;

    private readonly SyntaxNode?[] slots = new SyntaxNode?[Count];

    /// <summary>Sets the location of a member (one of the fixed set).</summary>
    internal SyntaxNode this[string member]
    {
        set => slots[IndexOf(member) is int i and >= 0 ? i : throw new ArgumentOutOfRangeException(nameof(member), member, "Not a target member.")] = value;
    }

    internal void Remove(string member)
    {
        if (IndexOf(member) is int i and >= 0)
        {
            slots[i] = null;
        }
    }

    internal bool TryGetValue(string member, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out SyntaxNode? node)
    {
        node = IndexOf(member) is int i and >= 0 ? slots[i] : null;
        return node is not null;
    }

    /// <summary>The slot of a member (0 to <see cref="Count"/> - 1), or -1: the fixed set of members.</summary>
    [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
    private static int IndexOf(string member) => member switch
    {
        "id" => 0,
        "indicator" => 1,
        "comparator" => 2,
        "value" => 3,
        "unit" => 4,
        "upper" => 5,
        "tolerance" => 6,
        "level" => 7,
        "deadline" => 8,
        "startDate" => 9,
        "baseline" => 10,
        "baseline.value" => 11,
        "refines" => 12,
        _ => -1,
    };
}
