using System;
using System.Globalization;
using System.IO;
using System.Resources;

namespace DigitalKpi.Administration;

/// <summary>
/// Loads <see cref="AdministrativeMap.BuiltIn"/> from provinces.csv and province-successions.csv (this folder),
/// embedded through BuiltInMapData.resx. Sources are cited at the top of each CSV file.
/// </summary>
internal static class BuiltInData
{
    internal const string ResourceName = "DigitalKpi.Administration.Data.BuiltInMapData";

    internal static AdministrativeMap Load()
    {
        var resources = new ResourceManager(ResourceName, typeof(BuiltInData).Assembly);
        string units = Read(resources, "Provinces");
        string successions = Read(resources, "ProvinceSuccessions");
        using var unitsReader = new StringReader(units);
        using var successionsReader = new StringReader(successions);
        return AdministrativeDataFile.Load(unitsReader, successionsReader, null, "provinces.csv (built in)", "province-successions.csv (built in)");
    }

    private static string Read(ResourceManager resources, string name)
        => resources.GetString(name, CultureInfo.InvariantCulture)
            ?? throw new InvalidOperationException("The built-in resource " + name + " is missing from " + ResourceName + ".");
}
