#!/usr/bin/env bash
# Installs what Nämndrapport needs to build and test, and nothing else.
# Debian bookworm packages only; safe to run again (it installs only what is missing).
set -euo pipefail

packages=(g++ cmake make pkg-config libxlsxwriter-dev libpoco-dev libkainjow-mustache-dev googletest libgtest-dev
  libssl-dev)
# `bootstrap.sh fuzz` (make fuzz) also needs clang and its runtime: libclang-rt-14-dev holds
# libFuzzer and the sanitizer runtimes, and is only a recommendation of clang, which
# --no-install-recommends below would skip.
[ "${1:-}" = fuzz ] && packages+=(clang libclang-rt-14-dev)
# `bootstrap.sh valgrind` (make test-valgrind): memcheck over the example kommun's run.
[ "${1:-}" = valgrind ] && packages+=(valgrind)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installerar saknade paket: ${missing[*]}"
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
