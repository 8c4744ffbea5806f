using System;
using System.Collections.Generic;
using System.Linq;
using DigitalKpi.Utility;
using NodaTime;

namespace DigitalKpi.Administration;

/// <summary>
/// Generates deterministic, national-scale, synthetic administrative maps for tests and benchmarks: an old
/// three-tier arrangement (provinces, districts, communes) from 2008-08-01 to 2025-06-30, and a new two-tier one
/// (provinces, communes) from 2025-07-01, linked by successions like the real 2025 reorganisation. Codes, names and
/// sizes are invented; only their shape is realistic.
/// </summary>
/// <remarks>
/// <para>The same arguments always give the same map, on every platform and target framework (the generator uses
/// its own SplitMix64 random numbers).</para>
/// <para>Shape of the result: a nation "VN"; old provinces in contiguous groups, each group of two or more merged
/// into a new province that takes one member's code and name, a group of one continuing unchanged; districts, which
/// all end on 2025-06-30 without successor (the level is abolished); old communes in contiguous groups per new
/// province, each group merged into a new commune that takes one member's code. About 1 % of groups are a single
/// commune that continues as the same unit, with its parent changing from district to province (two parent links);
/// about 4 % of group boundaries split one commune between the two neighbouring new communes, with weights.</para>
/// </remarks>
public static class SyntheticHierarchy
{
    private static readonly string[] Syllables =
    {
        "An", "Bình", "Hòa", "Phú", "Tân", "Thạnh", "Long", "Mỹ", "Đông", "Tây", "Nam", "Bắc", "Hưng", "Lộc",
        "Phước", "Xuân", "Thành", "Quang", "Sơn", "Hải", "Trung", "Định", "Thuận", "Khánh", "Vĩnh", "Đức", "Lâm",
        "Hà", "Yên", "Cẩm", "Ngọc", "Kim", "Thủy", "Lương", "Minh", "Hiệp", "Tiến", "Quý", "Thái", "Gia",
    };

    /// <summary>Generates a map; the defaults give the national scale of 2024–2025.</summary>
    /// <param name="seed">The seed; equal seeds give equal maps.</param>
    /// <param name="oldProvinces">Provinces before the reorganisation (1–99; real: 63).</param>
    /// <param name="districts">Districts before the reorganisation (at least <paramref name="oldProvinces"/>, at most 999; real: about 700).</param>
    /// <param name="oldCommunes">Communes before the reorganisation (at least <paramref name="districts"/>, at most 99,999; real: about 10,600).</param>
    /// <param name="newProvinces">Provinces after the reorganisation (1 to <paramref name="oldProvinces"/>; real: 34).</param>
    /// <param name="newCommunes">Communes after the reorganisation (at least <paramref name="newProvinces"/>, at most <paramref name="oldCommunes"/>; real: about 3,300).</param>
    /// <returns>The map, with successions linking every old province and every old commune to the new arrangement.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A size is out of range.</exception>
    public static AdministrativeMap Generate(
        int seed,
        int oldProvinces = 63,
        int districts = 700,
        int oldCommunes = 10_600,
        int newProvinces = 34,
        int newCommunes = 3_300)
    {
        Preconditions.CheckArgumentRange(oldProvinces, 1, 99);
        Preconditions.CheckArgumentRange(districts, oldProvinces, 999);
        Preconditions.CheckArgumentRange(oldCommunes, districts, 99_999);
        Preconditions.CheckArgumentRange(newProvinces, 1, oldProvinces);
        Preconditions.CheckArgumentRange(newCommunes, newProvinces, oldCommunes);
        return new Generator(seed).Run(oldProvinces, districts, oldCommunes, newProvinces, newCommunes);
    }

    private sealed class Generator
    {
        private readonly SplitMix64 _random;
        private readonly LocalDate _start = AdministrativeReform.BuiltInMapStart;
        private readonly LocalDate _reform = AdministrativeReform.ProvincialMerger;
        private readonly LocalDate _lastOldDay = AdministrativeReform.ProvincialMerger.PlusDays(-1);
        private readonly List<AdministrativeUnit> _units = new();
        private readonly List<Succession> _successions = new();

        internal Generator(int seed) => _random = new SplitMix64(unchecked((ulong)seed * 0x9E3779B97F4A7C15UL));

        internal AdministrativeMap Run(int oldProvinceCount, int districtCount, int oldCommuneCount, int newProvinceCount, int newCommuneCount)
        {
            _units.Add(new AdministrativeUnit("VN", "Việt Nam", AdministrativeLevel.National, AdministrativeUnitType.Nation, _start, null, null, "Viet Nam"));

            // Old provinces, grouped into new provinces.
            string[] provinceCodes = SpreadCodes(oldProvinceCount, 99, 2);
            string[] provinceNames = provinceCodes.Select(_ => NewName()).ToArray();
            int[] provinceGroupSizes = Composition(oldProvinceCount, Enumerable.Repeat(1, newProvinceCount).ToArray());
            var groupOfOld = new int[oldProvinceCount];
            var newProvinceCodes = new string[newProvinceCount];
            int first = 0;
            for (int group = 0; group < newProvinceCount; group++)
            {
                int size = provinceGroupSizes[group];
                int donor = first + _random.Next(size);
                bool continues = size == 1;
                for (int i = first; i < first + size; i++)
                {
                    _units.Add(new AdministrativeUnit(provinceCodes[i], provinceNames[i], AdministrativeLevel.Province, AdministrativeUnitType.Province,
                        _start, continues ? null : _lastOldDay, "VN"));
                    groupOfOld[i] = group;
                }
                newProvinceCodes[group] = provinceCodes[donor];
                if (!continues)
                {
                    _units.Add(new AdministrativeUnit(provinceCodes[donor], provinceNames[donor], AdministrativeLevel.Province,
                        AdministrativeUnitType.Province, _reform, null, "VN"));
                    _successions.Add(Succession.Merge(_reform, provinceCodes.Skip(first).Take(size), provinceCodes[donor], "synthetic"));
                }
                first += size;
            }

            // Districts per old province, communes per district.
            string[] districtCodes = SpreadCodes(districtCount, 999, 3);
            int[] districtsPerProvince = Composition(districtCount, Enumerable.Repeat(1, oldProvinceCount).ToArray());
            int[] communesPerDistrict = Composition(oldCommuneCount, Enumerable.Repeat(1, districtCount).ToArray());
            string[] communeCodes = SpreadCodes(oldCommuneCount, 99_999, 5);
            List<OldCommune>[] oldCommunes = Enumerable.Range(0, newProvinceCount).Select(_ => new List<OldCommune>()).ToArray();
            int district = 0, commune = 0;
            for (int p = 0; p < oldProvinceCount; p++)
            {
                for (int d = 0; d < districtsPerProvince[p]; d++, district++)
                {
                    AdministrativeUnitType districtType = d == 0 ? AdministrativeUnitType.City : Pick(
                        (85, AdministrativeUnitType.RuralDistrict), (8, AdministrativeUnitType.Town), (7, AdministrativeUnitType.UrbanDistrict));
                    _units.Add(new AdministrativeUnit(districtCodes[district], NewName(), AdministrativeLevel.District, districtType,
                        _start, _lastOldDay, provinceCodes[p]));
                    bool urban = districtType is AdministrativeUnitType.City or AdministrativeUnitType.UrbanDistrict;
                    for (int c = 0; c < communesPerDistrict[district]; c++, commune++)
                    {
                        AdministrativeUnitType communeType = urban ? AdministrativeUnitType.Ward
                            : c == 0 && districtType == AdministrativeUnitType.RuralDistrict ? AdministrativeUnitType.Township
                            : AdministrativeUnitType.Commune;
                        oldCommunes[groupOfOld[p]].Add(new OldCommune(communeCodes[commune], NewName(), communeType, districtCodes[district]));
                    }
                }
            }

            // New communes per new province.
            int[] newPerProvince = Allocate(newCommuneCount, oldCommunes.Select(l => l.Count).ToArray());
            for (int j = 0; j < newProvinceCount; j++)
            {
                ReorganiseCommunes(oldCommunes[j], newPerProvince[j], newProvinceCodes[j]);
            }
            return AdministrativeMap.Create(_units, _successions);
        }

        private void ReorganiseCommunes(List<OldCommune> old, int count, string provinceCode)
        {
            bool roomForPairs = old.Count >= 2 * count;
            int[] minimums = Enumerable.Range(0, count).Select(_ => roomForPairs && _random.Next(100) >= 2 ? 2 : 1).ToArray();
            int[] sizes = Composition(old.Count, minimums);
            var groups = new List<List<OldCommune>>(count);
            int first = 0;
            foreach (int size in sizes)
            {
                groups.Add(old.GetRange(first, size));
                first += size;
            }

            // Choose the communes split between neighbouring groups.
            var splitOut = new bool[count];
            for (int g = 0; g + 1 < count; g++)
            {
                splitOut[g] = groups[g].Count >= 2 && _random.Next(100) < 4;
            }

            var codes = new string[count];
            var continues = new bool[count];
            for (int g = 0; g < count; g++)
            {
                List<OldCommune> members = groups[g];
                continues[g] = members.Count == 1 && !(g > 0 && splitOut[g - 1]) && !splitOut[g];
                if (continues[g])
                {
                    OldCommune only = members[0];
                    _units.Add(new AdministrativeUnit(only.Code, only.Name, AdministrativeLevel.Commune, only.Type,
                        new ValidityPeriod(_start, null),
                        new[] { new ParentLink(only.DistrictCode, _start, _lastOldDay), new ParentLink(provinceCode, _reform) }));
                    codes[g] = only.Code;
                    continue;
                }
                OldCommune donor = members[_random.Next(members.Count)];
                AdministrativeUnitType type = members.Count(m => m.Type == AdministrativeUnitType.Ward) * 2 > members.Count
                    ? AdministrativeUnitType.Ward
                    : AdministrativeUnitType.Commune;
                _units.Add(new AdministrativeUnit(donor.Code, donor.Name, AdministrativeLevel.Commune, type, _reform, null, provinceCode));
                codes[g] = donor.Code;
            }

            for (int g = 0; g < count; g++)
            {
                List<OldCommune> members = groups[g];
                if (continues[g])
                {
                    continue; // continues as the same unit
                }
                foreach (OldCommune member in members)
                {
                    _units.Add(new AdministrativeUnit(member.Code, member.Name, AdministrativeLevel.Commune, member.Type, _start, _lastOldDay, member.DistrictCode));
                }
                List<string> core = members.Select(m => m.Code).ToList();
                if (splitOut[g])
                {
                    string split = core[core.Count - 1];
                    core.RemoveAt(core.Count - 1);
                    int weight = 1 + _random.Next(9);
                    _successions.Add(Succession.Split(_reform, split, new[] { codes[g], codes[g + 1] }, new decimal[] { weight, 10 - weight }, "synthetic"));
                }
                _successions.Add(new Succession(core.Count >= 2 ? SuccessionKind.Merge : SuccessionKind.Reorganisation, _reform, core, new[] { codes[g] }, null, "synthetic"));
            }
        }

        private string NewName() => Syllables[_random.Next(Syllables.Length)] + " " + Syllables[_random.Next(Syllables.Length)];

        private T Pick<T>(params (int Weight, T Value)[] choices)
        {
            int roll = _random.Next(choices.Sum(c => c.Weight));
            foreach ((int weight, T value) in choices)
            {
                if (roll < weight)
                {
                    return value;
                }
                roll -= weight;
            }
            return choices[choices.Length - 1].Value;
        }

        /// <summary>Splits <paramref name="total"/> items into parts of at least the given minimums, uniformly over the extra items.</summary>
        private int[] Composition(int total, int[] minimums)
        {
            int parts = minimums.Length;
            int extra = total - minimums.Sum();
            if (extra < 0)
            {
                minimums = Enumerable.Repeat(1, parts).ToArray();
                extra = total - parts;
            }
            // Stars and bars: choose parts - 1 bar positions among extra + parts - 1 slots.
            int slots = extra + parts - 1;
            int[] positions = Enumerable.Range(0, slots).ToArray();
            for (int i = 0; i < parts - 1; i++)
            {
                int j = i + _random.Next(slots - i);
                (positions[i], positions[j]) = (positions[j], positions[i]);
            }
            int[] bars = positions.Take(parts - 1).OrderBy(x => x).ToArray();
            var sizes = new int[parts];
            int previous = -1;
            for (int i = 0; i < parts; i++)
            {
                int bar = i < bars.Length ? bars[i] : slots;
                sizes[i] = minimums[i] + (bar - previous - 1);
                previous = bar;
            }
            return sizes;
        }

        /// <summary>Shares <paramref name="total"/> among bins in proportion to their capacities, each between 1 and its capacity.</summary>
        private static int[] Allocate(int total, int[] capacities)
        {
            long capacity = capacities.Sum(c => (long)c);
            int[] result = capacities.Select(c => Math.Min(c, Math.Max(1, (int)(total * (long)c / capacity)))).ToArray();
            int difference = total - result.Sum();
            while (difference != 0)
            {
                int best = -1;
                for (int i = 0; i < result.Length; i++)
                {
                    bool eligible = difference > 0 ? result[i] < capacities[i] : result[i] > 1;
                    if (eligible && (best < 0 || (difference > 0
                        ? (long)(capacities[i] - result[i]) * capacities[best] > (long)(capacities[best] - result[best]) * capacities[i]
                        : (long)result[i] * capacities[best] > (long)result[best] * capacities[i])))
                    {
                        best = i;
                    }
                }
                result[best] += Math.Sign(difference);
                difference -= Math.Sign(difference);
            }
            return result;
        }

        /// <summary>Distinct codes of <paramref name="digits"/> digits spread over 1..<paramref name="max"/> in ascending order.</summary>
        private static string[] SpreadCodes(int count, int max, int digits)
        {
            var codes = new string[count];
            for (int i = 0; i < count; i++)
            {
                long value = i + 1 + ((long)i * (max - count) / count);
                codes[i] = value.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(digits, '0');
            }
            return codes;
        }
    }

    private readonly struct OldCommune
    {
        internal OldCommune(string code, string name, AdministrativeUnitType type, string districtCode)
        {
            Code = code;
            Name = name;
            Type = type;
            DistrictCode = districtCode;
        }

        internal string Code { get; }

        internal string Name { get; }

        internal AdministrativeUnitType Type { get; }

        internal string DistrictCode { get; }
    }

    /// <summary>SplitMix64: small, fast, and the same on every platform.</summary>
    private sealed class SplitMix64
    {
        private ulong _state;

        internal SplitMix64(ulong seed) => _state = seed;

        /// <summary>A uniform integer in [0, <paramref name="maxExclusive"/>).</summary>
        internal int Next(int maxExclusive) => (int)(((NextUInt64() >> 32) * (ulong)maxExclusive) >> 32);

        private ulong NextUInt64()
        {
            ulong z = _state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}
