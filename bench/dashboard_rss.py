"""Peak memory of a real dashboard server: start streamlit on a warehouse, open every page in headless Chromium,
then read the server's VmHWM. Prints JSON.

    .venv/bin/python bench/dashboard_rss.py --db bench/out/synth-1m.duckdb
"""
from __future__ import annotations

import argparse
import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGES = ["", "countries", "officials", "initiatives", "engagements", "sql", "data"]


def _memory_kb(pid: int, field: str) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", type=Path, required=True)
    args = parser.parse_args()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "PARLEY_DB": str(args.db.resolve()), "PARLEY_CONFIG": "/nonexistent.toml"}
    server = subprocess.Popen([sys.executable, "-m", "streamlit", "run", "streamlit_app.py", "--server.headless", "true",
                               "--server.port", str(port)], cwd=ROOT, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(120):
            try:
                urllib.request.urlopen(f"{url}/_stcore/health", timeout=2)
                break
            except OSError:
                time.sleep(0.5)
        from playwright.sync_api import sync_playwright

        timings = {}
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=[
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"])
            for path in PAGES:
                page = browser.new_page()
                started = time.perf_counter()
                page.goto(f"{url}/{path}")
                page.wait_for_selector('[data-testid="stMainBlockContainer"]', timeout=120_000)
                page.wait_for_function("""() => !document.querySelector('[data-testid="stStatusWidget"]')
                    && !document.querySelector('[data-testid="stSkeleton"]')""", timeout=120_000)
                page.wait_for_function("""() => document.querySelectorAll('[data-testid="stElementContainer"]').length > 5""",
                                       timeout=120_000)
                timings[path or "overview"] = round(time.perf_counter() - started, 2)
                errors = page.locator('[data-testid="stException"]').count()
                if errors:
                    raise SystemExit(f"{path or 'overview'}: the page shows an exception")
                page.close()
            browser.close()
        children = subprocess.run(["pgrep", "-P", str(server.pid)], capture_output=True, text=True).stdout.split()
        print(json.dumps({"warehouse": str(args.db), "server_children": len(children), "page_load_seconds_in_browser": timings,
                          "server_peak_rss_mb": round(_memory_kb(server.pid, "VmHWM") / 1024, 1),
                          "server_rss_now_mb": round(_memory_kb(server.pid, "VmRSS") / 1024, 1)}, indent=1))
    finally:
        server.terminate()
        server.wait(timeout=20)


if __name__ == "__main__":
    main()
