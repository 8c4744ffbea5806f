using System.Collections.Immutable;
using System.Text;
using DigitalKpi.Cli.Infrastructure;
using DigitalKpi.Cli.Input;
using DigitalKpi.Cli.Reporting;
using DigitalKpi.Rules;

namespace DigitalKpi.Cli.Commands;

/// <summary><c>dkpi validate FILE…</c>: findings on standard output, one compiler-style line each.</summary>
internal static class ValidateCommand
{
    internal static int Execute(IReadOnlyList<string> files, string? sarifPath, CommonOptions common, CliContext context, IDocumentReader? reader = null)
    {
        var text = common.Text;
        bool large = ProgressReporter.IsLarge(files.Count, InputSet.TotalBytes(files));
        ProgressReporter progress = context.Progress(large, common.Quiet);

        InputSet inputs = InputSet.Read(files, text, progress, reader);
        ImmutableArray<KpiDiagnostic> diagnostics = inputs.Validate(text, progress);
        progress.Finish();

        foreach (UnreadableFile u in inputs.Unreadable)
        {
            context.Out.WriteLine(DiagnosticText.FormatUnreadable(u.File, u.Line, u.Column, u.Message));
        }
        foreach (KpiDiagnostic d in diagnostics)
        {
            context.Out.WriteLine(DiagnosticText.Format(d, common.Language));
        }

        int errors = diagnostics.Count(d => d.Severity == KpiSeverity.Error);
        int warnings = diagnostics.Count(d => d.Severity == KpiSeverity.Warning);
        int infos = diagnostics.Count(d => d.Severity == KpiSeverity.Info);

        if (sarifPath is not null)
        {
            string sarif = SarifWriter.Write(diagnostics, inputs.Unreadable, common.Language);
            OutputFiles.Write(sarifPath, sarif, text);
            if (!common.Quiet)
            {
                context.Error.WriteLine(text.SarifWritten(sarifPath));
            }
        }
        if (!common.Quiet)
        {
            context.Error.WriteLine(text.ValidationSummary(files.Count, errors, warnings, infos, inputs.Unreadable.Count));
        }
        return inputs.Unreadable.Count > 0 ? ExitCodes.InputError : errors > 0 ? ExitCodes.RuleErrors : ExitCodes.Success;
    }
}

/// <summary>Writing output files: UTF-8 without BOM, LF, folders created; failures become <see cref="CliException"/>.</summary>
internal static class OutputFiles
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    internal static void Write(string path, string content, Localization.Strings text)
    {
        try
        {
            string? dir = Path.GetDirectoryName(Path.GetFullPath(path));
            if (!string.IsNullOrEmpty(dir))
            {
                Directory.CreateDirectory(dir);
            }
            File.WriteAllText(path, content, Utf8NoBom);
        }
        catch (IOException e)
        {
            throw new CliException(text.CannotWrite(path, e.Message), inner: e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new CliException(text.CannotWrite(path, e.Message), inner: e);
        }
        catch (NotSupportedException e)
        {
            throw new CliException(text.CannotWrite(path, e.Message), inner: e);
        }
    }

    internal static void CreateDirectory(string path, Localization.Strings text)
    {
        try
        {
            Directory.CreateDirectory(path);
        }
        catch (IOException e)
        {
            throw new CliException(text.CannotWrite(path, e.Message), inner: e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new CliException(text.CannotWrite(path, e.Message), inner: e);
        }
        catch (ArgumentException e)
        {
            throw new CliException(text.CannotWrite(path, e.Message), inner: e);
        }
    }
}
