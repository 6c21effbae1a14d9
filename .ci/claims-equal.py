#!/usr/bin/env python3
"""Check that two natoclaims outputs hold the same claims, set for set.

    claims-equal.py LABEL EXPECTED ACTUAL [--bodies RECORDS.jsonl]

EXPECTED and ACTUAL are JSON Lines files, or folders of Spark part files (`part-*`). Each line
is put in canonical form (keys sorted, no spaces) and the two sorted lists must be equal:
the same claims, each as often, in any order. Either side empty is a failure (an empty
comparison proves nothing).

--bodies RECORDS: EXPECTED came from the article files and ACTUAL from the records that
files_to_records.py made of them (`url` = the file's path). The one field that may then differ
is `article.sha256`: a file's is of its raw bytes, a record's of its body in UTF-8. So in
EXPECTED it is replaced by the sha256 of the body of the record whose url is `article.path`,
and the articles where that changed anything are listed (the fixtures not stored as UTF-8).
"""

import hashlib
import json
import os
import sys

BODY_FIELDS = ("text", "maintext", "html", "raw_html")


def lines(path):
    if os.path.isdir(path):
        names = sorted(n for n in os.listdir(path) if n.startswith("part-"))
        files = [os.path.join(path, n) for n in names]
    else:
        files = [path]
    for name in files:
        with open(name, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                if line.strip():
                    try:
                        yield json.loads(line)
                    except ValueError as e:
                        sys.exit(f"claims-equal: {name}:{n}: not JSON: {e}")


def canonical(claim):
    return json.dumps(claim, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def body_hashes(records):
    hashes = {}
    with open(records, encoding="utf-8") as f:
        for line in f:
            try:
                record = json.loads(line)
            except ValueError:
                continue  # the damaged lines the check adds on purpose
            if not isinstance(record, dict):
                continue
            body = next((record[k] for k in BODY_FIELDS if record.get(k)), None)
            if record.get("url") and isinstance(body, str):
                hashes[record["url"]] = hashlib.sha256(body.encode("utf-8")).hexdigest()
    return hashes


def main(argv):
    bodies = None
    if "--bodies" in argv:
        i = argv.index("--bodies")
        bodies = argv[i + 1]
        argv = argv[:i] + argv[i + 2 :]
    if len(argv) != 3:
        sys.exit(__doc__.strip())
    label, expected_path, actual_path = argv
    expected = list(lines(expected_path))
    actual = list(lines(actual_path))
    if bodies:
        hashes = body_hashes(bodies)
        changed = set()
        for claim in expected:
            article = claim["article"]
            new = hashes.get(article["path"])
            if new is None:
                sys.exit(f"claims-equal: {label}: no record for {article['path']} in {bodies}")
            if new != article["sha256"]:
                changed.add(article["path"])
                article["sha256"] = new
        for path in sorted(changed):
            print(f"{label}: article.sha256 differs as it should (raw bytes vs UTF-8 body): {path}")
        # A claim's id hashes its article's sha256, so it differs with it: compare the rest.
        for claim in expected + actual:
            if claim["article"]["path"] in changed:
                claim.pop("id", None)
    a = sorted(map(canonical, expected))
    b = sorted(map(canonical, actual))
    if not a or not b:
        sys.exit(f"claims-equal: {label}: FAILED: no claims ({len(a)} expected, {len(b)} actual)")
    if a == b:
        print(f"{label}: {len(b)} claims, equal set for set")
        return 0
    only_a, only_b = sorted(set(a) - set(b)), sorted(set(b) - set(a))
    print(f"{label}: FAILED: {len(a)} expected claims, {len(b)} actual", file=sys.stderr)
    for tag, diff in (("missing", only_a), ("extra", only_b)):
        for c in diff[:5]:
            print(f"  {tag}: {c[:400]}", file=sys.stderr)
    if not only_a and not only_b:
        print("  the same claims, repeated a different number of times", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
