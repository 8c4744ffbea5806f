using System.Collections.Immutable;
using DigitalKpi.Cli.Localization;
using DigitalKpi.Json;
using DigitalKpi.Rules;

namespace DigitalKpi.Cli.Input;

/// <summary>A file read into the model: a catalog or a measurement set, with its consistency findings.</summary>
/// <param name="File">The file name as given on the command line.</param>
/// <param name="Catalog">The catalog, when the file is one.</param>
/// <param name="Measurements">The measurement set, when the file is one.</param>
/// <param name="Diagnostics">Findings of the reader, located in the file.</param>
/// <param name="RulesChecked">
/// Whether <paramref name="Diagnostics"/> already include the consistency rules (the JSON reader runs them and places
/// each finding at its line and column); when false the tool runs the rules itself.
/// </param>
/// <param name="Locator">Maps a JSON path (<c>$.targets[2].value</c>) to a line and column, or null.</param>
internal sealed record LoadedDocument(
    string File,
    Catalog? Catalog,
    MeasurementSet? Measurements,
    ImmutableArray<KpiDiagnostic> Diagnostics,
    bool RulesChecked,
    Func<string, (int Line, int Column)?>? Locator = null)
{
    /// <summary>Places a diagnostic located by JSON path only in this file (with a line and column when known).</summary>
    internal KpiDiagnostic Locate(KpiDiagnostic diagnostic)
    {
        KpiLocation loc = diagnostic.Location;
        if (loc.File is not null)
        {
            return diagnostic;
        }
        (int Line, int Column)? pos = Locator?.Invoke(loc.Path);
        return diagnostic.WithLocation(loc.WithPosition(File, pos?.Line, pos?.Column));
    }
}

/// <summary>Reads catalog and measurement-set files. <see cref="KpiFiles.Json"/> in the tool; a stand-in in tests.</summary>
internal interface IDocumentReader
{
    /// <summary>Reads a file as a catalog.</summary>
    /// <param name="path">The path as given.</param>
    /// <param name="rules">Rule options (reference catalogs for targets that refine national ones).</param>
    /// <param name="text">Messages.</param>
    /// <returns>The document, or null when the file holds another kind of document (then it is read as a measurement set).</returns>
    /// <exception cref="CliException">The file cannot be read.</exception>
    LoadedDocument? ReadCatalog(string path, ValidationOptions rules, Strings text);

    /// <summary>Reads a file as a measurement set, checked against the catalogs read.</summary>
    /// <exception cref="CliException">The file cannot be read, or is neither a catalog nor a measurement set.</exception>
    LoadedDocument ReadMeasurements(string path, IReadOnlyList<Catalog> catalogs, ValidationOptions rules, Strings text);
}

/// <summary>A JSON Schema file the tool can write.</summary>
/// <param name="FileName">File name, e.g. <c>catalog.schema.json</c>.</param>
/// <param name="Content">The schema text.</param>
internal sealed record SchemaFile(string FileName, string Content);

/// <summary>
/// The one adapter between the tool and the JSON format (<see cref="KpiJson"/>): reading catalogs and measurement sets
/// with their located findings, and the JSON Schemas.
/// </summary>
internal static class KpiFiles
{
    /// <summary>The JSON reader.</summary>
    internal static IDocumentReader Json { get; } = new JsonReader();

    /// <summary>The JSON Schemas of catalog and measurement-set files, as embedded in the library.</summary>
    internal static IReadOnlyList<SchemaFile> Schemas() => new[]
    {
        new SchemaFile("catalog.schema.json", KpiJson.GetSchema(KpiDocumentKind.Catalog)),
        new SchemaFile("measurements.schema.json", KpiJson.GetSchema(KpiDocumentKind.Measurements)),
    };

    private sealed class JsonReader : IDocumentReader
    {
        public LoadedDocument? ReadCatalog(string path, ValidationOptions rules, Strings text)
        {
            byte[] bytes = ReadBytes(path, text);
            try
            {
                KpiDocument<Catalog> doc = KpiJson.ReadCatalog(bytes, new KpiJsonReadOptions { SourceName = path, Validation = rules });
                return new LoadedDocument(path, doc.Model, null, doc.Diagnostics, RulesChecked: true);
            }
            catch (KpiJsonException e) when (e.ErrorKind == KpiJsonErrorKind.WrongDocumentKind)
            {
                return null; // read as a measurement set once the catalogs are known
            }
            catch (KpiJsonException e)
            {
                throw Unreadable(path, e);
            }
        }

        public LoadedDocument ReadMeasurements(string path, IReadOnlyList<Catalog> catalogs, ValidationOptions rules, Strings text)
        {
            byte[] bytes = ReadBytes(path, text);
            try
            {
                KpiDocument<MeasurementSet> doc = KpiJson.ReadMeasurementSet(bytes, catalogs, new KpiJsonReadOptions { SourceName = path, Validation = rules });
                return new LoadedDocument(path, null, doc.Model, doc.Diagnostics, RulesChecked: true);
            }
            catch (KpiJsonException e) when (e.ErrorKind == KpiJsonErrorKind.WrongDocumentKind)
            {
                throw new CliException(text.NotAKpiDocument(e.Reason), path, e.LineNumber, e.Column, e);
            }
            catch (KpiJsonException e)
            {
                throw Unreadable(path, e);
            }
        }

        private static CliException Unreadable(string path, KpiJsonException e)
            => new(e.Path == "$" ? e.Reason : e.Path + ": " + e.Reason, path, e.LineNumber, e.Column, e);
    }

    /// <summary>Reads a whole file, turning I/O failures into <see cref="CliException"/>.</summary>
    internal static byte[] ReadBytes(string path, Strings text)
    {
        try
        {
            if (Directory.Exists(path))
            {
                throw new CliException(text.CannotRead(text.Language == UiLanguage.Vi ? "đây là thư mục" : "it is a directory"), path);
            }
            if (!System.IO.File.Exists(path))
            {
                throw new CliException(text.FileNotFound, path);
            }
            return System.IO.File.ReadAllBytes(path);
        }
        catch (IOException e)
        {
            throw new CliException(text.CannotRead(e.Message), path, inner: e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new CliException(text.CannotRead(e.Message), path, inner: e);
        }
    }
}
