using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using DigitalKpi.Cli.Input;
using DigitalKpi.Cli.Localization;
using NodaTime;
using NodaTime.Text;

namespace DigitalKpi.Cli.Commands;

/// <summary>
/// The command tree (System.CommandLine) and the error policy: parse errors and user errors print one message to
/// standard error and exit with 2; bugs print a one-line message (stack trace only with DKPI_DEBUG=1) and exit with 3.
/// </summary>
internal static class DkpiCommandLine
{
    private static readonly string[] HelpArgs = { "--help" };

    /// <summary>Runs the tool.</summary>
    internal static int Run(string[] args, CliContext context)
    {
        UiLanguage preliminary = UiLanguages.FromArgs(args);
        Strings text = Strings.For(preliminary);
        try
        {
            RootCommand root = Build(text, context);
            if (args.Length == 0)
            {
                // No command: show the help, but as a usage error.
                root.Parse(HelpArgs).Invoke(new InvocationConfiguration { Output = context.Error, Error = context.Error });
                return ExitCodes.InputError;
            }
            ParseResult parse = root.Parse(args);
            if (parse.Action is ParseErrorAction)
            {
                foreach (ParseError e in parse.Errors)
                {
                    context.Error.WriteLine("dkpi: " + e.Message);
                }
                context.Error.WriteLine(text.UsageHint);
                return ExitCodes.InputError;
            }
            var config = new InvocationConfiguration
            {
                Output = context.Out,
                Error = context.Error,
                EnableDefaultExceptionHandler = false,
            };
            return parse.Invoke(config);
        }
        catch (CliException e)
        {
            context.Error.WriteLine(e.File is null ? "dkpi: error: " + e.Message : Reporting.DiagnosticText.FormatUnreadable(e.File, e.Line, e.Column, e.Message));
            return ExitCodes.InputError;
        }
        catch (OperationCanceledException)
        {
            context.Error.WriteLine("dkpi: " + text.Cancelled);
            return ExitCodes.InputError;
        }
#pragma warning disable CA1031 // The last line of defence: no stack trace for the user unless asked for.
        catch (Exception e)
#pragma warning restore CA1031
        {
            context.Error.WriteLine("dkpi: " + text.InternalError(e.GetType().Name + ": " + e.Message));
            if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DKPI_DEBUG")))
            {
                context.Error.WriteLine(e.ToString());
            }
            return ExitCodes.InternalError;
        }
    }

    /// <summary>Builds the command tree with descriptions in the given language.</summary>
    internal static RootCommand Build(Strings text, CliContext context)
    {
        var lang = new Option<string?>("--lang", "-l")
        {
            Description = text.LangDescription,
            HelpName = "vi|en",
            Recursive = true,
        };
        lang.Validators.Add(r =>
        {
            string? v = r.GetValueOrDefault<string?>();
            if (v is not null && !UiLanguages.TryParse(v, out _))
            {
                r.AddError(text.BadLang(v));
            }
        });
        var quiet = new Option<bool>("--quiet", "-q") { Description = text.QuietDescription, Recursive = true };

        var root = new RootCommand(text.RootDescription);
        foreach (Option o in root.Options)
        {
            if (o is HelpOption)
            {
                o.Description = text.HelpOptionDescription;
            }
            else if (o is VersionOption)
            {
                o.Description = text.VersionOptionDescription;
            }
        }
        root.Options.Add(lang);
        root.Options.Add(quiet);

        CommonOptions Common(ParseResult p)
        {
            string? l = p.GetValue(lang);
            UiLanguage language = l is not null && UiLanguages.TryParse(l, out UiLanguage parsed) ? parsed : UiLanguages.Default();
            return new CommonOptions(language, p.GetValue(quiet));
        }

        // validate
        var files = new Argument<string[]>("FILE") { Description = text.ValidateFilesDescription, Arity = ArgumentArity.OneOrMore };
        var sarif = new Option<string?>("--sarif") { Description = text.SarifDescription, HelpName = "FILE" };
        var validate = new Command("validate", text.ValidateDescription) { files, sarif };
        validate.SetAction(p => ValidateCommand.Execute(p.GetValue(files) ?? Array.Empty<string>(), p.GetValue(sarif), Common(p), context));
        root.Subcommands.Add(validate);

        // report
        var outDir = new Option<string>("--out", "-o")
        {
            Description = text.OutDescription,
            HelpName = "DIR",
            DefaultValueFactory = _ => ReportCommand.DefaultOut,
        };
        var asOf = new Option<LocalDate?>("--as-of")
        {
            Description = text.AsOfDescription,
            HelpName = "DATE",
            CustomParser = r =>
            {
                string token = r.Tokens.Count > 0 ? r.Tokens[0].Value : string.Empty;
                ParseResult<LocalDate> d = LocalDatePattern.Iso.Parse(token.Trim());
                if (d.Success)
                {
                    return d.Value;
                }
                r.AddError(text.BadDate(token));
                return null;
            },
        };
        var catalogs = new Option<string[]>("--catalog", "-c")
        {
            Description = text.CatalogOptionDescription,
            HelpName = "FILE",
            AllowMultipleArgumentsPerToken = true,
            Arity = ArgumentArity.OneOrMore,
        };
        var measurements = new Option<string[]>("--measurements", "-m")
        {
            Description = text.MeasurementsOptionDescription,
            HelpName = "FILE",
            AllowMultipleArgumentsPerToken = true,
            Arity = ArgumentArity.OneOrMore,
        };
        var noColor = new Option<bool>("--no-color") { Description = text.NoColorDescription };
        var report = new Command("report", text.ReportDescription) { outDir, asOf, catalogs, measurements, noColor };
        report.SetAction(p => ReportCommand.Execute(
            p.GetValue(catalogs) ?? Array.Empty<string>(),
            p.GetValue(measurements) ?? Array.Empty<string>(),
            p.GetValue(outDir) ?? ReportCommand.DefaultOut,
            p.GetValue(asOf),
            p.GetValue(noColor),
            Common(p),
            context));
        root.Subcommands.Add(report);

        // schema
        var schemaOut = new Option<string>("--out", "-o")
        {
            Description = text.SchemaOutDescription,
            HelpName = "DIR",
            DefaultValueFactory = _ => ".",
        };
        var schema = new Command("schema", text.SchemaDescription) { schemaOut };
        schema.SetAction(p => SchemaCommand.Execute(p.GetValue(schemaOut) ?? ".", Common(p), context));
        root.Subcommands.Add(schema);

        return root;
    }
}
