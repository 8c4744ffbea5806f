using System.Diagnostics;
using System.Text;

namespace DigitalKpi.Cli.Tests.TestHelpers;

/// <summary>The result of running the tool as a process.</summary>
internal sealed record ProcessResult(int ExitCode, string StdOut, string StdErr)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{StdOut}\n--- stderr\n{StdErr}";
}

/// <summary>Runs the built tool (<c>dotnet dkpi.dll …</c>) as a separate process, as a user or CI would.</summary>
internal static class DkpiProcess
{
    /// <summary>The built dkpi.dll of the same configuration as the tests.</summary>
    internal static string DllPath { get; } = FindDll();

    private static string FindDll()
    {
        // The test project references the tool, so dkpi.dll and its runtimeconfig are copied beside the tests.
        string local = Path.Combine(AppContext.BaseDirectory, "dkpi.dll");
        if (File.Exists(local) && File.Exists(Path.Combine(AppContext.BaseDirectory, "dkpi.runtimeconfig.json")))
        {
            return local;
        }
        string configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent?.Name ?? "Debug";
        string built = Path.Combine(RepoPaths.Root, "src", "DigitalKpi.Cli", "bin", configuration, "net10.0", "dkpi.dll");
        return File.Exists(built) ? built : throw new InvalidOperationException("dkpi.dll not found beside the tests nor at " + built);
    }

    internal static ProcessResult Run(string workingDirectory, params string[] args) => Run(workingDirectory, null, args);

    internal static ProcessResult Run(string workingDirectory, IDictionary<string, string?>? environment, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        psi.ArgumentList.Add(DllPath);
        foreach (string a in args)
        {
            psi.ArgumentList.Add(a);
        }
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        psi.Environment["DOTNET_NOLOGO"] = "1";
        psi.Environment.Remove("DKPI_LANG");
        psi.Environment.Remove("DKPI_DEBUG");
        if (environment is not null)
        {
            foreach (KeyValuePair<string, string?> kv in environment)
            {
                if (kv.Value is null)
                {
                    psi.Environment.Remove(kv.Key);
                }
                else
                {
                    psi.Environment[kv.Key] = kv.Value;
                }
            }
        }
        using var process = Process.Start(psi) ?? throw new InvalidOperationException("could not start dotnet");
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("dkpi did not finish in 2 minutes: " + string.Join(' ', args));
        }
        return new ProcessResult(process.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
    }
}

/// <summary>A temporary folder deleted on dispose.</summary>
internal sealed class TempDir : IDisposable
{
    internal TempDir()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "dkpi-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    internal string Path { get; }

    internal string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
