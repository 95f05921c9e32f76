#!/usr/bin/env bash
# Debian packages the tests need: chromium (driven by Playwright through executable_path, never
# `playwright install`), a font, and nginx-light for the multi-process deployment (deploy/).
# Installs only what is missing and only as root; otherwise it says why and those tests skip
# with a one-line reason.
set -euo pipefail
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium fonts-liberation)
[ -x /usr/sbin/nginx ] || missing+=(nginx-light)
command -v envsubst >/dev/null 2>&1 || missing+=(gettext-base)
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" != "0" ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "install-system-deps: ${missing[*]} missing and not root on Debian: their tests will skip" >&2
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
browser=(); server=()
for package in "${missing[@]}"; do
  case "$package" in nginx-light) server+=("$package") ;; *) browser+=("$package") ;; esac
done
if [ ${#browser[@]} -gt 0 ]; then
  apt-get install -y -qq --no-install-recommends "${browser[@]}" >/dev/null
fi
if [ ${#server[@]} -gt 0 ]; then
  # nginx-light is Debian's small build; where it does not exist, the full package does the same job
  apt-get install -y -qq --no-install-recommends nginx-light >/dev/null 2>&1 \
    || apt-get install -y -qq --no-install-recommends nginx >/dev/null \
    || echo "install-system-deps: nginx could not be installed: the deployment test will skip" >&2
fi
echo "install-system-deps: installed ${missing[*]}"
