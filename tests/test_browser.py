"""Every dashboard page in a real headless Chromium (Debian's), failing on any exception or console error."""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import ROOT

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
PAGES = ["", "countries", "officials", "initiatives", "engagements", "sql", "data"]
# Requests Streamlit's own front end makes that fail on every page and are not the app's fault.
IGNORED_CONSOLE = ("_stcore/health", "_stcore/host-config", "Failed to fetch metrics config",
                   "Undefined metrics config", "status of 404")
SCREENSHOTS = os.environ.get("PARLEY_SCREENSHOTS")

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser"),
              pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian chromium is not installed")]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(warehouse_path: Path):
    port = _free_port()
    env = {**os.environ, "PARLEY_DB": str(warehouse_path), "PARLEY_CONFIG": str(warehouse_path.parent / "none.toml")}
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "streamlit_app.py", "--server.headless", "true",
         "--server.port", str(port), "--browser.gatherUsageStats", "false"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if urllib.request.urlopen(f"{url}/_stcore/health", timeout=2).status == 200:
                break
        except OSError:
            time.sleep(0.5)
    else:
        process.kill()
        pytest.fail("streamlit did not start within 60 s")
    yield url
    process.terminate()
    process.wait(timeout=20)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--no-first-run", "--disable-sync", "--disable-quic"])
        yield chromium
        chromium.close()


def _wait_until_ready(page) -> None:
    page.wait_for_selector('[data-testid="stMainBlockContainer"]', timeout=60_000)
    # Ready when the script run has finished (no status widget, no skeletons) and stays so for a moment.
    ready = """() => !document.querySelector('[data-testid="stAppSkeleton"]')
                     && !document.querySelector('[data-testid="stStatusWidget"]')
                     && !document.querySelector('[data-testid="stSkeleton"]')
                     && document.querySelectorAll('[data-testid="stElementContainer"]').length > 3"""
    for _ in range(2):
        page.wait_for_timeout(1000)
        page.wait_for_function(ready, timeout=90_000)


@pytest.mark.parametrize("path", PAGES)
def test_page_renders_without_errors(server, browser, path):
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("requestfailed", lambda r: errors.append(f"request failed: {r.url} {r.failure}"))
    page.goto(f"{server}/{path}", wait_until="domcontentloaded")
    _wait_until_ready(page)
    exceptions = page.locator('[data-testid="stException"]').all_inner_texts()
    assert exceptions == []
    assert [e for e in errors if not any(ignored in e for ignored in IGNORED_CONSOLE)] == []
    assert page.locator("h1").first.inner_text().strip()
    if SCREENSHOTS:
        page.screenshot(path=str(Path(SCREENSHOTS) / f"{path or 'overview'}.png"), full_page=True)
    page.close()
