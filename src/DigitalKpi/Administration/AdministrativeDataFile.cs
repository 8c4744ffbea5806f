using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using DigitalKpi.Utility;
using NodaTime;
using NodaTime.Text;

namespace DigitalKpi.Administration;

/// <summary>
/// Reads and writes administrative units and successions as UTF-8 CSV files with a header line, and loads them
/// into an <see cref="AdministrativeMap"/> (usually on top of <see cref="AdministrativeMap.BuiltIn"/>). Every error
/// is an <see cref="AdministrativeDataException"/> carrying the source name and line number.
/// </summary>
/// <remarks>
/// <para><b>Syntax.</b> Comma-separated, one record per line, first record the header (column names, any order,
/// case-insensitive). Blank lines and lines starting with '#' are ignored. A field may be enclosed in double quotes
/// ("" inside for a quote). Dates are ISO (yyyy-MM-dd); numbers use '.' for decimals, whatever the culture.</para>
/// <para><b>Units file.</b> Required columns: <c>code</c>, <c>name</c>, <c>level</c> (national, province, district,
/// commune), <c>parent_code</c> (empty for the nation or a top-level province), <c>valid_from</c>, <c>valid_to</c>
/// (inclusive; empty while the unit exists). Optional: <c>type</c> (nation, province, centrally-run-city,
/// rural-district, urban-district, town, city, commune, ward, township, special-zone; default by level),
/// <c>english_name</c>, <c>parent_from</c> and <c>parent_to</c> (the period of this row's parent link; empty means
/// the unit's own bounds). A unit whose parent changes takes one row per parent link, with the same code and
/// valid_from and the same name, level, type and valid_to.</para>
/// <para><b>Successions file.</b> Required columns: <c>effective_date</c>, <c>kind</c> (merge, split, rename,
/// reclassification, reorganisation), <c>predecessors</c> and <c>successors</c> (codes separated by ';').
/// Optional: <c>weights</c> (one positive number per successor, separated by ';'), <c>legal_basis</c>.</para>
/// </remarks>
public static class AdministrativeDataFile
{
    private const string CodeColumn = "code";
    private const string NameColumn = "name";
    private const string LevelColumn = "level";
    private const string TypeColumn = "type";
    private const string ParentCodeColumn = "parent_code";
    private const string ValidFromColumn = "valid_from";
    private const string ValidToColumn = "valid_to";
    private const string ParentFromColumn = "parent_from";
    private const string ParentToColumn = "parent_to";
    private const string EnglishNameColumn = "english_name";
    private const string EffectiveDateColumn = "effective_date";
    private const string KindColumn = "kind";
    private const string PredecessorsColumn = "predecessors";
    private const string SuccessorsColumn = "successors";
    private const string WeightsColumn = "weights";
    private const string LegalBasisColumn = "legal_basis";

    private static readonly string[] UnitRequired = { CodeColumn, NameColumn, LevelColumn, ParentCodeColumn, ValidFromColumn, ValidToColumn };
    private static readonly string[] UnitOptional = { TypeColumn, EnglishNameColumn, ParentFromColumn, ParentToColumn };
    private static readonly string[] SuccessionRequired = { EffectiveDateColumn, KindColumn, PredecessorsColumn, SuccessorsColumn };
    private static readonly string[] SuccessionOptional = { WeightsColumn, LegalBasisColumn };

    private static readonly AdministrativeLevel[] Levels =
    {
        AdministrativeLevel.National, AdministrativeLevel.Province, AdministrativeLevel.District, AdministrativeLevel.Commune,
    };

    private static readonly AdministrativeUnitType[] Types =
    {
        AdministrativeUnitType.Nation, AdministrativeUnitType.Province, AdministrativeUnitType.CentrallyRunCity,
        AdministrativeUnitType.RuralDistrict, AdministrativeUnitType.UrbanDistrict, AdministrativeUnitType.Town, AdministrativeUnitType.City,
        AdministrativeUnitType.Commune, AdministrativeUnitType.Ward, AdministrativeUnitType.Township, AdministrativeUnitType.SpecialZone,
    };

    private static readonly SuccessionKind[] Kinds =
    {
        SuccessionKind.Merge, SuccessionKind.Split, SuccessionKind.Rename, SuccessionKind.Reclassification, SuccessionKind.Reorganisation,
    };

    /// <summary>Reads a units file.</summary>
    /// <param name="reader">The text; the caller disposes it.</param>
    /// <param name="sourceName">The name used in error messages, usually the file name.</param>
    /// <returns>The units, in the order of their first line.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="AdministrativeDataException">The text is malformed or describes an invalid unit.</exception>
    public static IReadOnlyList<AdministrativeUnit> ReadUnits(TextReader reader, string sourceName = "units")
        => ReadUnitsWithLines(Preconditions.CheckNotNull(reader), Preconditions.CheckNotNull(sourceName)).Select(p => p.Unit).ToArray();

    /// <summary>Reads a successions file.</summary>
    /// <param name="reader">The text; the caller disposes it.</param>
    /// <param name="sourceName">The name used in error messages, usually the file name.</param>
    /// <returns>The successions, in file order.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="AdministrativeDataException">The text is malformed or describes an invalid succession.</exception>
    public static IReadOnlyList<Succession> ReadSuccessions(TextReader reader, string sourceName = "successions")
        => ReadSuccessionsWithLines(Preconditions.CheckNotNull(reader), Preconditions.CheckNotNull(sourceName)).Select(p => p.Succession).ToArray();

    /// <summary>
    /// Reads units and, optionally, successions and builds a map of them together with the units and successions of
    /// <paramref name="baseMap"/>. A consistency error in the files' records is reported at the line that defines the
    /// unit or succession concerned.
    /// </summary>
    /// <param name="units">The units file text.</param>
    /// <param name="successions">The successions file text, or <see langword="null"/>.</param>
    /// <param name="baseMap">A map to extend, typically <see cref="AdministrativeMap.BuiltIn"/>, or <see langword="null"/>.</param>
    /// <param name="unitsSourceName">The name of the units source in error messages.</param>
    /// <param name="successionsSourceName">The name of the successions source in error messages.</param>
    /// <returns>The map.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="units"/> or a source name is <see langword="null"/>.</exception>
    /// <exception cref="AdministrativeDataException">A file is malformed, or its records are inconsistent.</exception>
    /// <exception cref="AdministrativeMapException">The inconsistency lies in <paramref name="baseMap"/>'s records only.</exception>
    public static AdministrativeMap Load(
        TextReader units,
        TextReader? successions = null,
        AdministrativeMap? baseMap = null,
        string unitsSourceName = "units",
        string successionsSourceName = "successions")
    {
        Preconditions.CheckNotNull(units);
        Preconditions.CheckNotNull(unitsSourceName);
        Preconditions.CheckNotNull(successionsSourceName);
        List<(AdministrativeUnit Unit, int Line)> unitLines = ReadUnitsWithLines(units, unitsSourceName);
        List<(Succession Succession, int Line)> successionLines = successions is null
            ? new List<(Succession, int)>()
            : ReadSuccessionsWithLines(successions, successionsSourceName);

        AdministrativeMapBuilder builder = baseMap?.ToBuilder() ?? new AdministrativeMapBuilder();
        builder.AddRange(unitLines.Select(p => p.Unit)).AddRange(successionLines.Select(p => p.Succession));
        try
        {
            return builder.Build();
        }
        catch (AdministrativeMapException ex) when (ex is not AdministrativeDataException)
        {
            if (ex.Succession is { } succession)
            {
                foreach ((Succession s, int line) in successionLines)
                {
                    if (ReferenceEquals(s, succession))
                    {
                        throw new AdministrativeDataException(successionsSourceName, line, ex.Message, ex.UnitCode, ex);
                    }
                }
            }
            else
            {
                foreach ((AdministrativeUnit u, int line) in unitLines)
                {
                    if (ex.UnitId is { } id ? u.Id == id : string.Equals(u.Code, ex.UnitCode, StringComparison.Ordinal))
                    {
                        throw new AdministrativeDataException(unitsSourceName, line, ex.Message, ex.UnitCode, ex);
                    }
                }
            }
            throw;
        }
    }

    /// <summary>Reads files from disk (UTF-8) and builds a map, as <see cref="Load"/>; error messages name the paths.</summary>
    /// <param name="unitsPath">The path of the units file.</param>
    /// <param name="successionsPath">The path of the successions file, or <see langword="null"/>.</param>
    /// <param name="baseMap">A map to extend, or <see langword="null"/>.</param>
    /// <returns>The map.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="unitsPath"/> is <see langword="null"/>.</exception>
    /// <exception cref="IOException">A file cannot be read.</exception>
    /// <exception cref="AdministrativeDataException">A file is malformed, or its records are inconsistent.</exception>
    public static AdministrativeMap LoadFiles(string unitsPath, string? successionsPath = null, AdministrativeMap? baseMap = null)
    {
        Preconditions.CheckNotBlank(unitsPath);
        using var units = new StreamReader(unitsPath, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        if (successionsPath is null)
        {
            return Load(units, null, baseMap, unitsPath);
        }
        using var successions = new StreamReader(successionsPath, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return Load(units, successions, baseMap, unitsPath, successionsPath);
    }

    /// <summary>Writes units in the units file format: one row per parent link (one row for a unit without parent).</summary>
    /// <param name="writer">The destination; the caller disposes it.</param>
    /// <param name="units">The units.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static void WriteUnits(TextWriter writer, IEnumerable<AdministrativeUnit> units)
    {
        Preconditions.CheckNotNull(writer);
        Preconditions.CheckNotNull(units);
        WriteRow(writer, CodeColumn, NameColumn, LevelColumn, TypeColumn, ParentCodeColumn, ValidFromColumn, ValidToColumn, ParentFromColumn, ParentToColumn, EnglishNameColumn);
        foreach (AdministrativeUnit unit in units)
        {
            string validTo = unit.ValidTo is { } to ? ValidityPeriod.Format(to) : string.Empty;
            if (unit.ParentLinks.Count == 0)
            {
                WriteRow(writer, unit.Code, unit.Name, Kebab(unit.Level.ToString()), Kebab(unit.Type.ToString()), string.Empty,
                    ValidityPeriod.Format(unit.ValidFrom), validTo, string.Empty, string.Empty, unit.EnglishName ?? string.Empty);
                continue;
            }
            bool single = unit.ParentLinks.Count == 1;
            foreach (ParentLink link in unit.ParentLinks)
            {
                WriteRow(writer, unit.Code, unit.Name, Kebab(unit.Level.ToString()), Kebab(unit.Type.ToString()), link.ParentCode,
                    ValidityPeriod.Format(unit.ValidFrom), validTo,
                    single && link.Validity.Start == unit.ValidFrom ? string.Empty : ValidityPeriod.Format(link.Validity.Start),
                    single && link.Validity.End == unit.ValidTo ? string.Empty : (link.Validity.End is { } end ? ValidityPeriod.Format(end) : string.Empty),
                    unit.EnglishName ?? string.Empty);
            }
        }
    }

    /// <summary>Writes successions in the successions file format.</summary>
    /// <param name="writer">The destination; the caller disposes it.</param>
    /// <param name="successions">The successions.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static void WriteSuccessions(TextWriter writer, IEnumerable<Succession> successions)
    {
        Preconditions.CheckNotNull(writer);
        Preconditions.CheckNotNull(successions);
        WriteRow(writer, EffectiveDateColumn, KindColumn, PredecessorsColumn, SuccessorsColumn, WeightsColumn, LegalBasisColumn);
        foreach (Succession s in successions)
        {
            WriteRow(writer, ValidityPeriod.Format(s.EffectiveDate), Kebab(s.Kind.ToString()),
                string.Join(";", s.PredecessorCodes), string.Join(";", s.SuccessorCodes),
                string.Join(";", s.SuccessorWeights.Select(w => w.ToString(CultureInfo.InvariantCulture))),
                s.LegalBasis ?? string.Empty);
        }
    }

    private static List<(AdministrativeUnit Unit, int Line)> ReadUnitsWithLines(TextReader reader, string sourceName)
    {
        var csv = new CsvRecordReader(reader, sourceName);
        Header header = ReadHeader(csv, sourceName, UnitRequired, UnitOptional);
        var groups = new List<UnitRows>();
        var byId = new Dictionary<AdministrativeUnitId, UnitRows>();
        for (CsvRecord? record = csv.Read(); record is not null; record = csv.Read())
        {
            var row = new Row(record, header, sourceName);
            string code = row.Required(CodeColumn);
            string name = NameText.Nfc(row.Required(NameColumn));
            AdministrativeLevel level = row.ParseEnum(LevelColumn, row.Required(LevelColumn), Levels);
            string typeText = row.Optional(TypeColumn);
            AdministrativeUnitType type = typeText.Length == 0 ? AdministrativeUnitTypes.DefaultFor(level) : row.ParseEnum(TypeColumn, typeText, Types);
            LocalDate validFrom = row.Date(ValidFromColumn, row.Required(ValidFromColumn));
            LocalDate? validTo = row.OptionalDate(ValidToColumn);
            string parentCode = row.Optional(ParentCodeColumn);
            LocalDate? parentFrom = row.OptionalDate(ParentFromColumn);
            LocalDate? parentTo = row.OptionalDate(ParentToColumn);
            string englishName = row.Optional(EnglishNameColumn);
            if (parentCode.Length == 0 && (parentFrom is not null || parentTo is not null))
            {
                throw row.Error("parent_from and parent_to need a parent_code", code);
            }

            var id = new AdministrativeUnitId(code, validFrom);
            if (!byId.TryGetValue(id, out UnitRows? group))
            {
                group = new UnitRows(record.LineNumber, code, name, level, type, validFrom, validTo, englishName);
                byId.Add(id, group);
                groups.Add(group);
            }
            else if (!group.SameUnit(name, level, type, validTo, englishName))
            {
                throw row.Error(
                    "unit " + id.ToString() + " differs from its definition on line " + group.Line.ToString(CultureInfo.InvariantCulture)
                    + " (rows of one unit must agree on name, level, type, valid_to and english_name)", code);
            }
            else if (parentCode.Length == 0 || group.Links.Count == 0)
            {
                throw row.Error("unit " + id.ToString() + " is repeated; repeat a unit only to give it several parent links", code);
            }
            if (parentCode.Length > 0)
            {
                try
                {
                    group.Links.Add(new ParentLink(parentCode, parentFrom ?? validFrom, parentTo ?? validTo));
                }
                catch (ArgumentException ex)
                {
                    throw row.Error("unit " + code + ": " + ex.Message, code, ex);
                }
            }
        }

        var result = new List<(AdministrativeUnit, int)>(groups.Count);
        foreach (UnitRows group in groups)
        {
            try
            {
                var unit = new AdministrativeUnit(group.Code, group.Name, group.Level, group.Type, new ValidityPeriod(group.ValidFrom, group.ValidTo),
                    group.Links, group.EnglishName.Length == 0 ? null : group.EnglishName);
                result.Add((unit, group.Line));
            }
            catch (ArgumentException ex)
            {
                throw new AdministrativeDataException(sourceName, group.Line, ex.Message, group.Code, ex);
            }
        }
        return result;
    }

    private static List<(Succession Succession, int Line)> ReadSuccessionsWithLines(TextReader reader, string sourceName)
    {
        var csv = new CsvRecordReader(reader, sourceName);
        Header header = ReadHeader(csv, sourceName, SuccessionRequired, SuccessionOptional);
        var result = new List<(Succession, int)>();
        for (CsvRecord? record = csv.Read(); record is not null; record = csv.Read())
        {
            var row = new Row(record, header, sourceName);
            LocalDate date = row.Date(EffectiveDateColumn, row.Required(EffectiveDateColumn));
            SuccessionKind kind = row.ParseEnum(KindColumn, row.Required(KindColumn), Kinds);
            string[] predecessors = row.List(PredecessorsColumn, row.Required(PredecessorsColumn));
            string[] successors = row.List(SuccessorsColumn, row.Required(SuccessorsColumn));
            string weightsText = row.Optional(WeightsColumn);
            decimal[]? weights = null;
            if (weightsText.Length > 0)
            {
                weights = row.List(WeightsColumn, weightsText).Select(w => row.Decimal(WeightsColumn, w)).ToArray();
            }
            string legalBasis = row.Optional(LegalBasisColumn);
            try
            {
                result.Add((new Succession(kind, date, predecessors, successors, weights, legalBasis.Length == 0 ? null : legalBasis), record.LineNumber));
            }
            catch (ArgumentException ex)
            {
                throw row.Error(ex.Message, predecessors.FirstOrDefault(), ex);
            }
        }
        return result;
    }

    private static Header ReadHeader(CsvRecordReader csv, string sourceName, string[] required, string[] optional)
    {
        CsvRecord header = csv.Read()
            ?? throw new AdministrativeDataException(sourceName, Math.Max(1, csv.LinesRead), "no header line; expected the columns " + string.Join(", ", required));
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < header.Fields.Count; i++)
        {
            string name = header.Fields[i].Trim().ToLowerInvariant();
            if (Array.IndexOf(required, name) < 0 && Array.IndexOf(optional, name) < 0)
            {
                throw new AdministrativeDataException(sourceName, header.LineNumber,
                    "unknown column '" + header.Fields[i] + "'; the columns are " + string.Join(", ", required.Concat(optional)));
            }
            if (columns.ContainsKey(name))
            {
                throw new AdministrativeDataException(sourceName, header.LineNumber, "column '" + name + "' appears twice");
            }
            columns.Add(name, i);
        }
        string[] missing = required.Where(c => !columns.ContainsKey(c)).ToArray();
        if (missing.Length > 0)
        {
            throw new AdministrativeDataException(sourceName, header.LineNumber, "missing column(s) " + string.Join(", ", missing));
        }
        return new Header(columns, header.Fields.Count);
    }

    private static void WriteRow(TextWriter writer, params string[] fields)
    {
        for (int i = 0; i < fields.Length; i++)
        {
            if (i > 0)
            {
                writer.Write(',');
            }
            string field = fields[i];
            if (!NeedsQuotes(field, i == 0))
            {
                writer.Write(field);
                continue;
            }
            writer.Write('"');
            foreach (char c in field)
            {
                writer.Write(c);
                if (c == '"')
                {
                    writer.Write('"');
                }
            }
            writer.Write('"');
        }
        writer.Write('\n');
    }

    private static bool NeedsQuotes(string field, bool first)
    {
        if (field.Length == 0)
        {
            return false;
        }
        if (char.IsWhiteSpace(field[0]) || char.IsWhiteSpace(field[field.Length - 1]) || (first && field[0] == '#'))
        {
            return true;
        }
        foreach (char c in field)
        {
            if (c is ',' or '"')
            {
                return true;
            }
        }
        return false;
    }

    private static string Kebab(string pascal)
    {
        var builder = new StringBuilder(pascal.Length + 4);
        for (int i = 0; i < pascal.Length; i++)
        {
            char c = pascal[i];
            if (char.IsUpper(c) && i > 0)
            {
                builder.Append('-');
            }
            builder.Append(char.ToLowerInvariant(c));
        }
        return builder.ToString();
    }

    private static string Squash(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            if (c is not ('-' or '_' or ' '))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }
        return builder.ToString();
    }

    private sealed class Header
    {
        internal Header(Dictionary<string, int> columns, int count)
        {
            Columns = columns;
            Count = count;
        }

        internal Dictionary<string, int> Columns { get; }

        internal int Count { get; }
    }

    private sealed class UnitRows
    {
        internal UnitRows(int line, string code, string name, AdministrativeLevel level, AdministrativeUnitType type, LocalDate validFrom, LocalDate? validTo, string englishName)
        {
            Line = line;
            Code = code;
            Name = name;
            Level = level;
            Type = type;
            ValidFrom = validFrom;
            ValidTo = validTo;
            EnglishName = englishName;
        }

        internal int Line { get; }

        internal string Code { get; }

        internal string Name { get; }

        internal AdministrativeLevel Level { get; }

        internal AdministrativeUnitType Type { get; }

        internal LocalDate ValidFrom { get; }

        internal LocalDate? ValidTo { get; }

        internal string EnglishName { get; }

        internal List<ParentLink> Links { get; } = new();

        internal bool SameUnit(string name, AdministrativeLevel level, AdministrativeUnitType type, LocalDate? validTo, string englishName)
            => string.Equals(Name, name, StringComparison.Ordinal) && Level == level && Type == type && ValidTo == validTo
                && string.Equals(EnglishName, englishName, StringComparison.Ordinal);
    }

    private readonly struct Row
    {
        private readonly CsvRecord _record;
        private readonly Header _header;
        private readonly string _sourceName;

        internal Row(CsvRecord record, Header header, string sourceName)
        {
            _record = record;
            _header = header;
            _sourceName = sourceName;
            if (record.Fields.Count != header.Count)
            {
                throw Error("expected " + header.Count.ToString(CultureInfo.InvariantCulture) + " fields as in the header, found "
                    + record.Fields.Count.ToString(CultureInfo.InvariantCulture), null);
            }
        }

        internal string Required(string column)
        {
            string value = Optional(column);
            return value.Length > 0 ? value : throw Error("column " + column + " is empty", null);
        }

        internal string Optional(string column)
            => _header.Columns.TryGetValue(column, out int index) ? _record.Fields[index].Trim() : string.Empty;

        internal LocalDate Date(string column, string text)
        {
            ParseResult<LocalDate> result = LocalDatePattern.Iso.Parse(text);
            return result.Success ? result.Value : throw Error(column + " '" + text + "' is not an ISO date (yyyy-MM-dd)", null);
        }

        internal LocalDate? OptionalDate(string column)
        {
            string text = Optional(column);
            return text.Length == 0 ? null : Date(column, text);
        }

        internal decimal Decimal(string column, string text)
            => decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out decimal value)
                ? value
                : throw Error(column + " '" + text + "' is not a number (use '.' for decimals)", null);

        internal string[] List(string column, string text)
        {
            string[] items = text.Split(';').Select(s => s.Trim()).ToArray();
            return Array.TrueForAll(items, s => s.Length > 0) ? items : throw Error(column + " '" + text + "' has an empty item", null);
        }

        internal T ParseEnum<T>(string column, string text, T[] values)
            where T : struct, Enum
        {
            string squashed = Squash(text);
            foreach (T value in values)
            {
                if (string.Equals(Squash(value.ToString()), squashed, StringComparison.Ordinal))
                {
                    return value;
                }
            }
            throw Error(column + " '" + text + "' is not one of " + string.Join(", ", values.Select(v => Kebab(v.ToString()))), null);
        }

        internal AdministrativeDataException Error(string reason, string? unitCode, Exception? inner = null)
            => new(_sourceName, _record.LineNumber, reason, unitCode, inner);
    }
}
