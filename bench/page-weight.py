#!/usr/bin/env python3
"""What the heaviest files of a big site weigh: HTML pages, feeds and the sitemap.

usage: bench/page-weight.py N [N ...] [--work DIR] [--base DIR]

For each N, generates N articles with ../shared/bench/gen-corpus (seed 1) under WORK (default
/dev/shm/page-weight), builds them with ./sourced (and, with --base DIR, with the sourced checkout
in DIR, in the same run) and prints for each build:
  - the build's wall time;
  - the three heaviest HTML pages, the number of HTML pages and how many are over 200 KB (the
    budget of a page a reader opens);
  - every feed (*.xml with <feed>): its size and number of entries;
  - the sitemap: sitemap.xml's size and kind (a list of addresses or an index), the number of its
    files, the heaviest file and the addresses listed in all.
A benchmark: it asserts nothing. The output folders are left in WORK for a look; delete WORK after.
"""
import argparse, os, re, subprocess, sys, time
from importlib import import_module

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
search_size = import_module("search-size")

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
BUDGET = 200 * 1024


def build(launcher, corpus, out):
    subprocess.run(["rm", "-rf", out], check=True)
    start = time.monotonic()
    r = subprocess.run([launcher, "build", "--source", corpus, "--output", out],
                       capture_output=True, text=True)
    if r.returncode != 0:
        print(r.stderr[-2000:], file=sys.stderr)
    return time.monotonic() - start, r.returncode


def kb(n):
    return f"{n / 1024:.1f} KB" if n < 1048576 else f"{n / 1048576:.2f} MB"


def report(site):
    pages, feeds = [], []
    for dirpath, _, files in os.walk(site):
        for f in files:
            p = os.path.join(dirpath, f)
            rel = os.path.relpath(p, site)
            if f.endswith(".html"):
                pages.append((os.path.getsize(p), rel))
            elif f.endswith(".xml") and not f.startswith("sitemap"):
                text = open(p, encoding="utf-8").read()
                if "<feed" in text[:500]:
                    feeds.append((rel, len(text.encode()), text.count("<entry>")))
    pages.sort(reverse=True)
    over = sum(1 for s, _ in pages if s > BUDGET)
    print(f"    HTML pages: {len(pages)}, over 200 KB: {over}")
    for size, path in pages[:3]:
        print(f"    heavy page: {path} {kb(size)}")
    for rel, size, entries in sorted(feeds):
        print(f"    feed {rel}: {kb(size)}, {entries} entries")
    sm = os.path.join(site, "sitemap.xml")
    if not os.path.exists(sm):
        return
    text = open(sm, encoding="utf-8").read()
    if "<sitemapindex" in text:
        children = re.findall(r"<loc>([^<]*)</loc>", text)
        sizes, urls = [], 0
        for c in children:
            name = c.rsplit("/", 1)[1]
            child = open(os.path.join(site, name), encoding="utf-8").read()
            sizes.append(len(child.encode()))
            urls += child.count("<url>")
        print(f"    sitemap.xml: index of {len(children)} files ({kb(len(text.encode()))}), "
              f"heaviest {kb(max(sizes))}, {urls} addresses")
    else:
        print(f"    sitemap.xml: {kb(len(text.encode()))}, {text.count('<url>')} addresses")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("n", type=int, nargs="+")
    ap.add_argument("--work", default="/dev/shm/page-weight")
    ap.add_argument("--base", help="another sourced checkout to build the same corpus with")
    a = ap.parse_args()
    for n in a.n:
        corpus = search_size.make_corpus(a.work, n)
        print(f"{n} articles:")
        runs = []
        if a.base:
            runs.append(("base", os.path.join(a.base, "sourced")))
        runs.append(("this", os.path.join(ROOT, "sourced")))
        for name, launcher in runs:
            out = os.path.join(a.work, f"out-{name}-{n}")
            secs, rc = build(launcher, corpus, out)
            print(f"  {name}: build {secs:.1f} s, exit {rc}")
            if rc == 0:
                report(out)


if __name__ == "__main__":
    main()
