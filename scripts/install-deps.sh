#!/usr/bin/env bash
# Installs the Debian 12 packages hirag needs to build, test and benchmark.
# Idempotent: asks dpkg first and runs apt-get only when something is missing.
# This is the one place the package list lives; `make run` and `make test` call it.
set -euo pipefail

PACKAGES=(
  # toolchain
  build-essential cmake pkg-config ccache git
  # libraries (Boost 1.81 for Beast/Asio + Boost.JSON; conflicts with 1.74: never both)
  libboost1.81-dev libboost-json1.81-dev libboost-url1.81-dev
  nlohmann-json3-dev libsimdjson-dev libspdlog-dev libfmt-dev libtomlplusplus-dev
  libcli11-dev libhnswlib-dev libsqlite3-dev sqlite3 libcurl4-openssl-dev libssl-dev
  libxxhash-dev libstemmer-dev prometheus-cpp-dev libjemalloc-dev
  # Unicode NFC and case folding for the fact dedup key (src/facts)
  libutf8proc-dev
  # tests and benchmarks; clang and its runtimes for the libFuzzer targets (tests/fuzz)
  libgtest-dev libgmock-dev libbenchmark-dev prometheus wrk curl python3 clang libclang-rt-14-dev
)

missing=()
for pkg in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$pkg")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# --no-install-recommends keeps prometheus from pulling node-exporter and disk tools.
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
