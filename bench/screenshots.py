"""Screenshots of every dashboard page over a warehouse, for the README (Playwright with Debian's chromium).

    .venv/bin/python bench/screenshots.py [--db data/parley.duckdb] [--out docs/screenshots]

Starts `streamlit run` on a free local port, waits for each page to finish rendering, and saves one PNG a page.
Prints JSON: the files written.
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
PAGES = {"overview": "", "countries": "countries", "officials": "officials", "initiatives": "initiatives",
         "engagements": "engagements", "sql": "sql", "data": "data"}
CHROMIUM = "/usr/bin/chromium"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_for(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2)
            return
        except OSError:
            time.sleep(0.5)
    raise TimeoutError(f"{url} did not answer in {seconds:g} s")


READY = """() => !document.querySelector('[data-testid="stAppSkeleton"]')
                 && !document.querySelector('[data-testid="stStatusWidget"]')
                 && !document.querySelector('[data-testid="stSkeleton"]')
                 && document.querySelectorAll('[data-testid="stElementContainer"]').length > 3"""


def _wait_until_ready(page) -> None:
    """Until the script run has finished and stayed finished for a moment, then the charts' drawing time."""
    page.wait_for_selector('[data-testid="stMainBlockContainer"]', timeout=60_000)
    for _ in range(3):
        page.wait_for_timeout(1500)
        page.wait_for_function(READY, timeout=120_000)
    page.wait_for_timeout(2000)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", type=Path, default=ROOT / "data" / "parley.duckdb")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    port = _free_port()
    env = {**os.environ, "PARLEY_DB": str(args.db.resolve()), "PARLEY_CONFIG": str(args.db.resolve()) + ".none.toml"}
    server = subprocess.Popen([str(Path(sys.executable).parent / "streamlit"), "run", "streamlit_app.py",
                               "--server.headless", "true", "--server.port", str(port),
                               "--browser.gatherUsageStats", "false"], cwd=ROOT, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    written = []
    try:
        base = f"http://127.0.0.1:{port}"
        _wait_for(f"{base}/_stcore/health")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=[
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--no-first-run", "--disable-sync", "--disable-quic"])
            for name, path in PAGES.items():
                page = browser.new_page(viewport={"width": 1400, "height": 1000})
                page.goto(f"{base}/{path}", wait_until="domcontentloaded")
                _wait_until_ready(page)
                out = args.out / f"{name}.png"
                page.screenshot(path=str(out), full_page=False)
                written.append(str(out.relative_to(ROOT)) if out.is_relative_to(ROOT) else str(out))
                page.close()
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=20)
    print(json.dumps({"warehouse": str(args.db), "screenshots": written}, indent=1))


if __name__ == "__main__":
    main()
