using System.Diagnostics;
using System.Globalization;
using System.Text;
using DigitalKpi.Json;
using Xunit.Abstractions;

namespace DigitalKpi.Tests.Json;

/// <summary>
/// Corrupts the valid samples 120,000 times with a fixed seed (bit flips, deletions, duplications, truncations and
/// spliced hostile tokens) and reads every result: each must come back as a model or as a
/// <see cref="KpiJsonException"/> with a path and a sane position; any other exception fails the test. Models that
/// are read must also round-trip through the writer.
/// </summary>
public class JsonMutationTests(ITestOutputHelper output)
{
    private const int Seed = 20_211_104; // Resolution 02-NQ/TU, 2021-11-04.
    private const int PerOperator = 24_000;

    private static readonly byte[][] Tokens =
    [
        "null"u8.ToArray(), "\""u8.ToArray(), "{"u8.ToArray(), "}"u8.ToArray(), "["u8.ToArray(), "]"u8.ToArray(), ","u8.ToArray(), ":"u8.ToArray(),
        "NaN"u8.ToArray(), "Infinity"u8.ToArray(), "-0"u8.ToArray(), "1e999"u8.ToArray(), "1e-999"u8.ToArray(), "79228162514264337593543950336"u8.ToArray(),
        "0.12345678901234567890123456789"u8.ToArray(), "\"\\ud800\""u8.ToArray(), "\\u0000"u8.ToArray(), [0xFF], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xEF, 0xBB, 0xBF], [0x00],
        "true"u8.ToArray(), "\"kind\":"u8.ToArray(), "\"formatVersion\":\"2.0\","u8.ToArray(), "\"id\":\"DUP\","u8.ToArray(), "//"u8.ToArray(), "\"value\":"u8.ToArray(),
        "\"2022-Q5\""u8.ToArray(), "\"rank:0\""u8.ToArray(), "\"atleast\""u8.ToArray(), "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["u8.ToArray(),
    ];

    private enum Operator
    {
        Flip,
        Delete,
        Duplicate,
        Truncate,
        Splice,
    }

    [Fact]
    public void EveryCorruptedSample_IsAModelOrTheDocumentedError()
    {
        List<(JsonSample Sample, byte[] Bytes)> corpus = JsonSamples.Valid.Select(s => (s, File.ReadAllBytes(s.Path))).ToList();
        Assert.True(corpus.Count >= 16);
        var random = new Random(Seed);
        var outcomes = new Dictionary<string, int>(StringComparer.Ordinal);
        var perOperator = new Dictionary<Operator, int>();
        var failures = new List<string>();
        int total = 0, models = 0, errors = 0;
        var clock = Stopwatch.StartNew();

        foreach (Operator op in Enum.GetValues<Operator>())
        {
            for (int i = 0; i < PerOperator; i++)
            {
                (JsonSample sample, byte[] original) = corpus[random.Next(corpus.Count)];
                byte[] mutated = Mutate(op, original, random);
                total++;
                perOperator[op] = perOperator.GetValueOrDefault(op) + 1;
                try
                {
                    object model = JsonSamples.Read(sample, mutated);
                    models++;
                    Count(outcomes, "model");
                    object again = model is Catalog c
                        ? KpiJson.ReadCatalog(KpiJson.ToUtf8Bytes(c)).Model
                        : KpiJson.ReadMeasurementSet(KpiJson.ToUtf8Bytes((MeasurementSet)model)).Model;
                    if (!model.Equals(again))
                    {
                        failures.Add(Describe(op, sample, i, "the model read does not round-trip", mutated));
                    }
                }
                catch (KpiJsonException e)
                {
                    errors++;
                    Count(outcomes, e.ErrorKind.ToString());
                    string? problem = Check(e, mutated);
                    if (problem is not null)
                    {
                        failures.Add(Describe(op, sample, i, problem + ": " + e.Message, mutated));
                    }
                }
#pragma warning disable CA1031 // Any other exception is exactly what this test exists to catch.
                catch (Exception e)
#pragma warning restore CA1031
                {
                    failures.Add(Describe(op, sample, i, e.GetType().FullName + ": " + e.Message + "\n" + e.StackTrace, mutated));
                }
                if (failures.Count >= 5)
                {
                    break;
                }
            }
        }
        clock.Stop();

        output.WriteLine("mutations: " + total.ToString(CultureInfo.InvariantCulture) + " in " + clock.Elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture) + " s; models " + models.ToString(CultureInfo.InvariantCulture) + ", KpiJsonException " + errors.ToString(CultureInfo.InvariantCulture));
        foreach ((Operator op, int n) in perOperator)
        {
            output.WriteLine("  " + op + ": " + n.ToString(CultureInfo.InvariantCulture));
        }
        foreach ((string outcome, int n) in outcomes.OrderByDescending(p => p.Value))
        {
            output.WriteLine("  " + outcome + ": " + n.ToString(CultureInfo.InvariantCulture));
        }

        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
        Assert.Equal(5 * PerOperator, total);
        Assert.True(total >= 100_000);
        Assert.Equal(total, models + errors);
        Assert.All(Enum.GetValues<Operator>(), op => Assert.Equal(PerOperator, perOperator[op]));

        // The corruption reaches every layer: the encoding check, the scanner, the serializer, the mapper, and models.
        foreach (string expected in new[] { "model", "MalformedJson", "InvalidEncoding", "WrongType", "UnknownMember", "DuplicateMember", "MissingMember", "InvalidValue", "NumberOutOfRange", "UnsupportedVersion", "TooDeep" })
        {
            Assert.True(outcomes.GetValueOrDefault(expected) > 0, "no mutation produced " + expected);
        }
    }

    private static void Count(Dictionary<string, int> outcomes, string key) => outcomes[key] = outcomes.GetValueOrDefault(key) + 1;

    private static string? Check(KpiJsonException e, byte[] document)
    {
        if (!e.Path.StartsWith('$'))
        {
            return "path does not start with $";
        }
        if (string.IsNullOrWhiteSpace(e.Reason))
        {
            return "no reason";
        }
        if (e.ErrorKind == KpiJsonErrorKind.DocumentTooLarge)
        {
            return null;
        }
        if (e.LineNumber is not { } line || e.Column is not { } column || e.BytePositionInLine is not { } bytes)
        {
            return "no position";
        }
        int lines = 1 + document.Count(b => b == (byte)'\n');
        if (line < 1 || line > lines || column < 1 || bytes < 0 || column > bytes + 1)
        {
            return "position out of the document (line " + line.ToString(CultureInfo.InvariantCulture) + " of " + lines.ToString(CultureInfo.InvariantCulture) + ", column " + column.ToString(CultureInfo.InvariantCulture) + ")";
        }
        return null;
    }

    private static byte[] Mutate(Operator op, byte[] original, Random random)
    {
        int n = original.Length;
        switch (op)
        {
            case Operator.Flip:
            {
                byte[] copy = (byte[])original.Clone();
                int flips = 1 + random.Next(3);
                for (int k = 0; k < flips; k++)
                {
                    copy[random.Next(n)] ^= (byte)(1 << random.Next(8));
                }
                return copy;
            }
            case Operator.Delete:
            {
                int at = random.Next(n);
                int length = Math.Min(n - at, 1 + random.Next(random.Next(4) == 0 ? 200 : 8));
                return [.. original.AsSpan(0, at), .. original.AsSpan(at + length)];
            }
            case Operator.Duplicate:
            {
                int at = random.Next(n);
                int length = Math.Min(n - at, 1 + random.Next(random.Next(4) == 0 ? 400 : 24));
                int to = random.Next(2) == 0 ? at + length : random.Next(n + 1);
                return [.. original.AsSpan(0, to), .. original.AsSpan(at, length), .. original.AsSpan(to)];
            }
            case Operator.Truncate:
                return original.AsSpan(0, random.Next(n)).ToArray();
            default:
            {
                byte[] token = Tokens[random.Next(Tokens.Length)];
                int at = random.Next(n + 1);
                int replace = random.Next(3) == 0 ? Math.Min(n - at, random.Next(12)) : 0;
                return [.. original.AsSpan(0, at), .. token, .. original.AsSpan(at + replace)];
            }
        }
    }

    private static string Describe(Operator op, JsonSample sample, int index, string problem, byte[] mutated)
    {
        string text = Encoding.UTF8.GetString(mutated);
        return op + " #" + index.ToString(CultureInfo.InvariantCulture) + " of " + sample.Name + ": " + problem + "\n--- document (first 600 chars) ---\n" + text[..Math.Min(600, text.Length)];
    }
}
