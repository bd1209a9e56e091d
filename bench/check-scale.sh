#!/usr/bin/env bash
# SPDX-License-Identifier: EUPL-1.2
# Times 'publiccode check' (whole process, JSON output) on the Valmont sample and on synthetic large solutions.
# Usage: bench/check-scale.sh [runs=5]. Prints the median wall time of each case. Figures go into the README.
set -euo pipefail
runs=${1:-5}
root="$(cd "$(dirname "$0")/.." && pwd)"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tool="$("$root/bench/install-tool.sh" "$work")"
dotnet restore "$root/samples/Valmont" -v q >/dev/null
python3 "$root/bench/make-large-solution.py" "$work/medium" 30 300 60 >/dev/null
python3 "$root/bench/make-large-solution.py" "$work/large" 300 600 60 >/dev/null

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
time_case() {
  local name=$1; shift
  "$tool" check "$@" --format json --output "$work/out.json" >/dev/null 2>&1 || true  # warm-up
  for _ in $(seq "$runs"); do
    local s e
    s=$(date +%s.%N); "$tool" check "$@" --format json --output "$work/out.json" >/dev/null 2>&1 || true; e=$(date +%s.%N)
    echo "$e - $s" | bc
  done | median | xargs printf "%-40s %6.3f s (median of $runs)\n" "$name"
}
echo "machine: $(nproc) cores, $(dotnet --version) SDK"
time_case "Valmont sample (4 projects, 28 packages)" "$root/samples/Valmont"
time_case "synthetic: 30 projects × 60 direct" "$work/medium/Large.slnx"
time_case "synthetic: 300 projects × 60 direct" "$work/large/Large.slnx"
python3 -c "import json;d=json.load(open('$work/out.json'));print('large case:', d['summary']['projects'], 'projects,', d['summary']['packages'], 'distinct packages,', sum(len(p['packages']) for p in d['projects']), 'project-package entries')"
