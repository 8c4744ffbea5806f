using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Reflection;
using DigitalKpi.Json;
using DigitalKpi.Rules;
using DigitalKpi.Utility;

namespace DigitalKpi;

/// <summary>
/// The catalogs encoded from the seed documents, shipped inside the library as JSON: the national programs
/// (749/QĐ-TTg, 411/QĐ-TTg), the provincial resolutions and plans (Quảng Trị 02-NQ/TU, Thừa Thiên Huế, BR-VT 2022,
/// Bắc Kạn 2022, Tuyên Quang 48-NQ/TU) and the results they report (BR-VT 2021, Thừa Thiên Huế 2021, Tuyên Quang 2022).
/// Each target cites the Vietnamese sentence it comes from. Loaded once, on first use; thread-safe.
/// </summary>
/// <remarks>What the seeds say that could not be expressed is listed in docs/catalogs.md.</remarks>
public static class BuiltInCatalogs
{
    private const string Prefix = "DigitalKpi.Catalogs.";

    private static readonly Lazy<Loaded> Data = new(Load, System.Threading.LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Every built-in catalog, national programs first, then provinces in ID order.</summary>
    public static ImmutableArray<Catalog> Catalogs => Data.Value.Catalogs;

    /// <summary>The national programs (issuer <c>VN</c>): the reference catalogs that provincial targets refine.</summary>
    public static ImmutableArray<Catalog> National => Data.Value.National;

    /// <summary>The results the seeds report, as measurement sets.</summary>
    public static ImmutableArray<MeasurementSet> Results => Data.Value.Results;

    /// <summary>The catalog documents as read, with the consistency findings of each (national catalogs as references).</summary>
    public static ImmutableArray<KpiDocument<Catalog>> CatalogDocuments => Data.Value.CatalogDocuments;

    /// <summary>The result documents as read, with the consistency findings of each against all built-in catalogs.</summary>
    public static ImmutableArray<KpiDocument<MeasurementSet>> ResultDocuments => Data.Value.ResultDocuments;

    /// <summary>Validation options with the national programs as reference catalogs (for DKPI011 and references to national targets).</summary>
    public static ValidationOptions ValidationOptions => Data.Value.Options;

    /// <summary>A built-in catalog by ID, e.g. <c>QT-02-NQ-TU</c>.</summary>
    /// <param name="id">The ID.</param>
    /// <returns>The catalog.</returns>
    /// <exception cref="KeyNotFoundException">No built-in catalog has that ID.</exception>
    public static Catalog Get(string id)
    {
        Preconditions.CheckNotNull(id);
        foreach (Catalog c in Catalogs)
        {
            if (string.Equals(c.Id, id, StringComparison.Ordinal))
            {
                return c;
            }
        }
        throw new KeyNotFoundException($"'{id}' is not a built-in catalog; the built-in catalogs are: {string.Join(", ", Ids())}.");
    }

    private static IEnumerable<string> Ids()
    {
        foreach (Catalog c in Catalogs)
        {
            yield return c.Id;
        }
    }

    private static Loaded Load()
    {
        Assembly assembly = typeof(BuiltInCatalogs).Assembly;
        var names = new List<string>(assembly.GetManifestResourceNames());
        names.Sort(StringComparer.Ordinal);

        // National programs first: provincial catalogs are validated against them.
        var catalogBytes = new List<(string Name, byte[] Bytes)>();
        var resultBytes = new List<(string Name, byte[] Bytes)>();
        foreach (string name in names)
        {
            if (name.StartsWith(Prefix + "catalogs.", StringComparison.Ordinal))
            {
                catalogBytes.Add((name, Read(assembly, name)));
            }
            else if (name.StartsWith(Prefix + "results.", StringComparison.Ordinal))
            {
                resultBytes.Add((name, Read(assembly, name)));
            }
        }

        var national = ImmutableArray.CreateBuilder<KpiDocument<Catalog>>();
        var provincial = ImmutableArray.CreateBuilder<KpiDocument<Catalog>>();
        foreach ((string name, byte[] bytes) in catalogBytes)
        {
            if (name.StartsWith(Prefix + "catalogs.vn-", StringComparison.Ordinal))
            {
                national.Add(KpiJson.ReadCatalog(bytes, new KpiJsonReadOptions { SourceName = SourceName(name) }));
            }
        }
        var nationalCatalogs = ImmutableArray.CreateRange(national.ToImmutable(), d => d.Model);
        ValidationOptions options = ValidationOptions.Default.WithReferenceCatalogs(nationalCatalogs);
        foreach ((string name, byte[] bytes) in catalogBytes)
        {
            if (!name.StartsWith(Prefix + "catalogs.vn-", StringComparison.Ordinal))
            {
                provincial.Add(KpiJson.ReadCatalog(bytes, new KpiJsonReadOptions { SourceName = SourceName(name), Validation = options }));
            }
        }
        ImmutableArray<KpiDocument<Catalog>> catalogDocuments = national.ToImmutable().AddRange(provincial);
        var catalogs = ImmutableArray.CreateRange(catalogDocuments, d => d.Model);
        var results = ImmutableArray.CreateBuilder<KpiDocument<MeasurementSet>>();
        foreach ((string name, byte[] bytes) in resultBytes)
        {
            results.Add(KpiJson.ReadMeasurementSet(bytes, catalogs, new KpiJsonReadOptions { SourceName = SourceName(name) }));
        }
        ImmutableArray<KpiDocument<MeasurementSet>> resultDocuments = results.ToImmutable();
        return new Loaded(catalogDocuments, catalogs, nationalCatalogs, resultDocuments, ImmutableArray.CreateRange(resultDocuments, d => d.Model), options);
    }

    /// <summary>"DigitalKpi.Catalogs.catalogs.qt-02-nq-tu.json" → "Catalogs/catalogs/qt-02-nq-tu.json".</summary>
    private static string SourceName(string resource)
    {
        string rest = resource.Substring(Prefix.Length);
        int dot = rest.IndexOf(".", StringComparison.Ordinal);
        string folder = rest.Substring(0, dot);
        string file = rest.Substring(dot + 1);
        return "Catalogs/" + folder + "/" + file;
    }

    private static byte[] Read(Assembly assembly, string name)
    {
        using Stream stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException("The built-in resource " + name + " is missing.");
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }

    private sealed class Loaded
    {
        internal Loaded(
            ImmutableArray<KpiDocument<Catalog>> catalogDocuments, ImmutableArray<Catalog> catalogs, ImmutableArray<Catalog> national,
            ImmutableArray<KpiDocument<MeasurementSet>> resultDocuments, ImmutableArray<MeasurementSet> results, ValidationOptions options)
        {
            CatalogDocuments = catalogDocuments;
            Catalogs = catalogs;
            National = national;
            ResultDocuments = resultDocuments;
            Results = results;
            Options = options;
        }

        internal ImmutableArray<KpiDocument<Catalog>> CatalogDocuments { get; }

        internal ImmutableArray<Catalog> Catalogs { get; }

        internal ImmutableArray<Catalog> National { get; }

        internal ImmutableArray<KpiDocument<MeasurementSet>> ResultDocuments { get; }

        internal ImmutableArray<MeasurementSet> Results { get; }

        internal ValidationOptions Options { get; }
    }
}
