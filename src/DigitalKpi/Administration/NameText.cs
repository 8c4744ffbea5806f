using System.Text;

namespace DigitalKpi.Administration;

/// <summary>Normalisation of Vietnamese unit names for storage and comparison.</summary>
internal static class NameText
{
    // Old-style and new-style tone placement both occur in official lists ("Hoà Bình" and "Hòa Bình",
    // "Thanh Hoá" and "Thanh Hóa"). Matching folds new style into the traditional one. Applied to both
    // sides of a comparison only, so it is harmless where it would be wrong as spelling ("hoàng").
    private static readonly string[][] TonePlacement =
    {
        new[] { "oà", "òa" }, new[] { "oá", "óa" }, new[] { "oả", "ỏa" }, new[] { "oã", "õa" }, new[] { "oạ", "ọa" },
        new[] { "oè", "òe" }, new[] { "oé", "óe" }, new[] { "oẻ", "ỏe" }, new[] { "oẽ", "õe" }, new[] { "oẹ", "ọe" },
        new[] { "uỳ", "ùy" }, new[] { "uý", "úy" }, new[] { "uỷ", "ủy" }, new[] { "uỹ", "ũy" }, new[] { "uỵ", "ụy" },
    };

    /// <summary>Trims and normalises to Unicode NFC.</summary>
    internal static string Nfc(string text)
    {
        string trimmed = text.Trim();
        return trimmed.IsNormalized(NormalizationForm.FormC) ? trimmed : trimmed.Normalize(NormalizationForm.FormC);
    }

    /// <summary>
    /// A key under which two spellings of the same name compare equal (ordinal): NFC, lower case (invariant),
    /// dashes unified and unspaced, runs of white space collapsed, tone placement folded.
    /// </summary>
    internal static string MatchKey(string name)
    {
        string lower = Nfc(name).ToLowerInvariant();
        var builder = new StringBuilder(lower.Length);
        bool pendingSpace = false;
        foreach (char c in lower)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }
            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }
            builder.Append(c is '\u2013' or '\u2014' or '\u2212' ? '-' : c);
        }
        builder.Replace(" -", "-").Replace("- ", "-");
        foreach (string[] pair in TonePlacement)
        {
            builder.Replace(pair[0], pair[1]);
        }
        return builder.ToString();
    }
}
