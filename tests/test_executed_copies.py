"""Executed copies in docs/executed/ show the notebooks as they are now (`make executed` regenerates them).

The mechanism itself is tested on a two-cell notebook in a temporary folder: a copy is made by
running it, passes the check, goes stale when the code or the text changes, is refreshed without
running when only the text changed, and is rebuilt from `make run`'s output when that is fresh.
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
import executed_copies  # noqa: E402
import stamp_notebooks  # noqa: E402

NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
COPIES = ROOT / "docs" / "executed"
PROFILE = "cpu"


@pytest.mark.skipif(not COPIES.is_dir(), reason=f"no executed copies yet in {COPIES}: run `{executed_copies.COMMAND}`")
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_executed_copy_matches_its_notebook(path):
    found = executed_copies.problems(path, COPIES / path.name, PROFILE)
    assert not found, "; ".join(found) + f". Run `{executed_copies.COMMAND}` and commit docs/executed/."


@pytest.mark.skipif(not COPIES.is_dir(), reason=f"no executed copies yet in {COPIES}")
def test_every_executed_copy_has_a_notebook():
    orphans = sorted(p.name for p in COPIES.glob("*.ipynb") if not (ROOT / "notebooks" / p.name).exists())
    assert not orphans, f"{orphans} in docs/executed/ have no notebook in notebooks/: delete them or run `{executed_copies.COMMAND}`"


# --- the mechanism, on a small notebook ------------------------------------------------------------


def write_notebook(path: Path, code: str, text: str) -> None:
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_markdown_cell(text, id="intro"), nbformat.v4.new_code_cell(code, id="answer")]
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(notebook, path)
    stamp_notebooks.stamp(path)  # with the Colab badge and install cell, as the real ones


def outputs(path: Path) -> list[str]:
    notebook = nbformat.read(path, as_version=4)
    return [o.get("text", "") for c in notebook.cells if c.cell_type == "code" for o in c.outputs]


@pytest.fixture(autouse=True)
def _restore_environment(monkeypatch, tmp_path):
    """executed_copies.main sets these for its kernels; put them back after each test."""
    monkeypatch.setenv("TUTORIAL_PROFILE", "smoke")
    monkeypatch.setenv("TUTORIAL_RESULTS", str(tmp_path / "results"))


def test_copies_are_made_checked_refreshed_and_rebuilt(tmp_path, capsys):
    notebooks, copies, build = tmp_path / "notebooks", tmp_path / "copies", tmp_path / "build"
    notebooks.mkdir()
    source = notebooks / "00_tiny.ipynb"
    write_notebook(source, "print(6 * 7)", "# 00 tiny")
    options = ["--notebooks", str(notebooks), "--out", str(copies), "--build", str(build), "--profile", "smoke"]

    assert executed_copies.problems(source, copies / source.name, "smoke") == [f"00_tiny.ipynb: no executed copy in {copies}"]
    assert executed_copies.main(options) == 0
    assert "running it (no executed notebook in" in capsys.readouterr().out
    copy = copies / source.name
    assert outputs(copy) == ["42\n"]
    assert executed_copies.problems(source, copy, "smoke") == []
    assert executed_copies.problems(source, copy, "cpu") == ["00_tiny.ipynb: executed in the 'smoke' profile, not 'cpu'"]
    assert nbformat.read(copy, as_version=4).metadata["executed_copy"]["profile"] == "smoke"
    assert not any(c.get("outputs") for c in nbformat.read(source, as_version=4).cells if c.cell_type == "code")

    # the text changes: stale; with `make run`'s fresh notebook at hand, the copy is rebuilt from it (the helpers or
    # the data behind its outputs may have changed although the code did not)
    write_notebook(source, "print(6 * 7)", "# 00 tiny, reworded")
    assert "the text (markdown or stamped cells)" in executed_copies.problems(source, copy, "smoke")[0]
    assert executed_copies.main(options) == 0
    assert "reused" in capsys.readouterr().out and executed_copies.problems(source, copy, "smoke") == []
    # without a fresh one, the text is refreshed without running
    write_notebook(source, "print(6 * 7)", "# 00 tiny, reworded again")
    (build / source.name).unlink()
    assert executed_copies.main(options) == 0
    assert "code unchanged; text refreshed from the notebook (nothing ran)" in capsys.readouterr().out
    assert executed_copies.problems(source, copy, "smoke") == [] and outputs(copy) == ["42\n"]

    # the code changes: stale, and regenerating runs it again
    write_notebook(source, "print(6 * 9)", "# 00 tiny, reworded")
    assert executed_copies.problems(source, copy, "smoke") == [
        "00_tiny.ipynb: the code cells of 00_tiny.ipynb changed since the copy was executed"
    ]
    assert executed_copies.main(options) == 0
    assert "running it (" in capsys.readouterr().out
    assert outputs(copy) == ["54\n"] and executed_copies.problems(source, copy, "smoke") == []

    # a copy edited by hand is caught
    edited = nbformat.read(copy, as_version=4)
    edited.cells[-1].source = "print(54)"
    nbformat.write(edited, copy)
    assert executed_copies.problems(source, copy, "smoke") == ["00_tiny.ipynb: its code cells were edited by hand after it was executed"]

    # without a current copy, `make run`'s fresh output is reused instead of running again
    copy.unlink()
    assert executed_copies.main(options) == 0
    assert f"reused {build / source.name}" in capsys.readouterr().out
    assert outputs(copy) == ["54\n"] and executed_copies.problems(source, copy, "smoke") == []


def test_a_failing_notebook_leaves_its_copy_alone_and_says_so(tmp_path, capsys):
    notebooks, copies = tmp_path / "notebooks", tmp_path / "copies"
    notebooks.mkdir()
    write_notebook(notebooks / "00_broken.ipynb", "raise ValueError('broken on purpose')", "# 00 broken")
    code = executed_copies.main(["--notebooks", str(notebooks), "--out", str(copies), "--build", str(tmp_path / "b"), "--profile", "smoke"])
    printed = capsys.readouterr().out
    assert code == 1
    assert "FAILED: 00_broken.ipynb failed after" in printed and "ValueError: broken on purpose" in printed, printed
    assert not (copies / "00_broken.ipynb").exists()
