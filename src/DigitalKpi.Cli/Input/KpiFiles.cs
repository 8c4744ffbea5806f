using System.Collections.Immutable;
using DigitalKpi.Cli.Localization;
using DigitalKpi.Rules;

namespace DigitalKpi.Cli.Input;

/// <summary>A file read into the model: a catalog or a measurement set, with the findings of the reader.</summary>
/// <param name="File">The file name as given on the command line.</param>
/// <param name="Catalog">The catalog, when the file is one.</param>
/// <param name="Measurements">The measurement set, when the file is one.</param>
/// <param name="ReaderDiagnostics">Findings of the reader itself, already located in the file.</param>
/// <param name="Locator">Maps a JSON path of the document (<c>$.targets[2].value</c>) to its line and column, or null.</param>
internal sealed record LoadedDocument(
    string File,
    Catalog? Catalog,
    MeasurementSet? Measurements,
    ImmutableArray<KpiDiagnostic> ReaderDiagnostics,
    Func<string, (int Line, int Column)?>? Locator)
{
    /// <summary>Places a diagnostic found by the validator (located by JSON path only) in this file.</summary>
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

/// <summary>A JSON Schema file the tool can write.</summary>
/// <param name="FileName">File name, e.g. <c>catalog.schema.json</c>.</param>
/// <param name="Content">The schema text.</param>
internal sealed record SchemaFile(string FileName, string Content);

/// <summary>
/// The one adapter between the tool and the JSON format (namespace <c>DigitalKpi.Json</c>, built on another branch).
/// Everything the commands need from JSON goes through these two members, so that wiring in the reader is local.
/// </summary>
internal static class KpiFiles
{
    /// <summary>Whether this build can read JSON catalogs and measurement sets.</summary>
    internal static bool JsonAvailable => false;

    /// <summary>Reads a catalog or measurement-set file.</summary>
    /// <param name="path">The path as given by the user.</param>
    /// <param name="text">Messages in the output language.</param>
    /// <returns>The document.</returns>
    /// <exception cref="CliException">The file is missing, unreadable, not JSON, or not a catalog or measurement set.</exception>
    internal static LoadedDocument Read(string path, Strings text)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(text);
        string content = ReadText(path, text);
        _ = content;

        // Pending the DigitalKpi.Json merge: KpiJson.ReadCatalog / ReadMeasurements, KpiJsonException → CliException.
        throw new CliException(
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

    /// <summary>Reads a whole text file, turning I/O failures into <see cref="CliException"/>.</summary>
    internal static string ReadText(string path, Strings text)
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
            return System.IO.File.ReadAllText(path);
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
