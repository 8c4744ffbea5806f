#!/usr/bin/env bash
# Measures the DigitalKpi analyzer's share of build time on generated consumer projects (issue 7, goal 4: at most 5% of
# the build on 2,000 files with 20,000 targets, and no quadratic growth when the catalog doubles).
#
# Packs src/DigitalKpi (build the solution in Release first), generates one consumer project per size in a temp folder
# (FILES files, each with its own indicator, catalog and PER targets), restores it once, then rebuilds it RUNS times
# with `dotnet build --no-restore --no-incremental --disable-build-servers -c Release -p:ReportAnalyzer=true -v:d
# -clp:PerformanceSummary` and reads from the log: the build's wall time ("Time Elapsed"), the Csc task time, the
# compiler's "Total analyzer execution time" and the DigitalKpi analyzer's time. Prints every run, the median per size,
# the DigitalKpi analyzer's share of the build wall time, and the ratio of the DigitalKpi analyzer time between
# consecutive sizes (linear: about 2 when the target count doubles; quadratic: about 4).
#
# Analyzer times are wall-clock times of the analyzer's callbacks summed over the compiler's threads (concurrent
# analysis), so on a loaded machine they grow with the load and can exceed the wall time they happen in; the share
# quoted is that sum over the build's wall time, the conservative reading. With --ab, each run is followed by the same
# build without the DigitalKpi analyzer (-p:DkpiOff=true: a target in the consumer's Directory.Build.targets removes it
# from the compiler's analyzers), and the CPU time (user + system of the build's process tree) of both is printed too,
# with their difference. On a loaded machine that difference varies a lot from run to run too (spinning GC and thread
# pool threads count as CPU time): take it over several runs. A CPU profile of the build (perf with
# DOTNET_PerfMapEnabled=1) that counts the samples in DigitalKpi frames is the steadiest reading.
#
# With --server, the builds use the compiler server (the default of `dotnet build`) instead of
# --disable-build-servers: the first build of a size starts it or loads the analyzer into it (cold), the later ones
# find the analyzer loaded and its code compiled (warm), as in a developer's repeated builds. (--ab needs the default.)
#
# Usage: eng/analyzer-timing.sh [--runs N] [--keep] [--ab] [--server] [FILESxPER ...]     (default: --runs 2 1000x10 2000x10)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
runs=2
keep=0
ab=0
servers="--disable-build-servers"
sizes=()
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --keep) keep=1; shift ;;
    --ab) ab=1; shift ;;
    --server) servers="-p:UseSharedCompilation=true"; shift ;;
    *x*) sizes+=("$1"); shift ;;
    *) echo "usage: $0 [--runs N] [--keep] [--ab] [--server] [FILESxPER ...]" >&2; exit 2 ;;
  esac
done
[ ${#sizes[@]} -gt 0 ] || sizes=(1000x10 2000x10)

work="$(mktemp -d /tmp/dkpi-timing-XXXXXX)"
if [ "$keep" = 1 ]; then echo "work folder: $work"; else trap 'rm -rf "$work"' EXIT; fi
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

generate() {
  local dir="$1" files="$2" per="$3"
  mkdir -p "$dir"
  cat > "$dir/Consumer.csproj" <<'XML'
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
  cat > "$dir/Directory.Build.targets" <<'XML'
<Project>
  <!-- -p:DkpiOff=true: the same build without the DigitalKpi analyzer (for the A/B reading of its CPU cost). -->
  <Target Name="DkpiOff" BeforeTargets="CoreCompile" Condition="'$(DkpiOff)' == 'true'">
    <ItemGroup>
      <Analyzer Remove="@(Analyzer)" Condition="'%(Filename)' == 'DigitalKpi.Analyzers' or '%(Filename)' == 'DigitalKpi.CodeFixes'" />
    </ItemGroup>
  </Target>
</Project>
XML
  python3 - "$dir" "$files" "$per" <<'EOF'
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
EOF
}

# One build: its log, and "wall cpu" in $2.cpu (seconds; cpu = user + system time of the build's whole process tree,
# which --disable-build-servers keeps inside it).
build() {
  python3 - "$servers" "$@" <<'EOF'
import resource, subprocess, sys, time
servers, d, log, extra = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
start = time.monotonic()
with open(log, "w") as out:
    code = subprocess.call(["dotnet", "build", "--no-restore", "--no-incremental", servers, "-c", "Release",
                            "-p:ReportAnalyzer=true", "-v:d", "-clp:PerformanceSummary"] + extra, cwd=d, stdout=out, stderr=subprocess.STDOUT)
wall = time.monotonic() - start
ru = resource.getrusage(resource.RUSAGE_CHILDREN)
with open(log + ".cpu", "w") as f:
    f.write(f"{wall:.2f} {ru.ru_utime + ru.ru_stime:.2f}\n")
sys.exit(code)
EOF
}

results="$work/results.tsv"
: > "$results"
for size in "${sizes[@]}"; do
  files="${size%x*}"
  per="${size#*x}"
  dir="$work/consumer-$size"
  generate "$dir" "$files" "$per"
  (cd "$dir" && dotnet restore --configfile "$work/nuget.config" >/dev/null)
  for run in $(seq 1 "$runs"); do
    log="$work/build-$size-$run.log"
    build "$dir" "$log" || { tail -30 "$log"; exit 1; }
    off="0 0"
    if [ "$ab" = 1 ]; then
      build "$dir" "$log.off" -p:DkpiOff=true || { tail -30 "$log.off"; exit 1; }
      off="$(cat "$log.off.cpu")"
      if grep -qE "DigitalKpi\.Analyzers, Version" "$log.off"; then echo "the analyzer ran with -p:DkpiOff=true" >&2; exit 1; fi
    fi
    python3 - "$log" "$size" "$run" "$((files * per))" "$(cat "$log.cpu")" "$off" >> "$results" <<'EOF'
import re, sys
log, size, run, targets, on, off = sys.argv[1:7]
text = open(log, encoding="utf-8", errors="replace").read()
def last(pattern, default=None):
    m = re.findall(pattern, text, re.M)
    return m[-1] if m else default
h, mi, s = last(r"Time Elapsed (\d+):(\d+):([\d.]+)")
wall = int(h) * 3600 + int(mi) * 60 + float(s)
csc = last(r"^\s+(\d+) ms\s+Csc\s", "0")
total = last(r"Total analyzer execution time: ([\d.]+) seconds", "0")
# The assembly line of the DigitalKpi analyzers under "Total analyzer execution time" (seconds, share %, name).
dkpi = last(r"^\s+([\d.<]+)\s+[\d<]+\s+DigitalKpi\.Analyzers, Version", "0")
dkpi = "0" if dkpi.startswith("<") else dkpi
off_wall, off_cpu = off.split()
print("\t".join([size, run, targets, f"{wall:.2f}", f"{int(csc) / 1000:.2f}", total, dkpi, on.split()[1], off_wall, off_cpu]))
EOF
    tail -1 "$results" | awk -F'\t' -v ab="$ab" '{
      printf "%-8s run %s: %6s targets  build %6.2f s  csc %6.2f s  all analyzers %6.3f s  DigitalKpi %6.3f s (%.2f%% of build)", $1, $2, $3, $4, $5, $6, $7, 100 * $7 / $4
      if (ab == 1) printf "  | cpu %.1f s, rules off: build %.2f s cpu %.1f s => analyzer cpu %.1f s (%.2f%%)", $8, $9, $10, $8 - $10, 100 * ($8 - $10) / $8
      printf "\n" }'
  done
done

python3 - "$results" "$ab" <<'EOF'
import statistics, sys
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1]) if l.strip()]
ab = sys.argv[2] == "1"
sizes = []
for r in rows:
    if r[0] not in sizes:
        sizes.append(r[0])
print()
print("median per size (%d runs each):" % len([r for r in rows if r[0] == sizes[0]]))
medians = {}
for s in sizes:
    rs = [r for r in rows if r[0] == s]
    med = [statistics.median(float(r[i]) for r in rs) for i in range(3, 10)]
    medians[s] = med
    line = (f"  {s:<9} {rs[0][2]:>6} targets  build {med[0]:6.2f} s  csc {med[1]:6.2f} s  all analyzers {med[2]:6.3f} s  "
            f"DigitalKpi analyzer {med[3]:6.3f} s  share of build {100 * med[3] / med[0]:5.2f}%  of csc {100 * med[3] / med[1]:5.2f}%")
    if ab:
        delta = statistics.median(float(r[7]) - float(r[9]) for r in rs)
        line += f"  | cpu {med[4]:.1f} s, rules off {med[6]:.1f} s: analyzer cpu {delta:.1f} s ({100 * delta / med[4]:.2f}% of the build's cpu)"
    print(line)
for a, b in zip(sizes, sizes[1:]):
    ra, rb = medians[a], medians[b]
    ta = int([r for r in rows if r[0] == a][0][2])
    tb = int([r for r in rows if r[0] == b][0][2])
    print(f"  {b} / {a}: targets x{tb / ta:.2f}, DigitalKpi analyzer time x{rb[3] / ra[3]:.2f}, build time x{rb[0] / ra[0]:.2f}")
EOF
