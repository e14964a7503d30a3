#!/usr/bin/env python3
"""Benchmark: generate an agency of N enterprises from the bundled example and time
`anquan build --html` on it. Prints pages, seconds, pages per second and peak memory.

usage: scripts/bench.py [N] [--runs R] [--pdf K]   (default N=50, R=3, K=2; builds the release binary)

Also times the PDFs of K enterprises (`build --pdf --only ...`) and, with `anquan serve`
on a free loopback port, how long an edit to one enterprise takes to reach the served page.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def make_site(dest, n):
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
        text = sources[name].replace("有限公司", f"{i + 1:03d}号分厂有限公司", 1)
        text = re.sub(r"  counselors: \[[^\]]*\]", f"  counselors: [bench{i // 30}]", text, count=1)
        with open(os.path.join(ent_dir, f"e{i + 1:03d}.yaml"), "w", encoding="utf-8") as f:
            f.write(text)


def main(argv):
    n = int(argv[0]) if argv and argv[0].isdigit() else 50
    runs = int(argv[argv.index("--runs") + 1]) if "--runs" in argv else 3
    subprocess.run(["cargo", "build", "--release", "-q"], cwd=ROOT, check=True)
    binary = os.path.join(ROOT, "target", "release", "anquan")
    with tempfile.TemporaryDirectory() as tmp:
        site = os.path.join(tmp, "site")
        make_site(site, n)
        best, peak_kb = None, 0
        for _ in range(runs):
            start = time.perf_counter()
            child = subprocess.Popen([binary, "build", site, "--html", "-q", "--date", "2026-11-23"])
            _, status, usage = os.wait4(child.pid, 0)  # this child's own peak memory, not cargo's
            elapsed = time.perf_counter() - start
            if status != 0:
                sys.exit("anquan build failed")
            best = elapsed if best is None else min(best, elapsed)
            peak_kb = max(peak_kb, usage.ru_maxrss)
        pages = sum(1 for _, _, files in os.walk(os.path.join(site, "public")) for f in files if f.endswith(".html"))
        peak_mb = peak_kb / 1024
        pdf_count = int(argv[argv.index("--pdf") + 1]) if "--pdf" in argv else 2
        only = sum((["--only", f"e{i + 1:03d}"] for i in range(min(pdf_count, n))), [])
        start = time.perf_counter()
        child = subprocess.Popen([binary, "build", site, "--pdf", "-q", "--date", "2026-11-23", "-o", os.path.join(tmp, "pdf")] + only)
        _, status, usage = os.wait4(child.pid, 0)
        pdf_seconds = time.perf_counter() - start
        pdf_peak_mb = usage.ru_maxrss / 1024
        edit_ms = serve_latency(binary, site)
    print(f"enterprises: {n}")
    print(f"html pages: {pages}")
    print(f"best of {runs}: {best:.3f} s")
    print(f"pages per second: {pages / best:.0f}")
    print(f"peak memory: {peak_mb:.0f} MB")
    print(f"PDFs of {min(pdf_count, n)} enterprises: {pdf_seconds:.2f} s ({pdf_seconds / max(1, min(pdf_count, n)):.2f} s each), peak {pdf_peak_mb:.0f} MB (the largest process: typst)")
    print(f"serve: an edit to one enterprise reached the browser in {edit_ms:.0f} ms")


def serve_latency(binary, site):
    """Starts `anquan serve` on a free port, edits one enterprise, and times until the
    served page shows the edit."""
    import urllib.request
    server = subprocess.Popen([binary, "serve", site, "--port", "0", "--date", "2026-11-23"],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        line = server.stdout.readline()
        base = next(w for w in line.split() if w.startswith("http://127.0.0.1:"))
        # Wait for the first build to finish, as a user opening the page would.
        while not server.stdout.readline().startswith("rebuilt"):
            pass
        threading.Thread(target=lambda: [None for _ in server.stdout], daemon=True).start()
        page = base + "e001/system-01-responsibility.html"

        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # loopback, never a proxy

        def body():
            try:
                with opener.open(page, timeout=5) as r:
                    return r.read().decode("utf-8")
            except OSError:
                return ""
        deadline = time.time() + 120
        while "分厂有限公司" not in body() and time.time() < deadline:
            time.sleep(0.05)
        path = os.path.join(site, "enterprises", "e001.yaml")
        text = open(path, encoding="utf-8").read()
        start = time.perf_counter()
        with open(path, "w", encoding="utf-8") as f:
            f.write(text.replace("分厂有限公司", "分厂（改）有限公司", 1))
        while "分厂（改）有限公司" not in body() and time.perf_counter() - start < 30:
            time.sleep(0.005)
        return (time.perf_counter() - start) * 1000
    finally:
        server.kill()
        server.wait()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
