#!/usr/bin/env bash
# Measures the DigitalKpi analyzer's share of build time on a generated consumer project (200 files x 10 targets by
# default): packs src/DigitalKpi (build the solution in Release first), generates the consumer in a temp folder, and
# prints the compiler's "Total analyzer execution time" and the DigitalKpi analyzer lines (-p:ReportAnalyzer=true).
# Usage: eng/analyzer-timing.sh [files] [targets-per-file]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
files="${1:-200}"
per="${2:-10}"
work="$(mktemp -d /tmp/dkpi-timing-XXXXXX)"
trap 'rm -rf "$work"' EXIT
export NUGET_PACKAGES="$work/packages" DOTNET_CLI_UI_LANGUAGE=en-US DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
dotnet pack "$root/src/DigitalKpi/DigitalKpi.csproj" -c Release --no-build -o "$work/feed" >/dev/null
cache="${HOME}/.nuget/packages"
cat > "$work/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="local" value="$work/feed" />
    <add key="cache" value="$cache" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
  </packageSources>
</configuration>
XML
mkdir -p "$work/consumer"
cat > "$work/consumer/Consumer.csproj" <<'XML'
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="DigitalKpi" Version="1.0.0" />
  </ItemGroup>
</Project>
XML
python3 - "$work/consumer" "$files" "$per" <<'PY'
import sys
out, files, per = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
with open(f"{out}/Indicators.cs", "w") as f:
    f.write("using DigitalKpi;\nusing DigitalKpi.Administration;\nnamespace Consumer;\npublic static class Indicators\n{\n")
    for i in range(files):
        f.write(f'    public static readonly Indicator I{i} = new("IND.{i}", "Chỉ số {i}", Unit.Percent, Direction.HigherIsBetter, Pillar.DigitalSociety, TemporalNature.Snapshot, levels: [AdministrativeLevel.Province, AdministrativeLevel.Commune]);\n')
    f.write("}\n")
for i in range(files):
    with open(f"{out}/Plan{i}.cs", "w") as f:
        f.write("using DigitalKpi;\nusing DigitalKpi.Administration;\nusing NodaTime;\nnamespace Consumer;\n")
        f.write(f"public static class Plan{i}\n{{\n")
        names = []
        for t in range(per):
            year = 2022 + t
            level = "Province" if t % 2 == 0 else "Commune"
            names.append(f"T{t}")
            f.write(f'    public static readonly Target T{t} = Target.For("P{i}.T{t}", Indicators.I{i}.Code).Between(Quantity.Percent({40 + t}), Quantity.Percent({60 + t})).AtLevel(AdministrativeLevel.{level}).WithBaseline(Quantity.Percent(10), new LocalDate(2021, 12, 31)).By({year}).CitedFrom("02-NQ/TU").Build();\n')
        f.write(f'    public static readonly Catalog Catalog = new("P{i}", "Kế hoạch {i}", "45", [Indicators.I{i}], [{", ".join(names)}]);\n')
        f.write("}\n")
PY
cd "$work/consumer"
dotnet restore --configfile "$work/nuget.config" >/dev/null
dotnet build --no-restore --disable-build-servers -c Release -p:ReportAnalyzer=true -v:d > "$work/build.log" 2>&1 || { tail -30 "$work/build.log"; exit 1; }
grep -E "Time Elapsed" "$work/build.log" | tail -1
grep -E "Total analyzer execution time|Total generator execution time" "$work/build.log" | head -4
grep -E "^\s+[0-9.]+\s+[0-9]+\s+DigitalKpi\.Analyzers" "$work/build.log" | head -1
grep -E "^\s+[0-9]+ ms\s+Csc\s" "$work/build.log" | head -1
