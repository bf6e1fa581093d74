"""The explorer in a real headless Chromium (Debian's ``chromium`` and ``chromium-driver``,
driven by Selenium; nothing downloads a browser): on the seed and on a 100-document store
it runs a library query, opens an entity page and a fact page, draws the network, the
timeline and the map with their nodes, logs no console error; the hostile document's
pages run none of its scripts. Screenshots are saved as test artefacts
($KG_ARTIFACTS, default test-artifacts/browser/); with KG_DOC_SCREENSHOTS=1 the seed's
also go to docs/explorer/ for docs/explorer.md.

Under CI=true a missing chromium or chromedriver fails these tests instead of skipping.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_serve import start, stop

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = Path(os.environ.get("KG_ARTIFACTS", ROOT / "test-artifacts")) / "browser"
DOCS = ROOT / "docs" / "explorer"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
DRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--no-first-run", "--disable-sync",
         "--disable-dev-shm-usage", "--window-size=1280,1000", "--lang=en-GB"]
WAIT_S = 30


def _browser_missing() -> str | None:
    for path in (CHROMIUM, DRIVER):
        if not Path(path).is_file():
            return f"{path} is missing (apt-get install chromium chromium-driver)"
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed"
    return None


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    missing = _browser_missing()
    if missing:
        if os.environ.get("CI") == "true":
            pytest.fail(f"the browser tests need Chromium in CI: {missing}")
        pytest.skip(missing)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    os.environ["SE_OFFLINE"] = "true"  # Selenium Manager must never fetch a driver
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in [*FLAGS, f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}"]:
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(executable_path=DRIVER), options=options)
    driver.set_page_load_timeout(WAIT_S)
    try:
        yield driver
    finally:
        driver.quit()


class Session:
    """One served store seen through the browser."""

    def __init__(self, driver, base: str, name: str, *, docs: bool = False):
        self.driver, self.base, self.name, self.docs = driver, base, name, docs
        self.driver.get_log("browser")  # start with an empty console

    def open(self, path: str) -> None:
        self.driver.get(self.base + path)

    def wait_for(self, script: str, what: str):
        from selenium.webdriver.support.ui import WebDriverWait

        try:
            return WebDriverWait(self.driver, WAIT_S).until(
                lambda d: d.execute_script(script))
        except Exception as exc:
            self.shot(f"FAILED-{what}")
            raise AssertionError(f"{self.name}: {what} did not happen within {WAIT_S} s "
                                 f"on {self.driver.current_url}") from exc

    def shot(self, page: str) -> None:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        height = self.driver.execute_script(
            "return Math.min(2400, document.documentElement.scrollHeight)")
        self.driver.set_window_size(1280, max(800, int(height)))
        path = ARTIFACTS / f"{self.name}-{page}.png"
        self.driver.save_screenshot(str(path))
        self.driver.set_window_size(1280, 1000)
        if self.docs and os.environ.get("KG_DOC_SCREENSHOTS") == "1":
            DOCS.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, DOCS / f"{page}.png")

    def assert_no_console_error(self) -> None:
        errors = [e for e in self.driver.get_log("browser") if e["level"] == "SEVERE"]
        assert not errors, f"{self.name}: console errors {errors}"

    def assert_no_alert(self) -> None:
        from selenium.common.exceptions import NoAlertPresentException

        try:
            text = self.driver.switch_to.alert.text
        except NoAlertPresentException:
            return
        raise AssertionError(f"{self.name}: a script from the page ran (alert {text!r})")


def walk_the_explorer(s: Session) -> None:
    from selenium.webdriver.common.by import By

    s.open("/")
    s.wait_for("return document.querySelectorAll('.card .big').length >= 3", "home")
    s.shot("home")
    s.assert_no_console_error()

    # a library query through its form
    s.open("/queries/entities-by-type")
    box = s.driver.find_element(By.NAME, "p_type")
    box.clear()
    box.send_keys("Country")
    s.driver.find_element(By.ID, "run").click()
    s.wait_for("return document.querySelectorAll('table.results tbody tr').length > 0",
               "library query results")
    classes = s.driver.execute_script(
        "return Array.from(document.querySelectorAll('table.results tbody tr td:nth-child(2)'))"
        ".map(td => td.textContent.trim())")
    assert classes and set(classes) == {"Country"}
    s.shot("query")
    s.assert_no_console_error()

    # the SPARQL editor with its preloaded prefixes
    s.open("/sparql")
    s.driver.find_element(By.ID, "run").click()
    s.wait_for("return document.querySelectorAll('table.results tbody tr').length > 0",
               "SPARQL results")
    s.shot("sparql")

    # an entity page, opened from the results of the query
    s.open("/queries/entities-by-type?p_type=Country&run=1")
    s.wait_for("return document.querySelector('table.results a.v-entity') !== null",
               "an entity link")
    s.driver.find_element(By.CSS_SELECTOR, "table.results a.v-entity").click()
    s.wait_for("return document.getElementById('entity-label') !== null", "entity page")
    s.wait_for("return document.querySelectorAll('#timeline svg a.event').length > 0",
               "the entity's timeline")
    assert s.driver.find_elements(By.CSS_SELECTOR, "mark.hl-mention")
    s.shot("entity")
    s.assert_no_console_error()

    # a fact page, from the entity's facts
    s.driver.find_element(By.CSS_SELECTOR, "table.facts a").click()
    s.wait_for("return document.getElementById('fact-title') !== null", "fact page")
    assert s.driver.find_elements(By.CSS_SELECTOR, ".hl-trigger")
    s.shot("fact")
    s.assert_no_console_error()

    # the network: nodes drawn; clicking one opens its page
    s.open("/network")
    nodes = s.wait_for("var b = document.getElementById('network');"
                       "return window.kgNetwork && Number(b.dataset.nodes) > 0 && "
                       "b.querySelector('canvas') && Number(b.dataset.nodes)", "network nodes")
    assert nodes >= 2
    assert s.driver.execute_script("return window.kgNetwork.nodes().length") == nodes
    s.shot("network")
    s.assert_no_console_error()
    s.driver.execute_script("window.kgNetwork.nodes()[0].emit('tap')")
    s.wait_for("return location.pathname === '/entity'", "a click on a node opening its page")

    # the timeline and the map
    s.open("/timeline")
    events = s.wait_for("return document.querySelectorAll('#timeline svg a.event').length",
                        "timeline events")
    assert events >= 3
    s.shot("timeline")
    s.assert_no_console_error()
    s.open("/map")
    s.wait_for("return Number(document.getElementById('map').dataset.places) > 0 && "
               "document.querySelectorAll('#map path.country').length > 100", "map places")
    s.shot("map")
    s.assert_no_console_error()


def test_the_explorer_on_the_seed(browser, seed_store, tmp_path):
    proc, base = start(["--store", str(seed_store)], tmp_path)
    try:
        walk_the_explorer(Session(browser, base, "seed", docs=True))
    finally:
        stop(proc)


@pytest.fixture(scope="module")
def hundred_store(tmp_path_factory):
    """100 generated documents about one crisis (they share their entities), built by kg."""
    sys.path.insert(0, str(ROOT / "bench"))
    import generate

    from kg.build import BuildOptions, build_to_file
    from kg.ingest.sources import expand_sources

    corpus = tmp_path_factory.mktemp("corpus100")
    generate.generate(0, corpus, documents=100, shared=True)
    directory = tmp_path_factory.mktemp("store100") / "store"
    report = build_to_file(expand_sources([str(corpus)]), None, fmt=None,
                           options=BuildOptions(), store_dir=directory)
    assert report.built == 100
    return directory


def test_the_explorer_on_100_documents(browser, hundred_store, tmp_path):
    proc, base = start(["--store", str(hundred_store)], tmp_path)
    try:
        walk_the_explorer(Session(browser, base, "docs100"))
    finally:
        stop(proc)


def test_hostile_text_runs_no_script(browser, hostile_store, tmp_path):
    from selenium.webdriver.common.by import By

    proc, base = start(["--store", str(hostile_store)], tmp_path)
    s = Session(browser, base, "hostile")
    try:
        s.open("/entity?iri=https://w3id.org/kg-news/data/entity/person/hostile")
        s.wait_for("return document.getElementById('entity-label') !== null", "entity page")
        assert s.driver.find_element(By.ID, "entity-label").text == '<script>alert("x")</script>'
        s.assert_no_alert()
        s.shot("entity")
        s.open("/?q=script")
        s.assert_no_alert()
        s.open("/queries/statements?run=1")
        s.wait_for("return document.querySelectorAll('table.results tbody tr').length > 0",
                   "statements")
        s.assert_no_alert()
        assert "javascript:alert(3)" in s.driver.find_element(By.TAG_NAME, "body").text
        s.shot("statements")
        s.driver.find_element(By.CSS_SELECTOR, "table.results a.v-fact").click()
        s.wait_for("return document.getElementById('fact-title') !== null", "fact page")
        s.assert_no_alert()
        s.shot("fact")
        for path, ready in (
                ("/network", "return window.kgNetwork && "
                             "Number(document.getElementById('network').dataset.nodes) > 0"),
                ("/timeline", "return document.querySelectorAll('#timeline svg a.event')"
                              ".length > 0"),
                ("/map", "return Number(document.getElementById('map').dataset.places) > 0")):
            s.open(path)
            s.wait_for(ready, path)
            s.assert_no_alert()
        labels = s.driver.execute_script(
            "return window.kgNetwork ? [] : Array.from(document.querySelectorAll('#places a'))"
            ".map(a => a.textContent)")
        assert labels is not None
        assert not s.driver.execute_script("return document.querySelectorAll("
                                           "'img, iframe, object, embed').length")
        s.assert_no_console_error()
    finally:
        stop(proc)
