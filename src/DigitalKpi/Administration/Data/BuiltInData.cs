using System;
using System.IO;
using System.Text;

namespace DigitalKpi.Administration;

/// <summary>
/// Loads <see cref="AdministrativeMap.BuiltIn"/> from provinces.csv and province-successions.csv (this folder),
/// embedded as manifest resources. Sources are cited at the top of each CSV file.
/// </summary>
internal static class BuiltInData
{
    internal const string ResourcePrefix = "DigitalKpi.Administration.Data.";

    internal static AdministrativeMap Load()
    {
        using var unitsReader = Open("provinces.csv");
        using var successionsReader = Open("province-successions.csv");
        return AdministrativeDataFile.Load(unitsReader, successionsReader, null, "provinces.csv (built in)", "province-successions.csv (built in)");
    }

    private static StreamReader Open(string name)
    {
        Stream stream = typeof(BuiltInData).Assembly.GetManifestResourceStream(ResourcePrefix + name)
            ?? throw new InvalidOperationException("The built-in resource " + ResourcePrefix + name + " is missing.");
        return new StreamReader(stream, new UTF8Encoding(false, true));
    }
}
