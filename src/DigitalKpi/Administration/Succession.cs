using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Linq;
using DigitalKpi.Utility;
using NodaTime;

namespace DigitalKpi.Administration;

/// <summary>
/// A change effective on <see cref="EffectiveDate"/> through which the predecessor units' territory and population
/// pass to the successor units. Immutable.
/// </summary>
/// <remarks>
/// <para>Units are named by code. In a map a predecessor code means the unit with that code in force on the day
/// before <see cref="EffectiveDate"/>, a successor code the unit with that code in force on
/// <see cref="EffectiveDate"/>; so "79 → 79" on 2025-07-01 links the old Hồ Chí Minh City to the new one.</para>
/// <para>A unit that continues (keeps its identity) but gives or receives territory is listed on both sides.
/// Every other predecessor must end on the day before <see cref="EffectiveDate"/>.</para>
/// <para>With two or more successors, optional <see cref="SuccessorWeights"/> say how each predecessor is shared
/// out (populations, areas or fractions; only their ratios matter). Without them the shares are unknown.</para>
/// </remarks>
public sealed class Succession : IEquatable<Succession>
{
    private readonly string[] _predecessors;
    private readonly string[] _successors;
    private readonly decimal[] _weights;

    /// <summary>Creates a succession.</summary>
    /// <param name="kind">The kind of change; it fixes the number of predecessors and successors.</param>
    /// <param name="effectiveDate">The first day of the new arrangement.</param>
    /// <param name="predecessorCodes">The codes of the units before the change (at least one, no repeats).</param>
    /// <param name="successorCodes">The codes of the units after the change (at least one, no repeats).</param>
    /// <param name="successorWeights">
    /// Optional positive weights, one per successor in the same order, only when there are two or more successors.
    /// </param>
    /// <param name="legalBasis">Optional reference to the legal text, e.g. "Resolution 202/2025/QH15".</param>
    /// <exception cref="ArgumentNullException">A code list is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The lists do not fit <paramref name="kind"/>, repeat a code, or the weights are invalid.</exception>
    public Succession(
        SuccessionKind kind,
        LocalDate effectiveDate,
        IEnumerable<string> predecessorCodes,
        IEnumerable<string> successorCodes,
        IEnumerable<decimal>? successorWeights = null,
        string? legalBasis = null)
    {
        Preconditions.CheckNotNull(predecessorCodes);
        Preconditions.CheckNotNull(successorCodes);
        Preconditions.CheckArgument(kind is >= SuccessionKind.Merge and <= SuccessionKind.Reorganisation, nameof(kind), "Not a defined succession kind.");
        Preconditions.CheckArgument(effectiveDate.Calendar == CalendarSystem.Iso && effectiveDate > LocalDate.MinIsoValue,
            nameof(effectiveDate), "The effective date must be an ISO date after the first representable day.");
        _predecessors = CleanCodes(predecessorCodes, nameof(predecessorCodes));
        _successors = CleanCodes(successorCodes, nameof(successorCodes));
        CheckArity(kind, _predecessors.Length, _successors.Length);
        _weights = successorWeights?.ToArray() ?? Array.Empty<decimal>();
        if (_weights.Length > 0)
        {
            Preconditions.CheckArgument(_successors.Length >= 2, nameof(successorWeights), "Weights are only given when there are two or more successors.");
            Preconditions.CheckArgument(_weights.Length == _successors.Length, nameof(successorWeights),
                "There must be one weight per successor (" + _successors.Length.ToString(CultureInfo.InvariantCulture) + ").");
            Preconditions.CheckArgument(Array.TrueForAll(_weights, w => w > 0m), nameof(successorWeights), "Weights must be positive.");
        }

        Kind = kind;
        EffectiveDate = effectiveDate;
        LegalBasis = legalBasis is null || legalBasis.Trim().Length == 0 ? null : NameText.Nfc(legalBasis);
        PredecessorCodes = new ReadOnlyCollection<string>(_predecessors);
        SuccessorCodes = new ReadOnlyCollection<string>(_successors);
        SuccessorWeights = new ReadOnlyCollection<decimal>(_weights);
    }

    /// <summary>Gets the kind of change.</summary>
    public SuccessionKind Kind { get; }

    /// <summary>Gets the first day of the new arrangement; predecessors that do not continue end the day before.</summary>
    public LocalDate EffectiveDate { get; }

    /// <summary>Gets the codes of the units before the change.</summary>
    public IReadOnlyList<string> PredecessorCodes { get; }

    /// <summary>Gets the codes of the units after the change.</summary>
    public IReadOnlyList<string> SuccessorCodes { get; }

    /// <summary>Gets the weights of the successors, in the order of <see cref="SuccessorCodes"/>; empty when not given.</summary>
    public IReadOnlyList<decimal> SuccessorWeights { get; }

    /// <summary>Gets the legal basis, if given.</summary>
    public string? LegalBasis { get; }

    /// <summary>
    /// Gets the share of each predecessor that passes to the successor at <paramref name="successorIndex"/>:
    /// 1 when there is a single successor, the normalised weight when weights are given, otherwise
    /// <see langword="null"/> (unknown).
    /// </summary>
    /// <param name="successorIndex">An index into <see cref="SuccessorCodes"/>.</param>
    /// <returns>The share in [0, 1], or <see langword="null"/> when unknown.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="successorIndex"/> is out of range.</exception>
    public decimal? ShareOf(int successorIndex)
    {
        Preconditions.CheckArgumentRange(successorIndex, 0, _successors.Length - 1);
        if (_successors.Length == 1)
        {
            return 1m;
        }
        if (_weights.Length == 0)
        {
            return null;
        }
        decimal total = 0m;
        foreach (decimal w in _weights)
        {
            total += w;
        }
        return _weights[successorIndex] / total;
    }

    /// <summary>Creates a <see cref="SuccessionKind.Merge"/> of <paramref name="predecessorCodes"/> into <paramref name="successorCode"/>.</summary>
    /// <param name="effectiveDate">The first day of the merged unit.</param>
    /// <param name="predecessorCodes">The codes of the merged units (two or more).</param>
    /// <param name="successorCode">The code of the resulting unit.</param>
    /// <param name="legalBasis">Optional legal basis.</param>
    /// <returns>The succession.</returns>
    public static Succession Merge(LocalDate effectiveDate, IEnumerable<string> predecessorCodes, string successorCode, string? legalBasis = null)
        => new(SuccessionKind.Merge, effectiveDate, predecessorCodes, new[] { Preconditions.CheckNotNull(successorCode) }, null, legalBasis);

    /// <summary>Creates a <see cref="SuccessionKind.Split"/> of <paramref name="predecessorCode"/>.</summary>
    /// <param name="effectiveDate">The first day of the successors.</param>
    /// <param name="predecessorCode">The code of the divided unit.</param>
    /// <param name="successorCodes">The codes of the resulting units (two or more).</param>
    /// <param name="successorWeights">Optional weights, one per successor.</param>
    /// <param name="legalBasis">Optional legal basis.</param>
    /// <returns>The succession.</returns>
    public static Succession Split(LocalDate effectiveDate, string predecessorCode, IEnumerable<string> successorCodes,
        IEnumerable<decimal>? successorWeights = null, string? legalBasis = null)
        => new(SuccessionKind.Split, effectiveDate, new[] { Preconditions.CheckNotNull(predecessorCode) }, successorCodes, successorWeights, legalBasis);

    /// <inheritdoc/>
    public bool Equals(Succession? other)
        => other is not null
            && (ReferenceEquals(this, other)
                || (Kind == other.Kind
                    && EffectiveDate == other.EffectiveDate
                    && _predecessors.SequenceEqual(other._predecessors, StringComparer.Ordinal)
                    && _successors.SequenceEqual(other._successors, StringComparer.Ordinal)
                    && _weights.SequenceEqual(other._weights)
                    && string.Equals(LegalBasis, other.LegalBasis, StringComparison.Ordinal)));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as Succession);

    /// <inheritdoc/>
    public override int GetHashCode()
        => HashCode.Combine(Kind, EffectiveDate, StringComparer.Ordinal.GetHashCode(_predecessors[0]), StringComparer.Ordinal.GetHashCode(_successors[0]));

    /// <summary>Formats the succession as "Kind date: a+b → c".</summary>
    /// <returns>The succession as text, independent of the current culture.</returns>
    public override string ToString()
        => Kind.ToString() + " " + ValidityPeriod.Format(EffectiveDate) + ": "
            + string.Join("+", _predecessors) + " → " + string.Join("+", _successors);

    private static string[] CleanCodes(IEnumerable<string> codes, string paramName)
    {
        var result = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (string? code in codes)
        {
            Preconditions.CheckArgument(code is not null && code.Trim().Length > 0, paramName, "Codes must not be null or blank.");
            string trimmed = code!.Trim();
            Preconditions.CheckArgument(seen.Add(trimmed), paramName, "Code " + trimmed + " is listed twice.");
            result.Add(trimmed);
        }
        return result.ToArray();
    }

    private static void CheckArity(SuccessionKind kind, int predecessors, int successors)
    {
        (bool ok, string rule) = kind switch
        {
            SuccessionKind.Merge => (predecessors >= 2 && successors == 1, "a merge has two or more predecessors and one successor"),
            SuccessionKind.Split => (predecessors == 1 && successors >= 2, "a split has one predecessor and two or more successors"),
            SuccessionKind.Rename or SuccessionKind.Reclassification =>
                (predecessors == 1 && successors == 1, "a " + kind.ToString().ToLowerInvariant() + " has one predecessor and one successor"),
            _ => (predecessors >= 1 && successors >= 1, "a reorganisation has at least one predecessor and one successor"),
        };
        Preconditions.CheckArgument(ok, nameof(kind), "Wrong number of units: " + rule + ".");
    }
}
