#!/bin/sh
# Fails when a file with translatable strings is missing from po/POTFILES.in, or when
# POTFILES.in names a file that does not exist (as Epiphany's data/check-potfiles does).
set -u

top=${1:-$(dirname "$0")/..}
cd "$top" || exit 2

potfiles=po/POTFILES.in
[ -f "$potfiles" ] || { echo "missing $potfiles"; exit 1; }

listed=$(mktemp)
found=$(mktemp)
trap 'rm -f "$listed" "$found"' EXIT

grep -v '^[[:space:]]*#' "$potfiles" | sed '/^[[:space:]]*$/d' | sort -u > "$listed"

{
  grep -rlE '(^|[^A-Za-z0-9_])(_|N_|C_|NC_|ngettext|g_dngettext)[[:space:]]*\(' \
    --include='*.c' src 2>/dev/null
  grep -rl 'translatable="yes"' --include='*.ui' ui 2>/dev/null
  for f in data/*.desktop.in.in data/*.metainfo.xml.in.in data/*.gschema.xml; do
    [ -f "$f" ] && echo "$f"
  done
} | sort -u > "$found"

status=0

missing=$(comm -13 "$listed" "$found")
if [ -n "$missing" ]; then
  echo "These files have translatable strings but are not in $potfiles:"
  echo "$missing" | sed 's/^/  /'
  status=1
fi

while read -r f; do
  if [ ! -f "$f" ]; then
    echo "$potfiles lists $f, which does not exist"
    status=1
  fi
done < "$listed"

# xgettext cannot expand GLib's format macros: a translatable string with
# "%" G_GSIZE_FORMAT is cut short at the "%", and never translated at run time.
truncated=$(grep -rnE '(^|[^A-Za-z0-9_])(_|N_|C_|ngettext)[[:space:]]*\((|"[^"]*",[[:space:]]*)"[^"]*%"[[:space:]]*G_G[A-Z0-9]*_FORMAT' \
  --include='*.c' src 2>/dev/null)
if [ -n "$truncated" ]; then
  echo "Translatable strings with a GLib format macro (use %zu, %lld or %llu with a cast):"
  echo "$truncated" | sed 's/^/  /'
  status=1
fi

[ $status -eq 0 ] && echo "POTFILES.in lists all $(wc -l < "$found") files with translatable strings"
exit $status
