#!/usr/bin/env bash
# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: PublicCodePolicy contributors
#
# Every figure of issue 11 (README "Measured"), in one command, on an otherwise idle machine:
#   1. bench/scale.sh ROUNDS "5 50 300 3000": check, sbom and report (metadata cache cold and warm) against the
#      CycloneDX .NET tool with -dpr, on the generated corpora, paired and alternated; median, spread, peak memory;
#   2. bench/build-overhead.sh: no-op and 'touch obj/project.assets.json' builds with and without the package, for a
#      compliant project and for one with 6 findings to re-show (PCP_BENCH_NONFREE=1).
# Usage: bench/all.sh [rounds=3] [corpora="5 50 300 3000"] [build rounds=15]
# The 3,000-project corpus alone takes several minutes per round on 2 cores.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
rounds="${1:-3}"
corpora="${2:-5 50 300 3000}"
build_rounds="${3:-15}"

echo "## check, sbom, report vs CycloneDX -dpr"
"$here/scale.sh" "$rounds" "$corpora"
echo
echo "## build overhead, compliant project"
"$here/build-overhead.sh" "$build_rounds"
echo
echo "## build overhead, project with 6 findings to re-show"
PCP_BENCH_NONFREE=1 "$here/build-overhead.sh" "$build_rounds"
