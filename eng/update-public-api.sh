#!/usr/bin/env bash
# SPDX-License-Identifier: EUPL-1.2
# Records the current public API of PublicCodePolicy.Core (the policy SDK) in PublicAPI.Unshipped.txt.
# The build fails (RS0016/RS0017) when the public API changes without this file changing with it: run this
# script, review the diff, and commit it with the change. At a release, move the lines to PublicAPI.Shipped.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
project=src/PublicCodePolicy.Core/PublicCodePolicy.Core.csproj
unshipped=src/PublicCodePolicy.Core/PublicAPI.Unshipped.txt
# Drop entries that no longer exist, then let the analyzer's code fix add what is public now.
printf '#nullable enable\n' > "$unshipped"
dotnet format analyzers "$project" --diagnostics RS0016 --severity info -v q
# One sorted, stable file (ordinal order) so that API diffs are readable.
{ head -n1 "$unshipped"; tail -n +2 "$unshipped" | LC_ALL=C sort -u; } > "$unshipped.tmp" && mv "$unshipped.tmp" "$unshipped"
echo "$(($(wc -l < "$unshipped") - 1)) public API entries in $unshipped"
