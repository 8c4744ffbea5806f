using System.Collections.Immutable;
using DigitalKpi.Cli.Infrastructure;
using DigitalKpi.Cli.Input;
using DigitalKpi.Cli.Localization;
using DigitalKpi.Cli.Reporting;
using DigitalKpi.Rules;

namespace DigitalKpi.Cli.Commands;

/// <summary>Input documents (read from files, or the built-in data) and their consistency findings.</summary>
internal sealed class InputSet
{
    private InputSet(IReadOnlyList<LoadedDocument> documents, IReadOnlyList<UnreadableFile> unreadable, bool builtIn)
    {
        Documents = documents;
        Unreadable = unreadable;
        BuiltIn = builtIn;
    }

    internal IReadOnlyList<LoadedDocument> Documents { get; }

    internal IReadOnlyList<UnreadableFile> Unreadable { get; }

    internal bool BuiltIn { get; }

    internal IReadOnlyList<Catalog> Catalogs => Documents.Where(d => d.Catalog is not null).Select(d => d.Catalog!).ToList();

    internal IReadOnlyList<MeasurementSet> MeasurementSets => Documents.Where(d => d.Measurements is not null).Select(d => d.Measurements!).ToList();

    /// <summary>
    /// Reads files: first every file as a catalog, then the others as measurement sets checked against those catalogs.
    /// An unreadable file is recorded (not thrown) so that the others are still checked. Documents keep the order of
    /// the files.
    /// </summary>
    /// <param name="files">Paths as given.</param>
    /// <param name="text">Messages.</param>
    /// <param name="progress">Progress.</param>
    /// <param name="reader">The reader; <see cref="KpiFiles.Json"/> unless a test supplies another.</param>
    internal static InputSet Read(IReadOnlyList<string> files, Strings text, ProgressReporter progress, IDocumentReader? reader = null)
    {
        reader ??= KpiFiles.Json;
        ValidationOptions rules = BuiltInData.Rules;
        var docs = new LoadedDocument?[files.Count];
        var bad = new List<(int Index, UnreadableFile File)>();
        var deferred = new List<int>();
        int done = 0;
        for (int i = 0; i < files.Count; i++)
        {
            try
            {
                LoadedDocument? doc = reader.ReadCatalog(files[i], rules, text);
                if (doc is null)
                {
                    deferred.Add(i);
                    continue;
                }
                docs[i] = doc;
            }
            catch (CliException e)
            {
                bad.Add((i, new UnreadableFile(e.File ?? files[i], e.Line, e.Column, e.Message)));
            }
            progress.Report(text.ProgressReading, ++done, files.Count);
        }
        // Measurement sets are checked against the catalogs given and the built-in ones they do not replace.
        var given = docs.Where(d => d?.Catalog is not null).Select(d => d!.Catalog!).ToList();
        var catalogs = given.Concat(BuiltInData.CatalogsExcept(given)).ToList();
        foreach (int i in deferred)
        {
            try
            {
                docs[i] = reader.ReadMeasurements(files[i], catalogs, rules, text);
            }
            catch (CliException e)
            {
                bad.Add((i, new UnreadableFile(e.File ?? files[i], e.Line, e.Column, e.Message)));
            }
            progress.Report(text.ProgressReading, ++done, files.Count);
        }
        return new InputSet(
            docs.Where(d => d is not null).Select(d => d!).ToList(),
            bad.OrderBy(b => b.Index).Select(b => b.File).ToList(),
            builtIn: false);
    }

    /// <summary>The built-in catalogs and results, with the findings the library's reader located in them.</summary>
    internal static InputSet FromBuiltIn() => new(BuiltInData.Documents(), Array.Empty<UnreadableFile>(), builtIn: true);

    /// <summary>Total size of the input files in bytes (0 for the built-in data).</summary>
    internal static long TotalBytes(IEnumerable<string> files)
    {
        long total = 0;
        foreach (string f in files)
        {
            try
            {
                var info = new FileInfo(f);
                if (info.Exists)
                {
                    total += info.Length;
                }
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
            catch (ArgumentException)
            {
            }
        }
        return total;
    }

    /// <summary>
    /// The consistency findings: those the reader found (it runs the rules on JSON files, with file positions), and for
    /// documents it did not check (the built-in data) the rules run here, every catalog with the others and the built-in
    /// ones as reference catalogs, every measurement set against the catalogs given. De-duplicated, in file order, then
    /// by line and column.
    /// </summary>
    internal ImmutableArray<KpiDiagnostic> Validate(Strings text, ProgressReporter progress)
    {
        IReadOnlyList<Catalog> catalogs = Catalogs;
        var ids = new HashSet<string>(catalogs.Select(c => c.Id), StringComparer.Ordinal);
        IEnumerable<Catalog> builtIn = BuiltIn ? Array.Empty<Catalog>() : BuiltInData.CatalogsExcept(catalogs);
        ValidationOptions options = ValidationOptions.Default.WithReferenceCatalogs(catalogs.Concat(builtIn));

        var found = new List<(int Order, KpiDiagnostic Diagnostic)>();
        for (int i = 0; i < Documents.Count; i++)
        {
            LoadedDocument doc = Documents[i];
            foreach (KpiDiagnostic d in doc.Diagnostics)
            {
                found.Add((i, doc.Locate(d)));
            }
            if (!doc.RulesChecked)
            {
                ImmutableArray<KpiDiagnostic> rules = doc.Catalog is { } c
                    ? CatalogValidator.Validate(c, options)
                    : doc.Measurements is { } m ? CatalogValidator.Validate(m, catalogs, options) : ImmutableArray<KpiDiagnostic>.Empty;
                foreach (KpiDiagnostic d in rules)
                {
                    found.Add((i, doc.Locate(d)));
                }
            }
            progress.Report(text.ProgressChecking, i + 1, Documents.Count);
        }
        var seen = new HashSet<KpiDiagnostic>();
        return found
            .Where(x => seen.Add(x.Diagnostic))
            .OrderBy(x => x.Order)
            .ThenBy(x => x.Diagnostic.Location.Line ?? int.MaxValue)
            .ThenBy(x => x.Diagnostic.Location.Column ?? int.MaxValue)
            .Select(x => x.Diagnostic)
            .ToImmutableArray();
    }
}
