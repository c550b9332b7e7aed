"""The editor (issue 31, docs/editor.md) as a person uses it, keyboard only, on a throwaway copy of the seed served
with `--tokens`: the page asks for a token and says how to get one; a claim whose span is two segments and whose
chain has four links (one of them a new anonymous source with a reason, picked and made with the keyboard) is
saved, shown without a reload, found through the API, and found highlighted with that chain after a reload; the live
preview is the chain the server draws; its factuality is edited; a 422 is shown next to the Cue it names; a 412
offers to reload and keeps the unsaved claim; links are reordered and removed; a source is edited from its chain
box; the claim is deleted. Every control named in the issue has exactly that accessible name."""
import json
import pathlib
import shutil
import subprocess
import tempfile
import urllib.request

from browser import ROOT, SHOTS, WAIT, chain, check, no_script_ran, select, text_of
from live_server import Server, get, get_json

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

SEED = ROOT / "Sources" / "AttributedCore" / "Resources" / "Seed" / "is-emerging-in-karachi.json"
HOSTILE = ROOT / "Tests" / "Datasets" / "hostile-strings.json"
ARTICLE = "is-emerging-in-karachi"
NAMES = ["New claim", "Add link", "Source", "New source", "Cue", "Mode", "Factuality", "Remove link", "Save",
         "Delete claim", "Token"]
FIRST_WORDS = "they warned me of attacks"
SECOND_WORDS = "In those days, I received threatening calls from different militant groups"


def writable_copy(dataset, binary, directory):
    """A data directory holding `dataset`, and a write token for it: (data, tokens file, secret)."""
    data = pathlib.Path(directory) / "data"
    data.mkdir()
    shutil.copy(dataset, data)
    tokens = pathlib.Path(directory) / "tokens.json"
    secret = subprocess.run([binary, "token", "create", "browser-test", "--scope", "write", "--tokens", str(tokens)],
                            check=True, capture_output=True, text=True).stdout.strip()
    return data, tokens, secret


def editor_panel(driver):
    return driver.find_element(By.CSS_SELECTOR, "section.editor")


def named(scope, name):
    """The displayed controls of `scope` named `name` (by aria-label, or a button's own text)."""
    found = scope.find_elements(By.XPATH, f".//*[@aria-label='{name}' or (self::button and not(@aria-label) and normalize-space(.)='{name}')]")
    return [element for element in found if element.is_displayed()]


def one(scope, name, index=0):
    WebDriverWait(scope, WAIT).until(lambda _: len(named(scope, name)) > index)
    return named(scope, name)[index]


def press(element, *keys):
    """Keys sent to one control: WebDriver focuses it, as Tab would, then types."""
    element.send_keys(*keys)


def status(driver):
    """The editor's live region, read in one step: the editor draws its panel anew after each action."""
    return " ".join(driver.execute_script("const s = document.getElementById('editor-status'); return s ? s.textContent : ''").split())


def panel_text(driver):
    return " ".join(driver.execute_script("return document.querySelector('section.editor').textContent").split())


def wait_status(driver, words):
    WebDriverWait(driver, WAIT).until(lambda d: words in status(d))


def link_rows(driver):
    return driver.find_elements(By.CSS_SELECTOR, "section.claim-form fieldset.link-row")


def find_words(driver, words):
    box = one(editor_panel(driver), "Find words")
    box.send_keys(Keys.CONTROL, "a")
    press(box, words, Keys.ENTER)
    wait_status(driver, "Selected")


def pick_source(driver, row, words, label, name="Source"):
    """Types words in a combobox (a link's Source), arrows down to the option `label`, Enter."""
    source = one(row, name)
    press(source, words)
    WebDriverWait(driver, WAIT).until(lambda _: source.get_attribute("aria-expanded") == "true"
                                      and row.find_elements(By.CSS_SELECTOR, "[role=option]"))
    options = [text_of(o.find_element(By.CSS_SELECTOR, ".option-label")) for o in row.find_elements(By.CSS_SELECTOR, "[role=option]")]
    for _ in range(options.index(label) + 1 if label in options else 1):
        press(source, Keys.ARROW_DOWN)
    press(source, Keys.ENTER)
    return options


def show(driver, claim):
    """Selects a claim by the address, as a link to it does: a highlight shared by several claims selects the first."""
    driver.execute_script("location.hash = '#claim-' + arguments[0]", claim)
    figure = driver.find_element(By.ID, f"chain-{claim}")
    WebDriverWait(driver, WAIT).until(lambda _: figure.is_displayed())
    return figure


def api_claim(server, claim):
    return get(server.base + "/v1/claims/" + claim)


def article_input_form(server):
    """The article and its claims as a dataset document, from the API (computed fields dropped), and its ETag."""
    status_code, headers, body = get(server.base + "/v1/articles/" + ARTICLE)
    article = json.loads(body)
    del article["claims"]
    lines = get(server.base + f"/v1/articles/{ARTICLE}/claims?format=ndjson")[2].decode().splitlines()
    claims = []
    for claim in (json.loads(line) for line in lines if line):
        for computed in ["depth", "origin", "weakestAnonymity"]:
            del claim[computed]
        segments = claim["span"].pop("segments")
        if len(segments) > 1:
            claim["span"] = {"field": claim["span"]["field"], "segments": segments}
        claims.append(claim)
    return {"format": "attributed-dataset/1", "articles": [article], "claims": claims}, headers["ETag"]


def put(server, secret, path, document, etag):
    request = urllib.request.Request(server.base + path, data=json.dumps(document).encode(), method="PUT",
                                     headers={"Authorization": f"Bearer {secret}", "Content-Type": "application/json",
                                              "If-Match": etag})
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.status


def accessible_names(driver, seen):
    """Records which of the issue's names some displayed control has, exactly, as its computed accessible name."""
    for element in driver.find_elements(By.CSS_SELECTOR, "section.editor button, section.editor input, section.editor select, "
                                                         "figure.chain-figure button"):
        if element.is_displayed() and element.accessible_name in NAMES:
            seen.add(element.accessible_name)


def normalised_svg(driver, selector):
    """A drawn chain without what the editor adds to saved ones (focus, role, name): to compare drawings."""
    return driver.execute_script("""
        const graph = document.querySelector(arguments[0]);
        if (!graph) return null;
        const copy = graph.cloneNode(true);
        copy.querySelectorAll('g.chain-link').forEach(function (g) {
          ['tabindex', 'role', 'aria-label'].forEach(function (a) { g.removeAttribute(a); });
          g.classList.remove('editable-source');
        });
        return new XMLSerializer().serializeToString(copy).replace(/ xmlns="[^"]*"/g, '');""", selector)


def editor(driver, binary):
    print("editor")
    names = set()
    with tempfile.TemporaryDirectory() as directory:
        data, tokens, secret = writable_copy(SEED, binary, directory)
        with Server(binary, data, extra=["--tokens", str(tokens)]) as server:
            page = server.base + "/explore/articles/" + ARTICLE
            driver.get(page)
            panel = WebDriverWait(driver, WAIT).until(lambda d: d.find_elements(By.CSS_SELECTOR, "section.editor"))[0]
            WebDriverWait(driver, WAIT).until(lambda _: named(panel, "Token"))
            check("without a token: the page asks for one and says how to get one",
                  "attributed token create" in text_of(panel) and not named(panel, "New claim"), text_of(panel))
            check("without a token: the text is not made editable, no claim has Edit or Delete",
                  driver.find_element(By.CSS_SELECTOR, "div.field-body").get_attribute("tabindex") is None
                  and not driver.find_elements(By.CSS_SELECTOR, ".claim-tools"))
            accessible_names(driver, names)
            driver.save_screenshot(str(SHOTS / "07-editor-token.png"))

            press(one(panel, "Token"), secret, Keys.ENTER)
            new_claim = one(editor_panel(driver), "New claim")
            check("with the token: New claim is offered", new_claim.is_displayed())
            check("the token is kept in sessionStorage only",
                  driver.execute_script("return sessionStorage.getItem('attributed.writeToken')") == secret
                  and driver.execute_script("return localStorage.length") == 0)

            # Keyboard selection in the text itself: the body takes focus, Shift and the arrows select word by word.
            body = driver.find_element(By.CSS_SELECTOR, "div.field-body")
            driver.execute_script("arguments[0].focus()", body)
            driver.switch_to.active_element.send_keys(Keys.SHIFT + Keys.ARROW_RIGHT + Keys.ARROW_RIGHT)
            selected = driver.execute_script("return window.getSelection().toString()").strip()
            check("Shift and the arrows select words in the focused text", selected == "An investigation", repr(selected))

            # The claim: two segments, by the keyboard.
            find_words(driver, FIRST_WORDS)
            press(one(editor_panel(driver), "New claim"), Keys.ENTER)
            title = WebDriverWait(driver, WAIT).until(lambda d: d.find_elements(By.ID, "claim-form-title"))[0]
            check("New claim opens the form for c29, the next id", text_of(title) == "New claim c29", text_of(title))
            find_words(driver, SECOND_WORDS)
            press(one(editor_panel(driver), "Add segment"), Keys.ENTER)
            segments = [text_of(q) for q in driver.find_elements(By.CSS_SELECTOR, "ol.segments q")]
            check("a second selection adds a segment", segments == [FIRST_WORDS, SECOND_WORDS], repr(segments))
            painted = driver.execute_script("return [CSS.highlights.get('draft-words')].map(h => h ? Array.from(h).map(r => r.toString()) : null)[0]")
            check("the claim's words are marked in the text while it is edited", painted == [FIRST_WORDS, SECOND_WORDS], repr(painted))
            suggestion = text_of(driver.find_element(By.CSS_SELECTOR, "section.claim-form .suggestion"))
            check("the cue is suggested: 'said', between the segments, a direct quote",
                  suggestion.startswith("Suggested cue: “said” (direct quote)"), suggestion)

            # Link 2: the inspector, picked with the combobox; the suggestion fills its cue and mode.
            press(one(editor_panel(driver), "Add link"), Keys.ENTER)
            active = driver.switch_to.active_element
            check("Add link moves the focus to the new link's Source", active.accessible_name == "Source", active.accessible_name)
            rows = link_rows(driver)
            options = pick_source(driver, rows[1], "police inspector", "a Karachi police inspector")
            check("the combobox lists the unnamed inspector by its descriptor", "a Karachi police inspector" in options, repr(options))
            rows = link_rows(driver)
            check("link 2: the inspector picked, cue 'said' and mode direct quote from the suggestion",
                  one(rows[1], "Source").get_attribute("value") == "a Karachi police inspector"
                  and one(rows[1], "Cue").get_attribute("value") == "said"
                  and one(rows[1], "Mode").get_attribute("value") == "direct_quote",
                  repr([one(rows[1], n).get_attribute("value") for n in ["Source", "Cue", "Mode"]]))

            # Link 3: a new anonymous source with a reason, made on the spot; its cue selected in the text.
            press(one(editor_panel(driver), "Add link"), Keys.ENTER)
            row = link_rows(driver)[2]
            press(one(row, "New source"), Keys.ENTER)
            row = link_rows(driver)[2]
            press(one(row, "Kind"), "group")
            press(one(row, "Descriptor"), "activists of the militant group")
            check("a source with only a descriptor starts unnamed", one(row, "Anonymity").get_attribute("value") != "named")
            press(one(row, "Anonymity"), "anonymous")
            press(one(row, "Reason for anonymity"), "they introduced themselves only by their group")
            find_words(driver, "Introducing themselves")
            press(one(link_rows(driver)[2], "Cue from selection"), Keys.ENTER)
            row = link_rows(driver)[2]
            check("link 3: the selected words are its cue", one(row, "Cue").get_attribute("value") == "Introducing themselves")

            # Link 4: Islamic State, with a factuality; then a link added, moved up, moved back and removed.
            press(one(editor_panel(driver), "Add link"), Keys.ENTER)
            pick_source(driver, link_rows(driver)[3], "Islamic", "Islamic State")
            press(one(link_rows(driver)[3], "Factuality"), "PR+")
            press(one(editor_panel(driver), "Add link"), Keys.ENTER)
            pick_source(driver, link_rows(driver)[4], "Khattab", "Raja Umar Khattab")
            press(one(link_rows(driver)[4], "Move link up"), Keys.ENTER)
            sources = [g.get_attribute("data-source-id") for g in driver.find_elements(By.CSS_SELECTOR, ".chain-preview g.chain-link")]
            check("Move link up reorders the chain, and the preview follows",
                  sources[3:] == ["raja-umar-khattab", "islamic-state"], repr(sources))
            press(one(link_rows(driver)[3], "Move link down"), Keys.ENTER)
            accessible_names(driver, names)
            press(one(link_rows(driver)[4], "Remove link"), Keys.ENTER)
            preview = [(g.get_attribute("data-source-id"), text_of(g)) for g in driver.find_elements(By.CSS_SELECTOR, ".chain-preview g.chain-link")]
            check("the live chain: four links, the new source drawn as anonymous",
                  [p[0] for p in preview] == ["pakistan-today", "karachi-police-inspector", "new source", "islamic-state"]
                  and "activists of the militant group" in preview[2][1] and "anonymous group" in preview[2][1]
                  and "cue: “Introducing themselves”" in preview[2][1] and "PR+" in preview[3][1], repr(preview))
            pick_source(driver, editor_panel(driver), "Sohrab", "Sohrab Goth", name="About")
            driver.save_screenshot(str(SHOTS / "08-editor-new-claim.png"))

            press(one(editor_panel(driver), "Save"), Keys.ENTER)
            wait_status(driver, "Saved claim c29")
            claim = json.loads(api_claim(server, "c29")[2])
            new_source = claim["chain"][2]["source"] if len(claim.get("chain", [])) == 4 else None
            check("the API has c29: two segments, four links",
                  [s["exact"] for s in claim["span"]["segments"]] == [FIRST_WORDS, SECOND_WORDS]
                  and [l["source"] for l in claim["chain"]] == ["pakistan-today", "karachi-police-inspector", new_source, "islamic-state"]
                  and claim["chain"][1]["cue"]["text"] == "said" and claim["chain"][1]["mode"] == "direct_quote"
                  and claim["chain"][2]["cue"]["text"] == "Introducing themselves" and claim["chain"][3]["factuality"] == "PR+"
                  and claim["about"] == ["sohrab-goth"], json.dumps(claim))
            entity = get_json(server.base + "/v1/entities/" + str(new_source))
            check("the new source is an anonymous group with its reason",
                  entity.get("kind") == "group" and entity.get("anonymity") == "anonymous" and entity.get("name") is None
                  and entity.get("descriptor") == "activists of the militant group"
                  and entity.get("anonymityReason") == "they introduced themselves only by their group", json.dumps(entity))
            marks = driver.find_elements(By.CSS_SELECTOR, 'mark.claim[data-claim-id~="c29"]')
            claims_count = [text_of(dd) for dt, dd in zip(driver.find_elements(By.CSS_SELECTOR, "section.indicators dt"),
                                                         driver.find_elements(By.CSS_SELECTOR, "section.indicators dd"))
                            if text_of(dt) == "Claims"]
            check("without a reload: c29 highlighted (two segments), indicators count 29 claims, the legend is there",
                  len(marks) >= 2 and claims_count == ["29"] and driver.find_elements(By.CSS_SELECTOR, "section.legend"),
                  repr((len(marks), claims_count)))
            check("after the save the focus is on the new claim's highlight",
                  "c29" in (driver.switch_to.active_element.get_attribute("data-claim-id") or ""))

            driver.refresh()
            WebDriverWait(driver, WAIT).until(lambda d: named(editor_panel(d), "New claim"))
            figure = select(driver, "c29", keyboard=True)
            links = chain(figure)
            check("after a reload: c29 highlighted with its four-link chain",
                  [l[0] for l in links] == ["pakistan-today", "karachi-police-inspector", new_source, "islamic-state"]
                  and "origin" in links[3][2], repr(links))
            saved_drawing = normalised_svg(driver, "#chain-c29 svg.chain-graph")

            # Edit (E on the focused highlight): the live preview is the server's drawing; the factuality changes.
            driver.switch_to.active_element.send_keys("e")
            WebDriverWait(driver, WAIT).until(lambda d: text_of(d.find_element(By.ID, "claim-form-title")) == "Edit claim c29")
            check("the live preview of a saved claim is exactly the server's drawing",
                  normalised_svg(driver, ".chain-preview svg.chain-graph") == saved_drawing,
                  f"\n{normalised_svg(driver, '.chain-preview svg.chain-graph')}\n{saved_drawing}")
            accessible_names(driver, names)
            press(one(link_rows(driver)[3], "Factuality"), "CT-")
            press(one(editor_panel(driver), "Save"), Keys.ENTER)
            wait_status(driver, "Saved claim c29")
            claim = json.loads(api_claim(server, "c29")[2])
            check("editing the factuality: the API has CT- on the origin",
                  claim["chain"][3]["factuality"] == "CT-" and len(claim["span"]["segments"]) == 2, json.dumps(claim["chain"][3]))

            # A 422: a cue that is not in the text, shown next to that Cue.
            select(driver, "c29")
            press(one(driver.find_element(By.ID, "chain-c29"), "Edit claim"), Keys.ENTER)
            cue = one(link_rows(driver)[1], "Cue")
            cue.send_keys(Keys.CONTROL, "a")
            press(cue, "whispered")
            press(one(editor_panel(driver), "Save"), Keys.ENTER)
            WebDriverWait(driver, WAIT).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".field-error"))
            cue = one(link_rows(driver)[1], "Cue")
            described = cue.get_attribute("aria-describedby")
            error = driver.find_element(By.ID, described) if described else None
            check("a 422 is shown next to the Cue it names",
                  cue.get_attribute("aria-invalid") == "true" and error is not None and "whispered" in text_of(error)
                  and link_rows(driver)[1].find_elements(By.CSS_SELECTOR, ".field-error"), text_of(error) if error else "no message")
            check("the 422 keeps the claim unsaved", json.loads(api_claim(server, "c29")[2])["chain"][1]["cue"]["text"] == "said")
            driver.save_screenshot(str(SHOTS / "09-editor-422.png"))
            press(one(editor_panel(driver), "Cancel"), Keys.ENTER)

            # A 412: someone else changes the article while a new claim is being made.
            find_words(driver, "IS’ shadow was slowly emerging")
            press(one(editor_panel(driver), "New claim"), Keys.ENTER)
            WebDriverWait(driver, WAIT).until(lambda d: text_of(d.find_element(By.ID, "claim-form-title")) == "New claim c30")
            press(one(editor_panel(driver), "Add link"), Keys.ENTER)
            pick_source(driver, link_rows(driver)[1], "Khattab", "Raja Umar Khattab")
            document, etag = article_input_form(server)
            document["claims"].append({"id": "api1", "article": ARTICLE, "span": {"field": "body", "exact": "Crime Monitoring Cell"},
                                       "chain": [{"source": "pakistan-today"}]})
            check("another writer changes the article meanwhile", put(server, secret, "/v1/articles/" + ARTICLE, document, etag) == 200)
            press(one(editor_panel(driver), "Save"), Keys.ENTER)
            reload = one(editor_panel(driver), "Reload article")
            check("a 412 says someone else changed the article and offers to reload it",
                  "Someone else changed this article" in panel_text(driver) and api_claim(server, "c30")[0] == 404)
            driver.save_screenshot(str(SHOTS / "10-editor-412.png"))
            press(reload, Keys.ENTER)
            wait_status(driver, "Reloaded")
            check("the reload keeps the unsaved claim",
                  text_of(driver.find_element(By.ID, "claim-form-title")) == "New claim c30"
                  and one(link_rows(driver)[1], "Source").get_attribute("value") == "Raja Umar Khattab"
                  and driver.find_elements(By.CSS_SELECTOR, 'mark.claim[data-claim-id~="api1"]'))
            press(one(editor_panel(driver), "Save"), Keys.ENTER)
            wait_status(driver, "Saved claim c30")
            check("saved after the reload, the other writer's claim kept",
                  api_claim(server, "c30")[0] == 200 and api_claim(server, "api1")[0] == 200)

            # Another writer changes only what a claim says (the article's ETag covers its claims' ids, not that).
            show(driver, "c30")
            press(one(driver.find_element(By.ID, "chain-c30"), "Edit claim"), Keys.ENTER)
            press(one(link_rows(driver)[1], "Factuality"), "PR+")
            document, etag = article_input_form(server)
            for claim in document["claims"]:
                if claim["id"] == "c01":
                    claim["chain"][-1]["factuality"] = "PS-"
            put(server, secret, "/v1/articles/" + ARTICLE, document, etag)
            press(one(editor_panel(driver), "Save"), Keys.ENTER)
            reload = one(editor_panel(driver), "Reload article")
            check("a change to another claim alone is caught too: nothing sent, the reload offered",
                  json.loads(api_claim(server, "c30")[2])["chain"][1]["factuality"] == "Uu")
            press(reload, Keys.ENTER)
            wait_status(driver, "Reloaded")
            press(one(editor_panel(driver), "Save"), Keys.ENTER)
            wait_status(driver, "Saved claim c30")
            check("saved after the reload, with the other writer's change kept",
                  json.loads(api_claim(server, "c30")[2])["chain"][1]["factuality"] == "PR+"
                  and json.loads(api_claim(server, "c01")[2])["chain"][-1]["factuality"] == "PS-")

            # A source edited from its chain box.
            figure = show(driver, "c30")
            box = figure.find_element(By.CSS_SELECTOR, 'g.chain-link[data-source-id="raja-umar-khattab"]')
            check("a chain box is a control named for its source", box.accessible_name == "Edit source Raja Umar Khattab", box.accessible_name)
            driver.execute_script("arguments[0].focus()", box)
            driver.switch_to.active_element.send_keys(Keys.ENTER)
            form = WebDriverWait(driver, WAIT).until(lambda d: d.find_elements(By.CSS_SELECTOR, "section.entity-form"))[0]
            descriptor = one(form, "Descriptor")
            descriptor.send_keys(Keys.CONTROL, "a")
            press(descriptor, "an official of Counter-Terrorism Department")
            press(one(form, "Save source"), Keys.ENTER)
            wait_status(driver, "Saved source")
            check("the source is saved through PUT /v1/entities",
                  get_json(server.base + "/v1/entities/raja-umar-khattab").get("descriptor") == "an official of Counter-Terrorism Department")

            # Delete, from the highlight's chain.
            figure = select(driver, "c29", keyboard=True)
            accessible_names(driver, names)
            press(one(figure, "Delete claim"), Keys.ENTER)
            wait_status(driver, "Deleted claim c29")
            check("Delete claim: gone from the API and from the page",
                  api_claim(server, "c29")[0] == 404 and not driver.find_elements(By.CSS_SELECTOR, 'mark.claim[data-claim-id~="c29"]'))
            check("every control the issue names has exactly that accessible name", names == set(NAMES),
                  "missing: " + repr(sorted(set(NAMES) - names)))
            no_script_ran(driver, "editor")

    with tempfile.TemporaryDirectory() as directory:
        data, tokens, secret = writable_copy(HOSTILE, binary, directory)
        with Server(binary, data, extra=["--tokens", str(tokens)]) as server:
            driver.get(server.base + "/explore/articles/hostile")
            token = WebDriverWait(driver, WAIT).until(lambda d: named(d.find_element(By.CSS_SELECTOR, "section.editor"), "Token"))[0]
            press(token, "atd_not-a-token-of-this-server", Keys.ENTER)
            wait_status(driver, "does not know this token")
            check("an unknown token is refused at once and forgotten, the Token field offered again",
                  named(editor_panel(driver), "Token") and not named(editor_panel(driver), "New claim")
                  and driver.execute_script("return sessionStorage.length") == 0)
            press(one(editor_panel(driver), "Token"), secret, Keys.ENTER)
            one(editor_panel(driver), "New claim")
            for claim in ["x1", "x2", "x3"]:
                figure = select(driver, claim)
                press(one(figure, "Edit claim"), Keys.ENTER)
                WebDriverWait(driver, WAIT).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".chain-preview svg"))
            box = driver.find_element(By.CSS_SELECTOR, "#chain-x3 g.chain-link:last-of-type")
            driver.execute_script("arguments[0].focus()", box)
            driver.switch_to.active_element.send_keys(Keys.ENTER)
            WebDriverWait(driver, WAIT).until(lambda d: d.find_elements(By.CSS_SELECTOR, "section.entity-form"))
            driver.save_screenshot(str(SHOTS / "11-editor-hostile.png"))
            no_script_ran(driver, "editor on hostile strings, every form open")
