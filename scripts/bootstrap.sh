#!/usr/bin/env bash
# Installs what Nämndrapport needs to build and test, and nothing else.
# Debian bookworm packages only (and for `klienter` the Nu HTML Checker from npm, pinned in
# tools/package-lock.json); safe to run again (it installs only what is missing).
set -euo pipefail

packages=(g++ cmake make pkg-config libxlsxwriter-dev libpoco-dev libkainjow-mustache-dev googletest libgtest-dev
  libssl-dev libpq-dev)
# `bootstrap.sh fuzz` (make fuzz) also needs clang and its runtime: libclang-rt-14-dev holds
# libFuzzer and the sanitizer runtimes, and is only a recommendation of clang, which
# --no-install-recommends below would skip.
[ "${1:-}" = fuzz ] && packages+=(clang libclang-rt-14-dev)
# `bootstrap.sh valgrind` (make test-valgrind): memcheck over the example kommun's run.
[ "${1:-}" = valgrind ] && packages+=(valgrind)
# `bootstrap.sh pdf`: headless Chromium, which prints the HTML reports to PDF (--pdf, "pdf": true).
[ "${1:-}" = pdf ] && packages+=(chromium fonts-liberation)
# `bootstrap.sh klienter` (.ci/run): the real clients tests/clients runs the reports through —
# Chromium (screenshots, PDF), poppler-utils (pdfinfo, pdftoppm), Debian's python3 with openpyxl and
# Pillow (/usr/bin/python3; reads the workbooks, looks at the screenshots), and Java and node/npm
# for the Nu HTML Checker, which npm installs into tools/node_modules below (the version is pinned
# in tools/package-lock.json). Java and node count as present when they are on PATH, however they
# were installed.
klienter=false
if [ "${1:-}" = klienter ]; then
  klienter=true
  packages+=(chromium fonts-liberation poppler-utils python3 python3-openpyxl python3-pil)
  command -v java >/dev/null 2>&1 || packages+=(default-jre-headless)
  command -v npm >/dev/null 2>&1 || packages+=(nodejs npm)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installerar saknade paket: ${missing[*]}"
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# The Nu HTML Checker from the npm registry, exactly the locked version. --ignore-scripts: the
# package's install script would download a Java runtime; the machine's Java runs it instead.
if $klienter; then
  tools="$(cd "$(dirname "$0")/../tools" && pwd)"
  if [ ! -f "$tools/node_modules/vnu-jar/build/dist/vnu.jar" ]; then
    echo "Installerar Nu HTML Checker (vnu-jar) i $tools/node_modules"
    (cd "$tools" && npm ci --ignore-scripts --no-audit --no-fund)
  fi
fi
