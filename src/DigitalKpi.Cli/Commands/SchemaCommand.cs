using DigitalKpi.Cli.Input;

namespace DigitalKpi.Cli.Commands;

/// <summary><c>dkpi schema</c>: writes the JSON Schemas of catalog and measurement-set files.</summary>
internal static class SchemaCommand
{
    internal static int Execute(string outDir, CommonOptions common, CliContext context)
    {
        var text = common.Text;
        IReadOnlyList<SchemaFile> schemas = KpiFiles.Schemas();
        OutputFiles.CreateDirectory(outDir, text);
        foreach (SchemaFile s in schemas)
        {
            string path = Path.Combine(outDir, s.FileName);
            OutputFiles.Write(path, s.Content, text);
            context.Out.WriteLine(path);
        }
        if (!common.Quiet)
        {
            context.Error.WriteLine(text.SchemaWritten(outDir));
        }
        return ExitCodes.Success;
    }
}
