"""The report and the web app in real headless Chromium (Debian's ``chromium``, driven by Playwright).

What a user does: open the story, click a timeline dot, land on the sentence it came from,
highlighted; search for a name. Screenshots go to tests/artifacts/ (git-ignored) for a look.
The store is built from the seeds when the pipeline can; otherwise it is written record by
record (newstrail.report.sample), and the reason is printed.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Iterator

import pytest

from newstrail.report import write_report
from newstrail.report.app import create_app
from newstrail.store import Store

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} is missing (apt-get install -y chromium)"),
]


def _build_store(path: Path) -> str:
    """The seeds through the real pipeline if it works, else the synthetic store; says which.

    The build runs in a subprocess: the pipeline may fork worker processes, and forking a
    process that already runs Playwright's threads can deadlock.
    """
    cmd = [sys.executable, "-m", "newstrail", "build", str(SEEDS), "--db", str(path), "-w", "1", "-q"]
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
        reason = done.stderr.strip().splitlines()[-1] if done.returncode else ""
        if not done.returncode:
            with Store(path, readonly=True) as store:
                if store.count("stories") and store.count("timeline"):
                    return "seeds"
            reason = "the pipeline built no stories or no timeline"
    except subprocess.TimeoutExpired:
        reason = "the seed build took over 120 s"
    from newstrail.report.sample import write_sample_store

    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    write_sample_store(path, 12)
    print(f"browser tests use the synthetic store ({reason})")
    return "synthetic"


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("browser") / "store.db"
    _build_store(path)
    return path


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def base_url(store_path: Path) -> Iterator[str]:
    """The app on 127.0.0.1 on a free port, in a thread, for the module's tests."""
    import uvicorn

    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(store_path), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the web app did not start within 15 s")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    """A fresh page that records console errors (CSP violations show there) and any dialog."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.errors = []  # type: ignore[attr-defined]
    page.on("console", lambda msg: msg.type == "error" and page.errors.append(msg.text))  # type: ignore[attr-defined]
    page.on("pageerror", lambda exc: page.errors.append(str(exc)))  # type: ignore[attr-defined]
    page.on("dialog", lambda dialog: (page.errors.append(f"dialog: {dialog.message}"), dialog.dismiss()))  # type: ignore[attr-defined]
    yield page
    context.close()


def _shot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"))  # the viewport: what the user sees


def _assert_target_highlighted(page) -> str:
    """The element the URL fragment names exists, is :target and carries the JS highlight."""
    # the hash changes at the click, the hashchange handler runs a task later: wait for the
    # element the hash names, not for any mark (the previous page's mark may still be there)
    page.wait_for_function(
        """() => {
            if (location.hash.length < 2) return false;
            const el = document.getElementById(decodeURIComponent(location.hash.slice(1)));
            return !!el && el.classList.contains('is-target');
        }"""
    )
    state = page.evaluate(
        """() => {
            const el = document.getElementById(decodeURIComponent(location.hash.slice(1)));
            if (!el) return {found: false};
            const page = el.closest('section.page');
            return {found: true, target: el.matches(':target'), marked: el.classList.contains('is-target'),
                    visible: !page || !page.hidden, text: el.textContent,
                    background: getComputedStyle(el).backgroundColor};
        }"""
    )
    assert state["found"], f"no element for {page.url}"
    assert state["target"] and state["marked"] and state["visible"], state
    assert state["background"] not in ("rgba(0, 0, 0, 0)", "transparent"), state
    return state["text"]


def test_app_story_to_source_span(page, base_url: str) -> None:
    page.goto(base_url + "/")
    _shot(page, "app-stories")
    page.locator("ul.stories a").first.click()
    page.wait_for_selector("svg.timeline")
    _shot(page, "app-story")
    page.locator("svg.timeline a.dot-link").first.click()
    page.wait_for_url("**/article/**#s-*")
    text = _assert_target_highlighted(page)
    assert text.strip()
    _shot(page, "app-article-span")
    assert page.errors == []  # no CSP violation, no script error, no alert


def test_app_search(page, base_url: str) -> None:
    page.goto(base_url + "/")
    page.fill("form.search input[name=q]", "Ryabkov")
    page.press("form.search input[name=q]", "Enter")
    page.wait_for_selector("ol.results li")
    assert "Ryabkov" in page.locator("ol.results mark").first.inner_text()
    _shot(page, "app-search")
    page.fill("form.search input[name=q]", '"unclosed')
    page.press("form.search input[name=q]", "Enter")
    page.wait_for_selector("p.error")
    assert "not valid FTS5" in page.locator("p.error").inner_text()
    assert page.errors == [] or all("400" in e for e in page.errors)


def test_hostile_article_does_not_run(page, tmp_path: Path) -> None:
    """Markup in an article is shown as text in the mailed report: no alert, no image."""
    from newstrail.report.sample import write_sample_store

    db = write_sample_store(tmp_path / "hostile.db", 3, hostile=True)
    with Store(db, readonly=True) as store:
        hostile = next(a.id for a in store.articles() if "<script>" in a.text)
        report = write_report(store, tmp_path / "hostile.html")
    page.goto(f"{report.as_uri()}#article-{hostile}")
    text = page.locator(f"#article-{hostile} article.text")
    assert "<script>alert(1)</script>" in text.inner_text()
    assert "<img src=x onerror=alert(1)>" in text.inner_text()
    assert text.locator("img, script").count() == 0
    _shot(page, "report-hostile-article")
    assert page.errors == []


def test_report_timeline_to_span(page, store_path: Path, tmp_path: Path) -> None:
    with Store(store_path, readonly=True) as store:
        report = write_report(store, tmp_path / "report.html")
    page.goto(report.as_uri())
    _shot(page, "report-front")
    page.locator("ul.stories a").first.click()
    page.wait_for_selector("section.page:not([hidden]) svg.timeline")
    _shot(page, "report-story")
    page.locator("section.page:not([hidden]) svg.timeline a.dot-link").first.click()
    text = _assert_target_highlighted(page)
    assert text.strip()
    assert page.locator("section.page:not([hidden])").count() == 1
    _shot(page, "report-article-span")
    assert page.errors == []
