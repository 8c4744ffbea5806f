using System.Collections.Immutable;
using DigitalKpi.Json;
using DigitalKpi.Rules;

namespace DigitalKpi.Cli.Input;

/// <summary>
/// The one adapter to the library's built-in seed data (<see cref="BuiltInCatalogs"/>): the catalogs and results
/// <c>dkpi report</c> uses when given no files, and the reference catalogs for checking user files.
/// </summary>
internal static class BuiltInData
{
    /// <summary>Built-in catalogs, national programs first.</summary>
    internal static IReadOnlyList<Catalog> Catalogs => BuiltInCatalogs.Catalogs;

    /// <summary>Built-in results.</summary>
    internal static IReadOnlyList<MeasurementSet> Results => BuiltInCatalogs.Results;

    /// <summary>Rule options for user files: the national programs as reference catalogs, as for the built-in ones.</summary>
    internal static ValidationOptions Rules => BuiltInCatalogs.ValidationOptions;

    /// <summary>The built-in documents with their located findings (file names relative to src/DigitalKpi).</summary>
    internal static IReadOnlyList<LoadedDocument> Documents()
    {
        var docs = new List<LoadedDocument>();
        foreach (KpiDocument<Catalog> d in BuiltInCatalogs.CatalogDocuments)
        {
            docs.Add(new LoadedDocument(d.SourceName ?? d.Model.Id, d.Model, null, d.Diagnostics, RulesChecked: true));
        }
        foreach (KpiDocument<MeasurementSet> d in BuiltInCatalogs.ResultDocuments)
        {
            docs.Add(new LoadedDocument(d.SourceName ?? d.Model.Id, null, d.Model, d.Diagnostics, RulesChecked: true));
        }
        return docs;
    }

    /// <summary>Built-in catalogs not replaced by a user catalog of the same id.</summary>
    internal static IEnumerable<Catalog> CatalogsExcept(IEnumerable<Catalog> user)
    {
        var ids = new HashSet<string>(user.Select(c => c.Id), StringComparer.Ordinal);
        return Catalogs.Where(c => !ids.Contains(c.Id));
    }

    internal static ImmutableArray<KpiDiagnostic> NoDiagnostics => ImmutableArray<KpiDiagnostic>.Empty;
}
