using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using DigitalKpi.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace DigitalKpi.CodeFixes;

/// <summary>
/// Fixes whose intent is clear: swap the bounds of an inverted band (DKPI002), drop the minus of a negative tolerance
/// literal (DKPI002), and flip a comparator that contradicts the indicator's direction (DKPI003: at most ↔ at least,
/// below ↔ above). The analyzer says in the diagnostic's properties which fix applies, so nothing is re-analysed here.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(KpiCodeFixProvider))]
[Shared]
public sealed class KpiCodeFixProvider : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("DKPI002", "DKPI003");

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }
        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(Mapper.FixKey, out string? fix))
            {
                continue;
            }
            switch (fix)
            {
                case Mapper.SwapBand when diagnostic.AdditionalLocations.Count == 2
                    && Find(root, diagnostic.AdditionalLocations[0]) is ExpressionSyntax lower
                    && Find(root, diagnostic.AdditionalLocations[1]) is ExpressionSyntax upper:
                    context.RegisterCodeFix(
                        CodeAction.Create("Swap the band's bounds", ct => Replace(context.Document, root, lower, upper, ct), "DKPI002.SwapBand"),
                        diagnostic);
                    break;
                case Mapper.NegateTolerance when Find(root, diagnostic.Location) is PrefixUnaryExpressionSyntax unary:
                    context.RegisterCodeFix(
                        CodeAction.Create("Make the tolerance positive", ct => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(unary, unary.Operand.WithTriviaFrom(unary)))), "DKPI002.NegateTolerance"),
                        diagnostic);
                    break;
                case Mapper.ReplaceComparator when diagnostic.Properties.TryGetValue(Mapper.ReplacementKey, out string? replacement) && replacement is not null
                    && NameToReplace(Find(root, diagnostic.Location)) is { } name:
                    context.RegisterCodeFix(
                        CodeAction.Create(
                            "Use " + replacement,
                            ct => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(name, name.WithIdentifier(SyntaxFactory.Identifier(replacement).WithTriviaFrom(name.Identifier))))),
                            "DKPI003.ReplaceComparator." + replacement),
                        diagnostic);
                    break;
            }
        }
    }

    private static SyntaxNode? Find(SyntaxNode root, Location location)
    {
        if (!location.IsInSource || location.SourceTree != root.SyntaxTree)
        {
            return null;
        }
        TextSpan span = location.SourceSpan;
        return span.End <= root.FullSpan.End ? root.FindNode(span, getInnermostNodeForTie: true) : null;
    }

    /// <summary>The method name of <c>.AtMost(…)</c> or the member name of <c>Comparator.AtMost</c>.</summary>
    private static IdentifierNameSyntax? NameToReplace(SyntaxNode? node) => node switch
    {
        IdentifierNameSyntax identifier => identifier,
        MemberAccessExpressionSyntax { Name: IdentifierNameSyntax identifier } => identifier,
        _ => null,
    };

    private static Task<Document> Replace(Document document, SyntaxNode root, ExpressionSyntax lower, ExpressionSyntax upper, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        SyntaxNode newRoot = root.ReplaceNodes(
            new[] { lower, upper },
            (original, _) => original == lower ? upper.WithTriviaFrom(lower) : lower.WithTriviaFrom(upper));
        return Task.FromResult(document.WithSyntaxRoot(newRoot));
    }
}
