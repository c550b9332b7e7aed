#!/usr/bin/env python3
"""The explorer as a person uses it, in headless Chromium (Tests/Browser/run.sh runs this).

With the seed: `/` leads a browser to the article list; the article shows 28 highlights, one per claim, with the
right ids; selecting c15 (a click) draws its three-link chain (the publication, the letter, the unspecified report)
and marks its cue words; selecting c09 with the keyboard draws its chain too. With Tests/Datasets/hostile-strings.json:
every page and every chain is drawn without a single alert, prompt or Content-Security-Policy violation, and the
hostile strings read as text; a server without --tokens shows no editor. With Tests/Datasets/sourcing.json: the corpus
page /explore/sourcing draws four SVG charts with one line per publisher and the right number of points (each
point's publisher and period checked against /v1/indicators), each point's link opens a claim search that says it
has as many claims as the point, and the search's facet links narrow it to the counts they show; all of it with the
page's script blocked as well. Then the editor (editor_test.py), on writable copies of the seed and of the hostile
strings. Screenshots go to .build/browser-screenshots/. Prints 'N passed, N failed'.
"""
import os
import pathlib
import sys
import time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1] / "Support"))
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from browser import ROOT, SHOTS, WAIT, browser, chain, check, no_script_ran, select, text_of  # noqa: E402
from live_server import Server  # noqa: E402
import editor_test  # noqa: E402

from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

HOSTILE = ROOT / "Tests" / "Datasets" / "hostile-strings.json"
SOURCING = ROOT / "Tests" / "Datasets" / "sourcing.json"


def seed(driver, binary):
    print("seed")
    with Server(binary) as server:
        driver.get(server.base + "/")
        WebDriverWait(driver, WAIT).until(lambda d: d.current_url.endswith("/explore/"))
        check("/ sends the browser to /explore/", driver.current_url == server.base + "/explore/", driver.current_url)
        driver.save_screenshot(str(SHOTS / "01-articles.png"))
        no_script_ran(driver, "article list")

        driver.find_element(By.LINK_TEXT, "IS emerging in Karachi?").click()
        WebDriverWait(driver, WAIT).until(lambda d: d.find_elements(By.CSS_SELECTOR, "mark.claim"))
        marks = driver.find_elements(By.CSS_SELECTOR, "mark.claim")
        ids = [mark.get_attribute("data-claim-id") for mark in marks]
        check("28 highlights, c01 to c28, one per claim", ids == [f"c{n:02d}" for n in range(1, 29)], repr(ids))
        check("every highlight is coloured by its claim's weakest anonymity",
              all(any(c.startswith("anonymity-") for c in mark.get_attribute("class").split()) for mark in marks))
        time.sleep(0.5)  # the editor asks the server (OPTIONS) whether it takes writes; this one does not
        check("a read-only server: no editor, no token asked for", not driver.find_elements(By.CSS_SELECTOR, "section.editor"))
        check("no chain is shown before a selection",
              not any(f.is_displayed() for f in driver.find_elements(By.CSS_SELECTOR, ".chain-figure")))
        driver.save_screenshot(str(SHOTS / "02-article.png"))

        figure = select(driver, "c15")
        links = chain(figure)
        check("c15: three links drawn", len(links) == 3, repr(links))
        if len(links) == 3:
            check("c15 link 0: the publication, Pakistan Today",
                  links[0][0] == "pakistan-today" and links[0][1] == "Pakistan Today" and "publication" in links[0][2], repr(links[0]))
            check("c15 link 1: the letter, partially identified, cue 'reads'",
                  links[1][0] == "cmc-letter-2014-10" and links[1][1] == "a letter to Pakistan Rangers Sindh director "
                  "general (DG) and the Sindh inspector general (IG) in October 2014"
                  and "partially identified document" in links[1][2] and "“reads”" in links[1][2], repr(links[1]))
            check("c15 link 2: the unspecified report, the origin",
                  links[2][0] == "letter-unspecified-reports" and links[2][1] == "It has been reported"
                  and "origin · unspecified" in links[2][2] and "CT+" in links[2][2], repr(links[2]))
        shown = [f.get_attribute("id") for f in driver.find_elements(By.CSS_SELECTOR, ".chain-figure") if f.is_displayed()]
        check("only c15's chain is shown", shown == ["chain-c15"], repr(shown))
        cues = [text_of(c) for c in driver.find_elements(By.CSS_SELECTOR, ".cue.cue-active")]
        check("c15's cue words are marked in the text", cues == ["reads", "It has been reported that"], repr(cues))
        selected = [m.get_attribute("data-claim-id") for m in driver.find_elements(By.CSS_SELECTOR, "mark.claim.selected")]
        check("c15's highlight is the selected one", selected == ["c15"], repr(selected))
        driver.execute_script("document.getElementById('chain-c15').scrollIntoView({block: 'start'});"
                              "document.querySelector('mark.claim.selected').scrollIntoView({block: 'center'})")
        driver.save_screenshot(str(SHOTS / "03-chain-c15.png"))

        figure = select(driver, "c09", keyboard=True)
        check("c09 by keyboard: the paper, its sources, the informants' reports",
              [link[0] for link in chain(figure)] == ["pakistan-today", "pakistan-today-sources", "sources-unspecified-informants"],
              repr(chain(figure)))
        check("the address names the selected claim", driver.current_url.endswith("#claim-c09"), driver.current_url)
        no_script_ran(driver, "article")

        driver.get(server.base + "/explore/articles/is-emerging-in-karachi#claim-c28")
        WebDriverWait(driver, WAIT).until(lambda d: d.find_element(By.ID, "chain-c28").is_displayed())
        check("#claim-c28 opens the article with c28 selected",
              [m.get_attribute("data-claim-id") for m in driver.find_elements(By.CSS_SELECTOR, "mark.claim.selected")] == ["c28"])

        driver.get(server.base + "/explore/claims/c15")
        links = driver.find_elements(By.CSS_SELECTOR, "svg.chain-graph g.chain-link")
        check("the claim page draws c15's chain", [l.get_attribute("data-source-id") for l in links]
              == ["pakistan-today", "cmc-letter-2014-10", "letter-unspecified-reports"])
        driver.save_screenshot(str(SHOTS / "04-claim-c15.png"))
        no_script_ran(driver, "claim page")

        driver.get(server.base + "/explore/?q=sohrab+goth")
        found = [a.get_attribute("href").rsplit("/", 1)[-1] for a in driver.find_elements(By.CSS_SELECTOR, "p.claim-text a")]
        check("the search box finds the Sohrab Goth claims, best first", found == ["c13", "c10", "c25", "c21"], repr(found))
        driver.get(server.base + "/explore/entities/pakistan-today")
        check("the publisher's page has its indicators", "Sourcing indicators" in driver.page_source)
        no_script_ran(driver, "entity page")


def hostile(driver, binary):
    print("hostile strings")
    with Server(binary, HOSTILE) as server:
        driver.get(server.base + "/explore/")
        no_script_ran(driver, "article list")
        driver.get(server.base + "/explore/articles/hostile")
        WebDriverWait(driver, WAIT).until(lambda d: d.find_elements(By.CSS_SELECTOR, "mark.claim"))
        headline = text_of(driver.find_element(By.CSS_SELECTOR, "h1.field-headline"))
        check("the headline's markup reads as text",
              headline == '<script>alert(1)</script> "><img src=x onerror=alert(2)> </textarea><script>alert(3)</script> '
                          'javascript:alert(4)', repr(headline))
        for claim in ["x1", "x2", "x3", "x4", "x5"]:
            figure = select(driver, claim)
            check(f"{claim}: its chain is drawn", len(chain(figure)) >= 1)
        no_script_ran(driver, "article, every chain drawn")
        driver.execute_script("document.getElementById('chain-x3').scrollIntoView({block: 'start'})")
        select(driver, "x3")
        driver.save_screenshot(str(SHOTS / "05-hostile-article.png"))
        for path in ["/explore/claims/x1", "/explore/claims/x2", "/explore/claims/x3", "/explore/entities/gazette",
                     "/explore/entities/officials", "/explore/entities/spokesman", "/explore/entities/report", "/explore/?q=alert",
                     "/explore/sourcing", "/explore/?publisher=gazette"]:
            driver.get(server.base + path)
            no_script_ran(driver, path)
        driver.save_screenshot(str(SHOTS / "06-hostile-search.png"))


def sourcing(driver, binary):
    print("sourcing over time")
    import json
    import urllib.request
    with Server(binary, SOURCING) as server:
        series = json.load(urllib.request.urlopen(server.base + "/v1/indicators?interval=month&by=publisher"))["items"]
        with_claims = [item for item in series if item["indicators"]["claims"] > 0]
        publishers = sorted({item["publisher"] for item in series})
        driver.get(server.base + "/explore/")
        driver.find_element(By.LINK_TEXT, "Sourcing over time").click()
        WebDriverWait(driver, WAIT).until(lambda d: d.find_elements(By.CSS_SELECTOR, "svg.chart"))
        charts = driver.find_elements(By.CSS_SELECTOR, "figure.sourcing-chart")
        check("four charts", [c.get_attribute("id") for c in charts]
              == ["chart-unnamed", "chart-named-origin", "chart-second-hand", "chart-hedged"])
        for chart in charts:
            lines = chart.find_elements(By.CSS_SELECTOR, "svg.chart g.series")
            check(f"{chart.get_attribute('id')}: one line per publisher",
                  [g.get_attribute("data-publisher") for g in lines] == publishers, repr(publishers))
            drawn = [(g.get_attribute("data-publisher"), c.get_attribute("data-period"), int(c.get_attribute("data-claims")))
                     for g in lines for c in g.find_elements(By.CSS_SELECTOR, "circle.point")]
            expected = sorted((i["publisher"], i["period"], i["indicators"]["claims"]) for i in with_claims)
            check(f"{chart.get_attribute('id')}: a point per publisher and month with claims ({len(expected)})",
                  sorted(drawn) == expected, f"{len(drawn)} drawn")
            visible = [c for c in chart.find_elements(By.CSS_SELECTOR, "circle.point") if c.is_displayed()]
            check(f"{chart.get_attribute('id')}: the points are drawn", len(visible) == len(expected))
            polylines = [p.get_attribute("points") for p in chart.find_elements(By.CSS_SELECTOR, "polyline")]
            check(f"{chart.get_attribute('id')}: each line has its points",
                  all(len(points.split()) >= 1 for points in polylines) and len(polylines) == len(publishers))
        rows = driver.find_elements(By.CSS_SELECTOR, "table.sourcing-table tbody tr")
        check("the table has a row per publisher and month", len(rows) == len(series), f"{len(rows)} vs {len(series)}")
        driver.save_screenshot(str(SHOTS / "07-sourcing.png"))
        no_script_ran(driver, "sourcing page")
        # Every point of the first chart links to as many claims as it says.
        # An SVG link's href is an SVGAnimatedString as a property: its attribute is the path.
        links = [(server.base + a.get_dom_attribute("href"), int(a.find_element(By.CSS_SELECTOR, "circle").get_attribute("data-claims")))
                 for a in charts[0].find_elements(By.CSS_SELECTOR, "svg.chart a")]
        wrong = []
        for href, claims in links:
            driver.get(href)
            matches = driver.find_element(By.CSS_SELECTOR, "span.matches")
            listed = len(driver.find_elements(By.CSS_SELECTOR, "ol.claims > li"))
            if int(matches.get_attribute("data-count")) != claims or listed != min(claims, 50):
                wrong.append((href, claims, matches.get_attribute("data-count"), listed))
        check(f"each of the {len(links)} points' links answers with as many claims as the point says", not wrong, repr(wrong[:3]))
        driver.save_screenshot(str(SHOTS / "08-point-claims.png"))
        # A facet link narrows the search to its count.
        first = driver.find_element(By.CSS_SELECTOR, "section.facet-anonymity li a")
        count = int(first.get_attribute("data-count"))
        first.click()
        WebDriverWait(driver, WAIT).until(lambda d: "anonymity=" in d.current_url)
        check("a facet link narrows the claims to its count",
              int(driver.find_element(By.CSS_SELECTOR, "span.matches").get_attribute("data-count")) == count)
        check("the value chosen is marked", len(driver.find_elements(By.CSS_SELECTOR, "section.facet-anonymity li.selected")) == 1)
        no_script_ran(driver, "claim search with facets")
        # Without script the charts are the same markup: the SVG is the server's.
        driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
        driver.get(server.base + "/explore/sourcing?interval=year")
        points = driver.find_elements(By.CSS_SELECTOR, "figure#chart-hedged circle.point")
        years = [i for i in json.load(urllib.request.urlopen(server.base + "/v1/indicators?interval=year&by=publisher"))["items"]
                 if i["indicators"]["claims"] > 0]
        check("by year, without script: a point per publisher and year", len(points) == len(years), f"{len(points)} vs {len(years)}")
        driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})
        driver.save_screenshot(str(SHOTS / "09-sourcing-by-year.png"))


def main():
    binary = sys.argv[1]
    SHOTS.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    driver = browser()
    try:
        seed(driver, binary)
        hostile(driver, binary)
        sourcing(driver, binary)
        editor_test.editor(driver, binary)
    finally:
        driver.quit()
    print(f"screenshots: {SHOTS} ({time.monotonic() - started:.0f}s)")
    sys.exit(check.summary())


if __name__ == "__main__":
    main()
