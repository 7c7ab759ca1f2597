#!/usr/bin/python3
"""Browser test: a real `wblmatch serve` over a real PostgreSQL, driven by headless Chromium.

A counselor signs in, enters three choices for a student and reorders them (with the up/down
buttons that work without JavaScript, then with the page's drag-and-drop script); the order is
checked on the page and in the database.
A coordinator signs in, starts a trial match run (a real `wblmatch worker` runs the job), and
opens the student's result and explanation. Screenshots go to .local/screenshots.

Run by scripts/test (or: DATABASE_URL=... WBLMATCH=.build/debug/wblmatch Tests/Browser/choices_test.py).
Uses Debian's python3-selenium, chromium and chromium-driver (scripts/setup --browser).
"""
import os, socket, subprocess, sys, time, urllib.error, urllib.request, uuid
from urllib.parse import urlparse, urlunparse

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.common.exceptions import StaleElementReferenceException, TimeoutException, WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SHOTS = os.path.join(ROOT, ".local", "screenshots")
PASSWORD = "browser test password"


def fail(message):
    print(f"browser test: FAILED: {message}", file=sys.stderr)
    sys.exit(1)


def psql(url, *args, stdin=None):
    return subprocess.run(["psql", "-v", "ON_ERROR_STOP=1", "-qtA", url, *args], input=stdin, text=True,
                          capture_output=True, check=True).stdout.strip()


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main():
    server_url = os.environ.get("DATABASE_URL") or fail("DATABASE_URL is not set (export DATABASE_URL=$(scripts/pg start))")
    binary = os.environ.get("WBLMATCH", os.path.join(ROOT, ".build", "debug", "wblmatch"))
    os.path.exists(binary) or fail(f"no wblmatch binary at {binary} (swift build first)")
    os.makedirs(SHOTS, exist_ok=True)

    # A fresh database of our own on the test cluster.
    name = "wblmatch_browser_" + uuid.uuid4().hex[:12]
    psql(server_url, "-c", f"CREATE DATABASE {name}")
    parts = urlparse(server_url)
    url = urlunparse(parts._replace(path="/" + name))
    env = dict(os.environ, DATABASE_URL=url, BCRYPT_COST="4", LOG_LEVEL="warning")
    server = None
    worker = None
    driver = None
    try:
        subprocess.run([binary, "migrate"], env=env, check=True, capture_output=True, text=True)
        psql(url, "-f", os.path.join(ROOT, "Tests", "Browser", "seed.sql"))
        for email, name_, role, org in [("counselor@clovis.example", "Carla Counselor", "counselor", "clovis-hs"),
                                        ("coord@region1.example", "Cora Coordinator", "coordinator", "region1")]:
            subprocess.run([binary, "user", "add", "--email", email, "--name", name_, "--role", role, "--organization", org],
                           env=dict(env, WBLMATCH_PASSWORD=PASSWORD), check=True, capture_output=True, text=True)

        port = free_port()
        base = f"http://127.0.0.1:{port}"
        server = subprocess.Popen([binary, "serve", "--host", "127.0.0.1", "--port", str(port)], env=env,
                                  stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        for _ in range(100):
            try:
                if urllib.request.urlopen(base + "/healthz", timeout=1).status == 200:
                    break
            except Exception:
                time.sleep(0.1)
        else:
            fail("wblmatch serve did not answer /healthz within 10 s")

        worker = subprocess.Popen([binary, "worker", "--no-scheduler", "--poll-interval", "0.5"], env=env,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

        options = webdriver.ChromeOptions()
        options.binary_location = "/usr/bin/chromium"
        for arg in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1000"]:
            options.add_argument(arg)
        driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
        driver.implicitly_wait(5)

        def shot(label):
            driver.save_screenshot(os.path.join(SHOTS, f"{label}.png"))

        def sign_in(email):
            driver.get(base + "/login")
            driver.find_element(By.NAME, "email").send_keys(email)
            driver.find_element(By.NAME, "password").send_keys(PASSWORD)
            driver.find_element(By.CSS_SELECTOR, "form[action='/login'] button[type=submit]").click()
            # Wait for the answer to replace the sign-in page (a loaded machine may take a moment).
            try:
                WebDriverWait(driver, 15).until(lambda d: "Sign out" in d.page_source)
            except TimeoutException:
                pass
            if "Sign out" not in driver.page_source:
                shot("sign-in-failed")
                fail(f"{email} could not sign in")

        def submit(selector):
            """Clicks a form's button and waits until the page it posts to has replaced this one
            (else the next find_element may catch the old page's element, which then goes stale)."""
            button = driver.find_element(By.CSS_SELECTOR, selector)
            button.click()
            WebDriverWait(driver, 15).until(lambda d: gone(button))

        def gone(element):
            """Whether `element` left the document. Chromium sometimes answers a replaced node with
            "Node with given id does not belong to the document" instead of a stale-element error."""
            try:
                element.is_enabled()
                return False
            except (StaleElementReferenceException, WebDriverException):
                return True

        # Counselor: three choices, then reorder.
        sign_in("counselor@clovis.example")
        shot("01-counselor-dashboard")
        driver.find_element(By.LINK_TEXT, "Students").click()
        driver.find_element(By.LINK_TEXT, "Pena, Maria").click()
        driver.find_element(By.PARTIAL_LINK_TEXT, "Choices").click()
        shot("02-choices-empty")
        if "Needs certification: OSHA-10" not in driver.page_source:
            fail("the slot list does not say that Farm office intern needs OSHA-10")
        for title in ["Dairy herd assistant", "Cheese plant helper", "Farm office intern"]:
            submit(f"button[aria-label='Add {title}']")
        shot("03-three-choices")

        def ranked():
            return [li.find_element(By.CSS_SELECTOR, ".title strong").text for li in driver.find_elements(By.CSS_SELECTOR, "ol.choices li")]

        if ranked() != ["Dairy herd assistant", "Cheese plant helper", "Farm office intern"]:
            fail(f"after adding, the list reads {ranked()}")
        submit("button[aria-label='Move Farm office intern up']")
        submit("button[aria-label='Move Farm office intern up']")
        shot("04-reordered")
        expected = ["Farm office intern", "Dairy herd assistant", "Cheese plant helper"]
        if ranked() != expected:
            fail(f"after moving up twice, the list reads {ranked()}")
        stored = psql(url, "-c", "SELECT string_agg(sl.title, '|' ORDER BY c.rank) FROM choices c JOIN slots sl ON sl.id = c.slot_id")
        if stored.split("|") != expected:
            fail(f"the database holds {stored}")

        # The page's drag-and-drop script: a choice dropped elsewhere (the drop's dragend event) is
        # saved by fetch with the page's token, in one statement with the session check. Dropped
        # on top and back again, so the run below meets the order above.
        def drop(source, before):
            driver.execute_script("""
                const list = document.querySelector("ol.choices");
                const items = Array.from(list.querySelectorAll("li"));
                const moved = items[arguments[0]];
                list.insertBefore(moved, arguments[1] < items.length ? items[arguments[1]] : null);
                moved.dispatchEvent(new Event("dragend"));
            """, source, before)

        def stored_becomes(wanted):
            deadline = time.time() + 10
            while time.time() < deadline:
                stored = psql(url, "-c", "SELECT string_agg(sl.title, '|' ORDER BY c.rank) FROM choices c JOIN slots sl ON sl.id = c.slot_id")
                if stored.split("|") == wanted:
                    return
                time.sleep(0.2)
            fail(f"after the script's drop the database holds {stored}, not {wanted}")

        drop(2, 0)
        dropped = ["Cheese plant helper", "Farm office intern", "Dairy herd assistant"]
        stored_becomes(dropped)
        driver.refresh()
        if ranked() != dropped:
            fail(f"after the script's drop the page reads {ranked()}")
        shot("04b-dropped")
        drop(0, 3)
        stored_becomes(expected)
        metrics = urllib.request.urlopen(base + "/metrics", timeout=5).read().decode()
        if 'wblmatch_choice_order_shortcut_total{outcome="saved"} 2' not in metrics:
            fail("the script's saves did not go through the one-statement shortcut (/metrics)")
        driver.find_element(By.CSS_SELECTOR, "form[action='/logout'] button").click()

        # Coordinator: start a trial run, wait for the worker, open the student's explanation.
        sign_in("coord@region1.example")
        driver.find_element(By.LINK_TEXT, "Match runs").click()
        driver.find_element(By.CSS_SELECTOR, "button[name=kind][value=manual]").click()
        shot("05-run-queued")
        deadline = time.time() + 90
        while time.time() < deadline:
            driver.get(base + "/runs")
            links = driver.find_elements(By.CSS_SELECTOR, "table a[href^='/runs/']")
            if links:
                break
            time.sleep(1)
        else:
            shot("05-run-timeout")
            fail("no match run appeared within 90 s (is the worker running?)")
        shot("06-runs")
        links[0].click()
        driver.find_element(By.LINK_TEXT, "Maria Pena").click()
        shot("07-student-result")
        result = driver.find_element(By.CSS_SELECTOR, "p.result").text
        if "Placed at Dairy herd assistant" not in result:
            fail(f"the result reads {result!r}; expected a placement at Dairy herd assistant (her first choice needs OSHA-10)")
        explanations = driver.find_element(By.CSS_SELECTOR, "ol.explanations").text
        if "Farm office intern" not in explanations or "Not eligible" not in explanations:
            fail(f"the explanation reads {explanations!r}")

        # An API token from `wblmatch user token` works on /api/v1 until revoked on the users page.
        issued = subprocess.run([binary, "user", "token", "counselor@clovis.example", "--name", "Browser test SIS"],
                                env=env, check=True, capture_output=True, text=True)
        token = issued.stdout.strip()

        def api_status():
            request = urllib.request.Request(base + "/api/v1/me", headers={"Authorization": f"Bearer {token}"})
            try:
                return urllib.request.urlopen(request, timeout=5).status
            except urllib.error.HTTPError as error:
                return error.code

        if len(token) != 64 or api_status() != 200:
            fail(f"the token printed by wblmatch user token ({token!r}) does not open /api/v1/me")
        driver.get(base + "/users")
        submit("button[aria-label='Revoke Browser test SIS']")
        shot("08-token-revoked")
        if api_status() != 401:
            fail("a revoked token still opens /api/v1/me")
        print(f"browser test: ok (screenshots in {SHOTS})")
    finally:
        if driver:
            driver.quit()
        for process in [worker]:
            if process:
                process.terminate()
                try:
                    process.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    process.kill()
        if server:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
        psql(server_url, "-c", f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


if __name__ == "__main__":
    main()
