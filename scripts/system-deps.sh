#!/usr/bin/env bash
# Debian packages the tests and the optional features need: a PostgreSQL server (store tests),
# Tesseract with Russian and English data (--ocr), antiword and catdoc (legacy .doc files),
# DejaVu fonts (PDF fixtures, charts), Chromium (the report opens in it headless, with no console errors). Idempotent and quick when everything is there.
# Without root or apt-get it prints what is missing; the tests that need it then skip with a reason.
set -euo pipefail
PACKAGES=(postgresql tesseract-ocr tesseract-ocr-rus tesseract-ocr-eng antiword catdoc fonts-dejavu-core chromium)
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "system-deps: missing ${missing[*]} (install them as root with apt-get); dependent tests will skip" >&2
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "system-deps: installed ${missing[*]}"
