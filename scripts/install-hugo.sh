#!/usr/bin/env bash
# Installs Hugo for the benchmark's peer build (`npm run bench -- --peer`): Debian's package,
# the Hugo a user of this distribution would get. Does nothing when `hugo` is already on PATH.
set -euo pipefail

if command -v hugo >/dev/null 2>&1; then
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "hugo is not installed and apt-get is not available: install Hugo (https://gohugo.io/installation/) and run again" >&2
  exit 1
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  SUDO="sudo"
fi
echo "installing Debian's hugo for the benchmark's peer build" >&2
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq hugo >/dev/null
hugo version >&2
