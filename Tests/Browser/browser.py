"""What the browser suites share: headless Chromium with traps for dialogs and CSP violations, and how a page's
claims and chains are read."""
import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1] / "Support"))
from checks import Checks  # noqa: E402

from selenium import webdriver  # noqa: E402
from selenium.common.exceptions import NoAlertPresentException  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parents[2]
SHOTS = ROOT / ".build" / "browser-screenshots"
WAIT = 10  # seconds for anything to appear

check = Checks()

# Before any page script runs: record every alert/confirm/prompt instead of showing it, and every CSP violation
# (an inline script or style the policy blocked would be one).
TRAPS = """
window.__calls = [];
window.__violations = [];
for (const name of ['alert', 'confirm', 'prompt']) {
  window[name] = function (message) { window.__calls.push(name + ': ' + message); };
}
document.addEventListener('securitypolicyviolation', function (event) {
  window.__violations.push(event.violatedDirective + ' ' + event.blockedURI);
});
"""

def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1400,1100",
                     "--no-first-run", "--disable-extensions"]:
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.set_page_load_timeout(30)
    driver.set_script_timeout(10)
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": TRAPS})
    return driver


def text_of(element):
    return " ".join((element.get_attribute("textContent") or "").split())


def no_script_ran(driver, page):
    """No native dialog open, nothing recorded by the traps, no element the data could have opened."""
    try:
        driver.switch_to.alert
        dialog = True
    except NoAlertPresentException:
        dialog = False
    calls = driver.execute_script("return window.__calls || ['traps missing']")
    violations = driver.execute_script("return window.__violations || ['traps missing']")
    injected = driver.execute_script("return document.querySelectorAll('img, iframe, object, embed, textarea, [onload], [onerror]').length")
    check(f"{page}: no alert, no CSP violation, nothing injected",
          not dialog and calls == [] and violations == [] and injected == 0,
          f"dialog={dialog} calls={calls} violations={violations} injected={injected}")


def select(driver, claim, keyboard=False):
    mark = driver.find_element(By.CSS_SELECTOR, f'mark.claim[data-claim-id~="{claim}"]')
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", mark)
    if keyboard:
        driver.execute_script("arguments[0].focus()", mark)
        mark.send_keys(Keys.ENTER)
    else:
        mark.click()
    figure = driver.find_element(By.ID, f"chain-{claim}")
    WebDriverWait(driver, WAIT).until(lambda _: figure.is_displayed())
    return figure


def chain(figure):
    """(source id, source name as drawn, the box's every line) for each link of a drawn chain, publication first."""
    def lines(link, selector):
        return " ".join(text_of(line) for line in link.find_elements(By.CSS_SELECTOR, selector))
    return [(link.get_attribute("data-source-id"), lines(link, "text.chain-source"), lines(link, "text"))
            for link in figure.find_elements(By.CSS_SELECTOR, "g.chain-link")]
