#!/usr/bin/env bash
# Shard a JSON Lines file of article records over N natoclaims processes with xargs -P, then
# merge the claims into one file, in input order. The README's "Scale out" recipe, with the
# exit statuses handled; `.ci/spark-check` runs it on the fixtures.
#
#   examples/shard.sh RECORDS.jsonl CLAIMS.jsonl [N] [-- EXTRACT-FLAGS...]
#
# N defaults to the number of cores. NATOCLAIMS names the binary (default: natoclaims on PATH).
# Exit status: 0 every record read; 1 some records skipped (reported on stderr, every other
# claim merged), as natoclaims itself; 2 usage; 3 a shard crashed (nothing written).
set -euo pipefail

usage() { echo "usage: $0 RECORDS.jsonl CLAIMS.jsonl [N] [-- EXTRACT-FLAGS...]" >&2; exit 2; }
[ $# -ge 2 ] || usage
records=$1 claims=$2
shift 2
shards=$(nproc)
if [ $# -gt 0 ] && [ "$1" != "--" ]; then shards=$1; shift; fi
if [ $# -gt 0 ]; then [ "$1" = "--" ] || usage; shift; fi
case $shards in '' | *[!0-9]* | 0) usage ;; esac
[ -f "$records" ] || { echo "$0: $records: not a regular file (split -n needs one; gunzip a .gz first)" >&2; exit 2; }
bin=${NATOCLAIMS:-natoclaims}
command -v "$bin" >/dev/null || { echo "$0: no natoclaims binary '$bin' (set NATOCLAIMS=/path/to/natoclaims)" >&2; exit 2; }

work=$(mktemp -d "${TMPDIR:-/tmp}/natoclaims-shard.XXXXXX")
trap 'rm -rf "$work"' EXIT

# 1. Cut the records into N shards at line ends (GNU split; no record is cut in two).
split -n "l/$shards" -d -a 4 --additional-suffix=.jsonl "$records" "$work/shard-"

# 2. One natoclaims process per shard, N at a time, each writing its own file: processes
#    sharing one stdout could interleave torn lines. Each shard's exit status is kept.
export bin
# shellcheck disable=SC2016 # the sh -c script expands its own arguments
printf '%s\0' "$work"/shard-*.jsonl |
  xargs -0 -P "$shards" -I{} sh -c \
    '"$bin" extract --quiet --input jsonl -j 1 "$@" -o "$0.claims" "$0"; echo $? > "$0.rc"' {} "$@" ||
  true

# 3. Merge in shard order; a crashed shard (exit status other than 0, 1, 2) fails the whole run.
status=0
for shard in "$work"/shard-*.jsonl; do
  rc=$(cat "$shard.rc" 2>/dev/null || echo missing)
  case $rc in
    0) ;;
    1 | 2) status=1 ;;
    *) echo "$0: natoclaims failed on $(basename "$shard") (exit $rc); nothing written" >&2; exit 3 ;;
  esac
done
tmp=$(mktemp "$claims.XXXXXX")
for shard in "$work"/shard-*.jsonl; do
  if [ -f "$shard.claims" ]; then cat "$shard.claims"; fi
done >"$tmp"
mv "$tmp" "$claims"
if [ "$status" != 0 ]; then
  # natoclaims named records by shard and line; say where each shard starts in RECORDS.
  line=1
  for shard in "$work"/shard-*.jsonl; do
    echo "$0: $(basename "$shard") starts at line $line of $records" >&2
    line=$((line + $(wc -l <"$shard")))
  done
fi
exit "$status"
