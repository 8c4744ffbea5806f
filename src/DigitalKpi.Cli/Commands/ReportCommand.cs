using System.Collections.Immutable;
using DigitalKpi.Cli.Infrastructure;
using DigitalKpi.Cli.Input;
using DigitalKpi.Cli.Localization;
using DigitalKpi.Cli.Reporting;
using DigitalKpi.Rules;
using NodaTime;

namespace DigitalKpi.Cli.Commands;

/// <summary><c>dkpi report</c>: evaluate, print the table, write report.md and report.html.</summary>
internal static class ReportCommand
{
    internal const string DefaultOut = "dkpi-report";

    internal static int Execute(
        IReadOnlyList<string> catalogFiles,
        IReadOnlyList<string> measurementFiles,
        string outDir,
        LocalDate? asOfOption,
        bool noColor,
        CommonOptions common,
        CliContext context,
        IDocumentReader? reader = null)
    {
        Strings text = common.Text;
        ReportFormat format = ReportFormat.For(common.Language);
        LocalDate asOf = asOfOption ?? Today();
        bool builtIn = catalogFiles.Count == 0 && measurementFiles.Count == 0;
        var files = catalogFiles.Concat(measurementFiles).ToList();

        InputSet inputs;
        ProgressReporter progress;
        if (builtIn)
        {
            inputs = InputSet.FromBuiltIn();
            progress = context.Progress(false, common.Quiet);
        }
        else
        {
            progress = context.Progress(ProgressReporter.IsLarge(files.Count, InputSet.TotalBytes(files)), common.Quiet);
            inputs = InputSet.Read(files, text, progress, reader);
            if (inputs.Unreadable.Count > 0)
            {
                progress.Finish();
                foreach (UnreadableFile u in inputs.Unreadable)
                {
                    context.Error.WriteLine(DiagnosticText.FormatUnreadable(u.File, u.Line, u.Column, u.Message));
                }
                return ExitCodes.InputError;
            }
        }

        ImmutableArray<KpiDiagnostic> diagnostics = inputs.Validate(text, progress);
        int targetCount = inputs.Catalogs.Sum(c => c.Targets.Length);
        ProgressReporter evaluation = context.Progress(ProgressReporter.IsLarge(targetCount, 0), common.Quiet);
        Report report = ReportBuilder.Build(
            new ReportInput(inputs.Catalogs, inputs.MeasurementSets, diagnostics, files, builtIn),
            asOf,
            progress: (done, total) => evaluation.Report(text.ProgressEvaluating, done, total));
        progress.Finish();
        evaluation.Finish();

        OutputFiles.CreateDirectory(outDir, text);
        string markdownPath = Path.Combine(outDir, "report.md");
        string htmlPath = Path.Combine(outDir, "report.html");
        OutputFiles.Write(markdownPath, MarkdownRenderer.Render(report, format), text);
        OutputFiles.Write(htmlPath, HtmlRenderer.Render(report, format), text);

        ConsoleRenderer.Render(report, format, context.Out, context.UseColor(noColor));
        if (!common.Quiet)
        {
            context.Error.WriteLine(text.ReportWritten(markdownPath, htmlPath));
        }
        return ExitCodes.Success;
    }

    /// <summary>Today's date in Vietnam (Asia/Ho_Chi_Minh, UTC+7).</summary>
    internal static LocalDate Today()
    {
        DateTimeZone zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull("Asia/Ho_Chi_Minh") ?? DateTimeZone.ForOffset(Offset.FromHours(7));
        return SystemClock.Instance.GetCurrentInstant().InZone(zone).Date;
    }
}
