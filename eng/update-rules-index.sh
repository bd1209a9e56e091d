#!/usr/bin/env bash
# SPDX-License-Identifier: EUPL-1.2
# Regenerates docs/rules/README.md from the first line of every docs/rules/PCP*.md page.
# A test (RuleCatalogTests.Index_ListsEveryRulePage) fails when the index is out of date.
set -euo pipefail
cd "$(dirname "$0")/../docs/rules"
{
  echo "# Rules"
  echo
  echo "Every diagnostic of PublicCodePolicy has one identifier, shared by the CLI, the MSBuild task, the analyzers"
  echo "and the policy SDK. Ranges: PCP0001–0999 licence policy (PCP01xx: source-level analyzers), PCP1xxx dependency"
  echo "graph and package metadata, PCP2xxx SBOM, PCP3xxx publiccode.yml, PCP9xxx configuration and tool errors."
  echo "\`publiccode explain PCPxxxx\` prints a page."
  echo
  echo "| Rule | Title |"
  echo "|---|---|"
  for f in $(ls PCP*.md | LC_ALL=C sort); do
    id="${f%.md}"
    title=$(head -n1 "$f" | sed -E 's/^# PCP[0-9]{4} - //')
    echo "| [$id]($id.md) | $title |"
  done
} > README.md
