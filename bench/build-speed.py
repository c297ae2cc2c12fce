#!/usr/bin/env python3
"""Full clean builds of one generated corpus with sourced and its peers, in one run.

usage: bench/build-speed.py N [--rounds 3] [--tools sourced,hugo,eleventy,jekyll] [--work DIR]

Generates N articles with ../shared/bench/gen-corpus (seed 1) under WORK (default: a folder
in /dev/shm, since the disk slows down when thousands of files are rewritten in a loop), sets
up the peers with ../shared/bench/run-peers --setup-only, then runs every tool's clean build
ROUNDS times, alternating tools within each round, under /usr/bin/time -v. Prints, per tool,
the median wall and CPU seconds, peak memory, pages per second, and the ratios to Hugo.

sourced runs through ./sourced, as a user runs it (its JVM flags, class-data sharing), with
all of its work: facts, cross-references, boxes, indexes, feeds, sitemap, exports. A benchmark,
not a test: it asserts nothing; quote the ratios, which hold better than absolute times on a
shared machine.
"""
import argparse, os, re, shutil, statistics, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SHARED = os.path.join(os.path.dirname(ROOT), "shared", "bench")


def sh(cmd, **kw):
    return subprocess.run(cmd, check=True, **kw)


def time_v(script):
    """Runs `sh script` under /usr/bin/time -v; returns (wall s, cpu s, max RSS MiB, exit)."""
    r = subprocess.run(["/usr/bin/time", "-v", "sh", script], capture_output=True, text=True)
    t = r.stderr
    def field(name):
        m = re.search(name + r": (.*)", t)
        return m.group(1).strip() if m else "0"
    parts = [float(x) for x in field(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\)").split(":")]
    wall = 0.0
    for p in parts:
        wall = wall * 60 + p
    cpu = float(field("User time \\(seconds\\)")) + float(field("System time \\(seconds\\)"))
    rss = float(field("Maximum resident set size \\(kbytes\\)")) / 1024
    return wall, cpu, rss, r.returncode, t


def setup_sourced(corpus, work):
    """A clean build as a user runs it: ./sourced, with the JVM flags and class-data sharing
    archive it chooses (the first call builds the jar and the archive, outside the timing).
    Clean means no output and no build cache: the cache a round leaves in the corpus folder
    (.sourced/) is deleted before the next, or every round after the first would reuse its
    parses."""
    d = os.path.join(work, "sourced")
    os.makedirs(d, exist_ok=True)
    launcher = os.path.join(ROOT, "sourced")
    sh([launcher, "--version"], stdout=subprocess.DEVNULL)
    out = os.path.join(d, "site")
    script = os.path.join(d, "build.sh")
    with open(script, "w") as f:
        cache = os.path.join(corpus, ".sourced")
        f.write(f'rm -rf "{out}" "{cache}" && exec "{launcher}" build --source "{corpus}" '
                f'--output "{out}" 2>/dev/null\n')
    return script


def outdir(tool, work):
    return {"sourced": os.path.join(work, "sourced", "site"),
            "hugo": os.path.join(work, "hugo", "public")}.get(tool, os.path.join(work, tool, "_site"))


def count_pages(d):
    n = 0
    for _, _, files in os.walk(d):
        n += files.count("index.html")
    return n


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("n", type=int)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--tools", default="sourced,hugo,eleventy,jekyll")
    ap.add_argument("--work", default=None)
    a = ap.parse_args()
    tools = a.tools.split(",")
    work = a.work or tempfile.mkdtemp(prefix=f"sourced-speed-{a.n}-", dir="/dev/shm")
    corpus = os.path.join(work, "corpus")
    if not os.path.isdir(os.path.join(corpus, "content")):
        sh([sys.executable, os.path.join(SHARED, "gen-corpus"), str(a.n), corpus],
           stdout=subprocess.DEVNULL)
    with open(os.path.join(corpus, "sourced.yaml"), "w") as f:
        f.write('title: "Benchmark corpus"\nbase_url: https://example.org/\n')
    peers = [t for t in tools if t != "sourced"]
    scripts = {}
    if peers:
        sh([os.path.join(SHARED, "run-peers"), "--setup-only", corpus, work] + peers,
           stdout=subprocess.DEVNULL)
        for t in peers:
            scripts[t] = os.path.join(work, t, "build.sh")
    if "sourced" in tools:
        scripts["sourced"] = setup_sourced(corpus, work)
    results = {t: [] for t in tools}
    for r in range(a.rounds):
        for t in tools:
            wall, cpu, rss, rc, log = time_v(scripts[t])
            if rc != 0:
                sys.exit(f"{t} failed (exit {rc}):\n{log[-2000:]}")
            results[t].append((wall, cpu, rss))
            print(f"round {r + 1} {t:9} wall {wall:7.2f} s  cpu {cpu:7.2f} s  rss {rss:7.0f} MiB",
                  file=sys.stderr)
    fs = " (tmpfs)" if work.startswith("/dev/shm") else ""
    print(f"\n{a.n} articles, {a.rounds} rounds, medians; work dir {work}{fs}")
    print(f"{'tool':9} {'pages':>6} {'wall_s':>8} {'cpu_s':>8} {'rss_MiB':>8} {'pages/s':>8}"
          f" {'wall/hugo':>9} {'rss/hugo':>8}")
    med = {t: tuple(statistics.median(x[i] for x in results[t]) for i in range(3)) for t in tools}
    for t in tools:
        wall, cpu, rss = med[t]
        pages = count_pages(outdir(t, work))
        rw = f"{wall / med['hugo'][0]:9.2f}" if "hugo" in med else f"{'-':>9}"
        rr = f"{rss / med['hugo'][2]:8.2f}" if "hugo" in med else f"{'-':>8}"
        print(f"{t:9} {pages:6d} {wall:8.2f} {cpu:8.2f} {rss:8.0f} {a.n / wall:8.0f} {rw} {rr}")


if __name__ == "__main__":
    main()
