#!/usr/bin/env python3
"""Fail when a score drops below its floor in .ci/seed-floor, or the output has bad lines.

    check-floor.py FLOOR SEED_SCORE.json HTML_SCORE.txt [POLNEAR_SCORE.json]
"""
import json
import re
import sys


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
    if len(sys.argv) > 4:
        polnear = json.load(open(sys.argv[4], encoding="utf-8"))
        scores["polnear_content_f1"] = polnear.get("content_f1")
        scores["polnear_source_f1"] = polnear.get("source_f1")
    failed = []
    for key in ("bad_json_lines", "schema_violations"):
        if scores.get(key, 1) != 0:
            failed.append(f"{key} = {scores.get(key)} (must be 0)")
    for key, floor in sorted(floors.items()):
        got = scores.get(key)
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
