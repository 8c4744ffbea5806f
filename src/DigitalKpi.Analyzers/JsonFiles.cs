using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text;
using System.Threading;
using DigitalKpi.Json;
using DigitalKpi.Json.Internal;
using DigitalKpi.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace DigitalKpi.Analyzers;

/// <summary>
/// Catalogs and measurement sets kept as JSON and given to the compiler as <c>AdditionalFiles</c> whose name ends with
/// <c>.kpi.json</c>: each is read with the core's reader (<see cref="KpiJson"/>), and its findings are reported with the
/// same descriptors as the C# definitions, on the span of the offending value in the file. A file that cannot be read
/// gets DKPI000 at the offending token. National catalogs among the files (issuer <c>VN</c>) are the reference catalogs
/// of the others (DKPI011); the catalogs define the indicators the measurement sets are checked against.
/// </summary>
/// <remarks>
/// All files of a compilation are read once, on the first file's action (the references need them all); each file's
/// action then reports that file's diagnostics.
/// </remarks>
internal sealed class JsonFiles
{
    /// <summary>The file name ending that marks a DigitalKpi document among the additional files (case-insensitive).</summary>
    internal const string Suffix = ".kpi.json";

    private const string NationalIssuer = "VN";

    private readonly ImmutableArray<AdditionalText> files;
    private readonly object gate = new();
    private Dictionary<AdditionalText, List<Diagnostic>>? read;

    private JsonFiles(ImmutableArray<AdditionalText> files) => this.files = files;

    internal static bool IsKpiJson(AdditionalText file) => file.Path.EndsWith(Suffix, StringComparison.OrdinalIgnoreCase);

    /// <summary>The DigitalKpi documents among the additional files, or null when there are none.</summary>
    internal static JsonFiles? Create(ImmutableArray<AdditionalText> additionalFiles)
    {
        ImmutableArray<AdditionalText>.Builder found = ImmutableArray.CreateBuilder<AdditionalText>();
        foreach (AdditionalText file in additionalFiles)
        {
            if (IsKpiJson(file))
            {
                found.Add(file);
            }
        }
        return found.Count == 0 ? null : new JsonFiles(found.ToImmutable());
    }

    internal void AnalyzeFile(AdditionalFileAnalysisContext context)
    {
        try
        {
            if (!IsKpiJson(context.AdditionalFile))
            {
                return;
            }
            // By instance, or by path when the host hands the action another instance of the same file.
            Dictionary<AdditionalText, List<Diagnostic>> results = Results(context.CancellationToken);
            List<Diagnostic>? diagnostics = null;
            if (!results.TryGetValue(context.AdditionalFile, out diagnostics))
            {
                foreach (KeyValuePair<AdditionalText, List<Diagnostic>> entry in results)
                {
                    if (string.Equals(entry.Key.Path, context.AdditionalFile.Path, StringComparison.Ordinal))
                    {
                        diagnostics = entry.Value;
                        break;
                    }
                }
            }
            if (diagnostics is not null)
            {
                foreach (Diagnostic d in diagnostics)
                {
                    context.ReportDiagnostic(d);
                }
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            AnalyzerFailures.Record(e);
        }
    }

    private Dictionary<AdditionalText, List<Diagnostic>> Results(CancellationToken cancellationToken)
    {
        lock (gate)
        {
            // Not cached when cancelled: the next action reads the files again.
            return read ??= ReadAll(cancellationToken);
        }
    }

    private Dictionary<AdditionalText, List<Diagnostic>> ReadAll(CancellationToken cancellationToken)
    {
        var documents = new List<JsonFile>(files.Length);
        var catalogs = new List<JsonFile>();
        var measurementSets = new List<JsonFile>();
        foreach (AdditionalText file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var document = new JsonFile(file, file.GetText(cancellationToken));
            documents.Add(document);
            if (document.Text is null)
            {
                document.Unreadable("$", "the file cannot be read.", null, null, atName: false);
                continue;
            }
            document.Read(d =>
            {
                try
                {
                    KpiDocument<Catalog> read = KpiJson.ReadCatalog(d.Json, d.ReadOptions(null));
                    d.Catalog = read.Model;
                    d.Findings = read.Diagnostics;
                    catalogs.Add(d);
                }
                catch (KpiJsonException e) when (e.ErrorKind == KpiJsonErrorKind.WrongDocumentKind)
                {
                    // Perhaps a measurement set: read once the catalogs are known. Kept for a kind that is neither.
                    d.NotACatalog = e;
                    measurementSets.Add(d);
                }
            });
        }

        // National catalogs are the references of the others (and of each other); read again only when there are some.
        var nationals = new List<Catalog>();
        foreach (JsonFile d in catalogs)
        {
            if (string.Equals(d.Catalog!.Issuer, NationalIssuer, StringComparison.Ordinal))
            {
                nationals.Add(d.Catalog);
            }
        }
        foreach (JsonFile d in catalogs)
        {
            cancellationToken.ThrowIfCancellationRequested();
            List<Catalog> references = nationals.FindAll(n => !ReferenceEquals(n, d.Catalog));
            if (references.Count > 0)
            {
                d.Read(x => x.Findings = KpiJson.ReadCatalog(x.Json, x.ReadOptions(ValidationOptions.Default.WithReferenceCatalogs(references))).Diagnostics);
            }
        }
        var definitions = new List<Catalog>(catalogs.Count);
        foreach (JsonFile d in catalogs)
        {
            definitions.Add(d.Catalog!);
        }
        foreach (JsonFile d in measurementSets)
        {
            cancellationToken.ThrowIfCancellationRequested();
            d.Read(x =>
            {
                try
                {
                    x.Findings = KpiJson.ReadMeasurementSet(x.Json, definitions.Count > 0 ? definitions : null, x.ReadOptions(null)).Diagnostics;
                }
                catch (KpiJsonException e) when (e.ErrorKind == KpiJsonErrorKind.WrongDocumentKind)
                {
                    // Neither kind: say what a catalog reader expected.
                    throw x.NotACatalog!;
                }
            });
        }

        var map = new Dictionary<AdditionalText, List<Diagnostic>>();
        foreach (JsonFile d in documents)
        {
            cancellationToken.ThrowIfCancellationRequested();
            map[d.File] = d.ToDiagnostics();
        }
        return map;
    }

    /// <summary>
    /// Whether the analyzer reports a finding of the JSON reader. Not reported, as for C# definitions: a <c>refines</c>
    /// id no reference catalog defines (the national programs may be given at run time, e.g. <c>BuiltInCatalogs</c>), and
    /// a measurement's unknown indicator (it may be defined in C# or at run time).
    /// </summary>
    private static bool IsReported(KpiDiagnostic d)
        => d.Template != KpiRules.Messages.UnknownNationalTarget
        && !(d.Template == KpiRules.Messages.UnknownIndicator && d.Location.Path.StartsWith("$.measurements", StringComparison.Ordinal));

    /// <summary>One JSON file: its text, what was read from it, and its findings or the reason it could not be read.</summary>
    private sealed class JsonFile
    {
        private int[]? lineStarts;
        private byte[]? utf8;

        internal JsonFile(AdditionalText file, SourceText? text)
        {
            File = file;
            Text = text;
            Json = text?.ToString() ?? string.Empty;
        }

        internal AdditionalText File { get; }

        internal SourceText? Text { get; }

        internal string Json { get; }

        internal Catalog? Catalog { get; set; }

        internal KpiJsonException? NotACatalog { get; set; }

        internal ImmutableArray<KpiDiagnostic> Findings { get; set; } = ImmutableArray<KpiDiagnostic>.Empty;

        /// <summary>Why the file cannot be read: path, reason, 1-based line and column (or null), and whether a member's name is at fault rather than its value.</summary>
        internal (string Path, string Reason, int? Line, int? Column, bool AtName)? Failure { get; private set; }

        internal KpiJsonReadOptions ReadOptions(ValidationOptions? validation) => new() { SourceName = File.Path, Validation = validation };

        internal void Unreadable(string path, string reason, int? line, int? column, bool atName) => Failure ??= (path, reason, line, column, atName);

        /// <summary>Runs a read; an unreadable document becomes DKPI000, and a failure of the reader itself is recorded and reported likewise.</summary>
        internal void Read(Action<JsonFile> read)
        {
            if (Failure is not null)
            {
                return;
            }
            try
            {
                read(this);
            }
            catch (KpiJsonException e)
            {
                Unreadable(e.Path, e.Reason, e.LineNumber, e.Column, atName: e.ErrorKind is KpiJsonErrorKind.UnknownMember or KpiJsonErrorKind.DuplicateMember);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                AnalyzerFailures.Record(e);
                Unreadable("$", "the reader failed (" + e.GetType().Name + ": " + e.Message + ").", null, null, atName: false);
            }
        }

        internal List<Diagnostic> ToDiagnostics()
        {
            var list = new List<Diagnostic>();
            if (Failure is { } failure)
            {
                string[] arguments = { failure.Path, failure.Reason };
                list.Add(Diagnostic.Create(KpiDescriptors.DKPI000, Locate(failure.Line, failure.Column, failure.AtName), new LocalizedMessage(KpiDescriptors.UnreadableDocument, arguments, arguments)));
                return list;
            }
            var none = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (KpiDiagnostic d in Findings)
            {
                if (IsReported(d) && Mapper.Create(d, Locate(d.Location.Line, d.Location.Column), null, none, LocatePath) is { } diagnostic)
                {
                    list.Add(diagnostic);
                }
            }
            return list;
        }

        /// <summary>Where another element named in a message is (e.g. the first of two duplicates), or null.</summary>
        private Location? LocatePath(string path)
        {
            utf8 ??= Encoding.UTF8.GetBytes(Json.Length > 0 && Json[0] == '\uFEFF' ? Json.Substring(1) : Json);
            long offset = JsonPositions.Find(utf8, path, utf8.Length, KpiJsonReadOptions.DefaultMaxDepth);
            if (offset < 0)
            {
                return null;
            }
            TextPosition position = JsonPositions.At(utf8, offset);
            return Locate(position.Line, position.Column);
        }

        /// <summary>
        /// The location of the token at a 1-based line and column as the reader counts them (lines end at LF; columns count
        /// Unicode characters): for a member name, the member's value when it is a string, number, true, false or null
        /// (unless <paramref name="atName"/>), else the name; otherwise the token there. The start of the file when the
        /// position is not known.
        /// </summary>
        internal Location Locate(int? line, int? column, bool atName = false)
        {
            TextSpan span = default;
            if (Text is not null && line is { } l && column is { } c && Offset(l, c) is { } start)
            {
                span = JsonText.TokenSpan(Json, start, atName);
            }
            LinePositionSpan lines = Text is null ? default : Text.Lines.GetLinePositionSpan(span);
            return Location.Create(File.Path, span, lines);
        }

        private int? Offset(int line, int column)
        {
            lineStarts ??= JsonText.LineStarts(Json);
            if (line < 1 || line > lineStarts.Length || column < 1)
            {
                return null;
            }
            int i = lineStarts[line - 1];
            for (int col = 1; col < column && i < Json.Length && Json[i] != '\n'; col++)
            {
                i += char.IsHighSurrogate(Json[i]) && i + 1 < Json.Length && char.IsLowSurrogate(Json[i + 1]) ? 2 : 1;
            }
            return i;
        }
    }
}

/// <summary>Small scans over JSON text, to turn the reader's line and column into the span of a token.</summary>
internal static class JsonText
{
    /// <summary>Where each line starts (lines end at LF, as the reader counts them; a leading byte order mark is not counted).</summary>
    internal static int[] LineStarts(string text)
    {
        var starts = new List<int> { text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0 };
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                starts.Add(i + 1);
            }
        }
        return starts.ToArray();
    }

    /// <summary>
    /// The span of the token starting at <paramref name="start"/>: a member name followed by a scalar value gives the
    /// value (unless <paramref name="name"/>); a member name followed by an object or array gives the name; a scalar
    /// gives itself; anything else one character (none at the end of the text).
    /// </summary>
    internal static TextSpan TokenSpan(string text, int start, bool name = false)
    {
        if (start >= text.Length)
        {
            return new TextSpan(text.Length, 0);
        }
        if (text[start] == '"')
        {
            int end = StringEnd(text, start);
            if (end < 0)
            {
                return new TextSpan(start, 1);
            }
            int colon = SkipWhitespace(text, end);
            if (!name && colon < text.Length && text[colon] == ':')
            {
                int value = SkipWhitespace(text, colon + 1);
                int valueEnd = ScalarEnd(text, value);
                return valueEnd > value ? TextSpan.FromBounds(value, valueEnd) : TextSpan.FromBounds(start, end);
            }
            return TextSpan.FromBounds(start, end);
        }
        int scalarEnd = ScalarEnd(text, start);
        return scalarEnd > start ? TextSpan.FromBounds(start, scalarEnd) : new TextSpan(start, char.IsHighSurrogate(text[start]) && start + 1 < text.Length ? 2 : 1);
    }

    private static int SkipWhitespace(string text, int i)
    {
        while (i < text.Length && text[i] is ' ' or '\t' or '\r' or '\n')
        {
            i++;
        }
        return i;
    }

    /// <summary>The end (exclusive) of the string token opening at <paramref name="start"/>, or -1 when it does not close on its line.</summary>
    private static int StringEnd(string text, int start)
    {
        for (int i = start + 1; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '\\':
                    i++;
                    break;
                case '"':
                    return i + 1;
                case '\n':
                    return -1;
            }
        }
        return -1;
    }

    /// <summary>The end (exclusive) of a string, number, true, false or null starting at <paramref name="start"/>; <paramref name="start"/> when there is none.</summary>
    private static int ScalarEnd(string text, int start)
    {
        if (start >= text.Length)
        {
            return start;
        }
        char c = text[start];
        if (c == '"')
        {
            int end = StringEnd(text, start);
            return end < 0 ? start : end;
        }
        if (c is '-' or (>= '0' and <= '9') or 't' or 'f' or 'n')
        {
            int i = start;
            while (i < text.Length && (text[i] is '-' or '+' or '.' or (>= '0' and <= '9') or (>= 'a' and <= 'z') or (>= 'A' and <= 'Z')))
            {
                i++;
            }
            return i;
        }
        return start;
    }
}
