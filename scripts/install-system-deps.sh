#!/usr/bin/env bash
# Debian packages the browser tests need: chromium (driven by Playwright through executable_path,
# never `playwright install`) and a font. Installs only when missing and when we are root;
# otherwise it says why and the browser tests skip with a one-line reason.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
if [ "$(id -u)" != "0" ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "install-system-deps: chromium missing and not root on Debian: browser tests will skip" >&2
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends chromium fonts-liberation >/dev/null
echo "install-system-deps: installed $(/usr/bin/chromium --version 2>/dev/null | head -1)"
