"""The notebooks as files: complete series, stored without outputs, stamped for Colab, same outline.

Executing them is nbval's job (`make test` runs `pytest --nbval-lax notebooks` in the smoke profile).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
import stamp_notebooks  # noqa: E402

SERIES = [
    "00_setup",
    "01_multiclass_baseline",
    "02_multilabel_targets",
    "03_problem_type_and_loss",
    "04_finetune_multilabel",
    "05_thresholds",
    "06_predict_and_analyse",
    "07_your_own_data",
]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))


def test_the_series_is_complete():
    assert [path.stem for path in NOTEBOOKS] == SERIES


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_is_stored_without_outputs(path):
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    dirty = [i for i, c in enumerate(cells) if c["cell_type"] == "code" and (c.get("outputs") or c.get("execution_count"))]
    assert not dirty, f"{path.name}: cells {dirty} have outputs; run nbstripout {path}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_is_stamped_with_the_current_repository(path):
    notebook = json.loads(path.read_text(encoding="utf-8"))
    badge, install = ("".join(c["source"]) for c in notebook["cells"][:2])
    assert badge == stamp_notebooks.badge_source(path), f"run python scripts/stamp_notebooks.py"
    assert install == stamp_notebooks.install_source(), f"run python scripts/stamp_notebooks.py"
    assert notebook["metadata"]["accelerator"] == "GPU"


def test_readme_colab_links_use_the_current_repository():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    linked = stamp_notebooks.COLAB_LINK.findall(readme)
    assert sorted(linked) == [path.name for path in NOTEBOOKS], "every notebook needs one Colab badge in README.md"
    assert readme == stamp_notebooks.readme_with_current_links(readme), "run python scripts/stamp_notebooks.py"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_has_goals_recap_and_exercises_with_hints(path):
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    markdown = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
    code = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")
    assert f"# {path.stem[:2]}" in markdown
    for heading in ("Learning goals", "Recap", "Exercises"):
        assert heading in markdown, f"{path.name} has no '{heading}' section"
    assert markdown.count("<summary>Hint") >= 2
    assert "choose_profile(" in code, f"{path.name} must print the profile it runs in"
