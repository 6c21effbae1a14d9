#!/usr/bin/env python3
"""Extract natoclaims claims from JSON Lines article records with Apache Spark.

    spark-submit [--master URL] [--files /path/to/natoclaims] claims_job.py \
        [--binary natoclaims] [--partitions N] [--threads N] INPUT OUTPUT [-- EXTRACT-FLAGS...]

INPUT is anything `SparkContext.textFile` reads: a file, a folder, a glob or a comma-separated
list, local or on a cluster file system (gzip'd files are read whole, one partition each). Each
line is one article record, as `natoclaims extract` reads them (see the project README).

Each partition's records are piped through `RDD.pipe` to one `natoclaims extract --quiet
--input jsonl -j 1` process (a partition is one stdin stream). OUTPUT is a folder of part files
(`saveAsTextFile`; it must not exist yet), or, when it ends in `.jsonl`, one local file
written by the driver. Flags after `--` are passed to `natoclaims extract` (`--topic any`,
`--max-bytes 64M`).

Problems are never silent, and never cost the other records' claims. natoclaims skips a
malformed record and carries on, exiting 1; the job does the same: every claim of every other
record is written, each problem natoclaims reported is printed on the driver's stderr with its
partition and line (and the start of the record), and the job exits 1. A natoclaims crash
(any other exit status, or a missing binary) fails the task, which Spark retries and then
fails the job, so no partial output is committed. Exit status: 0 every record read (warnings
may be printed), 1 some records skipped, 2 usage error (or an output folder that exists), 3 the
Spark job failed (a natoclaims crash, a missing binary, ...; nothing is written).

Only the standard library and pyspark are used.
"""

import argparse
import os
import re
import shlex
import sys
import tempfile
import traceback

# The command each partition is piped to. `RDD.pipe` sends the partition's records to its
# stdin and reads its stdout; this wrapper runs natoclaims with stderr going to a temporary
# file, then appends that stderr and natoclaims' exit status to stdout as marker lines, so
# they reach the driver with the claims instead of vanishing into an executor log. Claim
# lines always start with `{`; marker lines with `#natoclaims-`.
#
#   sh -c WRAPPER natoclaims-pipe BINARY FALLBACK EXTRACT-ARGS...
#
# BINARY with a `/` is used as it is (a binary installed at that path on every node); a bare
# name is looked for in the task's working directory (where `spark-submit --files` puts it on
# YARN, Kubernetes and standalone executors), then at FALLBACK (the driver's copy, which is
# where local mode's tasks find a `--files` binary), then on PATH.
WRAPPER = r"""
want=$1; fallback=$2; shift 2
case $want in
  */*) bin=$want ;;
  *) if [ -x "./$want" ]; then bin=./$want
     elif [ -n "$fallback" ] && [ -x "$fallback" ]; then bin=$fallback
     else bin=$(command -v "$want" 2>/dev/null) || bin=
     fi ;;
esac
if [ -z "$bin" ] || [ ! -x "$bin" ]; then
  echo "#natoclaims-stderr natoclaims-pipe: no executable natoclaims binary '$want'" \
    "in the task's working directory, shipped with --files, or on PATH"
  echo "#natoclaims-exit 127"
  exit 0
fi
err=$(mktemp "${TMPDIR:-/tmp}/natoclaims-stderr.XXXXXX") || exit 125
"$bin" "$@" 2>"$err"
rc=$?
while IFS= read -r line || [ -n "$line" ]; do
  printf '#natoclaims-stderr %s\n' "$line"
done <"$err"
rm -f "$err"
echo "#natoclaims-exit $rc"
"""

STDERR_MARK = "#natoclaims-stderr "
EXIT_MARK = "#natoclaims-exit "
# natoclaims names a record on stdin `-:LINE`; in a partition, LINE counts that partition's lines.
STDIN_PLACE = re.compile(r"^natoclaims: (?:warning: )?-:(\d+):")
MAX_LOCATED = 20


def parse_args(argv):
    extra = []
    if "--" in argv:
        cut = argv.index("--")
        argv, extra = argv[:cut], argv[cut + 1 :]
    p = argparse.ArgumentParser(
        prog="claims_job.py",
        description="Extract natoclaims claims from JSON Lines article records with Spark "
        "(RDD.pipe). Flags after -- go to `natoclaims extract`.",
    )
    p.add_argument("input", help="records: a file, folder, glob or comma-separated list")
    p.add_argument(
        "output",
        help="a folder of part files (must not exist), or a local FILE.jsonl written by the driver",
    )
    p.add_argument(
        "--binary",
        default="natoclaims",
        help="natoclaims binary: a bare name (shipped with spark-submit --files, or on PATH) "
        "or a path that exists on every node (default: natoclaims)",
    )
    p.add_argument(
        "--partitions",
        type=int,
        default=0,
        help="at least this many partitions, i.e. natoclaims processes (default: as read)",
    )
    p.add_argument(
        "--threads",
        type=int,
        default=1,
        help="natoclaims worker threads per partition; match spark.task.cpus (default: 1)",
    )
    args = p.parse_args(argv)
    for flag in ("-o", "--output", "--input", "-j", "--threads"):
        if any(a == flag or a.startswith(flag + "=") for a in extra):
            p.error(f"{flag} after -- is set by the job itself")
    if args.threads < 1 or args.partitions < 0:
        p.error("--threads must be at least 1 and --partitions not negative")
    args.extract = extra
    return args


def pipe_command(binary, fallback, threads, extra):
    """The command string RDD.pipe splits with shlex: sh -c WRAPPER ..."""
    natoclaims = ["extract", "--quiet", "--input", "jsonl", "-j", str(threads), *extra]
    return shlex.join(["sh", "-c", WRAPPER, "natoclaims-pipe", binary, fallback, *natoclaims])


def tag_partition(index, lines):
    """Sort a partition's piped output: ("c", claim line), ("e", (index, stderr line)),
    ("x", (index, exit status, claims)). A crash raises, which fails the task."""
    claims = 0
    errors = []
    status = None
    for line in lines:
        if line.startswith("{"):
            claims += 1
            yield ("c", line)
        elif line.startswith(STDERR_MARK):
            errors.append(line[len(STDERR_MARK) :])
        elif line.startswith(EXIT_MARK):
            status = int(line[len(EXIT_MARK) :])
        elif line.strip():
            errors.append("natoclaims-pipe: unexpected output line: " + line[:200])
    if status not in (0, 1, 2):
        detail = "; ".join(errors[-5:]) or "no message"
        what = "ended without an exit status" if status is None else f"exited with {status}"
        raise RuntimeError(f"natoclaims {what} in partition {index}: {detail}")
    for e in errors:
        yield ("e", (index, e))
    yield ("x", (index, status, claims))


def locate(sc, records, wanted):
    """The start of the records natoclaims reported as `-:LINE` in their partitions:
    {(partition, line): text}, reading only those partitions again."""
    by_part = {}
    for part, line in wanted:
        by_part.setdefault(part, set()).add(line)

    def pick(index, it):
        want = by_part.get(index, ())
        for n, text in enumerate(it, 1):
            if n in want:
                yield ((index, n), text[:160])

    found = sc.runJob(records.mapPartitionsWithIndex(pick), lambda it: it, sorted(by_part))
    return dict(found)


def output_exists(sc, output):
    """Whether the output folder exists, on whatever file system its URI names."""
    path = sc._jvm.org.apache.hadoop.fs.Path(output)
    return path.getFileSystem(sc._jsc.hadoopConfiguration()).exists(path)


def write_local(claims, path):
    """Write the claims to one local file, atomically (temporary file, then rename)."""
    folder = os.path.dirname(os.path.abspath(path))
    os.makedirs(folder, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".claims-", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as out:
            for line in claims.toLocalIterator(prefetchPartitions=True):
                out.write(line)
                out.write("\n")
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise


def say(message):
    print(f"claims_job: {message}", file=sys.stderr, flush=True)


def main(argv):
    args = parse_args(argv)
    from pyspark import SparkFiles, StorageLevel
    from pyspark.sql import SparkSession

    spark = SparkSession.builder.appName("natoclaims-claims").getOrCreate()
    sc = spark.sparkContext
    try:
        fallback = ""
        if "/" not in args.binary:
            shipped = SparkFiles.get(args.binary)
            fallback = shipped if os.path.exists(shipped) else ""
        elif not os.access(args.binary, os.X_OK):
            say(f"warning: {args.binary} is not executable here; it must be on every node")

        if not args.output.endswith(".jsonl") and output_exists(sc, args.output):
            say(f"{args.output} already exists: give a new folder (Spark does not overwrite one)")
            return 2

        records = sc.textFile(args.input, minPartitions=args.partitions or None)
        if records.getNumPartitions() < args.partitions:
            records = records.repartition(args.partitions)
        parts = records.getNumPartitions()

        command = pipe_command(args.binary, fallback, args.threads, args.extract)
        env = {"PATH": os.environ.get("PATH", os.defpath)}
        if "TMPDIR" in os.environ:
            env["TMPDIR"] = os.environ["TMPDIR"]
        tagged = (
            records.pipe(command, env=env, checkCode=True)
            .mapPartitionsWithIndex(tag_partition)
            .persist(StorageLevel.MEMORY_AND_DISK)
        )
        try:
            # The first action runs natoclaims on every partition (in parallel) and keeps the
            # results; a crash fails here, before any output is written.
            reports = tagged.filter(lambda t: t[0] != "c").map(lambda t: t[1]).collect()
            claims = tagged.filter(lambda t: t[0] == "c").map(lambda t: t[1])
            if args.output.endswith(".jsonl"):
                write_local(claims, args.output)
            else:
                claims.saveAsTextFile(args.output)
        except Exception as e:  # noqa: BLE001 - Spark wraps task failures in its own types
            traceback.print_exc()
            text = str(e)
            ours = re.findall(r"RuntimeError: (natoclaims .*)", text)
            java = re.findall(r"^([\w.$]+(?:Exception|Error): .*)$", text, re.M)
            say(f"FAILED: {(ours[-1:] or java[:1] or text.strip().splitlines())[0]}")
            return 3

        statuses = {r[0]: r[1:] for r in reports if len(r) == 3}
        messages = [r for r in reports if len(r) == 2]
        total = sum(n for _, n in statuses.values())
        wanted = []
        for part, text in messages:
            m = STDIN_PLACE.match(text)
            if m:
                wanted.append((part, int(m.group(1))))
        located = locate(sc, records, wanted[:MAX_LOCATED]) if wanted else {}
        for part, text in messages:
            say(f"partition {part}: {text}")
            m = STDIN_PLACE.match(text)
            if m and (part, int(m.group(1))) in located:
                say(f"  that record starts: {located[(part, int(m.group(1)))]}")

        # Exit 2 from natoclaims means "nothing read": a partition holding only records with
        # an empty body (warnings) is not an error, one with only malformed records is.
        def only_warnings(part):
            said = [t for q, t in messages if q == part]
            return bool(said) and all(": warning: " in t for t in said)

        failed = sorted(
            p for p, (rc, _) in statuses.items() if rc == 1 or (rc == 2 and not only_warnings(p))
        )
        say(
            f"{total} claims from {parts} partition(s) written to {args.output}"
            + (f"; natoclaims skipped records in partitions {failed} (see above)" if failed else "")
        )
        return 1 if failed else 0
    finally:
        spark.stop()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
