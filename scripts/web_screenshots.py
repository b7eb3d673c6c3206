"""Screenshots of the main ``newsbrief serve`` pages at desktop and phone widths, for the docs.

Builds the demo database in a temporary folder, serves it on 127.0.0.1 and drives Debian's
Chromium (``/usr/bin/chromium``) through Playwright; writes PNGs into ``docs/screenshots/``.

Usage::

    PYTHONPATH=src python scripts/web_screenshots.py
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from newsbrief.config import load_settings
from newsbrief.demo import run_demo
from newsbrief.web import ServerThread, make_app

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "screenshots"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
PASSWORD = "screenshot password"
SIZES = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="nb-shots-") as tmp:
        demo = run_demo(Path(tmp) / "demo", formats=("md",))
        settings = load_settings(data_dir=Path(tmp) / "demo", env={"NEWSBRIEF_WEB_ADMIN_PASSWORD": PASSWORD})
        with ServerThread(make_app(demo.db_path, settings=settings)) as srv, sync_playwright() as p:
            base = srv.url.rstrip("/")
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS, headless=True)
            for size, viewport in SIZES.items():
                for scheme in ("light", "dark"):
                    context = browser.new_context(viewport=viewport, color_scheme=scheme,
                                                  device_scale_factor=1)
                    page = context.new_page()
                    page.goto(base + "/")
                    story = page.locator("section.stories h3 a").first.get_attribute("href")
                    shots = {"digest": "/", "story": story, "search": "/search?q=chip"}
                    if scheme == "dark":
                        shots = {"digest": "/"}
                    for name, path in shots.items():
                        page.goto(base + str(path))
                        page.screenshot(path=str(OUT / f"{name}-{size}{'-dark' if scheme == 'dark' else ''}.png"))
                    if scheme == "light":
                        page.goto(base + "/")
                        page.locator("section.stories a.cite").first.click()
                        page.wait_for_url("**/articles/**")
                        page.screenshot(path=str(OUT / f"citation-{size}.png"))
                        page.goto(base + "/login?next=/sources")
                        page.get_by_label("Admin password").fill(PASSWORD)
                        page.get_by_role("button", name="Sign in").click()
                        page.wait_for_url(base + "/sources")
                        page.screenshot(path=str(OUT / f"sources-{size}.png"))
                    context.close()
            browser.close()
    print("\n".join(sorted(str(p.relative_to(ROOT)) for p in OUT.glob("*.png"))), file=sys.stdout)


if __name__ == "__main__":
    main()
