#!/usr/bin/env bash
# SPDX-License-Identifier: EUPL-1.2
# Regenerates docs/report-sample.png: the French compliance report of samples/Valmont, rendered by Debian's
# headless Chromium. The sample is restored in a temporary copy given a small fixed git history (the same people and
# dates as the report tests), so the picture shows every section filled in. Needs the .NET SDK, the NuGet registry,
# git and chromium (apt-get install -y chromium).
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cp -r samples/Valmont "$work/Valmont"
cp samples/Directory.Packages.props "$work/"
echo '<Project />' > "$work/Directory.Build.props"
dotnet restore "$work/Valmont/Valmont.sln" -v q >/dev/null

commit() { # name email date message
  GIT_AUTHOR_NAME="$1" GIT_AUTHOR_EMAIL="$2" GIT_AUTHOR_DATE="$3" GIT_COMMITTER_NAME="$1" GIT_COMMITTER_EMAIL="$2" GIT_COMMITTER_DATE="$3" \
    git -C "$work/Valmont" -c commit.gpgsign=false commit -q -m "$4"
}
git -C "$work/Valmont" init -q
git -C "$work/Valmont" add -A
commit "Camille Martin" camille.martin@valmont.example 2026-09-01T08:00:00Z "Guichet état civil 1.3"
echo "Export CSV reversé au guichet commun." >> "$work/Valmont/README.md"; git -C "$work/Valmont" add README.md
commit "Lou Bernard" lou.bernard@valdelys.example 2026-10-01T14:00:00Z "Export CSV"
echo "Version 1.4.0." >> "$work/Valmont/README.md"; git -C "$work/Valmont" add README.md
commit "Dominique Petit" dominique.petit@valmont.example 2026-10-16T09:30:00Z "Version 1.4.0"

dotnet build src/PublicCodePolicy.Cli -v q -nologo >/dev/null
SOURCE_DATE_EPOCH=1792143000 dotnet src/PublicCodePolicy.Cli/bin/Debug/net8.0/publiccode.dll report "$work/Valmont/Valmont.sln" --format html -o "$work/out" || test $? -eq 1

chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
  --disable-component-update --disable-sync --user-data-dir="$work/profile" --hide-scrollbars \
  --screenshot="$repo/docs/report-sample.png" --window-size=1000,2150 "file://$work/out/publiccode-report.html" 2>/dev/null
ls -l "$repo/docs/report-sample.png"
