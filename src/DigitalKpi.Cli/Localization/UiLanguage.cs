using System.Globalization;

namespace DigitalKpi.Cli.Localization;

/// <summary>The language of the tool's output.</summary>
internal enum UiLanguage
{
    /// <summary>English: dot decimals, ISO dates.</summary>
    En,

    /// <summary>Vietnamese: comma decimals, dot thousands, dd/MM/yyyy dates.</summary>
    Vi,
}

/// <summary>Choosing the output language from <c>--lang</c> or the environment.</summary>
internal static class UiLanguages
{
    /// <summary>Reads a <c>--lang</c> value (<c>vi</c>, <c>en</c>, case-insensitive, also <c>vi-VN</c>, <c>en-US</c>).</summary>
    internal static bool TryParse(string? text, out UiLanguage language)
    {
        language = UiLanguage.En;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        string t = text.Trim();
        if (t.Equals("vi", StringComparison.OrdinalIgnoreCase) || t.StartsWith("vi-", StringComparison.OrdinalIgnoreCase) || t.StartsWith("vi_", StringComparison.OrdinalIgnoreCase))
        {
            language = UiLanguage.Vi;
            return true;
        }
        if (t.Equals("en", StringComparison.OrdinalIgnoreCase) || t.StartsWith("en-", StringComparison.OrdinalIgnoreCase) || t.StartsWith("en_", StringComparison.OrdinalIgnoreCase))
        {
            language = UiLanguage.En;
            return true;
        }
        return false;
    }

    /// <summary>
    /// The language when <c>--lang</c> is not given: <c>DKPI_LANG</c> if set, else Vietnamese when the UI culture is
    /// Vietnamese, else English.
    /// </summary>
    internal static UiLanguage Default()
    {
        if (TryParse(Environment.GetEnvironmentVariable("DKPI_LANG"), out UiLanguage fromEnv))
        {
            return fromEnv;
        }
        return string.Equals(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName, "vi", StringComparison.Ordinal) ? UiLanguage.Vi : UiLanguage.En;
    }

    /// <summary>
    /// Looks for <c>--lang X</c> or <c>--lang=X</c> before the command line is parsed, so that help text is in the chosen
    /// language too. Returns the default when absent or invalid (the parser then reports an invalid value).
    /// </summary>
    internal static UiLanguage FromArgs(IReadOnlyList<string> args)
    {
        for (int i = 0; i < args.Count; i++)
        {
            string a = args[i];
            if (a == "--")
            {
                break;
            }
            if (a.Equals("--lang", StringComparison.Ordinal) && i + 1 < args.Count && TryParse(args[i + 1], out UiLanguage l))
            {
                return l;
            }
            if (a.StartsWith("--lang=", StringComparison.Ordinal) && TryParse(a.Substring(7), out UiLanguage l2))
            {
                return l2;
            }
        }
        return Default();
    }

    /// <summary>The culture for library messages (<see cref="DigitalKpi.Rules.KpiDiagnostic.GetMessage"/>).</summary>
    internal static CultureInfo MessageCulture(this UiLanguage language)
        => language == UiLanguage.Vi ? ViCulture : CultureInfo.InvariantCulture;

    /// <summary>The BCP 47 tag written into HTML.</summary>
    internal static string Tag(this UiLanguage language) => language == UiLanguage.Vi ? "vi" : "en";

    private static readonly CultureInfo ViCulture = CreateVi();

    private static CultureInfo CreateVi()
    {
        try
        {
            return CultureInfo.GetCultureInfo("vi-VN");
        }
        catch (CultureNotFoundException)
        {
            // Invariant-globalization mode: the name is all the library's message lookup needs.
            return CultureInfo.InvariantCulture;
        }
    }
}
