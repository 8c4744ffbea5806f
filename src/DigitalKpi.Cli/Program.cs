using System.Text;
using DigitalKpi.Cli.Commands;

// dkpi: validate, report, schema. See DkpiCommandLine for the command tree and the exit codes.
Console.OutputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
return DkpiCommandLine.Run(args, CliContext.FromConsole());
