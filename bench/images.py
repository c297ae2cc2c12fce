#!/usr/bin/env python3
"""Image processing: sourced against Hugo on the same photographs, in one run.

usage: bench/images.py [N] [--size 4000x3000] [--work DIR] [--no-hugo]

Makes N photographs (default 200) of 4,000 x 3,000 pixels with PhotoCorpus (test classes; kept
in WORK between runs), puts them three to an article in page bundles, and builds the same
content with sourced and with Hugo (/usr/bin/hugo, extended), both making JPEG and WebP copies
at 480, 800, 1200 and 1600 pixels, quality 80 (sourced writes the copies from 1,000 pixels,
which only high-density screens pick, at its default dense_quality, 45). Each tool builds twice:
first with an empty cache, then again with its cache (sourced: .sourced/cache/; Hugo:
resources/_gen/). Prints wall and CPU seconds, peak memory, output bytes and the ratios to Hugo;
then the page weight of one article with three photos on a 390-pixel-wide phone at device pixel
ratios 1, 2 and 3 and on a 1,280-pixel desktop at 1 and 2, taking the copy a browser picks from
srcset and sizes (the narrowest at least as wide as the image's shown width times the ratio).
With --no-hugo only sourced builds (Hugo's first build of 200 photos takes the better part of an
hour on two cores). A benchmark, not a test: it asserts nothing.
"""
import argparse, glob, os, re, shutil, subprocess, sys, time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
WIDTHS = [480, 800, 1200, 1600]


def time_v(cmd, cwd=None):
    r = subprocess.run(["/usr/bin/time", "-v"] + cmd, capture_output=True, text=True, cwd=cwd)
    if r.returncode != 0:
        sys.exit("failed: %s\n%s" % (" ".join(cmd), r.stderr[-3000:]))
    t = r.stderr
    def field(name):
        m = re.search(name + r": (.*)", t)
        return m.group(1).strip() if m else "0"
    wall = 0.0
    for p in field(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\)").split(":"):
        wall = wall * 60 + float(p)
    cpu = float(field(r"User time \(seconds\)")) + float(field(r"System time \(seconds\)"))
    rss = float(field(r"Maximum resident set size \(kbytes\)")) / 1024
    return wall, cpu, rss


def tree_bytes(d, pattern=None):
    total = 0
    for dp, _, fs in os.walk(d):
        for f in fs:
            if pattern is None or re.search(pattern, f):
                total += os.path.getsize(os.path.join(dp, f))
    return total


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("n", nargs="?", type=int, default=200)
    ap.add_argument("--size", default="4000x3000")
    ap.add_argument("--work", default="/dev/shm/sourced-bench-images")
    ap.add_argument("--no-hugo", action="store_true", help="build with sourced only")
    a = ap.parse_args()
    w, h = a.size.split("x")
    work = a.work
    photos = os.path.join(work, "photos-%s" % a.size)
    os.makedirs(photos, exist_ok=True)
    subprocess.run(["mvn", "-B", "-o", "-q", "test-compile"], cwd=ROOT, check=True)
    subprocess.run(["./sourced", "--version"], cwd=ROOT, check=True, capture_output=True)
    cp = os.path.join(ROOT, "target/test-classes") + ":" + os.path.join(ROOT, "target/classes")
    subprocess.run(["java", "-cp", cp, "dev.sourced.bench.PhotoCorpus", str(a.n), w, h, photos],
                   check=True)
    files = sorted(glob.glob(os.path.join(photos, "photo-*.jpg")))[: a.n]

    src = os.path.join(work, "sourced-site")
    hugo = os.path.join(work, "hugo-site")
    for d in (src, hugo):
        shutil.rmtree(d, ignore_errors=True)
    os.makedirs(os.path.join(src, "content"))
    with open(os.path.join(src, "sourced.yaml"), "w") as f:
        f.write("title: Image bench\nbase_url: https://example.org/\n"
                "images: {widths: %s, quality: 80, webp: true}\n" % WIDTHS)
    os.makedirs(os.path.join(hugo, "content"))
    os.makedirs(os.path.join(hugo, "layouts", "_default"))
    with open(os.path.join(hugo, "hugo.toml"), "w") as f:
        f.write('baseURL = "https://example.org/"\ntitle = "Image bench"\n'
                'disableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n'
                '[imaging]\nquality = 80\n')
    with open(os.path.join(hugo, "layouts", "_default", "single.html"), "w") as f:
        f.write('<!doctype html><title>{{ .Title }}</title>{{ .Content }}\n'
                '{{ range .Resources.ByType "image" }}{{ $o := . }}<picture>'
                '<source type="image/webp" srcset="{{ range $i, $w := slice %s }}'
                '{{ if $i }}, {{ end }}{{ ($o.Resize (printf "%%dx webp q80" $w)).RelPermalink }} {{ $w }}w{{ end }}">'
                '<img src="{{ $o.RelPermalink }}" srcset="{{ range $i, $w := slice %s }}'
                '{{ if $i }}, {{ end }}{{ ($o.Resize (printf "%%dx jpg q80" $w)).RelPermalink }} {{ $w }}w{{ end }}"'
                ' width="{{ $o.Width }}" height="{{ $o.Height }}" alt=""></picture>{{ end }}\n'
                % (" ".join(map(str, WIDTHS)), " ".join(map(str, WIDTHS))))
    with open(os.path.join(hugo, "layouts", "_default", "list.html"), "w") as f:
        f.write("<!doctype html><title>{{ .Title }}</title>\n")
    for i in range(0, len(files), 3):
        group = files[i:i + 3]
        slug = "a%03d" % (i // 3)
        for site in (src, hugo):
            d = os.path.join(site, "content", slug)
            os.makedirs(d)
            for p in group:
                os.link(p, os.path.join(d, os.path.basename(p)))
        entries = "".join("  %s: {credit: Bench, licence: CC0 1.0, url: \"https://example.org/p\"}\n"
                          % os.path.basename(p) for p in group)
        body = "\n\n".join("![Photo %s](%s)" % (os.path.basename(p), os.path.basename(p)) for p in group)
        with open(os.path.join(src, "content", slug, "index.md"), "w") as f:
            f.write("---\ntitle: Article %s\ndate: 2021-03-09\nimages:\n%s---\n%s\n" % (slug, entries, body))
        with open(os.path.join(hugo, "content", slug, "index.md"), "w") as f:
            f.write("---\ntitle: Article %s\ndate: 2021-03-09\n---\nPhotos.\n" % slug)

    # The build cache takes a file's key from its stamp only when the file changed at least two
    # seconds before the build that hashed it looked at it (see docs/commands.md, the build
    # cache): photos linked a moment ago would be read and hashed again by the second build, as no
    # real site's photos are.
    time.sleep(2.1)
    rows = []
    tools = [
        ("sourced", lambda: time_v([os.path.join(ROOT, "sourced"), "build", "-s", src, "-o", os.path.join(work, "sourced-out")])),
        ("hugo", lambda: time_v(["/usr/bin/hugo", "--quiet", "-s", hugo, "-d", os.path.join(work, "hugo-out")])),
    ]
    if a.no_hugo:
        tools = tools[:1]
    for tool, run in tools:
        for build in ("first", "second"):
            wall, cpu, rss = run()
            out = os.path.join(work, tool + "-out")
            rows.append((tool, build, wall, cpu, rss, tree_bytes(out), tree_bytes(out, r"\.(jpe?g|webp|png)$")))
    print("%d photos of %s, widths %s, quality 80, JPEG and WebP copies" % (len(files), a.size, WIDTHS))
    print("%-8s %-7s %9s %9s %9s %14s %14s" % ("tool", "build", "wall s", "cpu s", "peak MiB", "output bytes", "image bytes"))
    for r in rows:
        print("%-8s %-7s %9.1f %9.1f %9.0f %14d %14d" % r)
    hugo_rows = {r[1]: r for r in rows if r[0] == "hugo"}
    for r in rows:
        if r[0] == "sourced" and r[1] in hugo_rows:
            hr = hugo_rows[r[1]]
            print("sourced/hugo %s build: wall %.2fx, cpu %.2fx, output bytes %.2fx"
                  % (r[1], r[2] / hr[2], r[3] / hr[3], r[5] / hr[5]))

    # Page weight of the first article on a 390 px phone: the image is shown 390 - 32 px wide.
    # On a 1280 px desktop the theme's column is 40rem (640 px) wide.
    page = open(os.path.join(work, "sourced-out", "a000", "index.html")).read()
    for screen, shown in (("390 px phone", 390 - 32), ("1280 px desktop", 640)):
        for dpr in (1, 2, 3) if screen.endswith("phone") else (1, 2):
            total = {"webp": 0, "jpeg": 0}
            picked = set()
            for kind, pat in (("webp", r'<source type="image/webp" srcset="([^"]+)"'), ("jpeg", r'<img src="[^"]*" srcset="([^"]+)"')):
                for srcset in re.findall(pat, page):
                    cands = sorted((int(c.split()[1][:-1]), c.split()[0]) for c in srcset.split(", "))
                    wd, pick = next(((wd, f) for wd, f in cands if wd >= shown * dpr), cands[-1])
                    picked.add(wd)
                    total[kind] += os.path.getsize(os.path.join(work, "sourced-out", "a000", pick))
            print("page weight, 3 photos on a %s at %dx (copies %s px wide): WebP %d bytes (%.0f KiB),"
                  " JPEG-only browser %d bytes (%.0f KiB)"
                  % (screen, dpr, "/".join(map(str, sorted(picked))), total["webp"], total["webp"] / 1024,
                     total["jpeg"], total["jpeg"] / 1024))


if __name__ == "__main__":
    main()
