#!/usr/bin/env python3
"""Takes the README's screenshots from the running local system (./stafet up) with Debian's headless Chromium.

Talks to chromedriver's W3C WebDriver HTTP API with the standard library only, so nothing is installed for it.
Usage: scripts/screenshots.py [out-dir]   (default docs/screenshots; pages at http://127.0.0.1:8084)
"""
import base64
import json
import os
import subprocess
import sys
import tempfile
import time
import urllib.request

WEB = os.environ.get("STAFET_WEB_URL", "http://127.0.0.1:8084")
TOUR_CPR = "0703581005"  # the demo's tour patient (tools: Population.TOUR_CPR); synthetic
PORT = 9517


def call(method, path, body=None):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(f"http://127.0.0.1:{PORT}{path}", data=data, method=method,
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=60) as answer:
        return json.loads(answer.read() or b"{}").get("value")


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots"
    os.makedirs(out, exist_ok=True)
    driver = subprocess.Popen(["chromedriver", f"--port={PORT}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    profile = tempfile.mkdtemp(prefix="stafet-shots-")
    try:
        for _ in range(50):
            try:
                call("GET", "/status")
                break
            except OSError:
                time.sleep(0.2)
        session = call("POST", "/session", {"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {"binary": "/usr/bin/chromium", "args": [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,1400",
                f"--user-data-dir={profile}"]}}}})["sessionId"]
        s = f"/session/{session}"

        def shot(name):
            png = base64.b64decode(call("GET", f"{s}/screenshot"))
            with open(os.path.join(out, name + ".png"), "wb") as f:
                f.write(png)
            print("wrote", os.path.join(out, name + ".png"))

        def find(css):
            found = call("POST", f"{s}/element", {"using": "css selector", "value": css})
            if not isinstance(found, dict) or "element-6066-11e4-a52e-4f735466cecf" not in found:
                raise SystemExit(f"{css} not found: {found}")
            return found["element-6066-11e4-a52e-4f735466cecf"]

        call("POST", f"{s}/url", {"url": WEB + "/?lang=da"})
        time.sleep(2)
        shot("coordinator")
        first_patient = call("POST", f"{s}/execute/sync", {"script":
            "var a = document.querySelector('#attention a[href^=\"/patients/\"]')"
            " || document.querySelector('a[href^=\"/patients/\"]'); return a ? a.getAttribute('href') : null;",
            "args": []})
        if first_patient:
            call("POST", f"{s}/url", {"url": WEB + first_patient})
            time.sleep(1)
            shot("timeline")
        call("POST", f"{s}/url", {"url": WEB + "/kpis"})
        time.sleep(1)
        shot("kpis")
        call("POST", f"{s}/url", {"url": WEB + "/my-course"})
        call("POST", f"{s}/element/{find('#cpr')}/value", {"text": TOUR_CPR})
        call("POST", f"{s}/element/{find('#cpr-form button[type=submit]')}/click", {})
        time.sleep(1)
        shot("my-course")
        call("POST", f"{s}/window/rect", {"width": 390, "height": 844})
        call("POST", f"{s}/url", {"url": WEB + "/?lang=en"})
        time.sleep(2)
        shot("coordinator-phone-en")
        call("POST", f"{s}/url", {"url": WEB + "/?lang=da"})  # leave the language cookie as it was
        call("DELETE", s)
    finally:
        driver.terminate()


if __name__ == "__main__":
    main()
