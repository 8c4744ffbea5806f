namespace DigitalKpi.Cli.Input;

/// <summary>
/// A user error reported without a stack trace: an unreadable input file (with its position when known), a bad
/// option value or an unwritable output. The tool exits with <see cref="ExitCodes.InputError"/>.
/// </summary>
internal sealed class CliException : Exception
{
    internal CliException(string message, string? file = null, int? line = null, int? column = null, Exception? inner = null)
        : base(message, inner)
    {
        File = file;
        Line = line;
        Column = column;
    }

    public CliException()
    {
    }

    public CliException(string message)
        : base(message)
    {
    }

    public CliException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The file concerned, or null.</summary>
    internal string? File { get; }

    /// <summary>1-based line, or null.</summary>
    internal int? Line { get; }

    /// <summary>1-based column, or null.</summary>
    internal int? Column { get; }
}

/// <summary>Process exit codes.</summary>
internal static class ExitCodes
{
    /// <summary>Success (validate: no error; warnings and infos allowed).</summary>
    internal const int Success = 0;

    /// <summary>validate: a consistency rule reported an error.</summary>
    internal const int RuleErrors = 1;

    /// <summary>An input cannot be read, an argument is invalid, or an output cannot be written.</summary>
    internal const int InputError = 2;

    /// <summary>A bug in the tool (message printed; stack trace with DKPI_DEBUG=1).</summary>
    internal const int InternalError = 3;
}
