#!/usr/bin/env python3
"""Lighthouse scores of every page type of a site, in every language, on its mobile profile.

usage: bench/lighthouse.py [SITE_DIR] [--work DIR] [--all] [--port N]

Copies the site folder (default: this checkout's example site: sourced.yaml, content/,
templates/, static/, i18n/) to WORK (default /dev/shm/sourced-lighthouse), sets its base_url to
the loopback address it is served from (so that canonical and alternate links point where
Lighthouse finds them, as on a staging host), builds it with ./sourced, serves the output on
127.0.0.1 and runs Lighthouse (tools/lighthouse, installed there with `npm ci` on first use;
Debian's chromium) on one page of each type per language: the home page, every article, the
facts, sources, tags, corrections, methodology and search pages, one source page, one tag page,
the 404 page. --all runs every HTML page. Prints the four category scores per page and every
audit that kept a category under 100. A benchmark: it asserts nothing.
"""
import argparse, functools, http.server, json, os, re, shutil, subprocess, sys, threading

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
TOOLS = os.path.join(ROOT, "tools", "lighthouse")
LIGHTHOUSE = os.path.join(TOOLS, "node_modules", ".bin", "lighthouse")
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
SITE_PAGES = {"facts", "sources", "tags", "corrections", "methodology", "search"}


def install_tools():
    if not os.path.exists(LIGHTHOUSE):
        subprocess.run(["npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund"], cwd=TOOLS,
                       check=True)


def copy_site(src, work, base_url):
    site = os.path.join(work, "site-src")
    shutil.rmtree(site, ignore_errors=True)
    os.makedirs(site)
    for name in ["sourced.yaml", "content", "templates", "static", "i18n"]:
        p = os.path.join(src, name)
        if os.path.isdir(p):
            shutil.copytree(p, os.path.join(site, name))
        elif os.path.isfile(p):
            shutil.copy(p, os.path.join(site, name))
    cfg = os.path.join(site, "sourced.yaml")
    text = open(cfg, encoding="utf-8").read()
    text, n = re.subn(r"(?m)^base_url:.*$", "base_url: " + base_url, text)
    if n == 0:
        text = "base_url: " + base_url + "\n" + text
    open(cfg, "w", encoding="utf-8").write(text)
    return site


def page_kind(rel, languages):
    """(language folder, kind) of a page's path relative to the output, e.g. ('en', 'facts')."""
    parts = rel.split("/")
    lang = ""
    if len(parts) > 1 and parts[0] in languages:
        lang, parts = parts[0], parts[1:]
    if parts == ["index.html"]:
        return lang, "home"
    if parts == ["404.html"]:
        return lang, "404"
    if parts[0] in SITE_PAGES:
        return lang, parts[0] if len(parts) == 2 else parts[0] + "/*"
    if parts[-1] == "index.html" and "page" not in parts:
        return lang, "article:" + "/".join(parts[:-1])
    return lang, None


def pages_to_run(out, run_all):
    languages = {d for d in os.listdir(out)
                 if os.path.isfile(os.path.join(out, d, "index.html"))
                 and re.fullmatch(r"[a-z]{2,3}(-[a-z0-9]+)?", d)}
    chosen = {}
    for dp, _, fs in os.walk(out):
        for f in sorted(fs):
            if not f.endswith(".html"):
                continue
            rel = os.path.relpath(os.path.join(dp, f), out).replace(os.sep, "/")
            lang, kind = page_kind(rel, languages)
            if kind is None:
                continue
            key = rel if run_all else (lang, kind)
            if key not in chosen or rel < chosen[key]:
                chosen[key] = rel
    return sorted(chosen.values())


def serve(out, port):
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    handler = functools.partial(Quiet, directory=out)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def lighthouse(url, report):
    env = dict(os.environ, CHROME_PATH=shutil.which("chromium") or "/usr/bin/chromium")
    subprocess.run([LIGHTHOUSE, url, "--quiet", "--output=json", "--output-path=" + report,
                    "--only-categories=" + ",".join(CATEGORIES),
                    "--chrome-flags=--headless=new --no-sandbox --disable-gpu"],
                   env=env, check=True, capture_output=True)
    data = json.load(open(report, encoding="utf-8"))
    scores = {c: round(100 * (data["categories"][c]["score"] or 0)) for c in CATEGORIES}
    failing = []
    for c in CATEGORIES:
        if c == "performance":
            continue
        for ref in data["categories"][c]["auditRefs"]:
            a = data["audits"][ref["id"]]
            if ref["weight"] > 0 and a["score"] is not None and a["score"] < 1:
                failing.append("%s: %s" % (c, a["id"]))
    return scores, failing


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("site", nargs="?", default=ROOT)
    ap.add_argument("--work", default="/dev/shm/sourced-lighthouse")
    ap.add_argument("--port", type=int, default=8765)
    ap.add_argument("--all", action="store_true")
    a = ap.parse_args()
    install_tools()
    base = "http://127.0.0.1:%d/" % a.port
    src = copy_site(os.path.abspath(a.site), a.work, base)
    out = os.path.join(a.work, "out")
    shutil.rmtree(out, ignore_errors=True)
    subprocess.run([os.path.join(ROOT, "sourced"), "build", "--no-cache", "--source", src,
                    "--output", out], check=True, capture_output=True)
    server = serve(out, a.port)
    reports = os.path.join(a.work, "reports")
    os.makedirs(reports, exist_ok=True)
    print("%-58s %5s %5s %5s %5s" % ("page", "perf", "a11y", "b-p", "seo"))
    worst = {c: 100 for c in CATEGORIES}
    try:
        for rel in pages_to_run(out, a.all):
            path = rel[:-len("index.html")] if rel.endswith("index.html") else rel
            report = os.path.join(reports, re.sub(r"[^a-z0-9]+", "-", rel) + ".json")
            scores, failing = lighthouse(base + path, report)
            for c in CATEGORIES:
                worst[c] = min(worst[c], scores[c])
            print("%-58s %5d %5d %5d %5d" % ("/" + path, *[scores[c] for c in CATEGORIES]),
                  flush=True)
            for f in failing:
                print("    under 100 by %s" % f)
    finally:
        server.shutdown()
    print("%-58s %5d %5d %5d %5d" % ("lowest", *[worst[c] for c in CATEGORIES]))
    print("reports: %s" % reports)


if __name__ == "__main__":
    main()
