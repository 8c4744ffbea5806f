using System.Collections.Immutable;
using DigitalKpi.Rules;

namespace DigitalKpi.Json;

/// <summary>The two kinds of JSON document.</summary>
public enum KpiDocumentKind
{
    /// <summary>A catalog of indicators and targets (<c>"kind": "digitalkpi.catalog"</c>).</summary>
    Catalog,

    /// <summary>A set of measurements (<c>"kind": "digitalkpi.measurements"</c>).</summary>
    Measurements,
}

/// <summary>
/// A document read from JSON: the model, the format version the document declared, and the findings of the
/// consistency rules (DKPI001–DKPI012), each located by JSON path and by line and column in the document. Immutable.
/// </summary>
/// <typeparam name="T">The model type: <see cref="Catalog"/> or <see cref="MeasurementSet"/>.</typeparam>
public sealed class KpiDocument<T>
    where T : class
{
    internal KpiDocument(T model, string formatVersion, ImmutableArray<KpiDiagnostic> diagnostics, string? sourceName)
    {
        Model = model;
        FormatVersion = formatVersion;
        Diagnostics = diagnostics;
        SourceName = sourceName;
    }

    /// <summary>The model read.</summary>
    public T Model { get; }

    /// <summary>The format version the document declared, e.g. <c>1.0</c>.</summary>
    public string FormatVersion { get; }

    /// <summary>The consistency findings, in the validator's order, with file positions filled in.</summary>
    public ImmutableArray<KpiDiagnostic> Diagnostics { get; }

    /// <summary>The source name from the read options, or null.</summary>
    public string? SourceName { get; }

    /// <summary>Whether any finding has <see cref="KpiSeverity.Error"/> severity.</summary>
    public bool HasErrors
    {
        get
        {
            foreach (KpiDiagnostic d in Diagnostics)
            {
                if (d.Severity == KpiSeverity.Error)
                {
                    return true;
                }
            }
            return false;
        }
    }
}
