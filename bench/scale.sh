#!/usr/bin/env bash
# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: PublicCodePolicy contributors
#
# The figures of issue 11, in one command: whole-process wall time and peak memory of
#   check      publiccode check --format json
#   sbom       publiccode sbom (the solution, CycloneDX), metadata cache of the last run removed first (cold, as in a
#              fresh CI checkout) and kept (warm, a second run on the same tree)
#   report     publiccode report --format html,md,json, same cold/warm split
#   cyclonedx  the CycloneDX .NET tool 6.3.1 with -dpr (restore off) and JSON output, installed from the registry
#              into a temporary tool path by this script (a run that fails is reported by its exit code; see below)
# on generated restored corpora of 5/65, 50/400, 300/1,500 and 3,000/5,000 projects/distinct packages
# (bench/make-large-solution.py presets), plus the JSON result size. Commands are paired and alternated per round
# (the order rotates each round, so machine noise hits every command alike); each figure is the median over the
# rounds with the min-max spread, and the largest peak RSS (/usr/bin/time %M). Timings are never asserted anywhere.
#
# Usage: bench/scale.sh [rounds=5] [corpora="5 50 300 3000"]
#   e.g. bench/scale.sh 5 "5 50 300"   (the 3,000-project corpus takes minutes per round)
# Environment: PCP_BENCH_DIR (work folder, default a new temp folder, removed at the end unless given).
# Needs bash, awk, python3, /usr/bin/time and the .NET SDK.
set -euo pipefail

rounds="${1:-5}"
corpora="${2:-5 50 300 3000}"
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="${PCP_BENCH_DIR:-}"
if [ -z "$work" ]; then work="$(mktemp -d -t pcp-scale.XXXXXX)"; trap 'rm -rf "$work"' EXIT; fi
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 MSBUILDDISABLENODEREUSE=1
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (apt-get install time)" >&2; exit 1; }

quiet() {
  local log="$work/last-command.log"
  if ! "$@" > "$log" 2>&1; then cat "$log" >&2; echo "failed: $*" >&2; exit 1; fi
}

echo "# packing and installing publiccode as users get it (this platform's precompiled package)"
tool=("$("$repo/bench/install-tool.sh" "$work")")
echo "# installing CycloneDX 6.3.1 into $work/cdx"
quiet dotnet tool install CycloneDX --version 6.3.1 --tool-path "$work/cdx"
cdx="$work/cdx/dotnet-CycloneDX"

# One timed run: appends "name wall_seconds peak_kib" to $work/times.
timed() {
  local name=$1; shift
  /usr/bin/time -o "$work/one.time" -f "%e %M %x" "$@" > /dev/null 2> "$work/one.err" || true
  local t; t=$(grep -E '^[0-9.]+ [0-9]+ [0-9]+$' "$work/one.time" | tail -n 1)
  # check exits 1 when the policy fails (the corpora have non-free packages): only 2 and above are failures.
  if [ "${t##* }" -ge 2 ]; then echo "failed ($name, exit ${t##* }):" >&2; tail -n 5 "$work/one.err" >&2; fi
  echo "$name ${t% *}" >> "$work/times"
}
clear_cache() { find "$1" -name 'publiccode-metadata.*.json' -delete; }

run_case() {
  local dir=$1 sln=$2 c=$3
  case $c in
    check) timed check "${tool[@]}" check "$sln" --format json -o "$work/out/result.json" ;;
    sbom-cold) clear_cache "$dir"; timed sbom-cold "${tool[@]}" sbom "$sln" -o "$work/out/bom.cdx.json" ;;
    sbom-warm) timed sbom-warm "${tool[@]}" sbom "$sln" -o "$work/out/bom.cdx.json" ;;
    report-cold) clear_cache "$dir"; timed report-cold "${tool[@]}" report "$sln" --format html,md,json -o "$work/out/report" ;;
    report-warm) timed report-warm "${tool[@]}" report "$sln" --format html,md,json -o "$work/out/report" ;;
    # CycloneDX reads packages from the NuGet global folder: the corpus's packages folder is that folder here.
    cyclonedx) NUGET_PACKAGES="$dir/packages/" timed cyclonedx "$cdx" "$sln" -dpr -F Json -o "$work/out/cdx" ;;
  esac
}

summary() {
  awk -v label="$1" '
    { n[$1]++; w[$1, n[$1]] = $2; if ($3 > m[$1]) m[$1] = $3 }
    END {
      split("check sbom-cold sbom-warm report-cold report-warm cyclonedx", order, " ")
      for (i = 1; i <= 6; i++) {
        c = order[i]; k = n[c]; if (k == 0) continue
        for (a = 1; a <= k; a++) v[a] = w[c, a]
        for (a = 1; a <= k; a++) for (b = a + 1; b <= k; b++) if (v[b] < v[a]) { t = v[a]; v[a] = v[b]; v[b] = t }
        med[c] = (k % 2) ? v[(k + 1) / 2] : (v[k / 2] + v[k / 2 + 1]) / 2; lo[c] = v[1]; hi[c] = v[k]
      }
      for (i = 1; i <= 6; i++) {
        c = order[i]; if (n[c] == 0) continue
        ratio = (c != "cyclonedx" && n["cyclonedx"] > 0 && med["cyclonedx"] > 0) ? sprintf("%.2f", med[c] / med["cyclonedx"]) : ""
        printf "| %s | %s | %.2f s | %.2f–%.2f s | %d MiB | %s |\n", label, c, med[c], lo[c], hi[c], m[c] / 1024, ratio
      }
    }' "$work/times"
}

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo), $(. /etc/os-release && echo "$PRETTY_NAME"), .NET SDK $(dotnet --version), $(date -u +%Y-%m-%d)"
echo
echo "| corpus (projects/packages) | command | wall (median) | spread (min–max) | peak memory | ratio to CycloneDX -dpr |"
echo "|---|---|---|---|---|---|"
for preset in $corpora; do
  corpus="$work/corpus-$preset"
  [ -d "$corpus" ] || quiet python3 "$repo/bench/make-large-solution.py" "$corpus" --preset "$preset"
  # CycloneDX reads a .sln; the generator writes a .slnx, so make the .sln with the SDK.
  if [ ! -f "$corpus/Large.sln" ]; then
    (cd "$corpus" && quiet dotnet new sln -n Large --format sln && find src -name '*.csproj' | sort | xargs -n 200 dotnet sln Large.sln add > /dev/null)
  fi
  # Each corpus writes into an empty folder: a report folder still holding another corpus's SBOMs would (rightly) refuse
  # to attach them (PCP2003) and the timed runs would be failures.
  rm -rf "$work/out"; mkdir -p "$work/out"
  : > "$work/times"
  cases=(check sbom-cold sbom-warm report-cold report-warm cyclonedx)
  # Warm-up (not timed): fills the OS file cache and the metadata cache that the -warm cases read.
  "${tool[@]}" sbom "$corpus/Large.sln" -o "$work/out/bom.cdx.json" > /dev/null 2>&1 || true
  for r in $(seq "$rounds"); do
    n=${#cases[@]}
    for i in $(seq 0 $((n - 1))); do
      c=${cases[$(( (i + r) % n ))]}
      run_case "$corpus" "$corpus/Large.sln" "$c"
      # A cold case leaves the cache filled again, so a warm case that follows finds it as after any run.
    done
  done
  summary "$preset/$(ls "$corpus/packages" | wc -l)"
  size=$(stat -c %s "$work/out/result.json")
  echo "| | JSON result of check | $(awk -v s="$size" 'BEGIN { printf "%.1f MB", s / 1000000 }') | | | |"
done
