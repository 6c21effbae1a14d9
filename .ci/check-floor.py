#!/usr/bin/env python3
"""Fail when a score drops below its floor in .ci/seed-floor, or the output has bad lines.

    check-floor.py FLOOR SEED_SCORE.json HTML_SCORE.txt [POLNEAR_SCORE.json]
                   [--train POLNEAR_TRAIN.json] [--misses POLNEAR_TRAIN_MISSES.txt]
                   [--stance STANCE_SCORE.txt] [--html-meta HTML_META_SCORE.txt]

--train adds polnear_train_content_f1; --misses (polnear_misses.py's table) adds
polnear_train_said_recall, the recall on said/says/told attributions; --stance (bench/stance
score.py's output) adds stance_dev_acc; --html-meta (bench/html-metadata score.py's line
"html metadata: date X of N pages; byline strict Y ...") adds html_meta_date and
html_meta_byline, and html_meta_spurious (the share of no-author pages given a byline), which
is a ceiling: it fails when the score rises above it (keys in CEILINGS).
"""
import json
import re
import sys

# Keys whose value in the floor file is a maximum: lower is better.
CEILINGS = {"html_meta_spurious"}


def option(name):
    """The value after `--name` on the command line, or None."""
    args = sys.argv
    return args[args.index(name) + 1] if name in args else None


def said_recall(path):
    """Recall on said/says/told from the misses table: rows `cue gold hit recall share`."""
    gold = hit = 0
    for line in open(path, encoding="utf-8"):
        parts = line.split()
        if len(parts) >= 3 and parts[0] in ("said", "says", "told") and parts[1].isdigit():
            gold += int(parts[1])
            hit += int(parts[2])
    return round(hit / gold, 3) if gold else 0.0


def optional_scores(scores):
    """Scores from the optional --train, --misses and --stance files."""
    if option("--train"):
        scores["polnear_train_content_f1"] = json.load(open(option("--train"))).get("content_f1")
    if option("--misses"):
        scores["polnear_train_said_recall"] = said_recall(option("--misses"))
    if option("--stance"):
        m = re.search(r"accuracy ([0-9.]+)", open(option("--stance"), encoding="utf-8").read())
        scores["stance_dev_acc"] = float(m.group(1)) if m else 0.0
    if option("--html-meta"):
        text = open(option("--html-meta"), encoding="utf-8").read()
        m = re.search(r"html metadata: date ([0-9.]+) of \d+ pages; byline strict ([0-9.]+)", text)
        scores["html_meta_date"] = float(m.group(1)) if m else 0.0
        scores["html_meta_byline"] = float(m.group(2)) if m else 0.0
        m = re.search(r"spurious byline ([0-9.]+)", text)
        scores["html_meta_spurious"] = float(m.group(1)) if m else 1.0


def main():
    floor_path, seed_path, html_path = sys.argv[1:4]
    floors = {}
    for line in open(floor_path, encoding="utf-8"):
        line = line.split("#", 1)[0].strip()
        if line:
            key, value = line.split()
            floors[key] = float(value)
    scores = json.load(open(seed_path, encoding="utf-8"))
    m = re.search(r"F1 ([0-9.]+)", open(html_path, encoding="utf-8").read())
    scores["html_f1"] = float(m.group(1)) if m else 0.0
    optional_scores(scores)
    if len(sys.argv) > 4 and not sys.argv[4].startswith("--"):
        polnear = json.load(open(sys.argv[4], encoding="utf-8"))
        scores["polnear_content_f1"] = polnear.get("content_f1")
        scores["polnear_source_f1"] = polnear.get("source_f1")
    failed = []
    for key in ("bad_json_lines", "schema_violations"):
        if scores.get(key, 1) != 0:
            failed.append(f"{key} = {scores.get(key)} (must be 0)")
    for key, floor in sorted(floors.items()):
        got = scores.get(key)
        if key in CEILINGS:
            status = "ok" if got is not None and got <= floor else "ABOVE CEILING"
            print(f"  {key:16} {got!s:8} ceiling {floor}  {status}")
            if status != "ok":
                failed.append(f"{key} = {got} > ceiling {floor}")
            continue
        status = "ok" if got is not None and got >= floor else "BELOW FLOOR"
        print(f"  {key:16} {got!s:8} floor {floor}  {status}")
        if status != "ok":
            failed.append(f"{key} = {got} < floor {floor}")
    if failed:
        print("ratchet failed: " + "; ".join(failed))
        return 1
    print("ratchet ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
