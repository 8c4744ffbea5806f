using System.Collections.Immutable;
using System.Text;
using Basic.Reference.Assemblies;
using DigitalKpi.CodeFixes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace DigitalKpi.Analyzers.Tests;

/// <summary>
/// A small stand-in for Microsoft.CodeAnalysis.Testing (not on the package mirror): compiles sources with the .NET 8
/// reference assemblies, the netstandard2.0 DigitalKpi library and NodaTime, runs <see cref="KpiAnalyzer"/> through
/// <see cref="CompilationWithAnalyzers"/>, and compares the diagnostics with the markup.
/// Markup: <c>{|DKPI002:text|}</c> expects DKPI002 exactly on <c>text</c>; <c>[|text|]</c> expects the test's default ID.
/// </summary>
internal static class Harness
{
    internal const string Usings = "using DigitalKpi;\nusing DigitalKpi.Administration;\nusing NodaTime;\n";

    /// <summary>Indicators shared by the tests, in their own file (as a consumer would keep them).</summary>
    internal const string IndicatorsFile = Usings + """
        namespace Consumer;

        public static class Indicators
        {
            public static readonly Indicator Fibre = new("DS.FIBRE_HOUSEHOLDS", "Tỷ lệ hộ gia đình có cáp quang", Unit.Percent, Direction.HigherIsBetter, Pillar.DigitalSociety, TemporalNature.Snapshot,
                levels: [AdministrativeLevel.Province, AdministrativeLevel.District, AdministrativeLevel.Commune]);

            public static readonly Indicator GrdpShare = new("DE.GRDP_SHARE", "Tỷ trọng kinh tế số trong GRDP", Unit.ShareOf(EconomicAggregate.Grdp), Direction.HigherIsBetter, Pillar.DigitalEconomy, TemporalNature.Flow);

            public static Indicator DtiRank { get; } = new("DG.DTI_RANK", "Xếp hạng DTI", Unit.RankAmong(63), Direction.LowerIsBetter, Pillar.DigitalGovernment, TemporalNature.Snapshot);

            public static readonly Indicator Enterprises = new("DE.DIGITAL_ENTERPRISES", "Số doanh nghiệp số", Unit.Count, Direction.HigherIsBetter, Pillar.DigitalEconomy, TemporalNature.RunningTotal);
        }
        """;

    private static readonly Lazy<ImmutableArray<MetadataReference>> LazyReferences = new(() =>
    {
        string dir = Path.Combine(AppContext.BaseDirectory, "kpirefs");
        return Net80.References.All.Cast<MetadataReference>()
            .Append(MetadataReference.CreateFromFile(Path.Combine(dir, "DigitalKpi.dll")))
            .Append(MetadataReference.CreateFromFile(Path.Combine(dir, "NodaTime.dll")))
            .ToImmutableArray();
    });

    internal static ImmutableArray<MetadataReference> References => LazyReferences.Value;

    internal static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.CSharp12);

    internal static CSharpCompilationOptions CompilationOptions { get; } = new(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable);

    internal sealed record Expected(string Id, string Path, TextSpan Span, string Text);

    internal sealed record Source(string Path, string Text, ImmutableArray<Expected> Expected);

    /// <summary>Removes the markup and records the expected diagnostics.</summary>
    internal static Source Parse(string path, string markup, string? defaultId)
    {
        var text = new StringBuilder(markup.Length);
        var open = new Stack<(int Start, string? Id)>();
        var expected = ImmutableArray.CreateBuilder<(string Id, int Start, int End)>();
        for (int i = 0; i < markup.Length;)
        {
            if (markup[i] == '{' && i + 1 < markup.Length && markup[i + 1] == '|')
            {
                int colon = markup.IndexOf(':', i + 2);
                open.Push((text.Length, markup.Substring(i + 2, colon - i - 2)));
                i = colon + 1;
            }
            else if (markup[i] == '[' && i + 1 < markup.Length && markup[i + 1] == '|')
            {
                open.Push((text.Length, defaultId ?? throw new InvalidOperationException("[|…|] needs a default ID")));
                i += 2;
            }
            else if (markup[i] == '|' && i + 1 < markup.Length && (markup[i + 1] == '}' || markup[i + 1] == ']') && open.Count > 0)
            {
                (int start, string? id) = open.Pop();
                expected.Add((id!, start, text.Length));
                i += 2;
            }
            else
            {
                text.Append(markup[i]);
                i++;
            }
        }
        Assert.Empty(open);
        string source = text.ToString();
        return new Source(path, source, expected.Select(e => new Expected(e.Id, path, TextSpan.FromBounds(e.Start, e.End), source[e.Start..e.End])).ToImmutableArray());
    }

    internal static CSharpCompilation Compile(IEnumerable<(string Path, string Text)> files, bool requireNoErrors = true)
    {
        var trees = files.Select(f => CSharpSyntaxTree.ParseText(f.Text, ParseOptions, f.Path, Encoding.UTF8)).ToList();
        var compilation = CSharpCompilation.Create("Consumer", trees, References, CompilationOptions);
        if (requireNoErrors)
        {
            Diagnostic[] errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
            Assert.True(errors.Length == 0, "The test source does not compile:\n" + string.Join("\n", errors.Select(e => e.ToString())));
        }
        return compilation;
    }

    /// <summary>Runs the analyzer; fails on any analyzer exception (AD0001 or one recorded by the analyzer's own guard).</summary>
    internal static async Task<ImmutableArray<Diagnostic>> RunAsync(Compilation compilation, AnalyzerOptions? options = null)
    {
        var exceptions = new List<Exception>();
        var withAnalyzers = compilation.WithAnalyzers(
            ImmutableArray.Create<DiagnosticAnalyzer>(new KpiAnalyzer()),
            new CompilationWithAnalyzersOptions(
                options ?? new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                onAnalyzerException: (e, _, _) =>
                {
                    lock (exceptions)
                    {
                        exceptions.Add(e);
                    }
                },
                concurrentAnalysis: true,
                logAnalyzerExecutionTime: false));
        ImmutableArray<Diagnostic> diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync();
        Assert.True(exceptions.Count == 0, "Analyzer exceptions:\n" + string.Join("\n", exceptions));
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        Assert.True(AnalyzerFailures.Count == 0, "Analyzer failures:\n" + string.Join("\n", AnalyzerFailures.Snapshot().Select(e => e.ToString())));
        return diagnostics;
    }

    /// <summary>
    /// Checks that exactly the marked diagnostics are reported (ID, file and span) among the IDs the test is about (its
    /// default ID and the IDs in the markup). The indicators file is added unless given.
    /// </summary>
    internal static Task<ImmutableArray<Diagnostic>> VerifyAsync(string? defaultId, params (string Path, string Markup)[] files)
        => VerifyWithAdditionalFilesAsync(defaultId, files, []);

    /// <summary>
    /// Like <see cref="VerifyAsync(string?, ValueTuple{string, string}[])"/>, with additional files (given to the analyzer as
    /// <c>AdditionalFiles</c>, e.g. <c>plan.kpi.json</c>) whose markup is checked too. A diagnostic in an additional file
    /// must also carry the line span of its text span.
    /// </summary>
    internal static async Task<ImmutableArray<Diagnostic>> VerifyWithAdditionalFilesAsync(string? defaultId, (string Path, string Markup)[] files, (string Path, string Markup)[] additionalFiles)
    {
        Source[] sources = files.Select(f => Parse(f.Path, f.Markup.StartsWith("using ", StringComparison.Ordinal) ? f.Markup : Usings + f.Markup, defaultId)).ToArray();
        Source[] additional = additionalFiles.Select(f => Parse(f.Path, f.Markup, defaultId)).ToArray();
        var all = sources.Select(s => (s.Path, s.Text)).ToList();
        if (!all.Any(s => s.Path == "Indicators.cs"))
        {
            all.Add(("Indicators.cs", IndicatorsFile));
        }
        var texts = all.Concat(additional.Select(a => (a.Path, a.Text))).ToDictionary(f => f.Path, f => SourceText.From(f.Text, Encoding.UTF8));
        ImmutableArray<Diagnostic> diagnostics = await RunAsync(Compile(all), Options(additional.Select(a => (a.Path, a.Text)).ToArray()));
        Source[] marked = [.. sources, .. additional];
        string[] expected = marked.SelectMany(s => s.Expected).Select(e => Describe(e.Id, e.Path, e.Span, e.Text)).Order(StringComparer.Ordinal).ToArray();
        var ids = marked.SelectMany(s => s.Expected).Select(e => e.Id).Append(defaultId).ToHashSet();
        string[] actual = diagnostics
            .Where(d => ids.Contains(d.Id))
            .Select(d =>
            {
                string path = d.Location.GetLineSpan().Path;
                SourceText? text = texts.GetValueOrDefault(path);
                if (d.Location.Kind == LocationKind.ExternalFile && text is not null)
                {
                    Assert.Equal(text.Lines.GetLinePositionSpan(d.Location.SourceSpan), d.Location.GetLineSpan().Span);
                }
                return Describe(d.Id, path, d.Location.SourceSpan, text?.ToString(d.Location.SourceSpan) ?? "") + "  // " + d.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
            })
            .Order(StringComparer.Ordinal)
            .ToArray();
        Assert.True(
            expected.SequenceEqual(actual.Select(a => a[..a.IndexOf("  // ", StringComparison.Ordinal)])),
            "Expected:\n  " + string.Join("\n  ", expected) + "\nActual:\n  " + string.Join("\n  ", actual));
        return diagnostics;
    }

    /// <summary>Analyzer options carrying additional files.</summary>
    internal static AnalyzerOptions Options(params (string Path, string Text)[] additionalFiles)
        => new(additionalFiles.Select(f => (AdditionalText)new InMemoryAdditionalText(f.Path, f.Text)).ToImmutableArray());

    internal static Task<ImmutableArray<Diagnostic>> VerifyAsync(string? defaultId, string markup) => VerifyAsync(defaultId, ("Test.cs", markup));

    private static string Describe(string id, string path, TextSpan span, string text) => $"{id} {path}{span} `{text}`";

    /// <summary>Applies the one code fix offered for the first diagnostic with <paramref name="id"/> (an AdhocWorkspace stand-in for the testing library) and returns the new text of Test.cs.</summary>
    internal static async Task<string> ApplyFixAsync(string source, string id, int diagnosticIndex = 0)
    {
        using var workspace = new AdhocWorkspace();
        (Document document, Compilation compilation) = await CreateConsumerAsync(workspace, source);
        Diagnostic[] diagnostics = (await RunAsync(compilation)).Where(d => d.Id == id).OrderBy(d => d.Location.SourceSpan.Start).ToArray();
        Assert.True(diagnostics.Length > diagnosticIndex, $"no {id} to fix");
        var actions = new List<CodeAction>();
        var context = new CodeFixContext(document, diagnostics[diagnosticIndex], (action, _) => actions.Add(action), CancellationToken.None);
        await new KpiCodeFixProvider().RegisterCodeFixesAsync(context);
        CodeAction fix = Assert.Single(actions);
        ImmutableArray<CodeActionOperation> operations = await fix.GetOperationsAsync(CancellationToken.None);
        Solution changed = Assert.Single(operations.OfType<ApplyChangesOperation>()).ChangedSolution;
        string text = (await changed.GetDocument(document.Id)!.GetTextAsync()).ToString();
        return text[Usings.Length..];
    }

    /// <summary>A consumer project on an AdhocWorkspace holding Test.cs (the source) and Indicators.cs; returns Test.cs and the compilation.</summary>
    private static async Task<(Document Document, Compilation Compilation)> CreateConsumerAsync(AdhocWorkspace workspace, string source)
    {
        ProjectId projectId = ProjectId.CreateNewId();
        Solution solution = workspace.CurrentSolution.AddProject(ProjectInfo.Create(
            projectId, VersionStamp.Default, "Consumer", "Consumer", LanguageNames.CSharp,
            compilationOptions: CompilationOptions, parseOptions: ParseOptions, metadataReferences: References));
        DocumentId documentId = DocumentId.CreateNewId(projectId);
        solution = solution
            .AddDocument(documentId, "Test.cs", SourceText.From(Usings + source, Encoding.UTF8), filePath: "Test.cs")
            .AddDocument(DocumentId.CreateNewId(projectId), "Indicators.cs", SourceText.From(IndicatorsFile, Encoding.UTF8), filePath: "Indicators.cs");
        Document document = solution.GetDocument(documentId)!;
        return (document, (await document.Project.GetCompilationAsync())!);
    }

    /// <summary>The code fixes offered for every diagnostic with <paramref name="id"/> in a source.</summary>
    internal static async Task<int> CountFixesAsync(string source, string id)
    {
        using var workspace = new AdhocWorkspace();
        (Document document, Compilation compilation) = await CreateConsumerAsync(workspace, source);
        int count = 0;
        foreach (Diagnostic d in (await RunAsync(compilation)).Where(d => d.Id == id))
        {
            var context = new CodeFixContext(document, d, (_, _) => count++, CancellationToken.None);
            await new KpiCodeFixProvider().RegisterCodeFixesAsync(context);
        }
        return count;
    }
}

/// <summary>An additional file (an <c>AdditionalFiles</c> item) held in memory.</summary>
internal sealed class InMemoryAdditionalText(string path, string text) : AdditionalText
{
    private readonly SourceText sourceText = SourceText.From(text, Encoding.UTF8);

    public override string Path { get; } = path;

    public override SourceText GetText(CancellationToken cancellationToken = default) => sourceText;
}
