using System.Collections.Immutable;
using DigitalKpi.Cli.Localization;
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
/// The one adapter between the tool and the JSON format (namespace <c>DigitalKpi.Json</c>, built on another branch).
/// Everything the commands need from JSON goes through <see cref="Json"/> and <see cref="Schemas"/>, so that wiring in
/// the reader is local to this class.
/// </summary>
internal static class KpiFiles
{
    /// <summary>Whether this build can read JSON catalogs and measurement sets.</summary>
    internal static bool JsonAvailable => false;

    /// <summary>The JSON reader.</summary>
    internal static IDocumentReader Json { get; } = new JsonReader();

    private sealed class JsonReader : IDocumentReader
    {
        public LoadedDocument? ReadCatalog(string path, ValidationOptions rules, Strings text)
        {
            _ = ReadBytes(path, text);

            // Pending the DigitalKpi.Json merge: KpiJson.ReadCatalog (KpiJsonException: WrongDocumentKind → null, other → CliException).
            throw NotWiredIn(path, text);
        }

        public LoadedDocument ReadMeasurements(string path, IReadOnlyList<Catalog> catalogs, ValidationOptions rules, Strings text)
        {
            _ = ReadBytes(path, text);

            // Pending the DigitalKpi.Json merge: KpiJson.ReadMeasurementSet(bytes, catalogs, options) (KpiJsonException → CliException).
            throw NotWiredIn(path, text);
        }

        private static CliException NotWiredIn(string path, Strings text) => new(
            text.Language == UiLanguage.Vi
                ? "bản dkpi này chưa đọc được tệp JSON (bộ đọc JSON chưa được tích hợp)"
                : "this build of dkpi cannot read JSON files yet (the JSON reader is not wired in)",
            path);
    }

    /// <summary>The JSON Schemas of catalog and measurement-set files.</summary>
    /// <exception cref="CliException">The schemas are not available in this build.</exception>
    internal static IReadOnlyList<SchemaFile> Schemas(Strings text)
    {
        ArgumentNullException.ThrowIfNull(text);

        // Pending the DigitalKpi.Json merge: the schema texts from docs/schema/ (via the library).
        throw new CliException(text.Language == UiLanguage.Vi
            ? "bản dkpi này chưa có JSON Schema (bộ đọc JSON chưa được tích hợp)"
            : "this build of dkpi has no JSON Schemas yet (the JSON reader is not wired in)");
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
