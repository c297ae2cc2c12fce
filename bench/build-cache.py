#!/usr/bin/env python3
"""Builds with the build cache, against Hugo's clean build of the same corpus, in one run.

usage: bench/build-cache.py [N ...] [--example] [--repeat R] [--cold-repeat C] [--work DIR]
                            [--tools sourced,hugo] [--baseline LAUNCHER]
e.g.   bench/build-cache.py 1000 10000 --example --repeat 3

For each N, generates N articles with ../shared/bench/gen-corpus (seed 1) under WORK (default: a
new folder in /dev/shm); with --example, copies this repository's example site too. Then times,
each under /usr/bin/time -v, in this order:

  hugo          Hugo's clean build (../shared/bench/run-peers --setup-only), when asked for
                (not for the example site, which is not a Hugo site)
  before        a clean build with LAUNCHER (another checkout's ./sourced, e.g. the code
                before the build cache), when given
  cold          ./sourced build with no cache and an empty output folder (--no-cache)
  cold+cache    the same, filling a new cache (what the first build of a site costs); once
  nothing       ./sourced build again, nothing edited
  text          one article's prose edited (a sentence appended to the middle article)
  fact          one fact's value edited (the middle article's first fact, which other
                articles cite too: every page that shows it changes)

Hugo, nothing, text and fact run R times (--repeat, default 1; a new edit each time), cold and
before C times (--cold-repeat, default 1: they are the long ones), cold+cache once; the median is
reported, with the spread (min-max). Every sourced build is a new process started through
./sourced (JVM start included), as a user or CI runs it. Prints each build's wall and CPU
seconds, peak memory, how many output files were written (new modification time) and the ratios
to Hugo's build of the same corpus in the same run. A benchmark, not a test: it asserts nothing
but that every build succeeds; quote the ratios, which hold better than times on a shared machine.
"""
import argparse, os, re, shutil, statistics, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SHARED = os.path.join(os.path.dirname(ROOT), "shared", "bench")
LAUNCHER = os.path.join(ROOT, "sourced")


def time_v(cmd):
    """Runs cmd under /usr/bin/time -v; returns (wall s, cpu s, max RSS MiB, exit, log)."""
    r = subprocess.run(["/usr/bin/time", "-v"] + cmd, capture_output=True, text=True)
    t = r.stderr

    def field(name):
        m = re.search(name + r": (.*)", t)
        return m.group(1).strip() if m else "0"

    wall = 0.0
    for p in field(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\)").split(":"):
        wall = wall * 60 + float(p)
    cpu = float(field("User time \\(seconds\\)")) + float(field("System time \\(seconds\\)"))
    rss = float(field("Maximum resident set size \\(kbytes\\)")) / 1024
    return wall, cpu, rss, r.returncode, t


def stamps(d):
    out = {}
    for base, _, files in os.walk(d):
        for f in files:
            p = os.path.join(base, f)
            out[p] = os.stat(p).st_mtime_ns
    return out


def written(before, after):
    return sum(1 for p, t in after.items() if before.get(p) != t)


def middle_article(content):
    files = sorted(f for f in os.listdir(content) if f.endswith(".md") and not f.startswith("_"))
    if not files:
        sys.exit(f"no articles in {content}")
    return os.path.join(content, files[len(files) // 2])


def edit_text(path):
    with open(path, "a") as f:
        f.write("\n\nOne more sentence, added by the benchmark.\n")


def edit_fact(path):
    with open(path) as f:
        text = f.read()
    m = re.search(r"^(\s+value: )(\d+(?:\.\d+)?)$", text, re.M)
    if not m:
        return False
    text = text[: m.start(2)] + str(float(m.group(2)) + 1).rstrip("0").rstrip(".") + text[m.end(2):]
    with open(path, "w") as f:
        f.write(text)
    return True


def bench_site(label, site, work, tools, repeat, cold_repeat, baseline):
    """Times every case on one site; returns its rows (name, wall, cpu, rss, written, spread)."""
    out = os.path.join(work, "site")
    cache = os.path.join(work, "cache")
    rows = []

    def run(name, cmd, output=None, before_each=None, times=repeat):
        walls, cpus, rsss, ns = [], [], [], []
        for _ in range(times):
            if before_each:
                before_each()
            before = stamps(output) if output and os.path.isdir(output) else {}
            wall, cpu, rss, rc, log = time_v(cmd)
            if rc != 0:
                sys.exit(f"{label}: {name} failed (exit {rc}):\n{log[-3000:]}")
            n = written(before, stamps(output)) if output else None
            walls.append(wall); cpus.append(cpu); rsss.append(rss); ns.append(n)
            print(f"{label:>16} {name:11} wall {wall:7.2f} s  cpu {cpu:7.2f} s  rss {rss:6.0f} MiB"
                  + (f"  files written {n}" if n is not None else ""), file=sys.stderr)
        spread = (min(walls), max(walls))
        rows.append((name, statistics.median(walls), statistics.median(cpus),
                     statistics.median(rsss), ns[-1], spread))

    if "hugo" in tools:
        subprocess.run([os.path.join(SHARED, "run-peers"), "--setup-only", site, work, "hugo"],
                       check=True, stdout=subprocess.DEVNULL)
        run("hugo", ["sh", os.path.join(work, "hugo", "build.sh")])
    build = [LAUNCHER, "build", "--source", site, "--output", out]
    if baseline:
        subprocess.run([baseline, "--version"], check=True, stdout=subprocess.DEVNULL)
        run("before", [baseline, "build", "--source", site, "--output", out, "--no-cache"],
            before_each=lambda: shutil.rmtree(out, ignore_errors=True), times=cold_repeat)
    run("cold", build + ["--no-cache"], out,
        before_each=lambda: shutil.rmtree(out, ignore_errors=True), times=cold_repeat)

    def fresh():
        shutil.rmtree(out, ignore_errors=True)
        shutil.rmtree(cache, ignore_errors=True)

    run("cold+cache", build + ["--cache", cache], out, before_each=fresh, times=1)
    run("nothing", build + ["--cache", cache], out)
    article = middle_article(os.path.join(site, "content"))
    run("text", build + ["--cache", cache], out, before_each=lambda: edit_text(article))
    if edit_fact(article):
        # The first edit is made above (to see that there is a fact); each further run, another.
        first = [True]

        def next_fact():
            if not first[0]:
                edit_fact(article)
            first[0] = False

        run("fact", build + ["--cache", cache], out, before_each=next_fact)
    return rows, os.path.basename(article)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("n", type=int, nargs="*")
    ap.add_argument("--example", action="store_true")
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--cold-repeat", type=int, default=1)
    ap.add_argument("--work", default=None)
    ap.add_argument("--tools", default="sourced,hugo")
    ap.add_argument("--baseline", default=None)
    a = ap.parse_args()
    if not a.n and not a.example:
        ap.error("give N, --example, or both")
    tools = a.tools.split(",")
    work = a.work or tempfile.mkdtemp(prefix="sourced-cache-", dir="/dev/shm")
    subprocess.run([LAUNCHER, "--version"], check=True, stdout=subprocess.DEVNULL)
    results = []
    for n in a.n:
        w = os.path.join(work, str(n))
        site = os.path.join(w, "corpus")
        if not os.path.isdir(os.path.join(site, "content")):
            os.makedirs(w, exist_ok=True)
            subprocess.run([sys.executable, os.path.join(SHARED, "gen-corpus"), str(n), site],
                           check=True, stdout=subprocess.DEVNULL)
        with open(os.path.join(site, "sourced.yaml"), "w") as f:
            f.write('title: "Benchmark corpus"\nbase_url: https://example.org/\n')
        label = f"{n} articles"
        results.append((label,) + bench_site(label, site, w, tools, a.repeat, a.cold_repeat, a.baseline))
    if a.example:
        w = os.path.join(work, "example")
        site = os.path.join(w, "corpus")
        shutil.rmtree(site, ignore_errors=True)
        os.makedirs(site)
        for name in ("content", "templates", "i18n", "static"):
            if os.path.isdir(os.path.join(ROOT, name)):
                shutil.copytree(os.path.join(ROOT, name), os.path.join(site, name))
        shutil.copy(os.path.join(ROOT, "sourced.yaml"), site)
        ex_tools = [t for t in tools if t != "hugo"]
        results.append(("example site",) + bench_site("example site", site, w, ex_tools,
                                                      a.repeat, a.cold_repeat, a.baseline))

    fs = " (tmpfs)" if work.startswith("/dev/shm") else ""
    print(f"\none run; work dir {work}{fs}; median of {a.repeat} per case (cold:"
          f" {a.cold_repeat}, cold+cache: 1);"
          f" load average at the end {os.getloadavg()[0]:.1f}")
    print(f"| {'site':14} | {'build':10} | {'wall s':>7} | {'min-max s':>11} | {'cpu s':>6} |"
          f" {'rss MiB':>7} | {'written':>7} | {'× hugo wall':>11} | {'× hugo rss':>10} |")
    print("|" + "|".join("-" * (w + 2) for w in (14, 10, 7, 11, 6, 7, 7, 11, 10)) + "|")
    for label, rows, article in results:
        hugo = next((r for r in rows if r[0] == "hugo"), None)
        for name, wall, cpu, rss, n, (lo, hi) in rows:
            rw = f"{wall / hugo[1]:11.2f}" if hugo else f"{'-':>11}"
            rr = f"{rss / hugo[3]:10.2f}" if hugo else f"{'-':>10}"
            nn = f"{n:7d}" if n is not None else f"{'-':>7}"
            print(f"| {label:14} | {name:10} | {wall:7.2f} | {lo:5.2f}-{hi:<5.2f} | {cpu:6.2f} |"
                  f" {rss:7.0f} | {nn} | {rw} | {rr} |")
    for label, rows, article in results:
        print(f"{label}: edited {article}")


if __name__ == "__main__":
    main()
