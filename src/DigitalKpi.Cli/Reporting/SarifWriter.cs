using System.Text;
using System.Text.Json;
using DigitalKpi.Cli.Localization;
using DigitalKpi.Rules;

namespace DigitalKpi.Cli.Reporting;

/// <summary>A file that could not be read, for SARIF tool notifications.</summary>
internal sealed record UnreadableFile(string File, int? Line, int? Column, string Message);

/// <summary>Writes findings as SARIF 2.1.0 (one run; rules DKPI001–DKPI012; unreadable files as tool notifications).</summary>
internal static class SarifWriter
{
    internal static string Write(IReadOnlyList<KpiDiagnostic> diagnostics, IReadOnlyList<UnreadableFile> unreadable, UiLanguage language)
    {
        var culture = language.MessageCulture();
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
            w.WriteString("version", "2.1.0");
            w.WriteStartArray("runs");
            w.WriteStartObject();

            w.WriteStartObject("tool");
            w.WriteStartObject("driver");
            w.WriteString("name", "dkpi");
            w.WriteString("informationUri", "https://github.com/digitalkpi/digitalkpi");
            w.WriteString("semanticVersion", ToolVersion());
            w.WriteStartArray("rules");
            var ruleIndex = new Dictionary<string, int>(StringComparer.Ordinal);
            for (int i = 0; i < KpiRules.All.Length; i++)
            {
                RuleDescriptor r = KpiRules.All[i];
                ruleIndex[r.Id] = i;
                w.WriteStartObject();
                w.WriteString("id", r.Id);
                w.WriteStartObject("shortDescription");
                w.WriteString("text", r.GetTitle(culture));
                w.WriteEndObject();
                w.WriteString("helpUri", r.HelpLink);
                w.WriteStartObject("defaultConfiguration");
                w.WriteString("level", Level(r.DefaultSeverity));
                w.WriteEndObject();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndObject();

            w.WriteStartArray("invocations");
            w.WriteStartObject();
            w.WriteBoolean("executionSuccessful", unreadable.Count == 0);
            w.WriteStartArray("toolExecutionNotifications");
            foreach (UnreadableFile u in unreadable)
            {
                w.WriteStartObject();
                w.WriteString("level", "error");
                w.WriteStartObject("message");
                w.WriteString("text", u.Message);
                w.WriteEndObject();
                w.WriteStartArray("locations");
                WriteLocation(w, u.File, u.Line, u.Column, null, null);
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndArray();

            w.WriteStartArray("results");
            foreach (KpiDiagnostic d in diagnostics)
            {
                w.WriteStartObject();
                w.WriteString("ruleId", d.Id);
                if (ruleIndex.TryGetValue(d.Id, out int index))
                {
                    w.WriteNumber("ruleIndex", index);
                }
                w.WriteString("level", Level(d.Severity));
                w.WriteStartObject("message");
                w.WriteString("text", d.GetMessage(culture));
                w.WriteEndObject();
                w.WriteStartArray("locations");
                KpiLocation loc = d.Location;
                WriteLocation(w, loc.File, loc.Line, loc.Column, loc.Path, loc.ElementId);
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteString("columnKind", "unicodeCodePoints");
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void WriteLocation(Utf8JsonWriter w, string? file, int? line, int? column, string? path, string? elementId)
    {
        w.WriteStartObject();
        if (file is not null)
        {
            w.WriteStartObject("physicalLocation");
            w.WriteStartObject("artifactLocation");
            w.WriteString("uri", FileUri(file));
            w.WriteEndObject();
            if (line is { } l)
            {
                w.WriteStartObject("region");
                w.WriteNumber("startLine", l);
                if (column is { } c)
                {
                    w.WriteNumber("startColumn", c);
                }
                w.WriteEndObject();
            }
            w.WriteEndObject();
        }
        if (path is not null)
        {
            w.WriteStartArray("logicalLocations");
            w.WriteStartObject();
            if (elementId is not null)
            {
                w.WriteString("name", elementId);
            }
            w.WriteString("fullyQualifiedName", path);
            w.WriteString("kind", "element");
            w.WriteEndObject();
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }

    /// <summary>A relative path as a relative URI reference with '/' separators; an absolute path as a file URI.</summary>
    internal static string FileUri(string file)
    {
        if (Path.IsPathFullyQualified(file))
        {
            return new Uri(Path.GetFullPath(file)).AbsoluteUri;
        }
        return string.Join("/", file.Replace('\\', '/').Split('/').Select(Uri.EscapeDataString));
    }

    private static string Level(KpiSeverity severity) => severity switch
    {
        KpiSeverity.Error => "error",
        KpiSeverity.Warning => "warning",
        KpiSeverity.Info => "note",
        _ => "none",
    };

    internal static string ToolVersion()
    {
        string? v = typeof(SarifWriter).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .OfType<System.Reflection.AssemblyInformationalVersionAttribute>().FirstOrDefault()?.InformationalVersion;
        if (v is null)
        {
            return "1.0.0";
        }
        int plus = v.IndexOf('+', StringComparison.Ordinal);
        return plus >= 0 ? v.Substring(0, plus) : v;
    }
}
