#!/usr/bin/python3
"""Runs `eventgraph extract` over a corpus split into partitions, on a Dask cluster.

Extraction is a pure function of each article, so a corpus can be cut into
partitions, each extracted on its own, and the events put back together: the
result is the same as one run over the whole corpus.

    tools/scale/extract_dask.py corpus.jsonl pages/ -o out/ --concat out/events.jsonl
    tools/scale/extract_dask.py corpus.jsonl -o /shared/out --scheduler tcp://head:8786 --shared

Inputs are files and directories (their files, sorted, as eventgraph reads
them). JSON Lines files are cut by lines into partitions of --articles
articles; page files (text, HTML) and JSON documents spread over many lines
are kept whole. Each partition's events go to OUT/part-00000.events.jsonl, …,
written to a temporary file and renamed when complete, so a retried or killed
task never leaves half a file. --concat FILE joins them, in partition order
(which is the order of one run over the same inputs).

An article of a JSON Lines file without an id takes the file's name (the
second one NAME-2, and so on, counted over the whole file); the partitions
carry those ids so that cutting a file does not change them.

Without --scheduler a local cluster of --workers processes is started. With
--scheduler ADDRESS the workers of that cluster run the partitions: the
eventgraph binary (--eventgraph) and its data directory (--data, else the one
built into the binary) must be at the same path on each of them. By default
the partitions' bytes travel with the tasks and the events come back to this
process, so the workers need no shared storage; with --shared the workers read
the inputs and write the outputs themselves, at the same paths (a shared file
system).

Exit code: 0 when every partition ran cleanly; 1 when some input was bad
(eventgraph's own exit code 1: its message is repeated here with the original
file and line) or a partition failed (its inputs are named); 2 for bad usage.
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import uuid

TOP = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))


# ---------------------------------------------------------------- partitioning


def expand_inputs(paths):
    """The files eventgraph would read for these arguments, in its order:
    a directory gives its regular files not starting with '.', sorted."""
    files = []
    for p in paths:
        if not os.path.exists(p):
            raise BadInput(f"{p}: no such file or directory")
        if not os.path.isdir(p):
            files.append(p)
            continue
        names = [n for n in os.listdir(p) if n and not n.startswith(".")]
        inner = sorted(os.path.join(p, n) for n in names)
        files.extend(f for f in inner if os.path.isfile(f))
    return files


def id_from_path(path):
    """The id eventgraph gives an article without one: the file's name
    without its (last) extension."""
    stem = os.path.basename(path)
    dot = stem.rfind(".")
    if dot > 0:
        stem = stem[:dot]
    return stem


def is_blank(line):
    return line.strip(b" \t\r\n") == b""


def json_lines_layout(path):
    """True if eventgraph reads this file as JSON Lines: it opens with '{' or
    '[' and its first non-blank line is a whole JSON value (or broken in a way
    that the end of the line does not explain). A JSON document spread over
    many lines, and every page, is read whole."""
    try:
        f = open(path, "rb")
    except OSError:
        return False  # eventgraph says why
    with f:
        head = f.read(4096)
        if head.startswith(b"\xef\xbb\xbf"):
            head = head[3:]
        if head.lstrip(b" \t\r\n")[:1] not in (b"{", b"["):
            return False
        f.seek(0)
        for line in f:
            if not is_blank(line):
                break
        else:
            return False
    if line.startswith(b"\xef\xbb\xbf"):
        line = line[3:]
    try:
        text = line.decode("utf-8")
        json.loads(text, parse_constant=reject_constant)
        return True
    except json.JSONDecodeError as e:
        cut_short = text[e.pos:].strip(" \t\r\n") == ""
        return not cut_short
    except ValueError:
        return True


def reject_constant(name):
    # NaN and Infinity are not JSON: eventgraph rejects them, so must we.
    raise ValueError(f"{name} is not JSON")


def articles_of_line(line):
    """What eventgraph makes of one JSON Lines record: the parsed value (None
    when it does not parse: eventgraph reports it, the line stays as it is)
    and how many articles it counts towards the default ids."""
    try:
        value = json.loads(line, parse_constant=reject_constant)
    except ValueError:
        return None, 0
    if isinstance(value, list):
        return value, len(value)
    return value, 1


def needs_id(article):
    # A missing or empty id; a null one is an error eventgraph reports.
    return isinstance(article, dict) and ("id" not in article or article["id"] == "")


def with_default_ids(value, stem, first_ordinal):
    """The record with the ids eventgraph would give its articles that have
    none, as the whole file is read: STEM for the first article of the file,
    STEM-N for the Nth."""

    def default_id(ordinal):
        return stem if ordinal == 1 else f"{stem}-{ordinal}"

    if isinstance(value, list):
        out = []
        for k, a in enumerate(value):
            if needs_id(a):
                a = dict(a, id=default_id(first_ordinal + k))
            out.append(a)
        return out
    return dict(value, id=default_id(first_ordinal))


def split_json_lines(path, per_partition):
    """Slices of a JSON Lines file of about `per_partition` articles each:
    (byte begin, byte end, first line number, last line number, count,
    {line number: new text}) where the new texts give id-less articles the
    ids of a whole read."""
    stem = id_from_path(path)
    slices = []
    begin = offset = 0
    first_line = line_no = 1
    count = 0
    ordinal = 0  # articles seen so far in the file, as eventgraph counts them
    patches = {}
    with open(path, "rb") as f:
        for raw in f:
            line_no_here = line_no
            line_no += 1
            offset += len(raw)
            if is_blank(raw):
                continue
            text = raw[3:] if line_no_here == 1 and raw.startswith(b"\xef\xbb\xbf") else raw
            value, n = articles_of_line(text)
            if n and ((isinstance(value, list) and any(needs_id(a) for a in value)) or
                      (not isinstance(value, list) and needs_id(value))):
                fixed = with_default_ids(value, stem, ordinal + 1)
                patches[line_no_here] = json.dumps(fixed, separators=(",", ":")) + "\n"
            ordinal += n
            count += max(n, 1)
            if count >= per_partition:
                slices.append((begin, offset, first_line, line_no - 1, count, patches))
                begin, first_line, count, patches = offset, line_no, 0, {}
    if count:
        slices.append((begin, offset, first_line, line_no - 1, count, patches))
    return slices


def make_partitions(files, per_partition):
    """Partitions in input order: a list of items each, an item being a whole
    file {"path"} or a slice of a JSON Lines file {"path", "begin", "end",
    "first_line", "last_line", "patches"}. Whole files count as one article
    each (a page's teasers are not known before it is read)."""
    partitions = []
    current, count = [], 0

    def close():
        nonlocal current, count
        if current:
            partitions.append(current)
        current, count = [], 0

    for path in files:
        if not json_lines_layout(path):
            current.append({"path": path, "name": path})
            count += 1
            if count >= per_partition:
                close()
            continue
        for begin, end, first_line, last_line, n, patches in split_json_lines(path, per_partition):
            if count + n > per_partition and current:
                close()
            current.append({"path": path, "name": path, "begin": begin, "end": end,
                            "first_line": first_line, "last_line": last_line, "patches": patches})
            count += n
            if count >= per_partition:
                close()
    close()
    return partitions


def describe(partition):
    """The inputs of a partition, for messages: files, and line ranges of
    the JSON Lines files cut."""
    parts = []
    for item in partition:
        if "begin" in item:
            parts.append(f"{item['name']} lines {item['first_line']}-{item['last_line']}")
        else:
            parts.append(item["name"])
    return ", ".join(parts)


def part_name(index):
    return f"part-{index:05d}.events.jsonl"


# ---------------------------------------------------------------- the task


class PartitionFailed(Exception):
    """A partition whose extraction did not run to its end."""


# The first line of a slice copy. eventgraph takes a file for JSON Lines when
# its first line is a whole JSON value, or when it is cut short but the next
# line is one; otherwise for one document spread over lines. A slice that is a
# single broken line, or begins with two, would be read the second way and
# fail as a whole, where one run skips its lines. An empty array is a whole
# value and no article, so every slice is read as JSON Lines.
SLICE_HEAD = b"[]\n"


def slice_bytes(item, data=None):
    """The bytes of a slice as eventgraph must see them: the file's lines
    (read here, or shipped in `data`) after SLICE_HEAD, id-less articles
    given their ids."""
    if data is None:
        with open(item["path"], "rb") as f:
            f.seek(item["begin"])
            data = f.read(item["end"] - item["begin"])
    if item["begin"] == 0 and data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]  # a byte-order mark, which eventgraph skips at the start of a file only
    patches = item["patches"]
    if not patches:
        return SLICE_HEAD + data
    lines = data.split(b"\n")  # as eventgraph counts lines: a lone '\r' ends none
    for k in range(len(lines)):
        new = patches.get(item["first_line"] + k)
        if new is not None:
            lines[k] = new.rstrip("\n").encode()
    return SLICE_HEAD + b"\n".join(lines)


def run_partition(index, partition, shipped, options):
    """Runs eventgraph extract on one partition, on a worker. Returns
    (index, exit code, messages, events) where events are the bytes (when
    the client writes the outputs) or None (written to the shared output
    directory here). Raises PartitionFailed if eventgraph did not end."""
    work = tempfile.mkdtemp(prefix=f"eventgraph-part-{index:05d}-")
    try:
        args, renames = [], []
        for k, item in enumerate(partition):
            data = shipped[k] if shipped is not None else None
            if data is None and "begin" not in item:
                args.append(item["path"])  # read in place
                if item["path"] != item["name"]:
                    renames.append((item["path"], item["name"], 0))
                continue
            # The file's own name, so that ids and messages are the same.
            local_dir = os.path.join(work, str(k))
            os.mkdir(local_dir)
            local = os.path.join(local_dir, os.path.basename(item["path"]))
            with open(local, "wb") as f:
                f.write(slice_bytes(item, data) if "begin" in item else data)
            args.append(local)
            offset = item["first_line"] - 1 - SLICE_HEAD.count(b"\n") if "begin" in item else 0
            renames.append((local, item["name"], offset))

        if options["shared"]:
            out_dir = options["out_dir"]
            final = os.path.join(out_dir, part_name(index))
            tmp = os.path.join(out_dir, f".{part_name(index)}.{uuid.uuid4().hex}.tmp")
        else:
            final = None
            tmp = os.path.join(work, "events.jsonl")
        command = [options["eventgraph"], "extract", "--threads", str(options["threads"])]
        for f in options["lexicon"]:
            command += ["--lexicon", f]
        for f in options["triggers"]:
            command += ["--triggers", f]
        # A broken line does not end its partition (eventgraph skips a bad
        # record and reads on), and makes the exit code 1.
        command += args  # absolute paths or the worker's copies: none starts with '-'
        env = dict(os.environ)
        if options["data"]:
            env["EVENTGRAPH_DATA"] = options["data"]
        try:
            with open(tmp, "wb") as out:
                done = subprocess.run(command, stdout=out, stderr=subprocess.PIPE, env=env)
        except OSError as e:
            raise PartitionFailed(f"cannot run {options['eventgraph']}: {e}") from None
        messages = done.stderr.decode("utf-8", "replace")
        for local, original, line_offset in renames:
            messages = rename_in_messages(messages, local, original, line_offset)
        if done.returncode not in (0, 1):
            if os.path.exists(tmp) and final:
                os.unlink(tmp)
            how = (f"was killed by signal {-done.returncode}" if done.returncode < 0
                   else f"ended with exit code {done.returncode}")
            raise PartitionFailed(f"eventgraph extract {how}\n{messages}".rstrip())
        if final:
            with open(tmp, "rb+") as f:
                os.fsync(f.fileno())
            os.replace(tmp, final)  # complete, or not there at all
            return index, done.returncode, messages, None
        with open(tmp, "rb") as f:
            return index, done.returncode, messages, f.read()
    finally:
        shutil.rmtree(work, ignore_errors=True)


def rename_in_messages(messages, local, original, line_offset):
    """eventgraph names the worker's copy and its lines: name the input and
    the line in it instead."""
    pattern = re.compile(re.escape(local) + r"(?::(\d+)(?=:))?(?=[:\s]|$)")

    def repl(m):
        if m.group(1) is None:
            return original
        return f"{original}:{int(m.group(1)) + line_offset}"

    return pattern.sub(repl, messages)


# ---------------------------------------------------------------- the client


class BadInput(Exception):
    pass


def default_binary():
    for build in ("release", "debug"):
        candidate = os.path.join(TOP, "build", build, "eventgraph")
        if os.access(candidate, os.X_OK):
            return candidate
    return shutil.which("eventgraph") or os.path.join(TOP, "build", "release", "eventgraph")


def remove_parts(out_dir, temporary_only):
    pattern = r"\.part-\d{5,}\.events\.jsonl\.\w+\.tmp"
    if not temporary_only:
        pattern += r"|part-\d{5,}\.events\.jsonl"
    for name in os.listdir(out_dir):
        if re.fullmatch(pattern, name):
            os.unlink(os.path.join(out_dir, name))


def write_atomically(path, data):
    tmp = os.path.join(os.path.dirname(path) or ".",
                       f".{os.path.basename(path)}.{uuid.uuid4().hex}.tmp")
    try:
        with open(tmp, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def concatenate(out_dir, count, target):
    tmp = os.path.join(os.path.dirname(os.path.abspath(target)),
                       f".{os.path.basename(target)}.{uuid.uuid4().hex}.tmp")
    try:
        with open(tmp, "wb") as out:
            for index in range(count):
                with open(os.path.join(out_dir, part_name(index)), "rb") as f:
                    shutil.copyfileobj(f, out, 1 << 20)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, target)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def parse_args(argv):
    p = argparse.ArgumentParser(
        prog="extract_dask.py",
        description="eventgraph extract over partitions of a corpus, on a Dask cluster "
                    "(a local one unless --scheduler is given).")
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="files and directories of articles")
    p.add_argument("-o", "--output-dir", required=True, metavar="DIR",
                   help="where part-NNNNN.events.jsonl go (created if missing)")
    p.add_argument("--concat", metavar="FILE", help="also join the partitions' events into FILE")
    p.add_argument("--articles", type=int, default=1000, metavar="N",
                   help="articles per partition (JSON Lines are cut by lines; default 1000)")
    p.add_argument("--workers", type=int, default=2, metavar="N",
                   help="workers of the local cluster (default 2)")
    p.add_argument("--scheduler", metavar="ADDRESS",
                   help="a running Dask scheduler, e.g. tcp://head:8786, instead of a local cluster")
    p.add_argument("--shared", action="store_true",
                   help="workers read inputs and write outputs at the same paths (shared storage)")
    p.add_argument("--eventgraph", default=default_binary(), metavar="PATH",
                   help="the eventgraph program on the workers (default: the build's, %(default)s)")
    p.add_argument("--data", metavar="DIR",
                   help="eventgraph's data directory on the workers (EVENTGRAPH_DATA)")
    p.add_argument("--lexicon", action="append", default=[], metavar="FILE",
                   help="passed to eventgraph extract (the file must be on the workers)")
    p.add_argument("--triggers", action="append", default=[], metavar="FILE",
                   help="passed to eventgraph extract (the file must be on the workers)")
    p.add_argument("--keep-going", action="store_true",
                   help="accepted for scripts: a broken record is always reported and skipped "
                        "(and the exit code is then 1), never the end of its partition")
    p.add_argument("--threads", type=int, default=1, metavar="N",
                   help="eventgraph's threads per partition (default 1: Dask gives the parallelism)")
    p.add_argument("--retries", type=int, default=1, metavar="N",
                   help="times a failed partition is tried again (default 1)")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress or summary")
    args = p.parse_args(argv)
    for name in ("articles", "workers", "threads"):
        if getattr(args, name) < 1:
            p.error(f"--{name} must be at least 1")
    return args


def main(argv):
    args = parse_args(argv)
    try:
        from dask.distributed import Client, LocalCluster, as_completed
    except ImportError:
        print("extract_dask.py: Dask is not installed (Debian: python3-dask python3-distributed; "
              "tools/setup.sh installs them)", file=sys.stderr)
        return 2
    try:
        files = expand_inputs(args.inputs)
    except BadInput as e:
        print(f"extract_dask.py: {e} (nothing run)", file=sys.stderr)
        return 1
    if not args.scheduler and not os.access(args.eventgraph, os.X_OK):
        print(f"extract_dask.py: {args.eventgraph}: no eventgraph program there (--eventgraph)",
              file=sys.stderr)
        return 2

    started = time.monotonic()
    partitions = make_partitions(files, args.articles)
    cut = time.monotonic() - started
    os.makedirs(args.output_dir, exist_ok=True)
    # Outputs of an earlier run (with more partitions, they would be joined by
    # mistake), and temporary files of tasks killed half-way, go.
    remove_parts(args.output_dir, temporary_only=False)
    options = {
        "eventgraph": os.path.abspath(args.eventgraph) if os.path.exists(args.eventgraph) else args.eventgraph,
        "data": args.data, "lexicon": args.lexicon, "triggers": args.triggers,
        "threads": args.threads, "shared": args.shared,
        "out_dir": os.path.abspath(args.output_dir),
    }
    if args.shared:
        partitions = [[dict(item, path=os.path.abspath(item["path"])) for item in part]
                      for part in partitions]

    if args.scheduler:
        cluster = None
        client = Client(args.scheduler)
    else:
        # One thread per worker process: each task is an eventgraph process of its own.
        cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True,
                               dashboard_address=None, silence_logs=40)
        client = Client(cluster)
    connected = time.monotonic() - started - cut

    failed, bad_input = [], []

    def submit(index):
        part = partitions[index]
        shipped = None
        if not args.shared:
            shipped = []
            for item in part:
                with open(item["path"], "rb") as f:
                    if "begin" in item:
                        f.seek(item["begin"])
                        shipped.append(f.read(item["end"] - item["begin"]))
                    else:
                        shipped.append(f.read())
            # Scattered first: the scheduler passes a reference, the bytes go
            # to a worker directly.
            shipped = client.scatter(shipped, hash=False)
        return client.submit(run_partition, index, part, shipped, options,
                             key=f"eventgraph-extract-{index:05d}-{uuid.uuid4().hex[:8]}",
                             retries=args.retries, pure=False)

    try:
        # A window of partitions in flight, not the whole corpus: what is
        # shipped or returned stays in memory only while it is needed.
        slots = sum(client.nthreads().values()) or args.workers
        window = max(2, 2 * slots)
        futures = {}
        pending = as_completed()
        next_index = 0
        while next_index < len(partitions) and next_index < window:
            future = submit(next_index)
            futures[future] = next_index
            pending.add(future)
            next_index += 1
        for future in pending:
            index = futures.pop(future)
            if next_index < len(partitions):
                more = submit(next_index)
                futures[more] = next_index
                pending.add(more)
                next_index += 1
            try:
                _, code, messages, events = future.result()
            except Exception as e:  # the partition's task failed, retries included
                failed.append(index)
                print(f"extract_dask.py: partition {index} failed ({describe(partitions[index])}): "
                      f"{e}", file=sys.stderr)
                continue
            finally:
                future.release()
            if events is not None:
                write_atomically(os.path.join(args.output_dir, part_name(index)), events)
            if messages:
                sys.stderr.write(messages)
            if code != 0:
                bad_input.append(index)
                print(f"extract_dask.py: partition {index} had bad input "
                      f"({describe(partitions[index])})", file=sys.stderr)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
        remove_parts(args.output_dir, temporary_only=True)  # of tasks lost with their worker

    if args.concat:
        if failed:
            print(f"extract_dask.py: {args.concat} not written: partitions "
                  f"{', '.join(map(str, sorted(failed)))} have no events", file=sys.stderr)
        else:
            concatenate(args.output_dir, len(partitions), args.concat)
    if not args.quiet:
        print(f"extract_dask.py: {len(partitions)} partitions of {len(files)} files, "
              f"{len(failed)} failed, {len(bad_input)} with bad input, "
              f"{time.monotonic() - started:.2f} s (cutting {cut:.2f} s, cluster start "
              f"{connected:.2f} s)", file=sys.stderr)
    return 1 if failed or bad_input else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
