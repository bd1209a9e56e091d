#!/usr/bin/env bash
# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: PublicCodePolicy contributors
#
# Measures what PublicCodePolicy adds to a build, on one console project with about 60 packages:
#   no-op      a second 'dotnet build' with nothing changed (the check is skipped, the report re-runs)
#   assets     'touch obj/project.assets.json' then 'dotnet build' (the check really runs)
# Two copies of the project differ only by the PublicCodePolicy reference. Runs are paired and alternated
# (with/without, then without/with on the next round) so that machine noise hits both sides alike.
# Prints, per scenario, for wall time and for CPU time (user + system, all processes of the build): the median of
# each side, the median of the paired ratios and the median of the paired differences; then MSBuild's own timing of
# the package's targets, and the bytes each side's no-op build allocates with its garbage collections.
# Needs only bash, awk and the .NET SDK (no hyperfine).
#
# Usage: bench/build-overhead.sh [rounds]         (default 15 rounds; each round = 4 builds per scenario pair)
# Environment: PCP_BENCH_DIR (work folder, default a new temp folder), PCP_BENCH_PACKAGES (NUGET_PACKAGES to
# reuse between runs, default <work folder>/packages), PCP_BENCH_NONFREE=1 (both projects also reference
# System.Net.Http 4.3.4, so the package reports 6 PCP0001 warnings on every build: the cost of a project with
# findings, where the report task is loaded; without it, the project is compliant and nothing is reported).
set -euo pipefail

rounds="${1:-15}"
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="${PCP_BENCH_DIR:-$(mktemp -d -t pcp-bench.XXXXXX)}"
export NUGET_PACKAGES="${PCP_BENCH_PACKAGES:-$work/packages}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 MSBUILDDISABLENODEREUSE=1
version="0.1.0-bench.$(date -u +%Y%m%d%H%M%S)"
mkdir -p "$work/feed"

# Runs a command quietly; shows its output only when it fails.
quiet() {
  local log="$work/last-command.log"
  if ! "$@" > "$log" 2>&1; then cat "$log" >&2; echo "failed: $*" >&2; exit 1; fi
}

echo "# packing PublicCodePolicy $version"
quiet dotnet pack "$repo/src/PublicCodePolicy.Package" -c Release -o "$work/feed" -p:Version="$version" --artifacts-path "$work/artifacts" \
  -nodeReuse:false -p:UseSharedCompilation=false -v:q -tl:off

cat > "$work/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="local" value="$work/feed" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
  </packageSources>
</configuration>
XML
echo '<Project />' > "$work/Directory.Build.props"
echo '<Project />' > "$work/Directory.Build.targets"

# Typical service dependencies: generic host, logging, HTTP, data access, validation (all free licences).
references='
    <PackageReference Include="Microsoft.Extensions.Hosting" Version="10.0.15" />
    <PackageReference Include="Microsoft.Extensions.Http" Version="10.0.15" />
    <PackageReference Include="Microsoft.EntityFrameworkCore.Sqlite" Version="10.0.15" />
    <PackageReference Include="Serilog.Extensions.Hosting" Version="10.0.0" />
    <PackageReference Include="Serilog.Sinks.Console" Version="6.1.1" />
    <PackageReference Include="Serilog.Sinks.File" Version="7.0.0" />
    <PackageReference Include="Newtonsoft.Json" Version="13.0.4" />
    <PackageReference Include="Dapper" Version="2.1.86" />
    <PackageReference Include="Polly" Version="8.9.1" />
    <PackageReference Include="FluentValidation" Version="12.2.0" />
    <PackageReference Include="Humanizer.Core" Version="3.0.10" />
    <PackageReference Include="CsvHelper" Version="34.0.0" />'
if [ "${PCP_BENCH_NONFREE:-0}" = 1 ]; then
  references="$references
    <PackageReference Include=\"System.Net.Http\" Version=\"4.3.4\" />"
fi

for side in with without; do
  mkdir -p "$work/$side"
  extra=""
  [ "$side" = with ] && extra="<PackageReference Include=\"PublicCodePolicy\" Version=\"$version\" PrivateAssets=\"all\" />"
  cat > "$work/$side/app.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <!-- NU1510: System.Net.Http is part of net10.0; PCP_BENCH_NONFREE references it on purpose. -->
    <NoWarn>\$(NoWarn);NU1510</NoWarn>
  </PropertyGroup>
  <ItemGroup>$references
    $extra
  </ItemGroup>
</Project>
XML
  printf 'System.Console.WriteLine(Newtonsoft.Json.JsonConvert.SerializeObject(new { ok = true }));\n' > "$work/$side/Program.cs"
  quiet dotnet restore "$work/$side/app.csproj" -v:q
  # Warm-up: first build, then one no-op build.
  quiet dotnet build "$work/$side/app.csproj" --no-restore -nodeReuse:false -v:q -tl:off
  quiet dotnet build "$work/$side/app.csproj" --no-restore -nodeReuse:false -v:q -tl:off
done
# Each package appears twice with its type (under "targets" for the one framework, and under "libraries").
packages=$(( $(grep -c '"type": "package"' "$work/without/obj/project.assets.json" || true) / 2 ))
echo "# project: $packages packages (net10.0)$([ "${PCP_BENCH_NONFREE:-0}" = 1 ] && echo ', with System.Net.Http 4.3.4 (6 findings)'), $rounds rounds"

# Times one build of $1 (with|without); $2 = noop|assets. Prints "wall cpu" in seconds, cpu being user + system
# time of the build and all its processes (less sensitive than wall time to other load on a shared machine).
time_build() {
  local dir="$work/$1"
  [ "$2" = assets ] && touch "$dir/obj/project.assets.json"
  local TIMEFORMAT='%R %U %S' t
  t=$( { time dotnet build "$dir/app.csproj" --no-restore -nodeReuse:false -v:q -tl:off >/dev/null 2>&1; } 2>&1 )
  awk '{ printf "%.3f\t%.3f\n", $1, $2 + $3 }' <<< "$t"
}

median() { sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.4f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# Summarises columns $2 (with) and $3 (without) of file $1 under label $4.
summarise() {
  local file=$1 a=$2 b=$3 label=$4
  local ma mb ratio diff low high
  ma=$(cut -f"$a" "$file" | median)
  mb=$(cut -f"$b" "$file" | median)
  ratio=$(awk -v a="$a" -v b="$b" '{ printf "%.4f\n", $a / $b }' "$file" | median)
  diff=$(awk -v a="$a" -v b="$b" '{ printf "%.4f\n", $a - $b }' "$file" | median)
  low=$(awk -v a="$a" -v b="$b" '{ printf "%.3f\n", $a / $b }' "$file" | sort -g | head -1)
  high=$(awk -v a="$a" -v b="$b" '{ printf "%.3f\n", $a / $b }' "$file" | sort -g | tail -1)
  printf '%-14s with %6.3fs  without %6.3fs  paired ratio %.3f (min %s, max %s)  paired difference %+.3fs\n' \
    "$label" "$ma" "$mb" "$ratio" "$low" "$high" "$diff"
}

# Builds run from the work folder, as a developer runs them from the project's folder. Run from a folder holding a
# global.json (this repository's), no-op builds with the package were ~25 ms slower than without it, against ~5 ms from
# a neutral folder: the allocation figures at the end explain such jumps (one more garbage collection or not).
cd "$work"
echo "# load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for scenario in noop assets; do
  file="$work/$scenario.tsv"
  : > "$file"
  for ((i = 1; i <= rounds; i++)); do
    if ((i % 2)); then a=$(time_build with "$scenario"); b=$(time_build without "$scenario")
    else b=$(time_build without "$scenario"); a=$(time_build with "$scenario"); fi
    # Columns: with wall, with cpu, without wall, without cpu.
    printf '%s\t%s\n' "$a" "$b" >> "$file"
  done
  summarise "$file" 1 3 "$scenario wall"
  summarise "$file" 2 4 "$scenario cpu"
done
echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

# Whole-process times on a shared machine carry tens of milliseconds of noise. MSBuild's own timing of the package's
# targets (all _PublicCodePolicy* targets, the check included) is the cost that the package itself adds.
targets_ms() {
  [ "$1" = assets ] && touch "$work/with/obj/project.assets.json"
  dotnet build "$work/with/app.csproj" --no-restore -nodeReuse:false -tl:off -clp:PerformanceSummary 2>/dev/null \
    | sed -n '/Target Performance Summary/,/Task Performance Summary/p' \
    | awk '$3 ~ /^_?PublicCodePolicy/ { sum += $1 } END { print sum + 0 }'
}
for scenario in noop assets; do
  for ((i = 1; i <= 7; i++)); do targets_ms "$scenario"; done > "$work/$scenario-targets.txt"
  printf '%-14s package targets (MSBuild performance summary, median of 7): %s ms\n' "$scenario" "$(median < "$work/$scenario-targets.txt")"
done

# Allocation and garbage collections of the build process (a logger reads the runtime's own counters when the build
# ends): unlike time, the same build allocates the same bytes to within a few KiB, so this is the noise-free part of
# the cost. A no-op build allocates tens of MB; what the package adds can make one more collection happen before the
# process exits, and that collection (tens of milliseconds) is then most of the wall-time difference above.
mkdir -p "$work/gclogger"
cat > "$work/gclogger/gclogger.csproj" <<'XML'
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><TargetFramework>net10.0</TargetFramework><Nullable>enable</Nullable></PropertyGroup>
  <!-- The SDK's own MSBuild framework assembly: nothing to restore. -->
  <ItemGroup><Reference Include="$(MSBuildToolsPath)/Microsoft.Build.Framework.dll" Private="false" /></ItemGroup>
</Project>
XML
cat > "$work/gclogger/GcLogger.cs" <<'CS'
using Microsoft.Build.Framework;

/// <summary>Appends "allocated-KiB gen0 gen1 gen2 pause-ms" of this process to the file given as the parameter.</summary>
public sealed class GcLogger : ILogger
{
    public LoggerVerbosity Verbosity { get; set; }
    public string? Parameters { get; set; }
    public void Initialize(IEventSource eventSource) => eventSource.BuildFinished += (_, _) => System.IO.File.AppendAllText(Parameters!,
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{System.GC.GetTotalAllocatedBytes(true) / 1024}\t{System.GC.CollectionCount(0)}\t{System.GC.CollectionCount(1)}\t{System.GC.CollectionCount(2)}\t{System.GC.GetTotalPauseDuration().TotalMilliseconds:F1}\n"));
    public void Shutdown() { }
}
CS
quiet dotnet build "$work/gclogger/gclogger.csproj" -c Release -o "$work/gclogger/bin" -nodeReuse:false -v:q -tl:off
for side in with without; do
  : > "$work/gc-$side.tsv"
  for ((i = 1; i <= 5; i++)); do
    quiet dotnet build "$work/$side/app.csproj" --no-restore -nodeReuse:false -v:q -tl:off "-logger:GcLogger,$work/gclogger/bin/gclogger.dll;$work/gc-$side.tsv"
  done
  # CollectionCount(0) counts every collection (a gen1 collection also collects gen0): "gen0 2 gen1 1" is two.
  printf '%-14s %-7s allocated %s KiB  collections (all) %s, of gen1 %s, of gen2 %s  GC pause %s ms  (median of 5)\n' "noop memory" "$side" \
    "$(cut -f1 "$work/gc-$side.tsv" | median)" "$(cut -f2 "$work/gc-$side.tsv" | median)" "$(cut -f3 "$work/gc-$side.tsv" | median)" \
    "$(cut -f4 "$work/gc-$side.tsv" | median)" "$(cut -f5 "$work/gc-$side.tsv" | median)"
done
echo "# raw pairs (with wall, with cpu, without wall, without cpu) in $work/noop.tsv and $work/assets.tsv"
