"""Open a notebook in JupyterLab in headless Chromium and check what a person would see.

Starts JupyterLab on loopback, loads a notebook, checks that the rendered page shows its title
and its cells, and keeps a screenshot (`make test-browser`). Needs Debian's chromium package
(`apt-get install chromium`) or CHROMIUM=/path/to/chrome.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1400,1000",
    "--virtual-time-budget=25000",  # let JupyterLab's JavaScript finish rendering
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(url: str, seconds: float = 90) -> None:
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2)
            return
        except OSError:
            time.sleep(1)
    raise TimeoutError(f"JupyterLab did not answer at {url} within {seconds:.0f} s.")


def notebook_title(path: Path) -> str:
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    for cell in cells:
        text = "".join(cell["source"])
        for line in text.splitlines():
            if cell["cell_type"] == "markdown" and line.startswith("# "):
                return line[2:].strip()
    raise ValueError(f"{path} has no '# title' line in a markdown cell.")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notebook", default="00_the_answer.ipynb")
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "browser")
    args = parser.parse_args()

    chromium = os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        print("Chromium was not found: install it (Debian/Ubuntu: sudo apt-get install chromium) or set CHROMIUM.")
        return 2
    notebook = ROOT / "notebooks" / args.notebook
    title = notebook_title(notebook)
    args.out.mkdir(parents=True, exist_ok=True)
    port = free_port()
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "JUPYTER_CONFIG_DIR": f"{home}/config", "JUPYTER_RUNTIME_DIR": f"{home}/runtime"}
        lab = subprocess.Popen(
            [sys.executable, "-m", "jupyterlab", "--no-browser", "--ip=127.0.0.1", f"--port={port}",
             "--ServerApp.token=", "--ServerApp.password=", "--ServerApp.disable_check_xsrf=True", "--allow-root",
             f"--ServerApp.root_dir={ROOT / 'notebooks'}"],
            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        try:
            base = f"http://127.0.0.1:{port}"
            wait_for(f"{base}/api")
            url = f"{base}/lab/tree/{args.notebook}"
            profile = ["--user-data-dir=" + f"{home}/chromium"]
            screenshot = args.out / f"{notebook.stem}.png"
            subprocess.run([chromium, *CHROMIUM_FLAGS, *profile, f"--screenshot={screenshot}", url],
                           check=True, capture_output=True, timeout=120)
            dom = subprocess.run([chromium, *CHROMIUM_FLAGS, *profile, "--dump-dom", url],
                                 check=True, capture_output=True, text=True, timeout=120).stdout
        finally:
            lab.terminate()
            lab.wait(timeout=30)
    (args.out / f"{notebook.stem}.html").write_text(dom, encoding="utf-8")
    cells = len(re.findall(r'class="[^"]*\bjp-Notebook-cell\b', dom))
    expected = len(json.loads(notebook.read_text(encoding="utf-8"))["cells"])
    problems = []
    visible_text = re.sub(r"<[^>]+>", "", dom)
    if title.replace("`", "") not in visible_text:
        problems.append(f"the title {title!r} is not on the page")
    if cells != expected:
        problems.append(f"{cells} of the notebook's {expected} cells were rendered")
    if not screenshot.exists() or screenshot.stat().st_size < 10_000:
        problems.append("the screenshot is missing or blank")
    if problems:
        print("Browser check FAILED: " + "; ".join(problems) + f". Page kept in {args.out}.")
        return 1
    print(f"Browser check passed: {args.notebook} shows {title!r} and {cells} cells. Screenshot: {screenshot}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
