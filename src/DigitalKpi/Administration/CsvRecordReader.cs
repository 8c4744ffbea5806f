using System.Collections.Generic;
using System.IO;
using System.Text;

namespace DigitalKpi.Administration;

/// <summary>
/// Reads comma-separated records one physical line at a time: blank lines and lines whose first non-blank character
/// is '#' are skipped; a field may be enclosed in double quotes, with "" for a quote inside; unquoted fields are
/// trimmed. A record cannot span lines.
/// </summary>
internal sealed class CsvRecordReader
{
    private readonly TextReader _reader;
    private readonly string _sourceName;
    private int _lineNumber;

    internal CsvRecordReader(TextReader reader, string sourceName)
    {
        _reader = reader;
        _sourceName = sourceName;
    }

    /// <summary>Reads the next record, or returns <see langword="null"/> at the end of the input.</summary>
    internal CsvRecord? Read()
    {
        while (true)
        {
            string? line = _reader.ReadLine();
            if (line is null)
            {
                return null;
            }
            _lineNumber++;
            if (_lineNumber == 1 && line.Length > 0 && line[0] == '\uFEFF')
            {
                line = line.Substring(1);
            }
            string trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed[0] == '#')
            {
                continue;
            }
            return new CsvRecord(_lineNumber, Split(line));
        }
    }

    internal int LinesRead => _lineNumber;

    private List<string> Split(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        int i = 0;
        while (true)
        {
            while (i < line.Length && line[i] is ' ' or '\t')
            {
                i++;
            }
            if (i < line.Length && line[i] == '"')
            {
                i++;
                while (true)
                {
                    if (i >= line.Length)
                    {
                        throw new AdministrativeDataException(_sourceName, _lineNumber, "a quoted field is not closed (a record cannot span lines)");
                    }
                    if (line[i] == '"')
                    {
                        if (i + 1 < line.Length && line[i + 1] == '"')
                        {
                            field.Append('"');
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    field.Append(line[i++]);
                }
                while (i < line.Length && line[i] is ' ' or '\t')
                {
                    i++;
                }
                if (i < line.Length && line[i] != ',')
                {
                    throw new AdministrativeDataException(_sourceName, _lineNumber, "unexpected text after a quoted field");
                }
                fields.Add(field.ToString());
            }
            else
            {
                int start = i;
                while (i < line.Length && line[i] != ',')
                {
                    if (line[i] == '"')
                    {
                        throw new AdministrativeDataException(_sourceName, _lineNumber, "a double quote inside an unquoted field; enclose the field in quotes and double the quote");
                    }
                    i++;
                }
                fields.Add(line.Substring(start, i - start).Trim());
            }
            field.Clear();
            if (i >= line.Length)
            {
                return fields;
            }
            i++; // the comma
        }
    }
}

/// <summary>One record: its 1-based line number and its fields.</summary>
internal sealed class CsvRecord
{
    internal CsvRecord(int lineNumber, List<string> fields)
    {
        LineNumber = lineNumber;
        Fields = fields;
    }

    internal int LineNumber { get; }

    internal List<string> Fields { get; }
}
