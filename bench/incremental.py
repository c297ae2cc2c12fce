#!/usr/bin/env python3
"""Edit-to-disk latency of the preview server, sourced against Hugo, in one run.

usage: bench/incremental.py CORPUS_DIR [--edits 20] [--tools sourced,hugo] [--work DIR]

CORPUS_DIR is the output of ../shared/bench/gen-corpus (content/*.md); a sourced.yaml is added
when missing. For each tool, the server is started on the corpus (sourced serve; hugo server
--renderToDisk, set up by ../shared/bench/run-peers --setup-only), then the middle article is
edited EDITS times: a sentence with a unique marker is appended, and the time from the write
to the marker being in the rebuilt page on disk is measured by polling the file every 0.5 ms.
Prints each tool's median, min and max in ms, and the ratio. A benchmark, not a test: numbers
depend on the machine; compare tools only within one run.
"""
import argparse, os, shutil, signal, statistics, subprocess, sys, tempfile, time

HERE = os.path.dirname(os.path.abspath(__file__))
# Extra -D properties for sourced's JVM, e.g. SOURCED_BENCH_PROPS=-Dsourced.timing
JAVA_PROPS = os.environ.get("SOURCED_BENCH_PROPS", "").split()
ROOT = os.path.dirname(HERE)
SHARED = os.path.join(os.path.dirname(ROOT), "shared", "bench")


def wait_for(proc, log, needle, timeout=600):
    t = time.time()
    while time.time() - t < timeout:
        if proc.poll() is not None:
            sys.exit(f"server exited early; see {log}")
        with open(log, errors="replace") as f:
            text = f.read()
        if needle in text:
            return text
        time.sleep(0.05)
    sys.exit(f"timed out waiting for '{needle}' in {log}")


def measure(article, page, edits):
    times = []
    for i in range(edits):
        marker = f"latencymarker{os.getpid()}x{i}"
        before = os.stat(page).st_mtime_ns if os.path.exists(page) else 0
        with open(article, "a") as f:
            f.write(f"\n\nEdit number {i} adds a sentence with {marker}.\n")
        t0 = time.perf_counter()
        deadline = t0 + 60
        while time.perf_counter() < deadline:
            try:
                if os.stat(page).st_mtime_ns != before:
                    with open(page, errors="replace") as f:
                        if marker in f.read():
                            break
            except FileNotFoundError:
                pass
            time.sleep(0.0005)
        else:
            sys.exit(f"edit {i}: page {page} never showed the marker")
        times.append((time.perf_counter() - t0) * 1000)
        time.sleep(1.0)  # let the server settle, as an author would between saves
    return times


def run_sourced(corpus, edits, work):
    site = os.path.join(work, "sourced")
    shutil.rmtree(site, ignore_errors=True)
    shutil.copytree(corpus, site)
    cfg = os.path.join(site, "sourced.yaml")
    if not os.path.exists(cfg):
        with open(cfg, "w") as f:
            f.write('title: "Bench"\nbase_url: https://example.org/\n')
    jar = os.path.join(ROOT, "target", "sourced.jar")
    if not os.path.exists(jar):
        subprocess.run([os.path.join(ROOT, "sourced"), "--version"], check=True)
    log = os.path.join(work, "sourced-serve.log")
    # The served copy goes to a temporary folder: keep it on tmpfs, as Hugo's public/ is here.
    proc = subprocess.Popen(["java", "-Djava.io.tmpdir=" + work] + JAVA_PROPS + ["-jar", jar, "serve",
                             "--source", site, "--port", "0"],
                            stdout=open(log, "w"), stderr=subprocess.STDOUT)
    try:
        text = wait_for(proc, log, "serving ")
        out = text.split("serving ", 1)[1].split(" at ")[0].strip()
        article, slug = middle(site)
        page = os.path.join(out, slug, "index.html")
        return measure(article, page, edits)
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=30)


def run_hugo(corpus, edits, work):
    subprocess.run([os.path.join(SHARED, "run-peers"), "--setup-only", corpus, work, "hugo"],
                   check=True, stdout=subprocess.DEVNULL)
    site = os.path.join(work, "hugo")
    log = os.path.join(work, "hugo-serve.log")
    proc = subprocess.Popen(["hugo", "server", "--renderToDisk", "--bind", "127.0.0.1",
                             "--port", "1313", "--disableLiveReload"], cwd=site,
                            stdout=open(log, "w"), stderr=subprocess.STDOUT)
    try:
        wait_for(proc, log, "Web Server is available")
        article, slug = middle(site)
        page = os.path.join(site, "public", slug, "index.html")
        return measure(article, page, edits)
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=30)


def middle(site):
    names = sorted(n for n in os.listdir(os.path.join(site, "content")) if n.endswith(".md"))
    name = names[len(names) // 2]
    return os.path.join(site, "content", name), name[:-3]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus")
    ap.add_argument("--edits", type=int, default=20)
    ap.add_argument("--tools", default="sourced,hugo")
    ap.add_argument("--work", default=None, help="scratch folder (default: under /dev/shm)")
    a = ap.parse_args()
    work = a.work or tempfile.mkdtemp(prefix="sourced-incr-", dir="/dev/shm")
    results = {}
    for tool in a.tools.split(","):
        print(f"== {tool}: {a.edits} edits", file=sys.stderr)
        results[tool] = (run_sourced if tool == "sourced" else run_hugo)(
            os.path.abspath(a.corpus), a.edits, work)
    print(f"{'tool':8} {'edits':>5} {'median_ms':>10} {'min_ms':>8} {'max_ms':>8}")
    for tool, t in results.items():
        print(f"{tool:8} {len(t):5d} {statistics.median(t):10.1f} {min(t):8.1f} {max(t):8.1f}")
    if "sourced" in results and "hugo" in results:
        r = statistics.median(results["sourced"]) / statistics.median(results["hugo"])
        print(f"ratio sourced/hugo (median): {r:.2f}")


if __name__ == "__main__":
    main()
