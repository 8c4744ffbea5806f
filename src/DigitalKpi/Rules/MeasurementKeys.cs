using System;
using System.Buffers;
using System.Collections.Generic;
using System.Collections.Immutable;

namespace DigitalKpi.Rules;

/// <summary>
/// The identity of each measurement of a set for the duplicate rule (DKPI006) as three small integers: an id for its
/// indicator code, one for its unit code (the same id space: equal texts, ordinal, get equal ids) and one for its
/// period (equal periods get equal ids). The JSON reader assigns them while it reads (once per distinct text, see
/// <c>MeasurementSetFastReader</c>); <see cref="Compute"/> assigns them for any other set.
/// </summary>
/// <remarks>The key array is rented from the shared pool: <see cref="Dispose"/> returns it.</remarks>
internal sealed class MeasurementKeys : IDisposable
{
    internal MeasurementKeys(Key[] keys, int count, string[] codes, int codeCount)
    {
        Keys = keys;
        Count = count;
        Codes = codes;
        CodeCount = codeCount;
    }

    /// <summary>The key of measurement i (pooled: longer than <see cref="Count"/>).</summary>
    internal Key[] Keys { get; private set; }

    /// <summary>The number of measurements.</summary>
    internal int Count { get; }

    /// <summary>The code of each code id (at least <see cref="CodeCount"/> long).</summary>
    internal string[] Codes { get; }

    /// <summary>The number of distinct codes.</summary>
    internal int CodeCount { get; }

    /// <summary>Assigns the ids of a set's measurements (ordinal code texts, period equality).</summary>
    internal static MeasurementKeys Compute(ImmutableArray<Measurement> measurements)
    {
        var codes = new Dictionary<string, int>(StringComparer.Ordinal);
        var periods = new Dictionary<ReportingPeriod, int>();
        var texts = new List<string>();
        Key[] keys = ArrayPool<Key>.Shared.Rent(Math.Max(1, measurements.Length));
        string? lastIndicator = null, lastUnit = null;
        int lastIndicatorId = 0, lastUnitId = 0;
        for (int i = 0; i < measurements.Length; i++)
        {
            Measurement m = measurements[i];
            if (!ReferenceEquals(m.IndicatorCode, lastIndicator))
            {
                lastIndicator = m.IndicatorCode;
                lastIndicatorId = CodeId(codes, texts, lastIndicator);
            }
            if (!ReferenceEquals(m.UnitCode, lastUnit))
            {
                lastUnit = m.UnitCode;
                lastUnitId = CodeId(codes, texts, lastUnit);
            }
            if (!periods.TryGetValue(m.Period, out int period))
            {
                period = periods.Count;
                periods.Add(m.Period, period);
            }
            keys[i] = new Key(lastIndicatorId, lastUnitId, period);
        }
        return new MeasurementKeys(keys, measurements.Length, texts.ToArray(), texts.Count);
    }

    private static int CodeId(Dictionary<string, int> codes, List<string> texts, string code)
    {
        if (!codes.TryGetValue(code, out int id))
        {
            id = texts.Count;
            codes.Add(code, id);
            texts.Add(code);
        }
        return id;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (Keys.Length > 0)
        {
            ArrayPool<Key>.Shared.Return(Keys);
            Keys = Array.Empty<Key>();
        }
    }

    /// <summary>Indicator code id, unit code id, period id.</summary>
    internal readonly struct Key : IEquatable<Key>
    {
        internal Key(int indicator, int unit, int period)
        {
            Indicator = indicator;
            Unit = unit;
            Period = period;
        }

        internal int Indicator { get; }

        internal int Unit { get; }

        internal int Period { get; }

        public bool Equals(Key other) => Indicator == other.Indicator && Unit == other.Unit && Period == other.Period;

        public override bool Equals(object? obj) => obj is Key other && Equals(other);

        public override int GetHashCode() => HashCode.Combine(Indicator, Unit, Period);
    }

    /// <summary>
    /// The first measurement with each key: an open-addressing table of indices (linear probing, at most half full, a
    /// per-process seed in the hash so that chosen ids cannot make it quadratic), pooled.
    /// </summary>
    internal readonly struct FirstIndex : IDisposable
    {
        private static readonly ulong Seed = MakeSeed();

        private readonly Key[] keys;
        private readonly int[] slots;
        private readonly int mask;

        internal FirstIndex(MeasurementKeys keys)
        {
            this.keys = keys.Keys;
            int size = 16;
            while (size < keys.Count * 2)
            {
                size *= 2;
            }
            slots = ArrayPool<int>.Shared.Rent(size);
            Array.Clear(slots, 0, size);
            mask = size - 1;
        }

        /// <summary>The index of the first measurement before <paramref name="i"/> with the same key, or -1 (then <paramref name="i"/> is recorded as the first).</summary>
        internal int FindOrAdd(int i)
        {
            Key key = keys[i];
            int[] table = slots;
            int h = Hash(key) & mask;
            while (true)
            {
                int s = table[h];
                if (s == 0)
                {
                    table[h] = i + 1;
                    return -1;
                }
                if (keys[s - 1].Equals(key))
                {
                    return s - 1;
                }
                h = (h + 1) & mask;
            }
        }

        /// <summary>Returns the table to the pool (once).</summary>
        public void Dispose() => ArrayPool<int>.Shared.Return(slots);

        private static int Hash(Key key)
        {
            // Two rounds of a 64-bit finaliser, the seed mixed in before the first: ids chosen by a document cannot aim at one slot.
            ulong h = Mix((((ulong)(uint)key.Indicator << 32) | (uint)key.Unit) ^ Seed);
            h = Mix(h ^ ((ulong)(uint)key.Period * 0x9E3779B97F4A7C15UL));
            return unchecked((int)(h >> 32));
        }

        private static ulong Mix(ulong h)
        {
            h = (h ^ (h >> 30)) * 0xBF58476D1CE4E5B9UL;
            h = (h ^ (h >> 27)) * 0x94D049BB133111EBUL;
            return h ^ (h >> 31);
        }

        private static ulong MakeSeed()
        {
            byte[] bytes = Guid.NewGuid().ToByteArray();
            return BitConverter.ToUInt64(bytes, 0) ^ BitConverter.ToUInt64(bytes, 8);
        }
    }
}
