using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;

namespace DigitalKpi.Json.Internal;

/// <summary>A place in a document: 1-based line and column (in characters) and 0-based byte offset in the line.</summary>
internal readonly struct TextPosition
{
    internal TextPosition(int line, int column, long bytePositionInLine)
    {
        Line = line;
        Column = column;
        BytePositionInLine = bytePositionInLine;
    }

    internal int Line { get; }

    internal int Column { get; }

    internal long BytePositionInLine { get; }
}

/// <summary>
/// Maps JSON paths (as System.Text.Json writes them: <c>$.targets[2].upper</c>) to byte offsets and byte offsets to
/// lines and columns. A member's position is that of its name; an array element's, that of its value.
/// </summary>
internal static class JsonPositions
{
    /// <summary>The line and column of a byte offset (lines end at LF; a column counts UTF-8 characters).</summary>
    internal static TextPosition At(ReadOnlySpan<byte> json, long offset)
    {
        if (offset > json.Length)
        {
            offset = json.Length;
        }
        int line = 1;
        long lineStart = 0;
        for (int i = 0; i < offset; i++)
        {
            if (json[i] == (byte)'\n')
            {
                line++;
                lineStart = i + 1;
            }
        }
        return new TextPosition(line, ColumnOf(json, lineStart, offset), offset - lineStart);
    }

    /// <summary>The byte offset of a 0-based line and byte position in it, as System.Text.Json reports them.</summary>
    internal static long OffsetOf(ReadOnlySpan<byte> json, long line0, long bytePositionInLine)
    {
        long line = 0;
        int i = 0;
        while (line < line0 && i < json.Length)
        {
            if (json[i] == (byte)'\n')
            {
                line++;
            }
            i++;
        }
        return Math.Min(json.Length, i + bytePositionInLine);
    }

    /// <summary>
    /// The offset of the last token at <paramref name="path"/> that starts at or before <paramref name="limit"/>
    /// (the last, so that the second of two duplicate members is found), or -1. Reading stops quietly at malformed text.
    /// </summary>
    internal static long Find(ReadOnlySpan<byte> json, string path, long limit, int maxDepth)
    {
        long found = -1;
        Walk(json, maxDepth, limit, (p, offset) =>
        {
            if (string.Equals(p, path, StringComparison.Ordinal))
            {
                found = offset;
            }
        });
        return found;
    }

    /// <summary>Finds a path, or else its nearest enclosing path that exists; returns the offset or -1.</summary>
    internal static long FindOrParent(ReadOnlySpan<byte> json, string path, long limit, int maxDepth)
    {
        string? p = path;
        while (p is not null)
        {
            long offset = Find(json, p, limit, maxDepth);
            if (offset >= 0)
            {
                return offset;
            }
            p = Parent(p);
        }
        return -1;
    }

    /// <summary>An index of every path of a well-formed document (first occurrence), for locating many diagnostics.</summary>
    internal static Dictionary<string, long> Index(ReadOnlySpan<byte> json, int maxDepth)
    {
        var index = new Dictionary<string, long>(StringComparer.Ordinal);
        Walk(json, maxDepth, long.MaxValue, (p, offset) =>
        {
#pragma warning disable CA1864 // Dictionary.TryAdd does not exist on netstandard2.0.
            if (!index.ContainsKey(p))
            {
                index.Add(p, offset);
            }
#pragma warning restore CA1864
        });
        return index;
    }

    /// <summary>The enclosing path (<c>$.a[1].b</c> → <c>$.a[1]</c> → <c>$.a</c> → <c>$</c> → null).</summary>
    internal static string? Parent(string path)
    {
        if (path.Length <= 1)
        {
            return null;
        }
        int end = path.Length;
        if (path[end - 1] == ']')
        {
            int open = path.LastIndexOf("[", StringComparison.Ordinal);
            if (end >= 2 && path[end - 2] == '\'')
            {
                open = path.LastIndexOf("['", StringComparison.Ordinal);
            }
            return open > 0 ? path.Substring(0, open) : "$";
        }
        int dot = path.LastIndexOf(".", StringComparison.Ordinal);
        return dot > 0 ? path.Substring(0, dot) : "$";
    }

    /// <summary>A member's path segment, formatted as System.Text.Json formats it.</summary>
    internal static string Member(string parent, string name)
    {
        foreach (char c in name)
        {
            if (IsSpecial(c))
            {
                return parent + "['" + name + "']";
            }
        }
        return parent + "." + name;
    }

    internal static string Element(string parent, int index) => parent + "[" + index.ToString(CultureInfo.InvariantCulture) + "]";

    private static bool IsSpecial(char c)
        => c is '.' or ' ' or '\'' or '/' or '"' or '[' or ']' or '(' or ')' or '\t' or '\n' or '\r' or '\f' or '\b' or '\\' or '\u0085' or '\u2028' or '\u2029';

    private static int ColumnOf(ReadOnlySpan<byte> json, long lineStart, long offset)
    {
        int column = 1;
        for (long i = lineStart; i < offset; i++)
        {
            if ((json[(int)i] & 0xC0) != 0x80)
            {
                column++;
            }
        }
        return column;
    }

    private delegate void Visit(string path, long offset);

    private static void Walk(ReadOnlySpan<byte> json, int maxDepth, long limit, Visit visit)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = Math.Max(maxDepth, 1) });
        var containers = new Stack<(string Path, bool IsArray, int Next)>();
        string? pendingMember = null;
        try
        {
            while (reader.Read())
            {
                long start = reader.TokenStartIndex;
                if (start > limit)
                {
                    return;
                }
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        pendingMember = Member(containers.Peek().Path, reader.GetString()!);
                        visit(pendingMember, start);
                        continue;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        containers.Pop();
                        continue;
                }
                string valuePath;
                if (containers.Count == 0)
                {
                    valuePath = "$";
                    visit(valuePath, start);
                }
                else if (containers.Peek().IsArray)
                {
                    (string parent, bool isArray, int next) = containers.Pop();
                    containers.Push((parent, isArray, next + 1));
                    valuePath = Element(parent, next);
                    visit(valuePath, start);
                }
                else
                {
                    valuePath = pendingMember ?? "$";
                }
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    containers.Push((valuePath, reader.TokenType == JsonTokenType.StartArray, 0));
                }
            }
        }
        catch (JsonException)
        {
            // Malformed beyond this point: what was found so far stands.
        }
        catch (InvalidOperationException)
        {
            // A member name that is not valid Unicode: what was found so far stands.
        }
    }
}
