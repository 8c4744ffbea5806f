using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using DigitalKpi.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace DigitalKpi.Analyzers;

/// <summary>DKPI010 on <c>Measurement.OfFraction(…)</c> calls whose numerator, denominator and reported percentage are constants.</summary>
internal static class MeasurementCheck
{
    internal static void Analyze(OperationAnalysisContext context, IInvocationOperation invocation, SourceReader reader)
    {
        ValueReader values = reader.Values;
        ImmutableArray<IArgumentOperation> args = invocation.Arguments;
        IArgumentOperation? codeArg = ValueReader.ArgNamed(args, "indicatorCode");
        IArgumentOperation? unitArg = ValueReader.ArgNamed(args, "unitCode");
        IArgumentOperation? periodArg = ValueReader.ArgNamed(args, "period");
        IArgumentOperation? numeratorArg = ValueReader.ArgNamed(args, "numerator");
        IArgumentOperation? denominatorArg = ValueReader.ArgNamed(args, "denominator");
        IArgumentOperation? reportedArg = ValueReader.ArgNamed(args, "reportedPercent");
        if (codeArg is null || unitArg is null || periodArg is null || numeratorArg is null || denominatorArg is null
            || !ValueReader.TryDecimal(numeratorArg.Value, out decimal numerator) || !ValueReader.TryDecimal(denominatorArg.Value, out decimal denominator))
        {
            return;
        }
        decimal? reported = null;
        if (reportedArg is not null && !ValueReader.IsNullConstant(reportedArg.Value))
        {
            if (!ValueReader.TryDecimal(reportedArg.Value, out decimal r))
            {
                reportedArg = null;
            }
            else
            {
                reported = r;
            }
        }

        string code = Code(values, codeArg, "ZZ-INDICATOR", out string codeDisplay);
        string unit = Code(values, unitArg, "ZZ-UNIT", out string unitDisplay);
        ReportingPeriod period;
        string periodDisplay;
        if (TryPeriod(values, periodArg.Value, out ReportingPeriod p))
        {
            period = p;
            periodDisplay = p.ToString();
        }
        else
        {
            period = ReportingPeriod.Year(2000);
            periodDisplay = ValueReader.Display(periodArg.Value.Syntax);
        }
        if (!ValueReader.Guard(() => Measurement.OfFraction(code, unit, period, numerator, denominator, reported), out Measurement measurement))
        {
            return;
        }
        var substitutions = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [code + "@" + unit + " " + period.ToString()] = codeDisplay + "@" + unitDisplay + " " + periodDisplay,
        };
        Location whole = SourceReader.NameLocation(invocation);
        ImmutableArray<KpiDiagnostic> found = CatalogValidator.Validate(new MeasurementSet("ZZ-MEASUREMENTS", "measurements", new[] { measurement }), Array.Empty<Catalog>());
        foreach (KpiDiagnostic d in found)
        {
            if (!CompilationState.LocalMessages.Contains(d.Template) || !Mapper.TryParse(d.Location.Path, out _, out _, out string member))
            {
                continue;
            }
            IArgumentOperation? at = member switch
            {
                "numerator" => numeratorArg,
                "denominator" => denominatorArg,
                "reportedValue" => reportedArg,
                _ => null,
            };
            Location location = at is null ? whole : SourceReader.ArgLocation(at, whole);
            if (Mapper.Create(d, location, null, substitutions, _ => null) is { } diagnostic)
            {
                context.ReportDiagnostic(diagnostic);
            }
        }
    }

    private static string Code(ValueReader values, IArgumentOperation argument, string placeholder, out string display)
    {
        if (ValueReader.TryString(argument.Value, out string? code) && DigitalKpi.Utility.Text.IsValidCode(code))
        {
            display = code!;
            return code!;
        }
        display = ValueReader.Display(argument.Value.Syntax);
        return placeholder;
    }

    private static bool TryPeriod(ValueReader values, IOperation operation, out ReportingPeriod period)
    {
        period = default;
        IOperation op = ValueReader.Unwrap(operation);
        if (op is not IInvocationOperation call || call.Instance is not null || !KpiTypes.Is(call.TargetMethod.ContainingType, values.Types.ReportingPeriod))
        {
            return false;
        }
        ImmutableArray<IArgumentOperation> a = call.Arguments;
        ReportingPeriod result = default;
        bool ok = (call.TargetMethod.Name, a.Length) switch
        {
            ("Year", 1) => ValueReader.TryInt(a[0].Value, out int y) && ValueReader.Guard(() => ReportingPeriod.Year(y), out result),
            ("Quarter", 2) => ValueReader.TryInt(ValueReader.Arg(a, 0), out int y) && ValueReader.TryInt(ValueReader.Arg(a, 1), out int q) && ValueReader.Guard(() => ReportingPeriod.Quarter(y, q), out result),
            ("Month", 2) => ValueReader.TryInt(ValueReader.Arg(a, 0), out int y) && ValueReader.TryInt(ValueReader.Arg(a, 1), out int m) && ValueReader.Guard(() => ReportingPeriod.Month(y, m), out result),
            _ => false,
        };
        period = result;
        return ok;
    }
}
