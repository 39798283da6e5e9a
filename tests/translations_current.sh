#!/bin/sh
# Fails when a translated string of the app (ui/, app/gui/) is missing from a translation: lupdate
# run on a copy of each .ts file must leave nothing unfinished in it (English holds only plural
# forms, so it is updated with -pluralonly). translations_complete then checks that every entry
# present is translated.
# Usage: translations_current.sh LUPDATE LRELEASE SOURCE_ROOT TS...
set -eu
lupdate=$1
lrelease=$2
root=$3
shift 3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0
for ts in "$@"; do
    cp "$ts" "$work/check.ts"
    only=""
    case "$ts" in *_en.ts) only="-pluralonly" ;; esac
    "$lupdate" $only -locations none -I "$root" "$root/ui" "$root/app/gui" -ts "$work/check.ts" \
        >/dev/null 2>&1
    out=$("$lrelease" "$work/check.ts" -qm /dev/null)
    echo "$ts: $(echo "$out" | tail -1)"
    case "$out" in
        *" 0 unfinished"*) ;;
        *) echo "$ts lacks strings of the sources: cmake --build build --target update_translations, then translate them" >&2
           status=1 ;;
    esac
done
exit $status
