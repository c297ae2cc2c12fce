#!/usr/bin/env python3
"""What a reader downloads to search a big site, and what the biggest pages weigh.

usage: bench/search-size.py N [N ...] [--work DIR] [--base JAR_DIR] [--queries w1,w2,...]

For each N, generates N articles with ../shared/bench/gen-corpus (seed 1) under WORK (default
/dev/shm/search), builds them with ./sourced (as a user runs it) under /usr/bin/time -v, and
prints:
  - the build's wall time and peak memory (and, with --base DIR, those of the sourced checkout
    in DIR built in the same run, for a ratio: DIR/sourced is run the same way);
  - the search index: search.json, the parts of the word list and of the rows, their total;
  - per query word (for both checkouts with --base, the same words): the bytes a reader fetches
    for it, as the theme's search.js does (search.json,
    the part of the word list the word falls in and up to 2 more for words starting with it, the
    row parts of the first 20 results), raw and gzip-compressed;
  - the heaviest HTML page and the feed and sitemap sizes.
The default query words: the corpus's most common word, one of middling frequency and a rare
one, picked from the index itself, and any given with --queries. A benchmark: it asserts nothing.
"""
import argparse, gzip, json, math, os, re, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
GEN = os.path.join(os.path.dirname(ROOT), "shared", "bench", "gen-corpus")
SHOWN, PREFIX_PARTS = 20, 3


def make_corpus(work, n):
    """The bench corpus of N articles (seed 1) in WORK/cN, made once, with its sourced.yaml."""
    corpus = os.path.join(work, f"c{n}")
    if not os.path.isdir(os.path.join(corpus, "content")):
        subprocess.run([GEN, str(n), corpus], check=True, stdout=subprocess.DEVNULL)
    with open(os.path.join(corpus, "sourced.yaml"), "w") as f:
        f.write('title: "Benchmark corpus"\nbase_url: https://example.org/\n')
    return corpus


def build(launcher, corpus, out):
    subprocess.run(["rm", "-rf", out], check=True)
    r = subprocess.run(["/usr/bin/time", "-v", launcher, "build", "--source", corpus,
                        "--output", out], capture_output=True, text=True)
    t = r.stderr
    wall = t.split("Elapsed (wall clock) time (h:mm:ss or m:ss): ")[1].split("\n")[0]
    secs = 0.0
    for p in wall.split(":"):
        secs = secs * 60 + float(p)
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", t).group(1)) / 1024
    if r.returncode != 0:
        print(t[-2000:], file=sys.stderr)
    return secs, rss, r.returncode


def local(site, url):
    return os.path.join(site, url.lstrip("/"))


def fetch(site, url, seen):
    data = open(local(site, url), "rb").read()
    seen[url] = data
    return json.loads(data)


def word_url(contents, i):
    """The address of part i of the word list: listed (version 2), or from a pattern (3)."""
    if "wordPart" in contents:
        return contents["wordPart"].replace("{n}", str(i)).replace("{hash}", contents["words"][i][1])
    return contents["words"][i][1]


def row_url(contents, k):
    """The address of part k of the rows: listed (version 2), from a pattern and a count (3), or
    from a pattern and the parts' hashes, eight hex digits each (4)."""
    if "rowHashes" in contents:
        return contents["rowPart"].replace("{n}", str(k)).replace("{hash}", contents["rowHashes"][8 * k:8 * k + 8])
    if "rowPart" in contents:
        return contents["rowPart"].replace("{n}", str(k))
    return contents["rows"][k]


def query(site, contents, word, seen):
    """The files search.js fetches for one word, into seen; returns the number of results."""
    words = contents["words"]
    at = 0
    for i, (first, _) in enumerate(words):
        if first <= word:
            at = i
    urls = [word_url(contents, at)]
    j = at + 1
    while j < len(words) and len(urls) < PREFIX_PARTS and words[j][0].startswith(word):
        urls.append(word_url(contents, j))
        j += 1
    found = {}
    for u in urls:
        for k, lst in fetch(site, u, seen).items():
            if not k.startswith(word):
                continue
            vals = lst.split(",")
            idf = math.log(1 + contents["documents"] / len(vals)) * (1 if k == word else 0.5)
            doc = -1
            for v in vals:
                n = int(v, 36)
                doc += n >> 2
                found[doc] = max(found.get(doc, 0), (n & 3) * idf)
    ids = sorted(found, key=lambda d: (-found[d], d))[:SHOWN]
    for d in ids:
        fetch(site, row_url(contents, d // contents["perPart"]), seen)
    return len(found)


def measure(site):
    contents_bytes = open(os.path.join(site, "search.json"), "rb").read()
    contents = json.loads(contents_bytes)
    sizes = {"t": 0, "d": 0}
    counts = {"t": 0, "d": 0}
    for kind in sizes:
        d = os.path.join(site, "search", kind)
        for f in os.listdir(d):
            sizes[kind] += os.path.getsize(os.path.join(d, f))
            counts[kind] += 1
    total = len(contents_bytes) + sizes["t"] + sizes["d"]
    print(f"  search index: search.json {len(contents_bytes)/1024:.1f} KB, "
          f"{counts['t']} word parts {sizes['t']/1048576:.2f} MB, "
          f"{counts['d']} row parts {sizes['d']/1048576:.2f} MB, total {total/1048576:.2f} MB")
    return contents, contents_bytes


def pick_words(site, contents):
    """The most common word, a middling one and a rare one of the word list."""
    freq = {}
    for i in range(len(contents["words"])):
        for k, lst in json.load(open(local(site, word_url(contents, i)))).items():
            if len(k) >= 4 and k.isalpha():
                freq[k] = lst.count(",") + 1
    ranked = sorted(freq, key=lambda k: (-freq[k], k))
    return [(w, freq[w]) for w in (ranked[0], ranked[len(ranked) // 50], ranked[len(ranked) // 2])]


def pages(site):
    biggest = []
    for dirpath, _, files in os.walk(site):
        for f in files:
            if f.endswith(".html"):
                p = os.path.join(dirpath, f)
                biggest.append((os.path.getsize(p), os.path.relpath(p, site)))
    biggest.sort(reverse=True)
    for size, path in biggest[:3]:
        print(f"  heavy page: {path} {size/1024:.1f} KB")
    for f in ("feed.xml", "sitemap.xml"):
        p = os.path.join(site, f)
        if os.path.exists(p):
            print(f"  {f}: {os.path.getsize(p)/1024:.1f} KB")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("n", type=int, nargs="+")
    ap.add_argument("--work", default="/dev/shm/search")
    ap.add_argument("--base", help="another sourced checkout to build the same corpus with")
    ap.add_argument("--queries", default="")
    a = ap.parse_args()
    for n in a.n:
        corpus = make_corpus(a.work, n)
        print(f"{n} articles:")
        runs = [("this", os.path.join(ROOT, "sourced"))]
        if a.base:
            runs.append(("base", os.path.join(a.base, "sourced")))
        results = {}
        for name, launcher in runs:
            out = os.path.join(a.work, f"out-{name}-{n}")
            secs, rss, rc = build(launcher, corpus, out)
            results[name] = (secs, rss)
            print(f"  build ({name}): {secs:.1f} s, peak {rss:.0f} MB, exit {rc}")
        if a.base:
            (s1, m1), (s0, m0) = results["this"], results["base"]
            print(f"  ratio this/base: time {s1/s0:.2f}, memory {m1/m0:.2f}")
        words = None
        for name, _ in runs:
            site = os.path.join(a.work, f"out-{name}-{n}")
            if a.base:
                print(f" {name}:")
            contents, contents_bytes = measure(site)
            print(f"  search.json gzip {len(gzip.compress(contents_bytes))/1024:.1f} KB")
            if words is None:
                words = pick_words(site, contents)
                words += [(w, None) for w in a.queries.split(",") if w]
            for w, df in words:
                seen = {}
                fetch(site, "/search.json", seen)
                hits = query(site, contents, w, seen)
                raw = sum(len(b) for b in seen.values())
                gz = sum(len(gzip.compress(b)) for b in seen.values())
                print(f"  query {w!r}: {hits} results, {len(seen)} files, "
                      f"{raw/1024:.1f} KB fetched ({gz/1024:.1f} KB gzip)")
            pages(site)


if __name__ == "__main__":
    main()
