#!/bin/sh
# Fails when a translated string of the app (ui/, app/gui/) is missing from a translation: lupdate
# run on a copy of each .ts file must find no new source text. translations_complete then checks
# that every entry present is translated.
# Usage: translations_current.sh LUPDATE SOURCE_ROOT TS...
set -eu
lupdate=$1
root=$2
shift 2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0
for ts in "$@"; do
    cp "$ts" "$work/check.ts"
    out=$("$lupdate" -locations none -I "$root" "$root/ui" "$root/app/gui" -ts "$work/check.ts" 2>&1)
    found=$(echo "$out" | grep 'Found' || true)
    echo "$ts: $found"
    case "$found" in
        *"(0 new"*) ;;
        *) echo "$ts lacks strings of the sources: cmake --build build --target update_translations, then translate them" >&2
           status=1 ;;
    esac
done
exit $status
