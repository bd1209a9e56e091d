#!/usr/bin/env bash
# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: PublicCodePolicy contributors
#
# Measures what PublicCodePolicy adds to a build, on one console project with about 60 packages:
#   no-op      a second 'dotnet build' with nothing changed (the check is skipped, the report re-runs)
#   assets     'touch obj/project.assets.json' then 'dotnet build' (the check really runs)
# Two copies of the project differ only by the PublicCodePolicy reference. Runs are paired and alternated
# (with/without, then without/with on the next round) so that machine noise hits both sides alike.
# Prints, per scenario, the median wall time of each side, the median of the paired ratios and the median of
# the paired differences. Needs only bash, awk and the .NET SDK (no hyperfine).
#
# Usage: bench/build-overhead.sh [rounds]         (default 15 rounds; each round = 4 builds per scenario pair)
# Environment: PCP_BENCH_DIR (work folder, default a new temp folder), PCP_BENCH_PACKAGES (NUGET_PACKAGES to
# reuse between runs, default <work folder>/packages).
set -euo pipefail

rounds="${1:-15}"
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="${PCP_BENCH_DIR:-$(mktemp -d /tmp/pcp-bench.XXXXXX)}"
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
quiet dotnet pack "$repo/src/PublicCodePolicy.Package" -c Release -o "$work/feed" -p:Version="$version" \
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
echo "# project: $packages packages (net10.0), $rounds rounds"

# Times one build of $1 (with|without); $2 = noop|assets. Prints seconds.
time_build() {
  local dir="$work/$1"
  [ "$2" = assets ] && touch "$dir/obj/project.assets.json"
  local start end
  start=$(date +%s.%N)
  dotnet build "$dir/app.csproj" --no-restore -nodeReuse:false -v:q -tl:off >/dev/null
  end=$(date +%s.%N)
  awk -v s="$start" -v e="$end" 'BEGIN { printf "%.4f\n", e - s }'
}

median() { sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.4f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

for scenario in noop assets; do
  : > "$work/$scenario.tsv"
  for ((i = 1; i <= rounds; i++)); do
    if ((i % 2)); then a=$(time_build with "$scenario"); b=$(time_build without "$scenario")
    else b=$(time_build without "$scenario"); a=$(time_build with "$scenario"); fi
    printf '%s\t%s\n' "$a" "$b" >> "$work/$scenario.tsv"
  done
  with_median=$(cut -f1 "$work/$scenario.tsv" | median)
  without_median=$(cut -f2 "$work/$scenario.tsv" | median)
  ratio=$(awk '{ printf "%.4f\n", $1 / $2 }' "$work/$scenario.tsv" | median)
  diff=$(awk '{ printf "%.4f\n", $1 - $2 }' "$work/$scenario.tsv" | median)
  low=$(awk '{ printf "%.4f\n", $1 / $2 }' "$work/$scenario.tsv" | sort -g | head -1)
  high=$(awk '{ printf "%.4f\n", $1 / $2 }' "$work/$scenario.tsv" | sort -g | tail -1)
  printf '%-7s with %ss  without %ss  paired ratio %s (min %s, max %s)  paired difference %+.3fs\n' \
    "$scenario" "$with_median" "$without_median" "$ratio" "$low" "$high" "$diff"
done
echo "# raw pairs (with, without) in $work/noop.tsv and $work/assets.tsv"
