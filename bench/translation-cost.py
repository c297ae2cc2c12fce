#!/usr/bin/env python3
"""What a second language costs in build time: the shared corpus (N articles, English) built as
it is, and built as a bilingual site (languages: [en, nl]) in which every article has a Dutch
translation (a file ARTICLE.nl.md with the same body and no declarations of its own: sources,
facts and claims are declared once, in the English file). Both are built with ./sourced, in
alternating rounds of the same run, so the ratio holds however loaded the machine is.

Usage: bench/translation-cost.py N [--rounds R] [--work DIR]   (DIR under /dev/shm by default)
"""
import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from importlib import import_module

speed = import_module("build-speed")


def translate(src, dst):
    """A translation of one article: its front-matter without sources, facts and claims (they
    are shared), a title of its own, and the same body."""
    text = open(src, encoding="utf-8").read()
    _, fm, body = text.split("---\n", 2)
    out, skip = [], False
    for line in fm.splitlines():
        top = re.match(r"^([a-z_]+):", line)
        if top:
            skip = top.group(1) in ("sources", "facts", "claims")
            if top.group(1) == "title":
                line = line.replace('title: "', 'title: "NL: ', 1)
        if not skip:
            out.append(line)
    with open(dst, "w", encoding="utf-8") as f:
        f.write("---\n" + "\n".join(out) + "\n---\n" + body)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("n", type=int)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--work", default=None)
    a = ap.parse_args()
    work = a.work or tempfile.mkdtemp(prefix=f"sourced-i18n-{a.n}-", dir="/dev/shm")
    one = os.path.join(work, "one")
    two = os.path.join(work, "two")
    if not os.path.isdir(os.path.join(one, "content")):
        speed.sh([sys.executable, os.path.join(speed.SHARED, "gen-corpus"), str(a.n), one],
                 stdout=subprocess.DEVNULL)
    with open(os.path.join(one, "sourced.yaml"), "w") as f:
        f.write('title: "Benchmark corpus"\nbase_url: https://example.org/\n')
    if not os.path.isdir(os.path.join(two, "content")):
        shutil.copytree(os.path.join(one, "content"), os.path.join(two, "content"))
        for name in sorted(os.listdir(os.path.join(one, "content"))):
            if name.endswith(".md"):
                translate(os.path.join(one, "content", name),
                          os.path.join(two, "content", name[:-3] + ".nl.md"))
    with open(os.path.join(two, "sourced.yaml"), "w") as f:
        f.write('title: {en: "Benchmark corpus", nl: "Benchmarkcorpus"}\n'
                'base_url: https://example.org/\nlanguages: [en, nl]\n')
    scripts = {"one language": speed.setup_sourced(one, os.path.join(work, "b1")),
               "two languages": speed.setup_sourced(two, os.path.join(work, "b2"))}
    results = {k: [] for k in scripts}
    for r in range(a.rounds):
        for k, s in scripts.items():
            wall, cpu, rss, rc, log = speed.time_v(s)
            if rc != 0:
                sys.exit(f"{k} failed (exit {rc}):\n{log[-2000:]}")
            results[k].append((wall, cpu, rss))
            print(f"round {r + 1} {k:13} wall {wall:7.2f} s  cpu {cpu:7.2f} s  rss {rss:6.0f} MiB",
                  file=sys.stderr)
    med = {k: tuple(statistics.median(x[i] for x in v) for i in range(3))
           for k, v in results.items()}
    print(f"\n{a.n} articles, {a.rounds} rounds, medians; work dir {work}")
    print(f"{'site':13} {'pages':>6} {'wall_s':>8} {'cpu_s':>8} {'rss_MiB':>8} {'wall/one':>9}"
          f" {'cpu/one':>8}")
    base = med["one language"]
    for k in scripts:
        wall, cpu, rss = med[k]
        pages = speed.count_pages(os.path.join(work, "b1" if k == "one language" else "b2",
                                               "sourced", "site"))
        print(f"{k:13} {pages:6d} {wall:8.2f} {cpu:8.2f} {rss:8.0f} {wall / base[0]:9.2f}"
              f" {cpu / base[1]:8.2f}")


if __name__ == "__main__":
    main()
