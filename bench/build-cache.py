#!/usr/bin/env python3
"""Builds with the build cache, against Hugo's clean build of the same corpus, in one run.

usage: bench/build-cache.py N [--work DIR] [--tools sourced,hugo] [--baseline LAUNCHER]
       bench/build-cache.py --example [--work DIR] [--baseline LAUNCHER]

Generates N articles with ../shared/bench/gen-corpus (seed 1) under WORK (default: a new folder
in /dev/shm), or copies this repository's example site (--example), then times, each once under
/usr/bin/time -v, in this order:

  hugo          Hugo's clean build (../shared/bench/run-peers --setup-only), when asked for
  before        a clean build with LAUNCHER (another checkout's ./sourced, e.g. the code
                before the build cache), when given
  cold          ./sourced build with no cache and an empty output folder (--no-cache)
  cold+cache    the same, filling a new cache (what the first build of a site costs)
  nothing       ./sourced build again, nothing edited
  text          one article's prose edited (a sentence appended to the middle article)
  fact          one fact's value edited (the middle article's first fact, which other
                articles cite too: every page that shows it changes)

Every sourced build is a new process started through ./sourced (JVM start included), as a user
or CI runs it. Prints each build's wall and CPU seconds, peak memory, how many output files were
written (new modification time) and the ratios to Hugo's build. A benchmark, not a test: it
asserts nothing but that every build succeeds; quote the ratios, which hold better than times
on a shared machine.
"""
import argparse, os, re, shutil, subprocess, sys, tempfile

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


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("n", type=int, nargs="?")
    ap.add_argument("--example", action="store_true")
    ap.add_argument("--work", default=None)
    ap.add_argument("--tools", default="sourced,hugo")
    ap.add_argument("--baseline", default=None)
    a = ap.parse_args()
    if (a.n is None) == (not a.example):
        ap.error("give N or --example")
    tools = a.tools.split(",")
    work = a.work or tempfile.mkdtemp(prefix="sourced-cache-", dir="/dev/shm")
    site = os.path.join(work, "corpus")
    if a.example:
        tools = [t for t in tools if t != "hugo"]
        shutil.rmtree(site, ignore_errors=True)
        os.makedirs(site)
        for name in ("content", "templates", "i18n", "static"):
            if os.path.isdir(os.path.join(ROOT, name)):
                shutil.copytree(os.path.join(ROOT, name), os.path.join(site, name))
        shutil.copy(os.path.join(ROOT, "sourced.yaml"), site)
        label = "the example site"
    else:
        if not os.path.isdir(os.path.join(site, "content")):
            subprocess.run([sys.executable, os.path.join(SHARED, "gen-corpus"), str(a.n), site],
                           check=True, stdout=subprocess.DEVNULL)
        with open(os.path.join(site, "sourced.yaml"), "w") as f:
            f.write('title: "Benchmark corpus"\nbase_url: https://example.org/\n')
        label = f"{a.n} articles"
    out = os.path.join(work, "site")
    cache = os.path.join(work, "cache")
    rows = []

    def run(name, cmd, output=None):
        before = stamps(output) if output and os.path.isdir(output) else {}
        wall, cpu, rss, rc, log = time_v(cmd)
        if rc != 0:
            sys.exit(f"{name} failed (exit {rc}):\n{log[-3000:]}")
        n = written(before, stamps(output)) if output else None
        rows.append((name, wall, cpu, rss, n))
        print(f"{name:11} wall {wall:7.2f} s  cpu {cpu:7.2f} s  rss {rss:6.0f} MiB"
              + (f"  files written {n}" if n is not None else ""), file=sys.stderr)

    subprocess.run([LAUNCHER, "--version"], check=True, stdout=subprocess.DEVNULL)
    if "hugo" in tools:
        subprocess.run([os.path.join(SHARED, "run-peers"), "--setup-only", site, work, "hugo"],
                       check=True, stdout=subprocess.DEVNULL)
        run("hugo", ["sh", os.path.join(work, "hugo", "build.sh")])
    build = [LAUNCHER, "build", "--source", site, "--output", out]
    if a.baseline:
        subprocess.run([a.baseline, "--version"], check=True, stdout=subprocess.DEVNULL)
        shutil.rmtree(out, ignore_errors=True)
        run("before", [a.baseline, "build", "--source", site, "--output", out, "--no-cache"])
    shutil.rmtree(out, ignore_errors=True)
    run("cold", build + ["--no-cache"], out)
    shutil.rmtree(out, ignore_errors=True)
    shutil.rmtree(cache, ignore_errors=True)
    run("cold+cache", build + ["--cache", cache], out)
    run("nothing", build + ["--cache", cache], out)
    article = middle_article(os.path.join(site, "content"))
    edit_text(article)
    run("text", build + ["--cache", cache], out)
    if edit_fact(article):
        run("fact", build + ["--cache", cache], out)

    hugo = next((r for r in rows if r[0] == "hugo"), None)
    fs = " (tmpfs)" if work.startswith("/dev/shm") else ""
    print(f"\n{label}; one run; work dir {work}{fs}; edited: {os.path.basename(article)}")
    print(f"{'build':11} {'wall_s':>7} {'cpu_s':>7} {'rss_MiB':>8} {'written':>8}"
          f" {'wall/hugo':>9} {'rss/hugo':>8}")
    for name, wall, cpu, rss, n in rows:
        rw = f"{wall / hugo[1]:9.2f}" if hugo else f"{'-':>9}"
        rr = f"{rss / hugo[3]:8.2f}" if hugo else f"{'-':>8}"
        nn = f"{n:8d}" if n is not None else f"{'-':>8}"
        print(f"{name:11} {wall:7.2f} {cpu:7.2f} {rss:8.0f} {nn} {rw} {rr}")


if __name__ == "__main__":
    main()
