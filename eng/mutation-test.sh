#!/usr/bin/env bash
# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: PublicCodePolicy contributors
#
# Mutation testing of PublicCodePolicy.Core with Stryker.NET 5.1.0: plants small defects (operators, conditions,
# constants, removed statements) in one area of the engine and reports how many the tests catch.
# Slow (tens of minutes per area on 2 cores), so not part of .ci/run; see bench/README.md "Mutation testing".
#
# Usage: eng/mutation-test.sh AREAS [OUTPUT_DIR]
#   AREAS       Policy | Licensing | Engine | Sbom (folders of src/PublicCodePolicy.Core), or several joined by
#               commas (one Stryker run, one score per area: the set-up, about 20 minutes here, is paid once)
#   OUTPUT_DIR  where reports go (default: artifacts/mutation/AREA); the score is in OUTPUT_DIR/reports/mutation-report.json
# Environment:
#   STRYKER_TOOL_PATH   folder holding dotnet-stryker (installed there if missing; default: a temp folder)
#   STRYKER_CONCURRENCY test processes in parallel (default 1: the machine is shared)
#   STRYKER_MUTATE      extra --mutate globs, space-separated, e.g. '!**/Text/TemplateMatcher.cs' (default none).
#                       They add to the area's own '**/AREA/**/*.cs', so narrow with exclusions: only Licensing/Text/ is
#                       STRYKER_MUTATE='!**/Licensing/*.cs' (an include such as '**/Licensing/Text/**/*.cs' changes nothing)
#   STRYKER_SINCE       a committish: only mutate files changed since it (Stryker --since)
#   STRYKER_TESTS       vstest filter of the tests to run, or 'all' (default: the test classes that exercise the
#                       area, listed below; a mutant only those classes cover is still tested, one no listed class
#                       covers counts as "not covered", so the score is a lower bound of the whole suite's)
#
# The run works on a copy of the current checkout (tracked and untracked, not ignored files), so the working
# tree's build output is never replaced by mutated assemblies while you keep working.
set -euo pipefail

area="${1:?usage: eng/mutation-test.sh Policy|Licensing|Engine|Sbom[,...] [OUTPUT_DIR]}"
test_projects=(tests/PublicCodePolicy.Core.Tests/PublicCodePolicy.Core.Tests.csproj)
mutate=()
# Stryker first runs the selected tests once to learn which tests cover which mutant (coverage analysis
# "perTest", its default), then runs, for each mutant, only the tests that cover it. Running the whole Core
# suite for that first pass cost most of the hour a run took here; each area's own test classes take seconds.
area_tests=()
area_excluded=''
IFS=',' read -ra areas <<< "$area"
for a in "${areas[@]}"; do
  case "$a" in
    Policy) area_tests+=('FullyQualifiedName~.FrenchPreset.|FullyQualifiedName~LicenseEvaluator|FullyQualifiedName~PolicyDocument|FullyQualifiedName~FrAdministration|FullyQualifiedName~PolicyEngineTests|FullyQualifiedName~HostileInputTests|FullyQualifiedName~LicenseCurationTests|FullyQualifiedName~PropertyTests') ;;
    # LicensePages.cs (online licence pages: which addresses are read, how a page's text is extracted) is tested by
    # the Online project's LicensePageTests.
    Licensing) test_projects+=(tests/PublicCodePolicy.Online.Tests/PublicCodePolicy.Online.Tests.csproj)
               area_tests+=('FullyQualifiedName~Online.Tests.LicensePageTests')
               area_tests+=('FullyQualifiedName~.LicenseMatching.|FullyQualifiedName~LicenseList|FullyQualifiedName~LicenseUrlTable|FullyQualifiedName~SpdxExpression|FullyQualifiedName~LicenseEvaluator|FullyQualifiedName~HostileInputTests|FullyQualifiedName~PropertyTests') ;;
    # The online paths of the engine (licence pages, fetched nuspecs, deprecations) are tested end to end against a
    # loopback HTTP server by the Online test project's engine-level classes (not its CLI ones).
    Engine) test_projects+=(tests/PublicCodePolicy.Online.Tests/PublicCodePolicy.Online.Tests.csproj)
            area_tests+=('FullyQualifiedName~PolicyEngine|FullyQualifiedName~WorkspaceTests|FullyQualifiedName~WorkspaceDiscoveryTests|FullyQualifiedName~ReferenceLocation|FullyQualifiedName~ReferenceLocatorTests|FullyQualifiedName~ProjectGraphTests|FullyQualifiedName~CheckResult|FullyQualifiedName~LicenceBaseline|FullyQualifiedName~EngineLicenceFile|FullyQualifiedName~Issue3PackageTests|FullyQualifiedName~Issue12PackageTests|FullyQualifiedName~HostileInputTests|FullyQualifiedName~OnlineSourcesTests|FullyQualifiedName~.Merging.|FullyQualifiedName~Online.Tests.LicensePageTests|FullyQualifiedName~Online.Tests.OnlineModeTests') ;;
    # The SBOM writers are also tested by the Sbom test project; its RestoredSbomTests restore a real solution
    # (seconds more for every mutant their fixture covers), so they are left out unless STRYKER_TESTS says otherwise.
    Sbom) test_projects+=(tests/PublicCodePolicy.Sbom.Tests/PublicCodePolicy.Sbom.Tests.csproj)
          area_tests+=('FullyQualifiedName~Sbom|FullyQualifiedName~HostileInputTests')
          area_excluded+='&FullyQualifiedName!~RestoredSbomTests' ;;
    *) echo "unknown area: $a (Policy, Licensing, Engine or Sbom)" >&2; exit 2 ;;
  esac
  mutate+=(--mutate "**/$a/**/*.cs")
done

root="$(cd "$(dirname "$0")/.." && pwd)"
out="$(realpath -m "${2:-$root/artifacts/mutation/${area//,/-}}")"
tool_path="${STRYKER_TOOL_PATH:-${TMPDIR:-/tmp}/pcp-stryker-tool}"
if [ ! -x "$tool_path/dotnet-stryker" ]; then
  dotnet tool install dotnet-stryker --version 5.1.0 --tool-path "$tool_path"
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/pcp-mutation.XXXXXX")"
trap 'rm -rf "$work"' EXIT
(cd "$root" && git ls-files -co --exclude-standard -z | tar --null -T - -cf -) | (cd "$work" && tar -xf -)

# The licence-list corpus tests analyse all 778 SPDX texts (about a minute each run): every mutant of the text
# matcher is covered by them, so running them per mutant would take days. The matcher stays covered by its
# targeted tests (LicenseTextMatcherTests, the altered-text and package tests); the corpus runs in the normal suite.
filter='FullyQualifiedName!~LicenseListCorpusTests.AllListTexts&FullyQualifiedName!~LicenseListCorpusTests.OsiTexts_Altered'
if [ -n "${STRYKER_TESTS:-}" ]; then
  # Your own selection replaces the area's (and includes RestoredSbomTests if it names them).
  if [ "$STRYKER_TESTS" != all ]; then filter="$filter&($STRYKER_TESTS)"; fi
else
  filter="$filter$area_excluded&($(IFS='|'; echo "${area_tests[*]}"))"
fi

args=(--project PublicCodePolicy.Core.csproj
      "${mutate[@]}"
      --test-case-filter "$filter"
      --concurrency "${STRYKER_CONCURRENCY:-1}"
      --reporter json --reporter html --reporter progress --reporter cleartext
      --output "$out" --skip-version-check --break-at 0
      # The test projects take their TargetFramework from tests/Directory.Build.props, which Stryker's project
      # analysis (Buildalyzer) does not read: without this it stops with "Could not find build environment"
      # (stryker-mutator/stryker-net#3144).
      --target-framework net10.0)
mapfile -t test_projects < <(printf '%s\n' "${test_projects[@]}" | awk '!seen[$0]++')
for tp in "${test_projects[@]}"; do args+=(--test-project "$work/$tp"); done
for m in ${STRYKER_MUTATE:-}; do args+=(--mutate "$m"); done
if [ -n "${STRYKER_SINCE:-}" ]; then args+=("--since:$STRYKER_SINCE"); fi

cd "$work/src/PublicCodePolicy.Core"
# Build once outside Stryker so that restore errors show plainly, then let Stryker mutate and test.
for tp in "${test_projects[@]}"; do dotnet build "$work/$tp" >/dev/null 2>&1 || dotnet build "$work/$tp"; done
"$tool_path/dotnet-stryker" "${args[@]}"

python3 - "$out/reports/mutation-report.json" "${areas[@]}" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
for area in sys.argv[2:]:
    counts = {}
    for name, f in report["files"].items():
        if "/" + area + "/" not in name.replace("\\", "/"):
            continue
        for m in f["mutants"]:
            counts[m["status"]] = counts.get(m["status"], 0) + 1
    killed = counts.get("Killed", 0) + counts.get("Timeout", 0)
    survived = counts.get("Survived", 0) + counts.get("NoCoverage", 0)
    score = 100.0 * killed / (killed + survived) if killed + survived else 0.0
    print(f"{area}: mutation score {score:.1f} % ({killed} killed or timed out, {counts.get('Survived', 0)} survived, "
          f"{counts.get('NoCoverage', 0)} not covered; compile errors {counts.get('CompileError', 0)}, ignored {counts.get('Ignored', 0)})")
PY
