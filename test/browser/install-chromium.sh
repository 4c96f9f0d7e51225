#!/usr/bin/env bash
# Installs Debian's headless-capable Chromium for the browser test (test/browser/),
# unless /usr/bin/chromium is already there. Idempotent; needs root (or sudo) for
# apt-get. Playwright cannot download its own browsers here, so the test drives this
# system Chromium through playwright-core (executablePath: /usr/bin/chromium).
set -euo pipefail

CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$CHROMIUM" ]; then
	"$CHROMIUM" --version 2>/dev/null || true
	exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
	if command -v sudo >/dev/null 2>&1; then
		SUDO="sudo"
	else
		echo "install-chromium.sh: $CHROMIUM is missing and this is not root (no sudo): apt-get install -y chromium" >&2
		exit 1
	fi
fi

export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends chromium fonts-liberation
"$CHROMIUM" --version
