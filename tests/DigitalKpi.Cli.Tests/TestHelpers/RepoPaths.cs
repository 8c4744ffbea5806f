namespace DigitalKpi.Cli.Tests.TestHelpers;

/// <summary>Locates the repository root (the folder holding DigitalKpi.sln) from the test binaries.</summary>
internal static class RepoPaths
{
    internal static string Root { get; } = Find();

    private static string Find()
    {
        DirectoryInfo? dir = new(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "DigitalKpi.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("DigitalKpi.sln not found above " + AppContext.BaseDirectory);
    }
}
