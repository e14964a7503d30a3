#!/usr/bin/env python3
"""Benchmark anquan at agency and city scale (issue 16), with the release binary, and
print one table. Every time is set beside the typst-alone baseline measured in the same
run: typst compiling one enterprise's pack alone, in the sandbox anquan prepared for it
(ANQUAN_KEEP_TYPST_ROOT), with the same fonts and flags.

usage: scripts/bench.py [N] [--quick] [--cold N] [--scale N] [--shard-clients N]
                        [--shard-pdf] [--runs R] [--no-serve] [--before BINARY]

  N, --scale N        HTML only, N generated clients: pages/s and peak memory, also at N/4
                      to show the growth (default 1000; --quick 100)
  --cold N            HTML and PDF of N clients: cold, its `--shard 1/4` (cold too), warm
                      from the cache, one client changed (default 40; --quick 4)
  --shard-clients N   `--shard 1/4` against the unsharded build (default 200; --quick 20),
                      HTML only unless --shard-pdf
  --runs R            typst baseline and HTML timings: best of R (default 2)
  --no-serve          skip the edit-to-browser latency of `anquan serve` and the
                      edit-to-PDF latency of `anquan watch`
  --before BINARY     also run every scenario with another anquan binary (an older
                      release, built from a worktree) and print both side by side; it
                      must read the bundled example's YAML

The warm and one-changed scenarios use `--cache DIR` when the binary has it; a binary
without a cache rebuilds everything, and the table says so.
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATE = "2026-11-23"


def make_site(dest, n):
    """An agency of n clients generated from the bundled example, one counselor per 30."""
    example = os.path.join(ROOT, "example")
    shutil.copytree(example, dest, ignore=shutil.ignore_patterns("public"))
    ent_dir = os.path.join(dest, "enterprises")
    templates = sorted(os.listdir(ent_dir))
    sources = {name: open(os.path.join(ent_dir, name), encoding="utf-8").read() for name in templates}
    for name in templates:
        os.remove(os.path.join(ent_dir, name))
    # One counselor per 30 clients, so that the agency passes counselor-load (第二十一条).
    counselors = (n + 29) // 30
    config_path = os.path.join(dest, "anquan.yaml")
    config = open(config_path, encoding="utf-8").read()
    extra = "".join(
        f"  - {{id: bench{k}, name: 测试{k}, phone: 1390000{k:04d}, education: 本科, major: 安全工程,"
        f" safety_years: 6, badge_no: BENCH-{k:03d}, trained_on: 2026-06-01}}\n"
        for k in range(counselors)
    )
    config = config.replace("document_control:", extra + "document_control:", 1)
    with open(config_path, "w", encoding="utf-8") as f:
        f.write(config)
    for i in range(n):
        name = templates[i % len(templates)]
        text = sources[name].replace("有限公司", f"{i + 1:04d}号分厂有限公司", 1)
        text = re.sub(r"  counselors: \[[^\]]*\]", f"  counselors: [bench{i // 30}]", text, count=1)
        with open(os.path.join(ent_dir, f"e{i + 1:04d}.yaml"), "w", encoding="utf-8") as f:
            f.write(text)


def edit_client(site, client="e0001"):
    """Renames one client: every one of its documents changes."""
    path = os.path.join(site, "enterprises", f"{client}.yaml")
    text = open(path, encoding="utf-8").read()
    with open(path, "w", encoding="utf-8") as f:
        f.write(text.replace("分厂有限公司", "分厂（改）有限公司", 1))


class Anquan:
    def __init__(self, binary):
        self.binary = binary
        help_text = subprocess.run([binary, "build", "--help"], capture_output=True, text=True).stdout
        self.has_cache = "--cache" in help_text
        self.has_shard = "--shard" in help_text

    def cache_flags(self, cache_dir):
        return ["--cache", cache_dir] if self.has_cache else []

    def no_cache(self):
        return ["--no-cache"] if self.has_cache else []

    def run(self, args, env=None):
        """Runs `anquan ARGS`; returns (seconds, peak MB of this process alone, stdout)."""
        start = time.perf_counter()
        child = subprocess.Popen([self.binary] + args, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                 env=env, text=True)
        out = child.stdout.read()
        _, status, usage = os.wait4(child.pid, 0)
        elapsed = time.perf_counter() - start
        if status != 0:
            sys.exit(f"anquan {' '.join(args)} failed")
        return elapsed, usage.ru_maxrss / 1024, out

    def build(self, site, out, *flags, env=None):
        # English build lines: the PDF and DOCX times are read from them.
        return self.run(["build", site, "-o", out, "--date", DATE, "--lang", "en"] + list(flags), env=env)


def best(runs, measure):
    return min(measure() for _ in range(runs))


def html_pages(out):
    return sum(1 for _, _, files in os.walk(out) for f in files if f.endswith(".html"))


def format_seconds(stdout, fmt):
    """The time the build line reports for PDF or DOCX (summed over enterprises)."""
    m = re.search(fmt + r" (\d+) ms", stdout)
    return int(m.group(1)) / 1000 if m else 0.0


# --- the typst-alone baseline -------------------------------------------------------

WRAPPER = """#!/usr/bin/env python3
# Passes every call to the real typst; records each compile and keeps its font folder.
import json, os, shutil, subprocess, sys, time
args = sys.argv[1:]
start = time.perf_counter()
code = subprocess.run([os.environ["BENCH_REAL_TYPST"]] + args).returncode
if args[:1] == ["compile"]:
    fonts = args[args.index("--font-path") + 1]
    keep = os.environ["BENCH_FONTS"]
    if not os.path.exists(keep):
        shutil.copytree(fonts, keep, symlinks=True)
    with open(os.environ["BENCH_LOG"], "a") as log:
        log.write(json.dumps({"args": args, "seconds": time.perf_counter() - start}) + "\\n")
sys.exit(code)
"""


def pack_only_source(main_typ):
    """main.typ without the folio documents: the pack alone, laid out as anquan lays it
    out. None when the template no longer has that shape."""
    folios = main_typ.find("  document(data.folios.running")
    if folios < 0:
        return None
    return main_typ[:folios] + "}\n"


def typst_baseline(anquan, site, tmp, runs):
    """Builds one client's PDFs through a recording typst; returns the figures of the
    pack alone and of main.typ as anquan runs it, in the kept sandbox."""
    real = shutil.which(os.environ.get("ANQUAN_TYPST", "typst"))
    if real is None:
        sys.exit("typst is not on PATH: run scripts/setup.sh")
    wrapper = os.path.join(tmp, "typst-recording")
    with open(wrapper, "w") as f:
        f.write(WRAPPER)
    os.chmod(wrapper, 0o755)
    keep, log, fonts = (os.path.join(tmp, n) for n in ("typst-root", "typst-log.jsonl", "typst-fonts"))
    env = dict(os.environ, ANQUAN_TYPST=wrapper, ANQUAN_KEEP_TYPST_ROOT=keep, BENCH_REAL_TYPST=real,
               BENCH_LOG=log, BENCH_FONTS=fonts)
    anquan.build(site, os.path.join(tmp, "out-recorded"), "--pdf", "--only", "e0001", *anquan.no_cache(), env=env)
    compiles = [json.loads(line) for line in open(log)]
    sandbox = os.path.join(keep, "e0001")
    main_args = next((c["args"] for c in compiles if "main.typ" in c["args"]), None)
    if main_args is None:
        return None

    def typst(source):
        args = [real] + list(main_args)
        out = tempfile.mkdtemp(dir=tmp)
        args[args.index("main.typ") + 1] = out
        args[args.index("main.typ")] = source
        args[args.index("--root") + 1] = sandbox
        args[args.index("--font-path") + 1] = fonts

        def once():
            start = time.perf_counter()
            subprocess.run(args, cwd=sandbox, check=True, capture_output=True)
            return time.perf_counter() - start
        return best(runs, once)

    pack = pack_only_source(open(os.path.join(sandbox, "main.typ"), encoding="utf-8").read())
    if pack is None:
        return None
    with open(os.path.join(sandbox, "pack-only.typ"), "w", encoding="utf-8") as f:
        f.write(pack)
    return {
        "pack": typst("pack-only.typ"),
        "main": typst("main.typ"),
        "inside": sum(c["seconds"] for c in compiles),
        "runs": len(compiles),
    }


# --- the scenarios ------------------------------------------------------------------

def cold_warm_changed(anquan, tmp, n, runs, rows, base):
    """HTML and PDF of n clients: cold, warm, one client changed; and the references:
    one client's PDFs alone, the HTML of all."""
    site = os.path.join(tmp, f"site-{n}")
    make_site(site, n)
    cache = os.path.join(tmp, "cache")
    out = os.path.join(tmp, f"out-{n}")
    cold, _, _ = anquan.build(site, out, "-q", *anquan.cache_flags(cache))
    # A CI matrix job: the same cold work (an empty cache of its own) for a quarter.
    quarter = None
    if anquan.has_shard:
        quarter, _, _ = anquan.build(site, os.path.join(tmp, "out-shard"), "-q", "--shard", "1/4",
                                     *anquan.cache_flags(os.path.join(tmp, "cache-shard")))
        share = len(json.load(open(os.path.join(tmp, "out-shard", "manifest.json")))["enterprises"])
    warm, _, _ = anquan.build(site, out, "-q", *anquan.cache_flags(cache))
    one, _, one_out = anquan.build(site, os.path.join(tmp, "out-one"), "--pdf", "--only", "e0001", *anquan.no_cache())
    html = best(runs, lambda: anquan.build(site, os.path.join(tmp, "out-html"), "--html", "-q")[0])
    edit_client(site)
    changed, _, _ = anquan.build(site, out, "-q", *anquan.cache_flags(cache))
    note = "" if anquan.has_cache else "; no --cache in this binary: a full rebuild"
    pdf = format_seconds(one_out, "PDF")
    rows.append(("one client's PDFs+DOCX: build --pdf --only", one, base,
                 f"DOCX {format_seconds(one_out, 'DOCX'):.2f} s of it"))
    rows.append(("  all its PDFs: typst, then cutting the documents out", pdf, base,
                 "goal <= 1.25x"))
    rows.append((f"cold: {n} clients, HTML+PDF+DOCX", cold, None, "goal: half of today's"))
    rows.append(("  per client", cold / n, base, ""))
    if quarter is not None:
        rows.append((f"  --shard 1/4 of them ({share} clients), cold", quarter, None,
                     f"{quarter / cold:.2f}x unsharded (goal 0.25x)"))
    rows.append(("warm from the cache, nothing changed", warm, None,
                 f"{warm / cold:.2f}x cold (goal <= 0.30x){note}"))
    rows.append(("one client changed", changed, None,
                 f"{changed / (one + html):.2f}x one client + HTML (goal <= 1.00x){note}"))
    rows.append((f"  reference: HTML of all {n} clients", html, None, ""))


def scale(anquan, tmp, n, runs, rows):
    """HTML only at n/4 and n clients: pages per second and peak memory."""
    for size in sorted({max(1, n // 4), n}):
        site = os.path.join(tmp, f"scale-{size}")
        make_site(site, size)
        out = os.path.join(tmp, f"scale-out-{size}")
        # The largest size runs once (the machine may be shared); smaller ones best of R.
        results = [anquan.build(site, out, "--html", "-q") for _ in range(1 if size == n else runs)]
        seconds = min(r[0] for r in results)
        peak = max(r[1] for r in results)
        pages = html_pages(out)
        goal = " (goal < 300 MB)" if size == n else ""
        rows.append((f"{size} clients, HTML only: {pages} pages", seconds, None,
                     f"{pages / seconds:.0f} pages/s, peak {peak:.0f} MB{goal}"))
        shutil.rmtree(site)
        shutil.rmtree(out)


def shards(anquan, tmp, n, pdf, rows, base):
    """`--shard 1/4` of n clients against the unsharded build."""
    site = os.path.join(tmp, f"shard-site-{n}")
    make_site(site, n)
    flags = ["-q"] + (anquan.no_cache() if pdf else ["--html"])
    kind = "HTML+PDF+DOCX" if pdf else "HTML only"
    full, _, _ = anquan.build(site, os.path.join(tmp, "shard-full"), *flags)
    quarter, _, _ = anquan.build(site, os.path.join(tmp, "shard-1"), "--shard", "1/4", *flags)
    share = len(json.load(open(os.path.join(tmp, "shard-1", "manifest.json")))["enterprises"])
    rows.append((f"{n} clients unsharded, {kind}", full, base if pdf else None, ""))
    rows.append((f"  --shard 1/4 ({share} clients)", quarter, base if pdf else None,
                 f"{quarter / full:.2f}x unsharded (goal 0.25x)"))


def edit_and_wait(path, old, new, shows_edit, poll):
    """Replaces `old` by `new` in the file at `path` and returns the seconds until
    `shows_edit()` is true (at most 30)."""
    source = open(path, encoding="utf-8").read()
    start = time.perf_counter()
    with open(path, "w", encoding="utf-8") as f:
        f.write(source.replace(old, new, 1))
    while not shows_edit() and time.perf_counter() - start < 30:
        time.sleep(poll)
    return time.perf_counter() - start


def serve_latency(binary, site):
    """Starts `anquan serve` on a free port, edits one enterprise, and times until the
    served page shows the edit."""
    import urllib.request
    server = subprocess.Popen([binary, "serve", site, "--port", "0", "--date", DATE, "--lang", "en"],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        line = server.stdout.readline()
        base = next(w for w in line.split() if w.startswith("http://127.0.0.1:"))
        # Wait for the first build to finish, as a user opening the page would.
        while not server.stdout.readline().startswith("rebuilt"):
            pass
        threading.Thread(target=lambda: [None for _ in server.stdout], daemon=True).start()
        page = base + "e0001/system-01-responsibility.html"
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # loopback, never a proxy

        def body():
            try:
                with opener.open(page, timeout=5) as r:
                    return r.read().decode("utf-8")
            except OSError:
                return ""
        deadline = time.time() + 120
        while "号分厂" not in body() and time.time() < deadline:
            time.sleep(0.05)
        path = os.path.join(site, "enterprises", "e0001.yaml")
        return edit_and_wait(path, "号分厂", "号分厂又改", lambda: "号分厂又改" in body(), 0.005)
    finally:
        server.kill()
        server.wait()


def watch_pdf_latency(binary, site, tmp):
    """Starts `anquan watch`, waits for its first PDFs, edits one meeting of e0002 (made
    from ruifeng), and times until the meetings ledger's PDF shows the edit (spec §11:
    within 2 s)."""
    out = os.path.join(tmp, "watch-out")
    watcher = subprocess.Popen([binary, "watch", site, "-o", out, "--date", DATE, "--lang", "en"],
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        while "PDFs" not in watcher.stdout.readline():
            pass
        threading.Thread(target=lambda: [None for _ in watcher.stdout], daemon=True).start()
        pdf = os.path.join(out, "e0002", "ledger-meetings.pdf")

        def text():
            return subprocess.run(["pdftotext", pdf, "-"], capture_output=True,
                                  text=True).stdout.replace("\n", "")
        path = os.path.join(site, "enterprises", "e0002.yaml")
        return edit_and_wait(path, "开展夏季防暑降温专项检查", "开展夏季防暑降温及高温岗位专项检查",
                             lambda: "高温岗位专项检查" in text(), 0.02)
    finally:
        watcher.kill()
        watcher.wait()


def print_table(rows, base, before=None):
    """One line per scenario: seconds, the ratio to the typst baseline, and the notes;
    with `before` (the rows of another binary, same scenarios) its seconds first."""
    print()
    head = f"{'before s':>9} " if before else ""
    print(f"{'scenario':<58} {head}{'seconds':>9} {'x typst pack':>13}  notes")
    then_by_name = {name: (seconds, notes) for name, seconds, _, notes in before or []}
    for name, seconds, ratio_base, notes in rows:
        ratio = f"{seconds / ratio_base:.2f}x" if ratio_base else ""
        then = ""
        if before:
            old = then_by_name.get(name, (None, ""))[0]
            then = f"{old:>9.3f} " if old else f"{'':>9} "
        print(f"{name:<58} {then}{seconds:>9.3f} {ratio:>13}  {notes}")
    # The before binary's own figures (ratios, pages/s), where they differ from the goals.
    measured = [(name, notes) for name, (_, notes) in then_by_name.items()
                if re.search(r"\d+(\.\d+)?x |pages/s", notes)]
    if measured:
        print("the before binary's own notes:")
        for name, notes in measured:
            print(f"  {name.strip()}: {notes}")
    if base is None:
        print("typst baseline: unavailable (main.typ no longer has the folio documents)")


def option(argv, name, default):
    return int(argv[argv.index(name) + 1]) if name in argv else default


def scenarios(anquan, tmp, figures, sizes, runs, argv):
    """Every scenario with one binary, in a folder of its own; returns its rows."""
    cold_n, scale_n, shard_n = sizes
    base = figures["pack"] if figures else None
    rows = []
    if figures:
        rows.append(("typst alone: the pack of one client", figures["pack"], base, "the baseline"))
        rows.append(("typst on main.typ as anquan runs it (pack + folio sheets)", figures["main"], base,
                     "the documents are then cut out of the pack"))
    cold_warm_changed(anquan, tmp, cold_n, runs, rows, base)
    scale(anquan, tmp, scale_n, runs, rows)
    if anquan.has_shard:
        shards(anquan, tmp, shard_n, "--shard-pdf" in argv, rows, base)
    if "--no-serve" not in argv:
        rows.append(("serve: an edit reaches the browser",
                     serve_latency(anquan.binary, os.path.join(tmp, f"site-{cold_n}")), None, ""))
        rows.append(("watch: the edited document's PDF is fresh",
                     watch_pdf_latency(anquan.binary, os.path.join(tmp, f"site-{cold_n}"), tmp),
                     None, "goal <= 2 s"))
    return rows


def main(argv):
    quick = "--quick" in argv
    positional = argv[0] if argv and argv[0].isdigit() else None
    scale_n = option(argv, "--scale", int(positional) if positional else (100 if quick else 1000))
    cold_n = option(argv, "--cold", 4 if quick else 40)
    shard_n = option(argv, "--shard-clients", 20 if quick else 200)
    runs = option(argv, "--runs", 2)
    subprocess.run(["cargo", "build", "--release", "-q"], cwd=ROOT, check=True)
    target = os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target"))
    anquan = Anquan(os.path.join(target, "release", "anquan"))
    before = Anquan(os.path.abspath(argv[argv.index("--before") + 1])) if "--before" in argv else None
    sizes = (cold_n, scale_n, shard_n)
    with tempfile.TemporaryDirectory() as tmp:
        site = os.path.join(tmp, "baseline-site")
        make_site(site, 1)
        figures = typst_baseline(anquan, site, tmp, runs)
        base = figures["pack"] if figures else None
        if figures:
            inside = ("  typst inside anquan's build of that client", figures["inside"], base,
                      f"{figures['runs']} typst run(s)")
        # The before binary first, each in a folder of its own, so that neither warms the
        # other's page cache more than the baseline already did.
        old_rows = None
        if before:
            os.mkdir(os.path.join(tmp, "before"))
            old_rows = scenarios(before, os.path.join(tmp, "before"), figures, sizes, runs, argv)
        os.mkdir(os.path.join(tmp, "after"))
        rows = scenarios(anquan, os.path.join(tmp, "after"), figures, sizes, runs, argv)
        if figures:
            rows.insert(2, inside)
    print_table(rows, base, old_rows)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
