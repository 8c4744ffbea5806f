using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using DigitalKpi.Administration;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using NodaTime;

namespace DigitalKpi.Analyzers;

/// <summary>
/// Turns DigitalKpi definitions in source into sites: what each argument is worth (when known at compile time) and where
/// it is, so that the core's own builder and validator can be run on them and their findings placed on the right span.
/// </summary>
internal sealed class SourceReader
{
    private const int MaxChain = 64;
    private readonly ValueReader values;

    internal SourceReader(KpiTypes types)
    {
        Types = types;
        values = new ValueReader(types);
    }

    internal KpiTypes Types { get; }

    internal ValueReader Values => values;


    [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
    internal bool IsBuild(IInvocationOperation invocation)
        => invocation.TargetMethod.Name == "Build" && invocation.Instance is not null && invocation.TargetMethod.Parameters.Length == 0
            && KpiTypes.Is(invocation.TargetMethod.ContainingType, Types.TargetBuilder);

    /// <summary>Reads a <c>Target.For(id, code)…Build()</c> chain; null when some link is not known at compile time.</summary>
    [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
    internal TargetSite? ReadChain(IInvocationOperation build)
    {
        // The links from Build() back to Target.For, in a buffer of this thread's (callbacks do not nest): no list per chain.
        IInvocationOperation[] steps = chainBuffer ??= new IInvocationOperation[MaxChain];
        int count = 0;
        try
        {
            IOperation? receiver = build.Instance;
            IInvocationOperation? start = null;
            for (int guard = 0; receiver is not null && guard < MaxChain; guard++)
            {
                receiver = ValueReader.Unwrap(receiver);
                if (receiver is IInvocationOperation call)
                {
                    if (call.Instance is null && call.TargetMethod.Name == "For" && call.Arguments.Length == 2 && KpiTypes.Is(call.TargetMethod.ContainingType, Types.Target))
                    {
                        start = call;
                        break;
                    }
                    if (call.Instance is not null && KpiTypes.Is(call.TargetMethod.ContainingType, Types.TargetBuilder))
                    {
                        steps[count++] = call;
                        receiver = call.Instance;
                        continue;
                    }
                    return null;
                }
                // A partly built definition shared through a local or a static readonly field ("one per level").
                receiver = ValueReader.FollowInitializer(receiver, 0);
            }
            if (start is null)
            {
                return null;
            }

            SyntaxNode nameOfBuild = NameNode(build);
            IArgumentOperation idArg = ArgAt(start.Arguments, 0);
            IArgumentOperation codeArg = ArgAt(start.Arguments, 1);
            var site = new TargetSite(SiteKey.Of(build.Syntax), ArgNode(idArg, nameOfBuild));
            ReadIdentity(site, idArg, codeArg);

            // The core's own builder is run on the values of the links as they are read, in source order; a definition
            // whose shape the core refuses would throw when run, and the rules have nothing to say about it.
            try
            {
                TargetBuilder b = Target.For(site.Id ?? site.IdPlaceholder, site.IndicatorCode ?? TargetSite.SharedCodePlaceholder);
                for (int k = count - 1; k >= 0; k--)
                {
                    if (!ReadStep(site, steps[k], ref b))
                    {
                        return null;
                    }
                }
                site.Built = b.Build();
            }
            catch (Exception e) when (ValueReader.IsValueError(e))
            {
                return null;
            }
            return site;
        }
        finally
        {
            Array.Clear(steps, 0, count);
        }
    }

    [ThreadStatic]
    private static IInvocationOperation[]? chainBuffer;

    /// <summary>Applies one link of a chain to the builder and records where its values are; false when a value is not known.</summary>
    [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
    private bool ReadStep(TargetSite site, IInvocationOperation step, ref TargetBuilder b)
    {
        ImmutableArray<IArgumentOperation> args = step.Arguments;
        SyntaxNode name = NameNode(step);
        string method = step.TargetMethod.Name;
        switch (method, args.Length)
        {
            case ("AtLeast" or "Above" or "AtMost" or "Below", 1):
                {
                    if (!values.TryQuantity(args[0].Value, out Quantity value))
                    {
                        return false;
                    }
                    Comparator c;
                    switch (method)
                    {
                        case "AtLeast": c = Comparator.AtLeast; b = b.AtLeast(value); break;
                        case "Above": c = Comparator.Above; b = b.Above(value); break;
                        case "AtMost": c = Comparator.AtMost; b = b.AtMost(value); break;
                        default: c = Comparator.Below; b = b.Below(value); break;
                    }
                    SetComparison(site, name, c, ArgNode(args[0], name));
                    return true;
                }
            case ("Between", 2):
                {
                    if (!values.TryQuantity(ValueReader.Arg(args, 0), out Quantity lowerValue) || !values.TryQuantity(ValueReader.Arg(args, 1), out Quantity upperValue))
                    {
                        return false;
                    }
                    b = b.Between(lowerValue, upperValue);
                    SyntaxNode lower = ArgNode(ArgAt(args, 0), name);
                    SyntaxNode upper = ArgNode(ArgAt(args, 1), name);
                    SetComparison(site, name, Comparator.Between, lower);
                    site.Locations["upper"] = upper;
                    site.Fix.BandLower = lower;
                    site.Fix.BandUpper = upper;
                    return true;
                }
            case ("About", 2):
                {
                    if (!values.TryQuantity(ValueReader.Arg(args, 0), out Quantity value) || !ValueReader.TryDecimal(ValueReader.Arg(args, 1), out decimal tolerance))
                    {
                        return false;
                    }
                    b = b.About(value, tolerance);
                    SetComparison(site, name, Comparator.About, ArgNode(ArgAt(args, 0), name));
                    IArgumentOperation tolArg = ArgAt(args, 1);
                    site.Locations["tolerance"] = ArgNode(tolArg, name);
                    site.Fix.ToleranceIsNegatedLiteral = IsNegatedLiteral(tolArg);
                    return true;
                }
            case ("RankWithin", 2):
                {
                    if (!ValueReader.TryInt(ValueReader.Arg(args, 0), out int rank) || !ValueReader.TryInt(ValueReader.Arg(args, 1), out int outOf))
                    {
                        return false;
                    }
                    b = b.RankWithin(rank, outOf);
                    SetComparison(site, name, Comparator.RankWithin, ArgNode(ArgAt(args, 0), name));
                    return true;
                }
            case ("Achieved", 0):
                b = b.Achieved();
                SetComparison(site, name, Comparator.Achieved, name);
                return true;
            case ("AtLevel", 1):
                {
                    if (!ValueReader.TryEnum(args[0].Value, out AdministrativeLevel level))
                    {
                        return false;
                    }
                    b = b.AtLevel(level);
                    site.Locations["level"] = ArgNode(args[0], name);
                    return true;
                }
            case ("By", 1):
                {
                    if (step.TargetMethod.Parameters[0].Type.SpecialType == SpecialType.System_Int32)
                    {
                        if (!ValueReader.TryInt(args[0].Value, out int year))
                        {
                            return false;
                        }
                        b = b.By(year);
                    }
                    else
                    {
                        if (!values.TryLocalDate(args[0].Value, out LocalDate date))
                        {
                            return false;
                        }
                        b = b.By(date);
                    }
                    site.Locations["deadline"] = ArgNode(args[0], name);
                    return true;
                }
            case ("From", 1):
                {
                    if (!values.TryLocalDate(args[0].Value, out LocalDate date))
                    {
                        return false;
                    }
                    b = b.From(date);
                    site.Locations["startDate"] = ArgNode(args[0], name);
                    return true;
                }
            case ("WithBaseline", 2):
                {
                    if (!values.TryQuantity(ValueReader.Arg(args, 0), out Quantity value) || !values.TryLocalDate(ValueReader.Arg(args, 1), out LocalDate date))
                    {
                        return false;
                    }
                    b = b.WithBaseline(value, date);
                    SyntaxNode valueLocation = ArgNode(ArgAt(args, 0), name);
                    site.Locations["baseline"] = valueLocation;
                    site.Locations["baseline.value"] = valueLocation;
                    return true;
                }
            case ("Maintained", 0):
                b = b.Maintained();
                return true;
            case ("Aspirational", 0):
                b = b.Aspirational();
                return true;
            case ("Refining", 1):
                // An id that is not a constant only means the national floor (DKPI011) cannot be checked.
                if (ValueReader.TryString(args[0].Value, out string? national) && national is not null)
                {
                    b = b.Refining(national);
                    site.Locations["refines"] = ArgNode(args[0], name);
                }
                return true;
            case ("CitedFrom", _):
                // The source is not used by the rules.
                return true;
            default:
                return false;
        }
    }

    /// <summary>Reads <c>new Target(…)</c>; null when an argument the rules need is not known at compile time.</summary>
    [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
    internal TargetSite? ReadConstructor(IObjectCreationOperation creation)
    {
        ImmutableArray<IArgumentOperation> args = creation.Arguments;
        if (creation.Constructor is null || creation.Initializer is not null)
        {
            return null;
        }
        SyntaxNode whole = creation.Syntax;
        IArgumentOperation? idArg = ValueReader.ArgNamed(args, "id");
        IArgumentOperation? codeArg = ValueReader.ArgNamed(args, "indicatorCode");
        IArgumentOperation? comparatorArg = ValueReader.ArgNamed(args, "comparator");
        IArgumentOperation? thresholdArg = ValueReader.ArgNamed(args, "threshold");
        IArgumentOperation? deadlineArg = ValueReader.ArgNamed(args, "deadline");
        if (idArg is null || codeArg is null || comparatorArg is null || thresholdArg is null || deadlineArg is null
            || !ValueReader.TryEnum(comparatorArg.Value, out Comparator comparator)
            || !values.TryQuantity(thresholdArg.Value, out Quantity threshold)
            || !values.TryLocalDate(deadlineArg.Value, out LocalDate deadline))
        {
            return null;
        }
        AdministrativeLevel level = AdministrativeLevel.Province;
        Quantity? upper = null;
        decimal? tolerance = null;
        LocalDate? startDate = null;
        Baseline? baseline = null;
        bool maintain = false;
        bool aspirational = false;
        string? refines = null;
        SyntaxNode? baselineValue = null;
        foreach (IArgumentOperation a in args)
        {
            if (a.ArgumentKind == ArgumentKind.DefaultValue)
            {
                // The locals above hold the constructor's defaults.
                continue;
            }
            IOperation v = a.Value;
            bool isNull = ValueReader.IsNullConstant(v);
            bool ok = a.Parameter?.Name switch
            {
                "level" => ValueReader.TryEnum(v, out level),
                "upper" => isNull || Assign(values.TryQuantity(v, out Quantity u), u, out upper),
                "tolerance" => isNull || Assign(ValueReader.TryDecimal(v, out decimal t), t, out tolerance),
                "startDate" => isNull || Assign(values.TryLocalDate(v, out LocalDate s), s, out startDate),
                "baseline" => isNull || ReadBaseline(v, out baseline, out baselineValue),
                "maintain" => TryBool(v, out maintain),
                "aspirational" => TryBool(v, out aspirational),
                "refines" => isNull || ValueReader.TryString(v, out refines) || true,
                _ => true,
            };
            if (!ok)
            {
                return null;
            }
        }
        var site = new TargetSite(SiteKey.Of(creation.Syntax), ArgNode(idArg, whole));
        ReadIdentity(site, idArg, codeArg);
        // A definition whose shape the core refuses would throw when run; the rules have nothing to say about it.
        try
        {
            site.Built = new Target(site.Id ?? site.IdPlaceholder, site.IndicatorCode ?? TargetSite.SharedCodePlaceholder, comparator, threshold, deadline, level, upper, tolerance, startDate, baseline, maintain, aspirational, refines);
        }
        catch (Exception e) when (ValueReader.IsValueError(e))
        {
            return null;
        }
        SyntaxNode comparatorLocation = ArgNode(comparatorArg, whole);
        SyntaxNode thresholdLocation = ArgNode(thresholdArg, whole);
        SetComparison(site, comparatorLocation, comparator, thresholdLocation);
        site.Locations["deadline"] = ArgNode(deadlineArg, whole);
        foreach (IArgumentOperation a in args)
        {
            if (a.ArgumentKind == ArgumentKind.DefaultValue)
            {
                continue;
            }
            switch (a.Parameter?.Name)
            {
                case "level":
                    site.Locations["level"] = ArgNode(a, whole);
                    break;
                case "upper":
                    site.Locations["upper"] = ArgNode(a, whole);
                    site.Fix.BandLower = thresholdLocation;
                    site.Fix.BandUpper = ArgNode(a, whole);
                    break;
                case "tolerance":
                    site.Locations["tolerance"] = ArgNode(a, whole);
                    site.Fix.ToleranceIsNegatedLiteral = IsNegatedLiteral(a);
                    break;
                case "startDate":
                    site.Locations["startDate"] = ArgNode(a, whole);
                    break;
                case "baseline":
                    site.Locations["baseline"] = baselineValue ?? ArgNode(a, whole);
                    site.Locations["baseline.value"] = baselineValue ?? ArgNode(a, whole);
                    break;
                case "refines" when refines is not null:
                    site.Locations["refines"] = ArgNode(a, whole);
                    break;
            }
        }
        return site;
    }

    /// <summary>Reads <c>new Indicator(…)</c>; null when its code, unit, direction or levels are not known at compile time.</summary>
    [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
    internal IndicatorSite? ReadIndicator(IObjectCreationOperation creation)
    {
        if (creation.Initializer is not null)
        {
            return null;
        }
        string? code = null;
        string name = "?";
        Unit? unit = null;
        Direction direction = default;
        bool haveDirection = false;
        Pillar pillar = default;
        TemporalNature nature = default;
        List<AdministrativeLevel>? levels = null;
        Location? codeLocation = null;
        foreach (IArgumentOperation a in creation.Arguments)
        {
            IOperation v = a.Value;
            switch (a.Parameter?.Name)
            {
                case "code":
                    if (!ValueReader.TryString(v, out code))
                    {
                        return null;
                    }
                    codeLocation = ArgLocation(a, creation.Syntax.GetLocation());
                    break;
                case "nameVi":
                    if (ValueReader.TryString(v, out string? n) && n is not null && n.Trim().Length > 0)
                    {
                        name = n;
                    }
                    break;
                case "unit":
                    if (!values.TryUnit(v, out unit))
                    {
                        return null;
                    }
                    break;
                case "direction":
                    if (!ValueReader.TryEnum(v, out direction))
                    {
                        return null;
                    }
                    haveDirection = true;
                    break;
                case "pillar":
                    // Not used by the rules: any value will do when it is not a constant.
                    ValueReader.TryEnum(v, out pillar);
                    break;
                case "temporalNature":
                    ValueReader.TryEnum(v, out nature);
                    break;
                case "levels":
                    if (!ValueReader.IsNullConstant(v))
                    {
                        if (ValueReader.TryElements(v) is not { } items)
                        {
                            return null;
                        }
                        levels = new List<AdministrativeLevel>(items.Length);
                        foreach (IOperation item in items)
                        {
                            if (!ValueReader.TryEnum(item, out AdministrativeLevel level))
                            {
                                return null;
                            }
                            levels.Add(level);
                        }
                    }
                    break;
            }
        }
        if (code is null || unit is null || !haveDirection || codeLocation is null)
        {
            return null;
        }
        return ValueReader.Guard(() => new Indicator(code, name, unit, direction, pillar, nature, levels: levels), out Indicator indicator)
            ? new IndicatorSite(SiteKey.Of(creation.Syntax), indicator, codeLocation) { Owner = FindOwner(creation) }
            : null;
    }

    /// <summary>Reads <c>new Catalog(…)</c>: which indicators and targets it lists.</summary>
    [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
    internal static CatalogSite ReadCatalog(IObjectCreationOperation creation)
    {
        List<ElementRef?>? indicators = null;
        List<ElementRef?>? targets = null;
        foreach (IArgumentOperation a in creation.Arguments)
        {
            switch (a.Parameter?.Name)
            {
                case "indicators":
                    indicators = ReadElements(a.Value);
                    break;
                case "targets":
                    targets = ReadElements(a.Value);
                    break;
            }
        }
        return new CatalogSite(SiteKey.Of(creation.Syntax), indicators, targets);
    }

    [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
    private static List<ElementRef?>? ReadElements(IOperation value)
    {
        if (ValueReader.IsNullConstant(value))
        {
            return new List<ElementRef?>();
        }
        if (ValueReader.TryElements(value) is not { } items)
        {
            return null;
        }
        var list = new List<ElementRef?>(items.Length);
        foreach (IOperation item in items)
        {
            list.Add(ReadElement(item, 0));
        }
        return list;
    }

    [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
    private static ElementRef? ReadElement(IOperation operation, int depth)
    {
        IOperation op = ValueReader.Unwrap(operation);
        switch (op)
        {
            case IInvocationOperation or IObjectCreationOperation:
                return new ElementRef(SiteKey.Of(op.Syntax), null);
            case IFieldReferenceOperation f:
                return new ElementRef(null, f.Field.OriginalDefinition);
            case IPropertyReferenceOperation p when p.Arguments.Length == 0:
                return new ElementRef(null, p.Property.OriginalDefinition);
            case ILocalReferenceOperation when depth < 8 && ValueReader.FollowInitializer(op, depth) is { } init:
                return ReadElement(init, depth + 1);
            default:
                return null;
        }
    }

    /// <summary>The field or property a definition initializes (or whose expression body it is), or null.</summary>
    [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
    internal static ISymbol? FindOwner(IOperation operation)
    {
        IOperation? parent = operation.Parent;
        while (parent is IConversionOperation)
        {
            parent = parent.Parent;
        }
        switch (parent)
        {
            case IFieldInitializerOperation field when field.InitializedFields.Length == 1:
                return field.InitializedFields[0].OriginalDefinition;
            case IPropertyInitializerOperation property when property.InitializedProperties.Length == 1:
                return property.InitializedProperties[0].OriginalDefinition;
            case IReturnOperation { Parent: IBlockOperation { Operations.Length: 1, Parent: null } }
                when operation.Syntax.Parent is ArrowExpressionClauseSyntax { Parent: PropertyDeclarationSyntax } arrow
                    && operation.SemanticModel?.GetDeclaredSymbol(arrow.Parent!) is IPropertySymbol getter:
                return getter.OriginalDefinition;
            default:
                return null;
        }
    }

    [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
    private void ReadIdentity(TargetSite site, IArgumentOperation idArg, IArgumentOperation codeArg)
    {
        if (ValueReader.TryString(idArg.Value, out string? id) && DigitalKpi.Utility.Text.IsValidCode(id))
        {
            site.Id = id;
            site.IdDisplay = id!;
        }
        else
        {
            site.IdSyntax = idArg.Value.Syntax;
        }
        site.Locations["id"] = site.Fallback;

        SyntaxNode codeLocation = ArgNode(codeArg, site.Fallback);
        site.Locations["indicator"] = codeLocation;
        if (ValueReader.TryString(codeArg.Value, out string? code) && DigitalKpi.Utility.Text.IsValidCode(code))
        {
            site.IndicatorCode = code;
            site.CodeDisplay = code!;
        }
        else
        {
            site.CodeSyntax = codeArg.Value.Syntax;
            IOperation v = ValueReader.Unwrap(codeArg.Value);
            if (v is IPropertyReferenceOperation { Property.Name: "Code", Instance: { } instance } code2 && KpiTypes.Is(code2.Property.ContainingType, Types.Indicator))
            {
                site.IndicatorRef = ValueReader.Unwrap(instance) switch
                {
                    IFieldReferenceOperation f => f.Field.OriginalDefinition,
                    IPropertyReferenceOperation p when p.Arguments.Length == 0 => p.Property.OriginalDefinition,
                    _ => null,
                };
            }
        }

    }

    [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
    private static void SetComparison(TargetSite site, SyntaxNode comparatorLocation, Comparator comparator, SyntaxNode value)
    {
        site.Locations["comparator"] = comparatorLocation;
        site.Locations["value"] = value;
        site.Locations["unit"] = value;
        site.Locations.Remove("upper");
        site.Locations.Remove("tolerance");
        site.Fix.BandLower = null;
        site.Fix.BandUpper = null;
        site.Fix.ToleranceIsNegatedLiteral = false;
        site.Fix.Comparator = comparatorLocation;
        site.Fix.ComparatorValue = comparator;
    }

    private bool ReadBaseline(IOperation operation, out Baseline? baseline, out SyntaxNode? valueLocation)
    {
        baseline = null;
        valueLocation = null;
        IOperation op = ValueReader.Unwrap(operation);
        if (op is IObjectCreationOperation creation && KpiTypes.Is(creation.Type, Types.Baseline) && creation.Arguments.Length == 2
            && ValueReader.TryDecimal(ValueReader.Arg(creation.Arguments, 0), out decimal value)
            && values.TryLocalDate(ValueReader.Arg(creation.Arguments, 1), out LocalDate date))
        {
            baseline = new Baseline(value, date);
            valueLocation = ArgNode(ArgAt(creation.Arguments, 0), creation.Syntax);
            return true;
        }
        return false;
    }

    private static bool TryBool(IOperation operation, out bool value)
    {
        value = false;
        Optional<object?> constant = operation.ConstantValue;
        if (constant.HasValue && constant.Value is bool b)
        {
            value = b;
            return true;
        }
        return false;
    }

    private static bool Assign<T>(bool ok, T value, out T? result)
        where T : struct
    {
        result = ok ? value : null;
        return ok;
    }

    private static bool IsNegatedLiteral(IArgumentOperation argument)
        => !argument.IsImplicit && argument.Value.Syntax is PrefixUnaryExpressionSyntax { Operand: LiteralExpressionSyntax } unary
            && unary.IsKind(SyntaxKind.UnaryMinusExpression);

    [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
    internal static IArgumentOperation ArgAt(ImmutableArray<IArgumentOperation> arguments, int ordinal)
    {
        foreach (IArgumentOperation a in arguments)
        {
            if (a.Parameter?.Ordinal == ordinal)
            {
                return a;
            }
        }
        return arguments[ordinal];
    }

    [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
    internal static Location ArgLocation(IArgumentOperation argument, Location fallback)
        => argument.IsImplicit || argument.ArgumentKind != ArgumentKind.Explicit ? fallback : argument.Value.Syntax.GetLocation();

    /// <summary>Where an argument is shown (<paramref name="fallback"/> when it is not written); the location is made only for a finding.</summary>
    [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
    internal static SyntaxNode ArgNode(IArgumentOperation argument, SyntaxNode fallback)
        => argument.IsImplicit || argument.ArgumentKind != ArgumentKind.Explicit ? fallback : argument.Value.Syntax;

    /// <summary>The name of the method an invocation calls, or the whole invocation.</summary>
    [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
    internal static SyntaxNode NameNode(IInvocationOperation invocation)
        => invocation.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } ? access.Name : invocation.Syntax;

    [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
    internal static Location NameLocation(IInvocationOperation invocation)
        => invocation.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access }
            ? access.Name.GetLocation()
            : invocation.Syntax.GetLocation();
}
