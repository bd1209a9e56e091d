#!/usr/bin/env bash
# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: PublicCodePolicy contributors
#
# Installs 'publiccode' as users get it, for the timed scripts: packs src/PublicCodePolicy.Cli (this machine's
# precompiled package and the portable "any" one, under a version no earlier run used) into WORK/feed, then
# 'dotnet tool install' from that folder alone into WORK/tool. Prints the path of the installed command.
# Usage: bench/install-tool.sh WORK
set -euo pipefail
work="$1"
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
project="$repo/src/PublicCodePolicy.Cli/PublicCodePolicy.Cli.csproj"
rid="$(dotnet msbuild "$project" -getProperty:NETCoreSdkRuntimeIdentifier)"
version="0.0.0-bench.$(date -u +%Y%m%d%H%M%S).$$"
log="$work/install-tool.log"
mkdir -p "$work/feed"
if ! dotnet pack "$project" -c Release -o "$work/feed" --artifacts-path "$work/tool-artifacts" -p:Version="$version" \
     "-p:PublicCodeToolRuntimeIdentifiers=\"$rid;any\"" -nodeReuse:false -v:q -tl:off > "$log" 2>&1; then
  cat "$log" >&2; echo "packing publiccode failed" >&2; exit 1
fi
cat > "$work/feed.config" <<CONFIG
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="local" value="$work/feed" />
  </packageSources>
</configuration>
CONFIG
rm -rf "$work/tool"
if ! dotnet tool install PublicCodePolicy.Cli --version "$version" --tool-path "$work/tool" --configfile "$work/feed.config" > "$log" 2>&1; then
  cat "$log" >&2; echo "installing publiccode failed" >&2; exit 1
fi
echo "$work/tool/publiccode"
