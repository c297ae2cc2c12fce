#!/usr/bin/env python3
"""Imports a generated Hugo-style content tree, then builds the result, timed as a user runs both.

usage: bench/import-speed.py [N] [--rounds 3] [--work DIR] [--sections] [--compare CHECKOUT]

Writes a Hugo site of about N content files under WORK (default: a folder in /dev/shm): sections
nested two deep, TOML and YAML front-matter, leaf bundles with an image, mixed-case file names,
aliases, drafts, and shortcodes (ref, relref, figure, highlight, and one without an equivalent).
Then, ROUNDS times: `./sourced import hugo` into a fresh folder, and `./sourced build` of the
result, each under /usr/bin/time (wall seconds, peak memory). Prints the median of each and the
number of pages written. With --sections the tree also has a section page (_index.md) per folder.
With --compare CHECKOUT, each round runs the same import and build with CHECKOUT's ./sourced too,
the two interleaved (the order alternating by round), and prints both with their ratios: a
before/after measured in one run, on a machine whose load changes.
A benchmark, not a test: it asserts nothing.
"""
import argparse, os, re, shutil, statistics, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def png_1x1():
    """A valid 1 x 1 PNG (one opaque pixel), chunks and checksums made by zlib."""
    import struct, zlib
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 6, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\x00\x33\x66\xcc\xff")) + chunk(b"IEND", b""))


PNG = png_1x1()


def generate(site, n, sections):
    os.makedirs(site)
    with open(os.path.join(site, "hugo.toml"), "w") as f:
        f.write('baseURL = "https://example.org/"\nlanguageCode = "en"\ntitle = "Bench"\n'
                'theme = "ananke"\n[params]\n  description = "A generated site."\n')
    os.makedirs(os.path.join(site, "static", "img"))
    with open(os.path.join(site, "static", "img", "Logo.png"), "wb") as f:
        f.write(PNG)
    written = 0
    i = 0
    names = []
    while written < n:
        section = "section-%d/Part_%d" % (i % 10, (i // 10) % 5)
        folder = os.path.join(site, "content", section)
        os.makedirs(folder, exist_ok=True)
        if sections and not os.path.exists(os.path.join(folder, "_index.md")):
            with open(os.path.join(folder, "_index.md"), "w") as f:
                f.write("---\ntitle: Part %d\n---\nThe pages of this part.\n" % i)
            written += 1
        name = "Page %d" % i if i % 3 == 0 else "page-%d" % i
        own = section + ("/bundle-%d" % i if i % 10 == 5 else "/" + name + ".md")
        prev = names[-1] if names else own
        names.append(own)
        body = (
            "Paragraph %d with a [link]({{< ref \"%s\" >}}) and [another]({{< relref \"/%s\" >}}).\n\n"
            "{{< figure src=\"/img/Logo.png\" caption=\"Figure %d\" >}}\n\n"
            "{{< highlight go >}}\nfmt.Println(%d)\n{{< /highlight >}}\n\n"
            "{{< notice >}}Kept as text.{{< /notice >}}\n\n## Section\n\n%s\n"
        ) % (i, prev.rsplit("/", 1)[1], prev, i, i,
             "Words of filler text for the body. " * 20)
        date = "2021-%02d-%02dT10:00:00Z" % (i % 12 + 1, i % 28 + 1)
        if i % 2 == 0:
            fm = ('+++\ntitle = "Page %d"\ndate = %s\ntags = ["Tag %d", "Common"]\n'
                  'aliases = ["/old/%d/"]\nweight = %d\n+++\n') % (i, date, i % 7, i, i)
        else:
            fm = ("---\ntitle: \"Page %d\"\ndate: %s\nlastmod: 2022-01-01\ncategories: [Cat%d]\n"
                  "draft: %s\n---\n") % (i, date, i % 5, "true" if i % 50 == 0 else "false")
        if i % 10 == 5:
            bundle = os.path.join(folder, "bundle-%d" % i)
            os.makedirs(bundle)
            with open(os.path.join(bundle, "index.md"), "w") as f:
                f.write(fm + "![A picture](picture.png)\n\n" + body)
            with open(os.path.join(bundle, "picture.png"), "wb") as f:
                f.write(PNG)
        else:
            with open(os.path.join(folder, name + ".md"), "w") as f:
                f.write(fm + body)
        written += 1
        i += 1
    return written


def timed(args):
    r = subprocess.run(["/usr/bin/time", "-f", "%e %U %S %M"] + args, capture_output=True, text=True)
    wall, user, system, rss = r.stderr.strip().splitlines()[-1].split()
    return float(wall), int(rss) // 1024, r.returncode, r.stderr, float(user) + float(system)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("n", nargs="?", type=int, default=1000)
    p.add_argument("--rounds", type=int, default=3)
    p.add_argument("--work")
    p.add_argument("--sections", action="store_true")
    p.add_argument("--compare", metavar="CHECKOUT",
                   help="another checkout whose ./sourced runs interleaved with this one's")
    a = p.parse_args()
    work = a.work or tempfile.mkdtemp(prefix="sourced-import-bench.", dir="/dev/shm")
    os.makedirs(work, exist_ok=True)
    src = os.path.join(work, "hugo")
    shutil.rmtree(src, ignore_errors=True)
    files = generate(src, a.n, a.sections)
    tools = [("this", os.path.join(ROOT, "sourced"))]
    if a.compare:
        tools.append(("compare", os.path.join(os.path.abspath(a.compare), "sourced")))
    for _, launcher in tools:
        subprocess.run([launcher, "--version"], check=True, capture_output=True)
    imports = {name: [] for name, _ in tools}
    builds = {name: [] for name, _ in tools}
    pages = {}
    for r in range(a.rounds):
        for name, launcher in (tools if r % 2 == 0 else tools[::-1]):
            dest = os.path.join(work, "imported")
            shutil.rmtree(dest, ignore_errors=True)
            wall, rss, code, err, cpu = timed([launcher, "import", "hugo", src, dest])
            if code != 0:
                sys.exit("import failed:\n" + err[-2000:])
            imports[name].append((wall, rss, cpu))
            wall, rss, code, err, cpu = timed([launcher, "build", "--source", dest])
            if code != 0:
                sys.exit("build failed:\n" + err[-3000:])
            builds[name].append((wall, rss, cpu))
            pages[name] = sum(1 for _, _, fs in os.walk(os.path.join(dest, "site")) for f in fs
                              if f == "index.html")
    med = lambda xs, k: statistics.median(x[k] for x in xs)
    print("content files: %d (under %s)" % (files, src))
    for name, launcher in tools:
        label = "" if len(tools) == 1 else "%s (%s)\n" % (name, os.path.dirname(launcher))
        print("%simport: median %.2f s wall, %.2f s cpu, %d MiB peak (walls %s)" % (
            label, med(imports[name], 0), med(imports[name], 2), med(imports[name], 1),
            ", ".join("%.2f" % x[0] for x in imports[name])))
        print("build:  median %.2f s wall, %.2f s cpu, %d MiB peak (walls %s); %d pages" % (
            med(builds[name], 0), med(builds[name], 2), med(builds[name], 1),
            ", ".join("%.2f" % x[0] for x in builds[name]), pages[name]))
    if len(tools) == 2:
        for what, runs in (("import", imports), ("build", builds)):
            print("%s this/compare: wall x%.2f, cpu x%.2f" % (
                what, med(runs["this"], 0) / med(runs["compare"], 0),
                med(runs["this"], 2) / med(runs["compare"], 2)))
    print("load average after: %.1f" % os.getloadavg()[0])
    if not a.work:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
