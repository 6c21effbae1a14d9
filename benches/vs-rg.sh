#!/usr/bin/env bash
# natoclaims extract against `rg -c -i nato` on the same generated corpora, in the same run.
#
#   benches/vs-rg.sh [N] [DIR]      N articles per corpus (default 20000), corpora under DIR
#                                   (default target/bench-corpus, kept between runs)
#   RSS_N=110000 benches/vs-rg.sh   also the peak RSS of extract over a 2%-on-topic corpus of
#                                   RSS_N articles (110,000 make about 1 GB)
#
# Corpora come from `cargo run --release --example make_corpus` (deterministic: seed 1), one
# with 2% of its articles on topic and one with all of them. Each command runs with a warm
# page cache; with hyperfine installed it times RUNS runs (default 5) after a warm-up and
# compares medians, else it times RUNS runs of each with `date` and compares medians.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-20000}
dir=${2:-target/bench-corpus}
runs=${RUNS:-5}
command -v rg >/dev/null || { echo "vs-rg: ripgrep (rg) is not installed" >&2; exit 2; }
cargo build --release --quiet --bin natoclaims --example make_corpus
bin=target/release/natoclaims
gen=target/release/examples/make_corpus

corpus() { # share name count -> path (made once)
  local path="$dir/$2-$3"
  if [ ! -f "$path/.done" ]; then
    rm -rf "$path"
    "$gen" "$path" "$3" --on-topic "$1" --seed 1
    touch "$path/.done"
  fi
  echo "$path"
}

median_ms() { # command... -> median wall time of $runs runs in ms, by date
  local t=()
  for _ in $(seq "$runs"); do
    local s e
    s=$(date +%s%N)
    "$@" >/dev/null 2>&1 || true
    e=$(date +%s%N)
    t+=($(( (e - s) / 1000000 )))
  done
  printf '%s\n' "${t[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}

compare() { # label path
  local label=$1 path=$2 ours theirs
  find "$path" -type f -exec cat {} + >/dev/null # warm the page cache
  if command -v hyperfine >/dev/null; then
    local json
    json=$(mktemp)
    hyperfine --style none --warmup 1 --runs "$runs" --export-json "$json" \
      "$bin extract --quiet $path" "rg -c -i nato $path" >&2
    read -r ours theirs < <(python3 -c '
import json, sys
r = json.load(open(sys.argv[1]))["results"]
print(" ".join(str(round(x["median"] * 1000)) for x in r))' "$json")
    rm -f "$json"
  else
    ours=$(median_ms "$bin" extract --quiet "$path")
    theirs=$(median_ms rg -c -i nato "$path")
  fi
  local mb
  mb=$(du -sm "$path" | cut -f1)
  awk -v l="$label" -v a="$ours" -v b="$theirs" -v mb="$mb" 'BEGIN {
    printf "%-22s %6d MB  natoclaims %8.2f s  rg %6.2f s  ratio %6.1fx\n", l, mb, a/1000, b/1000, a/b }'
}

mixed=$(corpus 0.02 mixed "$n")
ontopic=$(corpus 1 ontopic "$n")
echo "== $n articles per corpus, $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
compare "2% on topic" "$mixed"
compare "all on topic" "$ontopic"

if [ -n "${RSS_N:-}" ]; then
  big=$(corpus 0.02 mixed "$RSS_N")
  find "$big" -type f -exec cat {} + >/dev/null
  rss=$( { /usr/bin/time -f '%M' "$bin" extract --quiet "$big" >/dev/null; } 2>&1 | tail -1)
  echo "peak RSS over $(du -sm "$big" | cut -f1) MB (2% on topic, $RSS_N articles): $((rss / 1024)) MB"
fi
