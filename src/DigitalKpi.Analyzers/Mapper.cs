using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using DigitalKpi.Rules;
using Microsoft.CodeAnalysis;

namespace DigitalKpi.Analyzers;

/// <summary>Places the validator's findings (located by JSON path) on the source span of the offending argument.</summary>
internal static class Mapper
{
    internal const string FixKey = "KpiFix";
    internal const string ReplacementKey = "Replacement";
    internal const string SwapBand = "SwapBand";
    internal const string ReplaceComparator = "ReplaceComparator";
    internal const string NegateTolerance = "NegateTolerance";

    internal static bool TryParse(string path, out string collection, out int index, out string member)
    {
        collection = member = string.Empty;
        index = -1;
        if (!path.StartsWith("$.", StringComparison.Ordinal))
        {
            return false;
        }
        int open = path.IndexOf('[');
        int close = open < 0 ? -1 : path.IndexOf(']', open);
        if (open < 0 || close < 0 || close + 1 >= path.Length || path[close + 1] != '.'
            || !int.TryParse(path.Substring(open + 1, close - open - 1), NumberStyles.None, CultureInfo.InvariantCulture, out index))
        {
            return false;
        }
        collection = path.Substring(2, open - 2);
        member = path.Substring(close + 2);
        return true;
    }

    internal static bool TryTarget(string path, IReadOnlyList<TargetSite> targets, out TargetSite? site)
    {
        site = null;
        if (TryParse(path, out string collection, out int index, out _) && collection == "targets" && index < targets.Count)
        {
            site = targets[index];
        }
        return site is not null;
    }

    internal static Diagnostic? ToDiagnostic(KpiDiagnostic d, IReadOnlyList<TargetSite> targets, IReadOnlyList<IndicatorSite> indicators, IReadOnlyDictionary<string, string> substitutions)
    {
        if (!TryParse(d.Location.Path, out string collection, out int index, out string member))
        {
            return null;
        }
        Location? Locate(string path)
        {
            if (!TryParse(path, out string c, out int i, out string m))
            {
                return null;
            }
            return c switch
            {
                "targets" when i < targets.Count => targets[i].Locate(m),
                "indicators" when i < indicators.Count => indicators[i].CodeLocation,
                _ => null,
            };
        }
        TargetSite? site = collection == "targets" && index < targets.Count ? targets[index] : null;
        Location? location = site is not null ? site.Locate(member) : Locate(d.Location.Path);
        return location is null ? null : Create(d, location, site, substitutions, Locate);
    }

    internal static Diagnostic? Create(KpiDiagnostic d, Location location, TargetSite? site, IReadOnlyDictionary<string, string> substitutions, Func<string, Location?> locate)
    {
        if (KpiDescriptors.For(d.Rule) is not { } descriptor)
        {
            return null;
        }
        var additional = new List<Location>();
        string[] args = Substitute(d.Arguments, substitutions, locate, additional);
        string[] argsVi = Substitute(d.ArgumentsVi, substitutions, locate, null);
        ImmutableDictionary<string, string?>.Builder properties = ImmutableDictionary.CreateBuilder<string, string?>(StringComparer.Ordinal);
        if (site is not null)
        {
            FixInfo fix = site.Fix;
            if (d.Template == KpiRules.Messages.InvertedBand && fix.BandLower is { } lower && fix.BandUpper is { } upper)
            {
                properties[FixKey] = SwapBand;
                additional.Clear();
                additional.Add(lower.GetLocation());
                additional.Add(upper.GetLocation());
            }
            else if (d.Template == KpiRules.Messages.Contradiction && fix.Comparator is not null && Flip(fix.ComparatorValue) is { } flipped)
            {
                properties[FixKey] = ReplaceComparator;
                properties[ReplacementKey] = flipped.ToString();
            }
            else if (d.Template == KpiRules.Messages.NegativeTolerance && fix.ToleranceIsNegatedLiteral)
            {
                properties[FixKey] = NegateTolerance;
            }
        }
        return Diagnostic.Create(descriptor, location, additional, properties.ToImmutable(), new LocalizedMessage(d.Template, args, argsVi));
    }

    private static string[] Substitute(ImmutableArray<string> arguments, IReadOnlyDictionary<string, string> substitutions, Func<string, Location?> locate, List<Location>? additional)
    {
        var args = new string[arguments.Length];
        for (int i = 0; i < args.Length; i++)
        {
            string a = arguments[i];
            if (substitutions.TryGetValue(a, out string? display))
            {
                a = display;
            }
            else if (a.StartsWith("$.", StringComparison.Ordinal) && locate(a) is { } other)
            {
                additional?.Add(other);
                a = Describe(other);
            }
            args[i] = a;
        }
        return args;
    }

    /// <summary>The comparator that asks the same in the other direction (at most 80% ↔ at least 80%).</summary>
    internal static Comparator? Flip(Comparator comparator) => comparator switch
    {
        Comparator.AtLeast => Comparator.AtMost,
        Comparator.AtMost => Comparator.AtLeast,
        Comparator.Above => Comparator.Below,
        Comparator.Below => Comparator.Above,
        _ => null,
    };

    private static string Describe(Location location)
    {
        FileLinePositionSpan span = location.GetLineSpan();
        string file = span.Path;
        int slash = Math.Max(file.LastIndexOf('/'), file.LastIndexOf('\\'));
        return (slash >= 0 ? file.Substring(slash + 1) : file)
            + "(" + (span.StartLinePosition.Line + 1).ToString(CultureInfo.InvariantCulture)
            + "," + (span.StartLinePosition.Character + 1).ToString(CultureInfo.InvariantCulture) + ")";
    }
}
