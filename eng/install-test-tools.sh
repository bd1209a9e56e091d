#!/usr/bin/env bash
# SPDX-License-Identifier: EUPL-1.2
# Installs the external validators the tests run: the official SARIF validator (npm) and Debian's Chromium
# (for the HTML report's browser test). Idempotent; .ci/run calls it.
set -uo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
tool="$root/.tools/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool"
if [ ! -x "$tool" ]; then
  mkdir -p "$root/.tools"
  npm install --prefix "$root/.tools" --no-audit --no-fund --loglevel=error @microsoft/sarif-multitool-linux@5.7.0 >/dev/null || echo "install-test-tools: npm install of the SARIF validator failed"
  [ -f "$tool" ] && chmod u+x "$tool"
fi
if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ]; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) || echo "install-test-tools: chromium could not be installed"
  else
    echo "install-test-tools: install Debian's chromium (sudo apt-get install chromium) for the browser test"
  fi
fi
