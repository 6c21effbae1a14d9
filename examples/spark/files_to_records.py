#!/usr/bin/env python3
"""Turn article files (plain text and HTML, gzip'd or not) into JSON Lines article records
that `natoclaims extract` and the Spark job read: one record per file,

    {"url": "PATH", "text": "..."}     or     {"url": "PATH", "html": "..."}

`url` is the file's path as given (joined with the names found when walking a folder), which
is what `natoclaims extract PATH` prints as `article.path`, so the claims of the records equal
the claims of the files except `article.sha256`: a file's is of its raw bytes, a record's of
its article body in UTF-8. The two agree for every UTF-8 file without a byte-order mark.

Files are decoded as natoclaims would in the common cases: a BOM, else UTF-8, else the charset
an HTML page declares, else windows-1252 (natoclaims' own detector knows more encodings; a
record carries text, so the encoding is settled here). No metadata fields are written: the
record's metadata would win over the page's, and here the page's is wanted.

    files_to_records.py fixtures/articles > records.jsonl

Standard library only. Exit status 1 if a path could not be read (the others are written).
"""

import codecs
import gzip
import json
import os
import re
import sys

TEXT = {"txt", "text", "md", ""}
HTML = {"html", "htm", "xhtml", "shtml"}
CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
BOMS = [
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
]


def kind(path):
    """'text', 'html', or None for a name natoclaims would not walk."""
    name = os.path.basename(path).lower()
    if name.endswith(".gz"):
        name = name[:-3]
    ext = name.rsplit(".", 1)[1] if "." in name else ""
    if ext in HTML:
        return "html"
    return "text" if ext in TEXT else None


def decode(raw, html):
    for bom, codec in BOMS:
        if raw.startswith(bom):
            return raw[len(bom) :].decode(codec, errors="replace")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if html:
        m = CHARSET.search(raw[:8192])
        if m:
            try:
                return raw.decode(m.group(1).decode("ascii"), errors="replace")
            except LookupError:
                pass
    return raw.decode("windows-1252", errors="replace")


def files(paths):
    for path in paths:
        if os.path.isdir(path):
            for root, dirs, names in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(names):
                    full = os.path.join(root, name)
                    if not name.startswith(".") and kind(full):
                        yield full
        else:
            yield path


def main(paths):
    if not paths or paths[0] in ("-h", "--help"):
        print(__doc__.strip(), file=sys.stderr)
        return 2
    failed = False
    out = sys.stdout.buffer
    for path in files(paths):
        try:
            with open(path, "rb") as f:
                raw = f.read()
            if path.endswith(".gz"):
                raw = gzip.decompress(raw)
        except (OSError, EOFError) as e:
            print(f"files_to_records: {path}: {e}", file=sys.stderr)
            failed = True
            continue
        field = kind(path) or "text"
        record = {"url": path, field: decode(raw, field == "html")}
        out.write(json.dumps(record, ensure_ascii=False).encode("utf-8") + b"\n")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
