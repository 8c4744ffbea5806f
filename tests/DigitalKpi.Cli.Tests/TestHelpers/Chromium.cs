using System.Diagnostics;
using System.Text;

namespace DigitalKpi.Cli.Tests.TestHelpers;

/// <summary>
/// Headless Chromium (Debian's <c>chromium</c> package; <c>.ci/run</c> installs it). Its absence is a test failure, not a
/// skip: the HTML report is only checked if a real browser renders it.
/// </summary>
internal static class Chromium
{
    private static readonly string[] Candidates = { "chromium", "chromium-browser", "google-chrome", "google-chrome-stable" };

    /// <summary>The browser executable, from DKPI_CHROMIUM or the PATH; null when none is installed.</summary>
    internal static string? Find()
    {
        string? configured = Environment.GetEnvironmentVariable("DKPI_CHROMIUM");
        if (!string.IsNullOrEmpty(configured))
        {
            return File.Exists(configured) ? configured : null;
        }
        foreach (string dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (string name in Candidates)
            {
                string candidate = Path.Combine(dir, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }
        return null;
    }

    internal static string Require()
        => Find() ?? throw new Xunit.Sdk.XunitException(
            "Chromium is not installed, so the HTML report cannot be rendered. Install it (Debian: apt-get install -y chromium; .ci/run does this) or set DKPI_CHROMIUM.");

    /// <summary>Runs headless Chromium on a page with the network disabled; returns exit code, stdout and stderr.</summary>
    internal static ProcessResult Run(string page, string profileDir, params string[] extra)
    {
        var psi = new ProcessStartInfo(Require())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (string a in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--hide-scrollbars", "--force-device-scale-factor=1",
            "--host-resolver-rules=MAP * ~NOTFOUND", "--user-data-dir=" + profileDir, "--enable-logging=stderr", "--v=0",
        })
        {
            psi.ArgumentList.Add(a);
        }
        foreach (string a in extra)
        {
            psi.ArgumentList.Add(a);
        }
        psi.ArgumentList.Add(new Uri(Path.GetFullPath(page)).AbsoluteUri);
        using var process = Process.Start(psi) ?? throw new InvalidOperationException("could not start chromium");
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("chromium did not finish in 2 minutes");
        }
        return new ProcessResult(process.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
    }
}
