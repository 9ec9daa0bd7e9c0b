"""Run All twice in one kernel, as a learner does after changing a cell: nothing may fail on stale state.

Each notebook runs in an empty working folder of its own, as on a fresh Colab runtime: it may not lean on
a model another notebook left behind. Then, in the same kernel, the code of every exercise's solution:
solutions cannot rot. Runs in the profile the environment selects (`make test` sets the smoke profile).
"""

from __future__ import annotations

import os
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

from notebook_exercises import WITH_SOLUTIONS, exercises

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))


@pytest.mark.skipif(os.environ.get("TUTORIAL_PROFILE") != "smoke", reason="executes notebooks: smoke profile only")
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_alone_in_a_fresh_folder_run_all_twice_in_the_same_kernel_then_every_solution(path, tmp_path):
    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(notebook, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}})
    failures = []
    with client.setup_kernel():
        for _ in range(2):
            for index, cell in enumerate(notebook.cells):
                client.execute_cell(cell, index)  # raises CellExecutionError on any error
        errors = [o for c in notebook.cells if c.cell_type == "code" for o in c.get("outputs", []) if o.output_type == "error"]
        assert not errors
        if path.stem in WITH_SOLUTIONS:
            # Last exercise first: a solution that leans on an earlier solution's variables fails here,
            # because each must run on the notebook's own variables alone.
            for exercise in reversed(exercises(path)):
                for block, code in enumerate(exercise.code, start=1):
                    cell = nbformat.v4.new_code_cell(code)
                    notebook.cells.append(cell)
                    try:
                        client.execute_cell(cell, len(notebook.cells) - 1)
                    except CellExecutionError as error:
                        part = f" (code block {block})" if len(exercise.code) > 1 else ""
                        failures.append(f"{path.name}, exercise {exercise.number}{part}: {error.ename}: {error.evalue}")
    assert not failures, "solutions that fail after Run All:\n" + "\n".join(failures)
