"""Headless Chromium for the view tests (Debian `chromium`, driven by Playwright's Python API).

Every request that is not file:, data:, about: or blob: is recorded and aborted, so a test can
assert that a page made no request leaving the machine.
"""
from __future__ import annotations

import contextlib
import os
from pathlib import Path

CHROMIUM = os.environ.get("KG_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
LOCAL = ("file:", "data:", "about:", "blob:")


class Browser:
    def __init__(self):
        from playwright.sync_api import sync_playwright
        if not Path(CHROMIUM).exists():
            raise RuntimeError(f"{CHROMIUM} not found: install Debian's chromium (.ci/run does)")
        self._pw = sync_playwright().start()
        self.browser = self._pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        self.external: list[str] = []
        self.dialogs: list[str] = []
        self.errors: list[str] = []

    def page(self, width: int = 1400, height: int = 900):
        ctx = self.browser.new_context(viewport={"width": width, "height": height})

        def route(r):
            if r.request.url.startswith(LOCAL):
                return r.continue_()
            self.external.append(r.request.url)
            return r.abort()
        ctx.route("**/*", route)
        page = ctx.new_page()
        page.on("request", lambda req: None if req.url.startswith(LOCAL) else self.external.append(req.url))
        page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        return page

    def open(self, path: Path, page=None, timeout: float = 30_000):
        page = page or self.page()
        page.goto(Path(path).resolve().as_uri())
        page.wait_for_function("window.kgReady === true", timeout=timeout)
        return page

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.browser.close()
        with contextlib.suppress(Exception):
            self._pw.stop()


def screenshot(html: Path, png: Path, width: int = 1400, height: int = 860) -> None:
    """A picture of a page as a browser draws it (docs/img/*.png):
    .venv/bin/python tests/browser.py output/graph.html docs/img/graph.png"""
    b = Browser()
    try:
        page = b.open(html, b.page(width, height))
        page.wait_for_timeout(300)
        png.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(png))
        assert not b.external, b.external
    finally:
        b.close()


if __name__ == "__main__":
    import sys
    screenshot(Path(sys.argv[1]), Path(sys.argv[2]))
