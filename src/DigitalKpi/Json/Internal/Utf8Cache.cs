using System;
using System.Runtime.InteropServices;

namespace DigitalKpi.Json.Internal;

/// <summary>
/// A small cache of short values keyed by their UTF-8 bytes, for one read: the codes and periods that repeat across a
/// measurement set (100 indicators over 100,000 measurements) are decoded and parsed once and then shared. Bounded
/// (<see cref="MaxEntries"/> entries of at most <see cref="MaxKeyBytes"/> bytes, <see cref="MaxProbes"/> probes), with a
/// per-process seed: hostile input costs at most a missed cache, never quadratic time or unbounded memory.
/// </summary>
/// <typeparam name="T">A value parsed from the text, stored with it.</typeparam>
internal sealed class Utf8Cache<T>
{
    internal const int MaxKeyBytes = 64;
    private const int MaxEntries = 4096;
    private const int MaxProbes = 8;

    private static readonly ulong Seed = MakeSeed();

    private Entry[] entries = new Entry[256];
    private int count;

    /// <summary>Finds a value; when it is absent, <paramref name="slot"/> is where <see cref="Add"/> may put it (-1: not cached).</summary>
    internal bool TryGet(ReadOnlySpan<byte> utf8, out string text, out T value, out int slot)
    {
        slot = -1;
        text = null!;
        value = default!;
        if (utf8.Length > MaxKeyBytes)
        {
            return false;
        }
        int hash = Hash(utf8);
        Entry[] table = entries;
        int mask = table.Length - 1;
        for (int probe = 0; probe < MaxProbes; probe++)
        {
            int i = (hash + probe) & mask;
            ref Entry e = ref table[i];
            if (e.Key is null)
            {
                slot = count < MaxEntries ? i : -1;
                return false;
            }
            if (e.Hash == hash && utf8.SequenceEqual(e.Key))
            {
                text = e.Text;
                value = e.Value;
                return true;
            }
        }
        return false;
    }

    /// <summary>Adds a value at the slot <see cref="TryGet"/> gave.</summary>
    internal void Add(int slot, ReadOnlySpan<byte> utf8, string text, T value)
    {
        if (slot < 0)
        {
            return;
        }
        entries[slot] = new Entry(utf8.ToArray(), Hash(utf8), text, value);
        count++;
        if (count * 2 > entries.Length && entries.Length < 2 * MaxEntries)
        {
            Grow();
        }
    }

    private void Grow()
    {
        Entry[] old = entries;
        var table = new Entry[old.Length * 2];
        int mask = table.Length - 1;
        int kept = 0;
        foreach (Entry e in old)
        {
            if (e.Key is null)
            {
                continue;
            }
            for (int probe = 0; probe < MaxProbes; probe++)
            {
                int i = (e.Hash + probe) & mask;
                if (table[i].Key is null)
                {
                    table[i] = e;
                    kept++;
                    break;
                }
            }
        }
        entries = table;
        count = kept;
    }

    private static int Hash(ReadOnlySpan<byte> s)
    {
        // Eight bytes at a time, the last eight (or the first and last four) read overlapping instead of byte by byte:
        // the keys are short codes and periods.
        ulong h = Seed ^ ((ulong)s.Length * 0x9E3779B97F4A7C15UL);
        int n = s.Length;
        if (n >= 8)
        {
            for (int i = 0; i + 8 < n; i += 8)
            {
                h = (h ^ MemoryMarshal.Read<ulong>(s.Slice(i))) * 0xBF58476D1CE4E5B9UL;
                h ^= h >> 29;
            }
            h = (h ^ MemoryMarshal.Read<ulong>(s.Slice(n - 8))) * 0xBF58476D1CE4E5B9UL;
            h ^= h >> 29;
        }
        else if (n >= 4)
        {
            h ^= MemoryMarshal.Read<uint>(s) | ((ulong)MemoryMarshal.Read<uint>(s.Slice(n - 4)) << 32);
        }
        else if (n > 0)
        {
            h ^= s[0] | ((ulong)s[n >> 1] << 8) | ((ulong)s[n - 1] << 16);
        }
        h = (h ^ (h >> 31)) * 0x94D049BB133111EBUL;
        h ^= h >> 32;
        return unchecked((int)h);
    }

    private static ulong MakeSeed()
    {
        byte[] bytes = Guid.NewGuid().ToByteArray();
        return BitConverter.ToUInt64(bytes, 0) ^ BitConverter.ToUInt64(bytes, 8);
    }

    private readonly struct Entry
    {
        internal Entry(byte[] key, int hash, string text, T value)
        {
            Key = key;
            Hash = hash;
            Text = text;
            Value = value;
        }

        internal byte[]? Key { get; }

        internal int Hash { get; }

        internal string Text { get; }

        internal T Value { get; }
    }
}
