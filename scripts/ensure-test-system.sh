#!/usr/bin/env bash
# Run before the tests (npm's pretest): the browser tests drive Debian's chromium (which also prints
# the test PDFs), the screenshots and PDFs want a CJK font, the shared rate limits are tested
# against a real redis-server, and qpdf encrypts a PDF for the refusal test. What is missing is
# installed from Debian (as root, or through sudo); nothing is downloaded from anywhere else.
set -euo pipefail

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
if ! fc-list : family 2>/dev/null | grep -qi 'wenquanyi'; then missing+=(fonts-wqy-microhei); fi
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
# qpdf encrypts a PDF for the test that an encrypted upload is refused.
command -v qpdf >/dev/null 2>&1 || missing+=(qpdf)
if [ ${#missing[@]} -eq 0 ]; then exit 0; fi

echo "== the tests need ${missing[*]} from Debian; installing"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if ! command -v sudo >/dev/null 2>&1; then
    echo "Install them first: apt-get install -y ${missing[*]} (as root). The browser tests cannot run without them." >&2
    exit 1
  fi
  SUDO="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
