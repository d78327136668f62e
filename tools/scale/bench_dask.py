#!/usr/bin/python3
"""Wall time of extract_dask.py on a local cluster against one plain run.

    tools/scale/bench_dask.py                 # 10 MB corpus, 2 workers
    tools/scale/bench_dask.py --mb 50 --workers 2 --articles 1000

Generates the benchmark corpus once (tools/bench/make_corpus.py, into
build/bench/), then runs `eventgraph extract --threads 1`, `eventgraph extract`
with --workers threads, and extract_dask.py with --workers workers of one
thread each (cluster start included), shipping the partitions and with
--shared, and prints wall seconds, articles per
second, CPU seconds (every process under the run) and whether each output
equals the plain run's byte for byte. It prints figures and asserts nothing.
"""

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.normpath(os.path.join(HERE, "..", ".."))


def timed(command, stdout=None):
    """Wall seconds, and CPU seconds of the command and every process under
    it (Dask's workers and their eventgraph processes included)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.monotonic()
    done = subprocess.run(command, stdout=stdout, stderr=subprocess.PIPE)
    wall = time.monotonic() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        sys.exit(f"bench_dask.py: {' '.join(command)} failed:\n{done.stderr.decode()}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, done.stderr.decode()


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--mb", type=int, default=10, help="corpus size in MB (default 10)")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--articles", type=int, default=1000, help="articles per partition")
    p.add_argument("--runs", type=int, default=1, help="best of N runs (default 1)")
    p.add_argument("--eventgraph", default=os.path.join(TOP, "build", "release", "eventgraph"))
    args = p.parse_args()

    bench = os.path.join(TOP, "build", "bench")
    os.makedirs(bench, exist_ok=True)
    corpus = os.path.join(bench, f"corpus-{args.mb}mb-seed{args.seed}.jsonl")
    if not os.path.exists(corpus):
        subprocess.run([sys.executable, os.path.join(TOP, "tools", "bench", "make_corpus.py"),
                        "--mb", str(args.mb), "--seed", str(args.seed), "-o", corpus],
                       check=True, stdout=subprocess.DEVNULL)
    with open(corpus + ".stats.json") as f:
        stats = json.load(f)
    articles = stats["articles"]
    out = os.path.join(bench, "scale")
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(out)

    plain = os.path.join(out, "plain.jsonl")
    rows = []

    def best(label, command, output, stdout_file=None):
        runs = []
        for _ in range(args.runs):
            if stdout_file:
                with open(stdout_file, "wb") as f:
                    runs.append(timed(command, stdout=f))
            else:
                runs.append(timed(command))
        wall, cpu, said = min(runs)
        rows.append((label, wall, cpu, output))
        if said.strip():
            print(said.strip())

    best("eventgraph extract --threads 1", [args.eventgraph, "extract", "--threads", "1", corpus],
         plain, plain)
    threads = os.path.join(out, "threads.jsonl")
    best(f"eventgraph extract --threads {args.workers}",
         [args.eventgraph, "extract", "--threads", str(args.workers), corpus], threads, threads)
    for shared in (False, True):
        joined = os.path.join(out, "dask-shared.jsonl" if shared else "dask.jsonl")
        best(f"extract_dask.py --workers {args.workers}{' --shared' if shared else ''}",
             [sys.executable, os.path.join(HERE, "extract_dask.py"), corpus,
              "-o", os.path.join(out, "parts"), "--concat", joined, "--workers", str(args.workers),
              "--articles", str(args.articles), "--eventgraph", args.eventgraph]
             + (["--shared"] if shared else []), joined)

    with open(plain, "rb") as f:
        reference = f.read()
    events = reference.count(b"\n")
    parts = len(os.listdir(os.path.join(out, "parts")))
    print(f"corpus {corpus}: {articles} articles, {stats['bytes'] / 1e6:.1f} MB, {events} events; "
          f"{parts} partitions of {args.articles} articles; best of {args.runs}; "
          f"load average {os.getloadavg()[0]:.2f}")
    print(f"{'run':48} {'wall s':>8} {'CPU s':>7} {'articles/s':>11}  identical")
    for label, wall, cpu, output in rows:
        with open(output, "rb") as f:
            same = f.read() == reference
        print(f"{label:48} {wall:8.2f} {cpu:7.2f} {articles / wall:11.0f}  {'yes' if same else 'NO'}")


if __name__ == "__main__":
    main()
