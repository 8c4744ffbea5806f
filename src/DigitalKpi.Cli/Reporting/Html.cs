using System.Globalization;
using System.Text;

namespace DigitalKpi.Cli.Reporting;

/// <summary>HTML/SVG escaping and invariant coordinates.</summary>
internal static class Html
{
    /// <summary>Escapes text for element content and double- or single-quoted attribute values.</summary>
    internal static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }
        StringBuilder? sb = null;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            string? rep = c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => null,
            };
            if (rep is null && char.IsControl(c) && c != '\n' && c != '\t')
            {
                rep = " ";
            }
            if (rep is not null)
            {
                sb ??= new StringBuilder(text, 0, i, text.Length + 16);
                sb.Append(rep);
            }
            else
            {
                sb?.Append(c);
            }
        }
        return sb?.ToString() ?? text;
    }

    /// <summary>A coordinate with at most one decimal, invariant ("12.5").</summary>
    internal static string N(double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            return "0";
        }
        string s = Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);
        return s == "-0" ? "0" : s;
    }

    /// <summary>A token safe for an id or a class: ASCII letters, digits, '-', '_', '.'; other characters become '-'.</summary>
    internal static string Token(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            sb.Append((c is >= 'a' and <= 'z') || (c is >= 'A' and <= 'Z') || (c is >= '0' and <= '9') || c is '-' or '_' or '.' ? c : '-');
        }
        return sb.ToString();
    }
}
