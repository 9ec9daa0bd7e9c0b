"""Give every notebook the same Colab badge, Colab-only install cell and Colab metadata.

The repository path comes from one place, `helpers.REPOSITORY` (and `helpers.BRANCH`). Run after
adding a notebook or changing that path: `python scripts/stamp_notebooks.py`; it also rewrites the
Colab badge links in README.md. Idempotent; tests/test_notebooks.py checks that every notebook and
the README are stamped with the current values, tests/test_colab.py runs the install cell.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))  # this script may run before the package is installed
from helpers import BRANCH, REPOSITORY  # noqa: E402

BADGE_TAG, INSTALL_TAG = "colab-badge", "colab-install"


def repository_url() -> str:
    return f"https://github.com/{REPOSITORY}.git"


def colab_url(notebook_name: str) -> str:
    return f"https://colab.research.google.com/github/{REPOSITORY}/blob/{BRANCH}/notebooks/{notebook_name}"


# a Colab link to a notebook of this series under any repository path and branch
COLAB_LINK = re.compile(r"https://colab\.research\.google\.com/github/[^/\s)]+/[^/\s)]+/blob/[^/\s)]+/notebooks/([0-9][0-9]_[^/\s)]+\.ipynb)")


def badge_source(notebook: Path) -> str:
    return f"[![Open In Colab](https://colab.research.google.com/assets/colab-badge.svg)]({colab_url(notebook.name)})"


def readme_with_current_links(text: str) -> str:
    return COLAB_LINK.sub(lambda match: colab_url(match.group(1)), text)


def install_source() -> str:
    return (
        "# On Colab only: fetch the tutorial and make its helpers importable in this session, no restart needed\n"
        "# (elsewhere, `make lab` did this). Safe to run again; scripts/colab_setup.py explains each step.\n"
        "import os, runpy, sys\n"
        "\n"
        'if "google.colab" in sys.modules:\n'
        '    clone = os.environ.get("TUTORIAL_CLONE_DIR", "/content/tutorial")  # both variables: for tests only\n'
        f'    url = os.environ.get("TUTORIAL_REPO_URL", "{repository_url()}")\n'
        "    cloned_now = not os.path.isdir(clone)\n"
        "    if cloned_now:\n"
        f"        !git clone --quiet --depth 1 --branch {BRANCH} {{url}} {{clone}}\n"
        '    setup = f"{clone}/scripts/colab_setup.py"\n'
        "    if not os.path.isfile(setup):\n"
        '        raise SystemExit(f"No tutorial in {clone}: check the internet connection (git clone {url}), run this cell again.")\n'
        '    runpy.run_path(setup, {"CLONED_NOW": cloned_now}, run_name="__main__")'
    )


def stamp(path: Path) -> bool:
    notebook = nbformat.read(path, as_version=4)
    before = nbformat.writes(notebook)
    cells = [c for c in notebook.cells if not set(c.metadata.get("tags", [])) & {BADGE_TAG, INSTALL_TAG}]
    # fixed ids keep the script idempotent (a new random id would change the file every run)
    badge = nbformat.v4.new_markdown_cell(badge_source(path), metadata={"tags": [BADGE_TAG]}, id=BADGE_TAG)
    install = nbformat.v4.new_code_cell(install_source(), metadata={"tags": [INSTALL_TAG]}, id=INSTALL_TAG)
    notebook.cells = [badge, install, *cells]
    notebook.metadata["colab"] = {"provenance": [], "gpuType": "T4"}
    notebook.metadata["accelerator"] = "GPU"
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    notebook.metadata["language_info"] = {"name": "python"}
    nbformat.validator.normalize(notebook)
    after = nbformat.writes(notebook)
    if after != before:
        path.write_text(after + ("" if after.endswith("\n") else "\n"), encoding="utf-8")
        return True
    return False


def main() -> None:
    paths = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
    for path in paths:
        print(("stamped  " if stamp(path) else "unchanged ") + str(path.relative_to(ROOT)))
    readme = ROOT / "README.md"
    before = readme.read_text(encoding="utf-8")
    after = readme_with_current_links(before)
    if after != before:
        readme.write_text(after, encoding="utf-8")
    print(("stamped  " if after != before else "unchanged ") + "README.md (Colab badge links)")


if __name__ == "__main__":
    main()
