using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using NodaTime;

namespace DigitalKpi.Analyzers;

/// <summary>
/// Reads the values of DigitalKpi arguments that are known at compile time: constants and literals, the Quantity and Unit
/// factories, <c>new LocalDate(y, m, d)</c>, enum members, and the initializers of static readonly fields, get-only static
/// auto-properties and never-reassigned locals declared in the same file. Anything else is "not known": the reader
/// returns false and the rules that need the value stay silent.
/// </summary>
internal sealed class ValueReader
{
    private const int MaxDepth = 8;

    internal ValueReader(KpiTypes types) => Types = types;

    internal KpiTypes Types { get; }

    [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
    internal static IOperation Unwrap(IOperation operation)
    {
        while (operation is IConversionOperation conversion && !conversion.Conversion.IsUserDefined)
        {
            operation = conversion.Operand;
        }
        return operation;
    }

    [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
    internal static bool TryDecimal(IOperation operation, out decimal value, int depth = 0)
    {
        value = 0m;
        // A literal, or a literal converted implicitly to decimal or a wider integer (exact), is read from its token.
        if (ExactLiteral(operation) is { } literal)
        {
            return TryConvert(literal, out value);
        }
        // Read once: each read of IOperation.ConstantValue boxes the value anew.
        Optional<object?> constant = operation.ConstantValue;
        if (constant.HasValue)
        {
            return TryConvert(constant.Value, out value);
        }
        if (operation is IConversionOperation { Conversion.IsUserDefined: false } conversion && depth <= MaxDepth)
        {
            return TryDecimal(conversion.Operand, out value, depth + 1);
        }
        return FollowInitializer(operation, depth) is { } init && TryDecimal(init, out value, depth + 1);
    }

    /// <summary>
    /// The value of a numeric literal as its token holds it (already boxed), or of such a literal converted implicitly to
    /// <c>decimal</c> or a wider integer type (conversions that keep the value exactly); null for anything else.
    /// <see cref="IOperation.ConstantValue"/> boxes a new object at every read: the analyzer reads tens of thousands of
    /// literals (<c>Quantity.Percent(40)</c>, <c>new LocalDate(2021, 12, 31)</c>, <c>By(2025)</c>), whose garbage
    /// the compiler's collections then paid for.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
    private static object? ExactLiteral(IOperation operation)
    {
        if (operation is IConversionOperation { Conversion: { IsImplicit: true, IsNumeric: true, IsUserDefined: false }, Type: { } target } conversion
            && target.SpecialType is SpecialType.System_Decimal or SpecialType.System_Int64 or SpecialType.System_Int32)
        {
            operation = conversion.Operand;
        }
        return operation is ILiteralOperation { Syntax: LiteralExpressionSyntax literal } && literal.IsKind(SyntaxKind.NumericLiteralExpression)
            ? literal.Token.Value
            : null;
    }

    [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
    internal static bool TryInt(IOperation operation, out int value, int depth = 0)
    {
        value = 0;
        if (TryDecimal(operation, out decimal d, depth) && d == decimal.Truncate(d) && d >= int.MinValue && d <= int.MaxValue)
        {
            value = (int)d;
            return true;
        }
        return false;
    }

    [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
    internal static bool TryString(IOperation operation, out string? value, int depth = 0)
    {
        value = null;
        Optional<object?> constant = operation.ConstantValue;
        if (constant.HasValue)
        {
            value = constant.Value as string;
            return value is not null;
        }
        if (operation is IConversionOperation { Conversion.IsUserDefined: false } conversion && depth <= MaxDepth)
        {
            return TryString(conversion.Operand, out value, depth + 1);
        }
        return FollowInitializer(operation, depth) is { } init && TryString(init, out value, depth + 1);
    }

    /// <summary>Reads a constant that is null (a default <c>null</c> argument).</summary>
    [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
    internal static bool IsNullConstant(IOperation operation)
    {
        for (int i = 0; i < MaxDepth; i++)
        {
            Optional<object?> constant = operation.ConstantValue;
            if (constant.HasValue)
            {
                return constant.Value is null;
            }
            if (operation is IDefaultValueOperation { Type: { } type })
            {
                return type.IsReferenceType || type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T;
            }
            if (operation is not IConversionOperation { Conversion.IsUserDefined: false } conversion)
            {
                return false;
            }
            operation = conversion.Operand;
        }
        return false;
    }

    [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
    internal static bool TryEnum<T>(IOperation operation, out T value, int depth = 0)
        where T : struct, Enum
    {
        value = default;
        // A member of the enum itself (AdministrativeLevel.Province) by its name: no boxed constant per read.
        if (operation is IFieldReferenceOperation { Field: { IsConst: true, ContainingType: { TypeKind: TypeKind.Enum } type } field }
            && type.Name == EnumMembers<T>.Name && type.ContainingNamespace?.Name == EnumMembers<T>.NamespaceName)
        {
            return EnumMembers<T>.TryGet(field.Name, out value);
        }
        Optional<object?> constant = operation.ConstantValue;
        if (constant.HasValue && constant.Value is { } v && TryConvert(v, out decimal d)
            && d == decimal.Truncate(d) && d >= int.MinValue && d <= int.MaxValue)
        {
            // Only the members the enum defines (no reflection per call: the analyzer reads thousands of them).
            return EnumMembers<T>.TryGet((int)d, out value);
        }
        if (operation is IConversionOperation { Conversion.IsUserDefined: false } conversion && depth <= MaxDepth)
        {
            return TryEnum(conversion.Operand, out value, depth + 1);
        }
        return FollowInitializer(operation, depth) is { } init && TryEnum(init, out value, depth + 1);
    }

    [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
    internal bool TryLocalDate(IOperation operation, out LocalDate value, int depth = 0)
    {
        value = default;
        if (depth > MaxDepth)
        {
            return false;
        }
        IOperation op = Unwrap(operation);
        if (op is IObjectCreationOperation creation && KpiTypes.Is(creation.Type, Types.LocalDate)
            && creation.Arguments.Length == 3 && creation.Initializer is null
            && TryInt(Arg(creation.Arguments, 0), out int y, depth + 1)
            && TryInt(Arg(creation.Arguments, 1), out int m, depth + 1)
            && TryInt(Arg(creation.Arguments, 2), out int d, depth + 1))
        {
            return TryNewLocalDate(y, m, d, out value);
        }
        return FollowInitializer(op, depth) is { } init && TryLocalDate(init, out value, depth + 1);
    }

    [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
    internal bool TryUnit(IOperation operation, out Unit? value, int depth = 0)
    {
        value = null;
        if (depth > MaxDepth)
        {
            return false;
        }
        IOperation op = Unwrap(operation);
        if (op is IPropertyReferenceOperation prop && prop.Instance is null && KpiTypes.Is(prop.Property.ContainingType, Types.Unit))
        {
            value = prop.Property.Name switch
            {
                "Percent" => Unit.Percent,
                "Fraction" => Unit.Fraction,
                "Count" => Unit.Count,
                "Milestone" => Unit.Milestone,
                "Vnd" => Unit.Vnd,
                _ => null,
            };
            return value is not null;
        }
        if (op is IInvocationOperation call && call.Instance is null && KpiTypes.Is(call.TargetMethod.ContainingType, Types.Unit) && call.Arguments.Length == 1)
        {
            IOperation a = Arg(call.Arguments, 0);
            Unit? unit = null;
            bool ok = call.TargetMethod.Name switch
            {
                "ShareOf" => TryEnum(a, out EconomicAggregate agg, depth + 1) && Guard(() => Unit.ShareOf(agg), out unit),
                "RankAmong" => TryInt(a, out int pool, depth + 1) && Guard(() => Unit.RankAmong(pool), out unit),
                "IndexScore" => TryDecimal(a, out decimal max, depth + 1) && Guard(() => Unit.IndexScore(max), out unit),
                "Money" => TryString(a, out string? currency, depth + 1) && Guard(() => Unit.Money(currency!), out unit),
                _ => false,
            };
            value = unit;
            return ok && unit is not null;
        }
        return FollowInitializer(op, depth) is { } init && TryUnit(init, out value, depth + 1);
    }

    [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
    internal bool TryQuantity(IOperation operation, out Quantity value, int depth = 0)
    {
        value = default;
        if (depth > MaxDepth)
        {
            return false;
        }
        IOperation op = Unwrap(operation);
        if (op is IPropertyReferenceOperation prop && prop.Instance is null && KpiTypes.Is(prop.Property.ContainingType, Types.Quantity))
        {
            switch (prop.Property.Name)
            {
                case "Yes":
                    value = Quantity.Yes;
                    return true;
                case "No":
                    value = Quantity.No;
                    return true;
            }
            return false;
        }
        if (op is IInvocationOperation call && call.Instance is null && KpiTypes.Is(call.TargetMethod.ContainingType, Types.Quantity))
        {
            ImmutableArray<IArgumentOperation> args = call.Arguments;
            string factory = call.TargetMethod.Name;
            switch (factory, args.Length)
            {
                case ("Percent" or "Count" or "Vnd", 1):
                    return TryDecimal(Arg(args, 0), out decimal x, depth + 1) && TryQuantityFactory(factory, x, 0m, default, out value);
                case ("Share", 2):
                    return TryDecimal(Arg(args, 0), out decimal s, depth + 1) && TryEnum(Arg(args, 1), out EconomicAggregate agg, depth + 1)
                        && TryQuantityFactory(factory, s, 0m, agg, out value);
                case ("Rank", 2):
                    return TryInt(Arg(args, 0), out int r, depth + 1) && TryInt(Arg(args, 1), out int pool, depth + 1)
                        && TryQuantityFactory(factory, r, pool, default, out value);
                case ("Score", 2):
                    return TryDecimal(Arg(args, 0), out decimal score, depth + 1) && TryDecimal(Arg(args, 1), out decimal max, depth + 1)
                        && TryQuantityFactory(factory, score, max, default, out value);
                default:
                    return false;
            }
        }
        if (op is IObjectCreationOperation creation && KpiTypes.Is(creation.Type, Types.Quantity) && creation.Arguments.Length == 2 && creation.Initializer is null
            && TryDecimal(Arg(creation.Arguments, 0), out decimal value0, depth + 1) && TryUnit(Arg(creation.Arguments, 1), out Unit? unit0, depth + 1))
        {
            try
            {
                value = new Quantity(value0, unit0!);
                return true;
            }
            catch (Exception e) when (IsValueError(e))
            {
                value = default;
                return false;
            }
        }
        return FollowInitializer(op, depth) is { } init && TryQuantity(init, out value, depth + 1);
    }

    /// <summary>Runs a Quantity factory (no closure: the reader reads tens of thousands of values); false when the core refuses the value.</summary>
    [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
    private static bool TryQuantityFactory(string factory, decimal first, decimal second, EconomicAggregate aggregate, out Quantity value)
    {
        try
        {
            value = factory switch
            {
                "Percent" => Quantity.Percent(first),
                "Count" => Quantity.Count(first),
                "Vnd" => Quantity.Vnd(first),
                "Share" => Quantity.Share(first, aggregate),
                "Rank" => Quantity.Rank((int)first, (int)second),
                _ => Quantity.Score(first, second),
            };
            return true;
        }
        catch (Exception e) when (IsValueError(e))
        {
            value = default;
            return false;
        }
    }

    [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
    private static bool TryNewLocalDate(int year, int month, int day, out LocalDate value)
    {
        try
        {
            value = new LocalDate(year, month, day);
            return true;
        }
        catch (Exception e) when (IsValueError(e))
        {
            value = default;
            return false;
        }
    }

    /// <summary>
    /// The elements of a collection expression as its operation's children, when they are its elements one to one (a
    /// compiler with <c>ICollectionExpressionOperation</c>); null otherwise, and each element is then bound again through
    /// the semantic model (which the compiler counted as this analyzer's time, once per catalog element).
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
    private static ImmutableArray<IOperation>? CollectionElements(IOperation operation, CollectionExpressionSyntax collection)
    {
        SeparatedSyntaxList<CollectionElementSyntax> elements = collection.Elements;
        IOperation.OperationList children = operation.ChildOperations;
        if (children.Count != elements.Count)
        {
            return null;
        }
        var items = ImmutableArray.CreateBuilder<IOperation>(elements.Count);
        int k = 0;
        foreach (IOperation child in children)
        {
            if (elements[k++] is not ExpressionElementSyntax element || child.Syntax != element.Expression)
            {
                return null;
            }
            items.Add(child);
        }
        return items.MoveToImmutable();
    }

    /// <summary>The elements of an array creation, a collection expression or <c>ImmutableArray.Create(…)</c>; null when not visible.</summary>
    [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
    internal static ImmutableArray<IOperation>? TryElements(IOperation operation, int depth = 0)
    {
        if (depth > MaxDepth)
        {
            return null;
        }
        IOperation op = Unwrap(operation);
        if (op.Syntax is CollectionExpressionSyntax collection && op.SemanticModel is { } model)
        {
            if (CollectionElements(op, collection) is { } elements)
            {
                return elements;
            }
            var items = ImmutableArray.CreateBuilder<IOperation>(collection.Elements.Count);
            foreach (CollectionElementSyntax element in collection.Elements)
            {
                if (element is not ExpressionElementSyntax expressionElement || model.GetOperation(expressionElement.Expression) is not { } item)
                {
                    return null;
                }
                items.Add(item);
            }
            return items.MoveToImmutable();
        }
        if (op is IArrayCreationOperation array && array.Initializer is { } initializer)
        {
            return initializer.ElementValues;
        }
        if (op is IInvocationOperation call && call.Instance is null && call.TargetMethod.Name == "Create"
            && call.TargetMethod.ContainingType is { Name: "ImmutableArray" } containing && containing.ContainingNamespace?.ToDisplayString() == "System.Collections.Immutable")
        {
            var items = ImmutableArray.CreateBuilder<IOperation>();
            foreach (IArgumentOperation a in call.Arguments)
            {
                if (a.ArgumentKind == ArgumentKind.ParamArray)
                {
                    if (TryElements(a.Value, depth + 1) is not { } inner)
                    {
                        return null;
                    }
                    items.AddRange(inner);
                }
                else
                {
                    items.Add(a.Value);
                }
            }
            return items.ToImmutable();
        }
        return FollowInitializer(op, depth) is { } init ? TryElements(init, depth + 1) : null;
    }

    /// <summary>
    /// The initializer of a static readonly field, a get-only static auto-property or a never-reassigned local declared in
    /// the same file as <paramref name="operation"/>; null otherwise.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
    internal static IOperation? FollowInitializer(IOperation operation, int depth)
    {
        if (depth > MaxDepth || operation.SemanticModel is not { } model)
        {
            return null;
        }
        IOperation op = Unwrap(operation);
        ISymbol? symbol = op switch
        {
            IFieldReferenceOperation f when f.Field.IsStatic && f.Field.IsReadOnly && !f.Field.IsConst => f.Field,
            IPropertyReferenceOperation p when p.Property.IsStatic && p.Property.SetMethod is null && p.Arguments.Length == 0 => p.Property,
            ILocalReferenceOperation l when l.Local.RefKind == RefKind.None => l.Local,
            _ => null,
        };
        if (symbol is null || symbol.DeclaringSyntaxReferences.Length != 1)
        {
            return null;
        }
        SyntaxReference reference = symbol.DeclaringSyntaxReferences[0];
        if (reference.SyntaxTree != op.Syntax.SyntaxTree)
        {
            return null;
        }
        SyntaxNode declaration = reference.GetSyntax();
        ExpressionSyntax? value = declaration switch
        {
            VariableDeclaratorSyntax v => v.Initializer?.Value,
            PropertyDeclarationSyntax p when IsGetOnlyAuto(p) => p.Initializer?.Value,
            _ => null,
        };
        if (value is null || (symbol is ILocalSymbol && IsReassigned(declaration, symbol.Name)))
        {
            return null;
        }
        return model.GetOperation(value);
    }

    private static bool IsGetOnlyAuto(PropertyDeclarationSyntax property)
        => property.ExpressionBody is null && property.AccessorList is { } list && list.Accessors.Count == 1
            && list.Accessors[0].IsKind(SyntaxKind.GetAccessorDeclaration) && list.Accessors[0].Body is null && list.Accessors[0].ExpressionBody is null;

    /// <summary>Whether a local with this name may be written after its declaration (conservative: any write to the name in the enclosing body).</summary>
    private static bool IsReassigned(SyntaxNode declarator, string name)
    {
        SyntaxNode? body = null;
        for (SyntaxNode? n = declarator.Parent; n is not null; n = n.Parent)
        {
            if (n is MemberDeclarationSyntax or LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax or GlobalStatementSyntax)
            {
                body = n is GlobalStatementSyntax ? n.SyntaxTree.GetRoot() : n;
                break;
            }
        }
        if (body is null)
        {
            return true;
        }
        foreach (SyntaxNode node in body.DescendantNodes())
        {
            if (node is not IdentifierNameSyntax id || id.Identifier.ValueText != name)
            {
                continue;
            }
            SyntaxNode child = id;
            for (SyntaxNode? p = id.Parent; p is not null && p is not StatementSyntax; child = p, p = p.Parent)
            {
                switch (p)
                {
                    case AssignmentExpressionSyntax assignment when assignment.Left.Span.Contains(id.Span):
                    case ArgumentSyntax { RefKindKeyword.RawKind: not 0 } when child is ExpressionSyntax:
                    case PrefixUnaryExpressionSyntax u when u.IsKind(SyntaxKind.PreIncrementExpression) || u.IsKind(SyntaxKind.PreDecrementExpression):
                    case PostfixUnaryExpressionSyntax:
                    case RefExpressionSyntax:
                        return true;
                }
                if (p is not (ExpressionSyntax or ArgumentSyntax or ArgumentListSyntax))
                {
                    break;
                }
            }
        }
        return false;
    }

    [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
    internal static IOperation Arg(ImmutableArray<IArgumentOperation> arguments, int ordinal)
    {
        foreach (IArgumentOperation a in arguments)
        {
            if (a.Parameter?.Ordinal == ordinal)
            {
                return a.Value;
            }
        }
        return arguments[ordinal].Value;
    }

    [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
    internal static IArgumentOperation? ArgNamed(ImmutableArray<IArgumentOperation> arguments, string parameterName)
    {
        foreach (IArgumentOperation a in arguments)
        {
            if (a.Parameter?.Name == parameterName)
            {
                return a;
            }
        }
        return null;
    }

    /// <summary>Runs a core factory; the core's argument checks (exceptions) mean "not a value".</summary>
    internal static bool Guard<T>(Func<T> create, out T value)
    {
        try
        {
            value = create();
            return true;
        }
        catch (Exception e) when (IsValueError(e))
        {
            value = default!;
            return false;
        }
    }

    /// <summary>The exceptions of the core's argument checks: the value is refused, "not a value".</summary>
    internal static bool IsValueError(Exception e) => e is ArgumentException or InvalidOperationException or OverflowException or FormatException;

    [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
    private static bool TryConvert(object? constant, out decimal value)
    {
        value = 0m;
        try
        {
            switch (constant)
            {
                case int i: value = i; return true;
                case long l: value = l; return true;
                case decimal m: value = m; return true;
                case short s: value = s; return true;
                case byte b: value = b; return true;
                case sbyte sb: value = sb; return true;
                case ushort us: value = us; return true;
                case uint ui: value = ui; return true;
                case ulong ul: value = ul; return true;
                case double d when !double.IsNaN(d) && !double.IsInfinity(d): value = (decimal)d; return true;
                case float f when !float.IsNaN(f) && !float.IsInfinity(f): value = (decimal)f; return true;
                default: return false;
            }
        }
        catch (OverflowException)
        {
            return false;
        }
    }

    internal static string Display(SyntaxNode node)
    {
        string text = node.ToString();
        var sb = new System.Text.StringBuilder(Math.Min(text.Length, 80));
        bool space = false;
        foreach (char c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = sb.Length > 0;
                continue;
            }
            if (space)
            {
                sb.Append(' ');
                space = false;
            }
            sb.Append(c);
            if (sb.Length >= 80)
            {
                sb.Append('…');
                break;
            }
        }
        return sb.ToString();
    }

    internal static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>
/// The members of an enum, read once per enum type, in short arrays (an enum has a handful of members; a dictionary per
/// enum type would be generic code over the enum that the compiler's process must JIT for each of them).
/// </summary>
/// <typeparam name="T">The enum type.</typeparam>
internal static class EnumMembers<T>
    where T : struct, Enum
{
    /// <summary>The members' names, in the order of <see cref="Values"/>.</summary>
    internal static readonly string[] Names = Enum.GetNames(typeof(T));

    /// <summary>The members' values, in the order of <see cref="Names"/> (the core's <see cref="DigitalKpi.Utility.EnumValues{T}"/>).</summary>
    internal static readonly T[] Values = DigitalKpi.Utility.EnumValues<T>.All;

    /// <summary>The members' values as numbers, in the order of <see cref="Values"/>.</summary>
    internal static readonly int[] Numbers = Array.ConvertAll(Values, v => Convert.ToInt32(v, CultureInfo.InvariantCulture));

    /// <summary>The enum's simple name.</summary>
    internal static readonly string Name = typeof(T).Name;

    /// <summary>The last part of the enum's namespace (what <c>INamespaceSymbol.Name</c> gives).</summary>
    internal static readonly string NamespaceName = typeof(T).Namespace is { } ns ? ns.Substring(ns.LastIndexOf('.') + 1) : string.Empty;

    /// <summary>The member with this number, if the enum defines one.</summary>
    internal static bool TryGet(int number, out T value)
    {
        int index = Array.IndexOf(Numbers, number);
        value = index >= 0 ? Values[index] : default;
        return index >= 0;
    }

    /// <summary>The member with this name (ordinal), if the enum defines one.</summary>
    internal static bool TryGet(string name, out T value)
    {
        int index = Array.IndexOf(Names, name);
        value = index >= 0 ? Values[index] : default;
        return index >= 0;
    }
}
