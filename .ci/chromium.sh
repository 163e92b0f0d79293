#!/bin/sh
# Makes sure Debian's Chromium is installed for the WhatsApp channel and its browser test.
# whatsapp-web.js drives the system browser (CHROMIUM_PATH, default /usr/bin/chromium); puppeteer's own
# download is skipped at npm install (.puppeteerrc.cjs, allowScripts), so CI installs the Debian package.
# Idempotent: exits 0 at once when the browser is already there.
set -eu

CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"

if [ -x "$CHROMIUM" ]; then
  echo "chromium: already installed at $CHROMIUM, nothing to do"
  exit 0
fi

if [ -x /usr/bin/chromium ]; then
  echo "chromium: /usr/bin/chromium is installed, but CHROMIUM_PATH=$CHROMIUM does not exist; unset CHROMIUM_PATH to use it" >&2
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "chromium: not found at $CHROMIUM; installing needs root (run as root or: sudo $0)" >&2
  exit 1
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "chromium: not found at $CHROMIUM and apt-get is not available; install Chromium and set CHROMIUM_PATH" >&2
  exit 1
fi

echo "chromium: not found at $CHROMIUM; installing Debian's chromium package with apt-get"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq chromium >/dev/null

if [ -x /usr/bin/chromium ]; then
  echo "chromium: installed $(/usr/bin/chromium --version 2>/dev/null | tail -n 1) at /usr/bin/chromium"
else
  echo "chromium: apt-get finished but /usr/bin/chromium is still missing" >&2
  exit 1
fi
if [ "$CHROMIUM" != /usr/bin/chromium ] && [ ! -x "$CHROMIUM" ]; then
  echo "chromium: note: CHROMIUM_PATH=$CHROMIUM still does not exist; unset it to use /usr/bin/chromium" >&2
fi
