using System;
using System.Buffers;
using System.Collections.Generic;
using System.Collections.Immutable;

namespace DigitalKpi.Rules;

/// <summary>
/// The identity of each measurement of a set for the duplicate rule (DKPI006) as three small integers: an id for its
/// indicator code, one for its unit code (equal texts, ordinal, get equal ids) and one for its period (equal periods
/// get equal ids), each counted from 0. The JSON reader assigns them while it reads (once per distinct text, see
/// <c>MeasurementSetFastReader</c>); <see cref="Compute"/> assigns them for any other set.
/// </summary>
/// <remarks>The key array is rented from the shared pool: <see cref="Dispose"/> returns it.</remarks>
internal sealed class MeasurementKeys : IDisposable
{
    internal MeasurementKeys(Key[] keys, int count, string[] indicatorCodes, int unitCount, int periodCount)
    {
        Keys = keys;
        Count = count;
        IndicatorCodes = indicatorCodes;
        UnitCount = unitCount;
        PeriodCount = periodCount;
    }

    /// <summary>The key of measurement i (pooled: longer than <see cref="Count"/>).</summary>
    internal Key[] Keys { get; private set; }

    /// <summary>The number of measurements.</summary>
    internal int Count { get; }

    /// <summary>The indicator code of each indicator id.</summary>
    internal string[] IndicatorCodes { get; }

    /// <summary>The number of distinct unit codes.</summary>
    internal int UnitCount { get; }

    /// <summary>The number of distinct periods.</summary>
    internal int PeriodCount { get; }

    /// <summary>Assigns the ids of a set's measurements (ordinal code texts, period equality).</summary>
    internal static MeasurementKeys Compute(ImmutableArray<Measurement> measurements)
    {
        var indicators = new Dictionary<string, int>(StringComparer.Ordinal);
        var units = new Dictionary<string, int>(StringComparer.Ordinal);
        var periods = new Dictionary<ReportingPeriod, int>();
        var indicatorCodes = new List<string>();
        Key[] keys = ArrayPool<Key>.Shared.Rent(Math.Max(1, measurements.Length));
        string? lastIndicator = null, lastUnit = null;
        int indicator = 0, unit = 0;
        for (int i = 0; i < measurements.Length; i++)
        {
            Measurement m = measurements[i];
            if (!ReferenceEquals(m.IndicatorCode, lastIndicator))
            {
                lastIndicator = m.IndicatorCode;
                if (!indicators.TryGetValue(lastIndicator, out indicator))
                {
                    indicator = indicators.Count;
                    indicators.Add(lastIndicator, indicator);
                    indicatorCodes.Add(lastIndicator);
                }
            }
            if (!ReferenceEquals(m.UnitCode, lastUnit))
            {
                lastUnit = m.UnitCode;
                if (!units.TryGetValue(lastUnit, out unit))
                {
                    unit = units.Count;
                    units.Add(lastUnit, unit);
                }
            }
            if (!periods.TryGetValue(m.Period, out int period))
            {
                period = periods.Count;
                periods.Add(m.Period, period);
            }
            keys[i] = new Key(indicator, unit, period);
        }
        return new MeasurementKeys(keys, measurements.Length, indicatorCodes.ToArray(), units.Count, periods.Count);
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
    /// Finds, for each measurement in order, the first earlier one with the same key. While there is none, one bit per
    /// possible key (indicators × units × periods, when that is at most 32 bits per measurement; unit-major, so that the
    /// measurements of one unit touch neighbouring bits) says whether a key was seen; at the first duplicate, and when
    /// the bits would be too many, a table of first indices (<see cref="FirstIndex"/>) takes over.
    /// </summary>
    internal sealed class Duplicates : IDisposable
    {
        private readonly MeasurementKeys keys;
        private ulong[]? seen;
        private FirstIndex? firsts;

        internal Duplicates(MeasurementKeys keys)
        {
            this.keys = keys;
            long limit = 32L * Math.Max(keys.Count, 64);
            long pairs = (long)Math.Max(1, keys.IndicatorCodes.Length) * Math.Max(1, keys.UnitCount);
            int periods = Math.Max(1, keys.PeriodCount);
            if (pairs <= limit / periods)
            {
                long bits = pairs * periods;
                int words = (int)((bits + 63) >> 6);
                seen = ArrayPool<ulong>.Shared.Rent(words);
                Array.Clear(seen, 0, words);
            }
            else
            {
                firsts = new FirstIndex(keys);
            }
        }

        /// <summary>The index of the first measurement before <paramref name="i"/> with the same key, or -1; call for 0, 1, 2… in order.</summary>
        internal int FirstOf(int i)
        {
            if (seen is not null)
            {
                Key key = keys.Keys[i];
                long bit = ((((long)key.Unit * keys.PeriodCount) + key.Period) * keys.IndicatorCodes.Length) + key.Indicator;
                ref ulong word = ref seen[bit >> 6];
                ulong mask = 1UL << (int)(bit & 63);
                if ((word & mask) == 0)
                {
                    word |= mask;
                    return -1;
                }

                // The first duplicate: the measurements before it have distinct keys; index them.
                ArrayPool<ulong>.Shared.Return(seen);
                seen = null;
                var table = new FirstIndex(keys);
                for (int j = 0; j < i; j++)
                {
                    table.FindOrAdd(j);
                }
                firsts = table;
            }
            return firsts!.Value.FindOrAdd(i);
        }

        /// <inheritdoc />
        public void Dispose()
        {
            if (seen is not null)
            {
                ArrayPool<ulong>.Shared.Return(seen);
                seen = null;
            }
            firsts?.Dispose();
            firsts = null;
        }
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
            while (size < 2L * keys.Count)
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
