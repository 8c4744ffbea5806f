using DigitalKpi.Cli.Infrastructure;
using DigitalKpi.Cli.Localization;

namespace DigitalKpi.Cli.Commands;

/// <summary>Where a command writes and what it knows about the terminal.</summary>
/// <param name="Out">Standard output: findings, the console table.</param>
/// <param name="Error">Standard error: errors, progress, summaries.</param>
/// <param name="OutputRedirected">Whether standard output is not a terminal (then no colours).</param>
/// <param name="ErrorRedirected">Whether standard error is not a terminal (then progress as plain lines).</param>
internal sealed record CliContext(TextWriter Out, TextWriter Error, bool OutputRedirected, bool ErrorRedirected)
{
    /// <summary>The process console.</summary>
    internal static CliContext FromConsole() => new(Console.Out, Console.Error, Console.IsOutputRedirected, Console.IsErrorRedirected);

    /// <summary>A progress reporter on standard error, enabled for large inputs unless quiet.</summary>
    internal ProgressReporter Progress(bool large, bool quiet) => new(Error, !ErrorRedirected, large && !quiet);

    /// <summary>Whether to colour the console table.</summary>
    internal bool UseColor(bool noColorOption)
        => !noColorOption && !OutputRedirected
        && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"))
        && !string.Equals(Environment.GetEnvironmentVariable("TERM"), "dumb", StringComparison.Ordinal);
}

/// <summary>Options shared by the commands.</summary>
/// <param name="Language">Output language.</param>
/// <param name="Quiet">No progress and no summary.</param>
internal sealed record CommonOptions(UiLanguage Language, bool Quiet)
{
    internal Strings Text => Strings.For(Language);
}
