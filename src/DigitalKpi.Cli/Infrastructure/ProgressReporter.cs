namespace DigitalKpi.Cli.Infrastructure;

/// <summary>
/// Progress on standard error for large inputs. Interactive: one line rewritten in place ("Reading 37/120").
/// Redirected (CI logs): a plain line at each quarter, so logs stay short. Small inputs print nothing.
/// </summary>
internal sealed class ProgressReporter
{
    /// <summary>From this many items (files, targets) progress is shown.</summary>
    internal const int ItemThreshold = 200;

    /// <summary>From this many bytes of input files progress is shown.</summary>
    internal const long ByteThreshold = 5L * 1024 * 1024;

    private readonly TextWriter error;
    private readonly bool interactive;
    private readonly bool enabled;
    private int lastQuarter = -1;
    private string? currentStage;
    private bool open;

    internal ProgressReporter(TextWriter error, bool interactive, bool enabled)
    {
        this.error = error;
        this.interactive = interactive;
        this.enabled = enabled;
    }

    /// <summary>Whether input of this size warrants progress.</summary>
    internal static bool IsLarge(int items, long bytes) => items >= ItemThreshold || bytes >= ByteThreshold;

    /// <summary>Reports <paramref name="done"/> of <paramref name="total"/> for a stage.</summary>
    internal void Report(string stage, int done, int total)
    {
        if (!enabled || total <= 0)
        {
            return;
        }
        if (interactive)
        {
            error.Write("\r" + stage + " " + done.ToString(System.Globalization.CultureInfo.InvariantCulture) + "/" + total.ToString(System.Globalization.CultureInfo.InvariantCulture) + "   ");
            open = true;
            if (done >= total)
            {
                error.WriteLine();
                open = false;
            }
            return;
        }
        if (!string.Equals(stage, currentStage, StringComparison.Ordinal))
        {
            currentStage = stage;
            lastQuarter = -1;
        }
        int quarter = (int)(4L * Math.Min(done, total) / total);
        if (quarter > lastQuarter)
        {
            lastQuarter = quarter;
            error.WriteLine(stage + " " + done.ToString(System.Globalization.CultureInfo.InvariantCulture) + "/" + total.ToString(System.Globalization.CultureInfo.InvariantCulture)
                + " (" + (100L * done / total).ToString(System.Globalization.CultureInfo.InvariantCulture) + "%)");
        }
    }

    /// <summary>Ends an open interactive line.</summary>
    internal void Finish()
    {
        if (open)
        {
            error.WriteLine();
            open = false;
        }
    }
}
