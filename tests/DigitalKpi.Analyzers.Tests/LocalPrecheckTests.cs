using DigitalKpi.Administration;
using DigitalKpi.Rules;
using NodaTime;

namespace DigitalKpi.Analyzers.Tests;

/// <summary>
/// The per-definition pass validates a target only when <see cref="CompilationState.MayHaveLocalFinding"/> says one of
/// the per-definition rules may apply: on targets of every shape, a target it lets through has no such finding, and
/// every per-definition rule is still reported on some generated target.
/// </summary>
public class LocalPrecheckTests
{
    private static readonly Comparator[] Comparators = Enum.GetValues<Comparator>();
    private static readonly Unit[] Units = [Unit.Percent, Unit.Count, Unit.Fraction, Unit.RankAmong(63), Unit.IndexScore(10), Unit.Milestone, Unit.ShareOf(EconomicAggregate.Grdp)];
    private static readonly decimal[] Values = [-5m, 0m, 0.5m, 1m, 10m, 63m, 64m, 80m, 100m, 120m];
    private static readonly LocalDate[] Dates = [new(2021, 12, 31), new(2025, 6, 30), new(2025, 7, 1), new(2030, 12, 31)];
    private static readonly AdministrativeLevel[] Levels = Enum.GetValues<AdministrativeLevel>();

    [Fact]
    public void TargetsThePrecheckLetsThrough_HaveNoPerDefinitionFinding()
    {
        var reported = new HashSet<RuleMessage>();
        int checkedTargets = 0;
        int skipped = 0;
        foreach (Target t in Targets())
        {
            checkedTargets++;
            var found = CatalogValidator.Validate(new Catalog("ZZ-LOCAL", "local", "VN", null, [t]), CompilationState.LocalOptions)
                .Where(d => CompilationState.LocalMessages.Contains(d.Template))
                .ToList();
            foreach (KpiDiagnostic d in found)
            {
                reported.Add(d.Template);
            }
            if (!CompilationState.MayHaveLocalFinding(t))
            {
                skipped++;
                Assert.True(found.Count == 0, $"{t.Id}: {string.Join("; ", found.Select(d => d.Message))}");
            }
        }
        Assert.True(checkedTargets > 5_000, checkedTargets.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(skipped > 1_000, skipped.ToString(System.Globalization.CultureInfo.InvariantCulture));
        // Every per-definition rule about a target is produced by some generated target (the grid covers them).
        foreach (RuleMessage m in new[]
        {
            KpiRules.Messages.OutsideDomain, KpiRules.Messages.InvertedBand, KpiRules.Messages.EmptyBand, KpiRules.Messages.NegativeTolerance,
            KpiRules.Messages.DeadlineNotAfterBaseline, KpiRules.Messages.StartAfterDeadline, KpiRules.Messages.LevelAbolished, KpiRules.Messages.BaselineMeets,
        })
        {
            Assert.Contains(m, reported);
        }
    }

    [Fact]
    public async Task ConsistentDefinitions_ProduceNothing_AndEachInconsistentShapeStillTriggers()
    {
        string source = Harness.Usings + """
            namespace Consumer;

            public static class Plan
            {
                public static readonly Target Ok1 = Target.For("P.OK1", "DS.FIBRE_HOUSEHOLDS").Between(Quantity.Percent(40), Quantity.Percent(60)).AtLevel(AdministrativeLevel.Province).WithBaseline(Quantity.Percent(10), new LocalDate(2021, 12, 31)).By(2025).CitedFrom("02-NQ/TU").Build();
                public static readonly Target Ok2 = new("P.OK2", "DS.FIBRE_HOUSEHOLDS", Comparator.AtLeast, Quantity.Percent(80), new LocalDate(2025, 12, 31), baseline: new Baseline(50, new LocalDate(2021, 12, 31)));
                public static readonly Target Ok3 = Target.For("P.OK3", "DS.FIBRE_HOUSEHOLDS").About(Quantity.Percent(80), 2m).From(new LocalDate(2022, 1, 1)).By(2025).Build();
                public static readonly Target Domain = Target.For("P.DOMAIN", "DS.FIBRE_HOUSEHOLDS").AtLeast(Quantity.Percent(120)).By(2025).Build();
                public static readonly Target Upper = Target.For("P.UPPER", "DS.FIBRE_HOUSEHOLDS").Between(Quantity.Percent(40), Quantity.Percent(130)).By(2025).Build();
                public static readonly Target BaseDomain = Target.For("P.BASEDOMAIN", "DS.FIBRE_HOUSEHOLDS").AtLeast(Quantity.Percent(80)).WithBaseline(Quantity.Percent(-1), new LocalDate(2021, 12, 31)).By(2025).Build();
                public static readonly Target Inverted = Target.For("P.INVERTED", "DS.FIBRE_HOUSEHOLDS").Between(Quantity.Percent(60), Quantity.Percent(40)).By(2025).Build();
                public static readonly Target Empty = Target.For("P.EMPTY", "DS.FIBRE_HOUSEHOLDS").Between(Quantity.Percent(60), Quantity.Percent(60)).By(2025).Build();
                public static readonly Target Tolerance = Target.For("P.TOLERANCE", "DS.FIBRE_HOUSEHOLDS").About(Quantity.Percent(80), -1m).By(2025).Build();
                public static readonly Target Dates = Target.For("P.DATES", "DS.FIBRE_HOUSEHOLDS").AtLeast(Quantity.Percent(80)).WithBaseline(Quantity.Percent(10), new LocalDate(2026, 1, 1)).By(2025).Build();
                public static readonly Target Start = Target.For("P.START", "DS.FIBRE_HOUSEHOLDS").AtLeast(Quantity.Percent(80)).From(new LocalDate(2026, 1, 1)).By(2025).Build();
                public static readonly Target District = Target.For("P.DISTRICT", "DS.FIBRE_HOUSEHOLDS").AtLeast(Quantity.Percent(80)).AtLevel(AdministrativeLevel.District).By(2026).Build();
                public static readonly Target Meets = Target.For("P.MEETS", "DS.FIBRE_HOUSEHOLDS").AtLeast(Quantity.Percent(80)).WithBaseline(Quantity.Percent(90), new LocalDate(2021, 12, 31)).By(2025).Build();
                public static readonly Target MeetsCtor = new("P.MEETSCTOR", "DS.FIBRE_HOUSEHOLDS", Comparator.AtMost, Quantity.Percent(20), new LocalDate(2025, 12, 31), baseline: new Baseline(10, new LocalDate(2021, 12, 31)));
            }
            """;
        var diagnostics = await Harness.RunAsync(Harness.Compile(new[] { ("Test.cs", source) }));
        var perTarget = diagnostics.Where(d => d.Id is "DKPI001" or "DKPI002" or "DKPI005" or "DKPI008" or "DKPI009")
            .Select(d => (d.Id, Line: d.Location.GetLineSpan().StartLinePosition.Line))
            .ToList();
        int LineOf(string name) => source.Split('\n').Select((text, i) => (text, i)).First(x => x.text.Contains($" {name} = ", StringComparison.Ordinal)).i;
        foreach (string ok in new[] { "Ok1", "Ok2", "Ok3" })
        {
            Assert.DoesNotContain(perTarget, d => d.Line == LineOf(ok));
        }
        foreach ((string name, string id) in new[]
        {
            ("Domain", "DKPI001"), ("Upper", "DKPI001"), ("BaseDomain", "DKPI001"), ("Inverted", "DKPI002"), ("Empty", "DKPI002"), ("Tolerance", "DKPI002"),
            ("Dates", "DKPI005"), ("Start", "DKPI005"), ("District", "DKPI008"), ("Meets", "DKPI009"), ("MeetsCtor", "DKPI009"),
        })
        {
            Assert.Contains((id, LineOf(name)), perTarget);
        }
    }

    private static IEnumerable<Target> Targets()
    {
        int n = 0;
        foreach (Comparator c in Comparators)
        foreach (Unit unit in Units)
        foreach (decimal v in Values)
        foreach (decimal? second in new decimal?[] { null, -1m, 0m, 1m, 50m, 200m })
        foreach (int shape in new[] { 0, 1, 2, 3 })
        {
            Quantity? upper = c == Comparator.Between && second is { } u ? new Quantity(u, unit) : null;
            decimal? tolerance = c == Comparator.About ? second : null;
            if ((c == Comparator.Between) != upper.HasValue || (c == Comparator.About) != tolerance.HasValue)
            {
                continue;
            }
            LocalDate deadline = Dates[(shape + n) % Dates.Length];
            AdministrativeLevel level = Levels[(n + shape) % Levels.Length];
            Baseline? baseline = shape >= 2 ? new Baseline(Values[(n + 3) % Values.Length], Dates[(n + shape + 1) % Dates.Length]) : null;
            LocalDate? start = shape is 1 or 3 ? Dates[(n + 2) % Dates.Length] : null;
            n++;
            Target? t = null;
            try
            {
                t = new Target("ZZ-T" + n.ToString(System.Globalization.CultureInfo.InvariantCulture), "ZZ-I", c, new Quantity(v, unit), deadline, level, upper, tolerance, start, baseline);
            }
            catch (Exception e) when (ValueReader.IsValueError(e))
            {
            }
            if (t is not null)
            {
                yield return t;
            }
        }
    }
}
