#!/usr/bin/env bash
# The end-to-end tests drive Debian's Chromium. Install it (with CJK fonts for screenshots) when missing.
set -euo pipefail
chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$chromium" ]; then exit 0; fi
if [ "$(id -u)" != 0 ]; then
  echo "Chromium is missing at $chromium. Install it as root: apt-get install chromium fonts-noto-cjk" >&2
  exit 1
fi
echo "Installing Debian's chromium for the end-to-end tests…" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
apt-get install -y -qq --no-install-recommends chromium fonts-noto-cjk >/dev/null
