"""The exercises and the questionnaire of a notebook, read from its markdown (for the notebook tests).

The conventions they follow: a "## Exercises" section holds a numbered list; every item has a
collapsed hint and a collapsed solution,

    <details><summary>Hint</summary> ... </details>
    <details><summary>Solution</summary>

    ```python
    code that runs after the notebook, in the same kernel
    ```
    </details>

(a solution to a purely conceptual question may be prose only); the notebook ends with a
"## Questionnaire" section, a numbered list of questions.
"""

from __future__ import annotations

import json
import re
import textwrap
from dataclasses import dataclass
from pathlib import Path

# The notebooks whose exercises all have solutions and that end with a questionnaire: the checks in
# tests/test_notebooks.py and the solution runs in tests/test_notebook_rerun.py apply to these: all of them.
WITH_SOLUTIONS = [
    "00_the_answer", "01_multiclass_baseline", "02_multilabel_targets", "03_problem_type_and_loss",
    "04_finetune_multilabel", "05_thresholds", "06_predict_and_analyse", "07_your_own_data",
    "08_trust_the_scores", "99_appendix_machine_and_data",
]

HINT = "<details><summary>Hint</summary>"
SOLUTION = "<details><summary>Solution</summary>"
_ITEM = re.compile(r"^(\d+)\. ", re.M)  # a top-level list item: "N. " at the start of a line
_HEADING = re.compile(r"^#{1,2} ", re.M)  # a "# " or "## " heading (code inside list items is indented)
_SOLUTION_BLOCK = re.compile(re.escape(SOLUTION) + r"(.*?)</details>", re.S)
_PYTHON_BLOCK = re.compile(r"^([ \t]*)```python[ \t]*\n(.*?)^\1```[ \t]*$", re.S | re.M)


@dataclass(frozen=True)
class Exercise:
    number: int
    text: str  # the whole list item, hint and solution included
    hints: int
    solutions: tuple[str, ...]  # the text inside each solution block
    code: tuple[str, ...]  # the ```python blocks of the solutions, dedented, in order


def cells(path: Path) -> list[dict]:
    return json.loads(Path(path).read_text(encoding="utf-8"))["cells"]


def markdown(path: Path) -> str:
    """All markdown cells of a notebook, in order."""
    return "\n\n".join("".join(c["source"]) for c in cells(path) if c["cell_type"] == "markdown")


def section(text: str, heading: str) -> str | None:
    """The text under the line "## heading", up to the next "#" or "##" heading; None if there is no such line."""
    found = re.search(rf"^## {re.escape(heading)}[ \t]*$", text, re.M)
    if found is None:
        return None
    rest = text[found.end():]
    following = _HEADING.search(rest)
    return rest[: following.start()] if following else rest


def numbered_items(text: str) -> list[tuple[int, str]]:
    """(number, item text) for each top-level item of a numbered list."""
    starts = list(_ITEM.finditer(text))
    ends = [m.start() for m in starts[1:]] + [len(text)]
    return [(int(m.group(1)), text[m.start(): end].rstrip()) for m, end in zip(starts, ends)]


def exercises(path: Path) -> list[Exercise]:
    """The numbered exercises of a notebook's "## Exercises" section (empty if there is none)."""
    found = []
    for number, text in numbered_items(section(markdown(path), "Exercises") or ""):
        solutions = tuple(m.group(1) for m in _SOLUTION_BLOCK.finditer(text))
        code = tuple(textwrap.dedent(m.group(2)) for block in solutions for m in _PYTHON_BLOCK.finditer(block))
        found.append(Exercise(number, text, text.count(HINT), solutions, code))
    return found


def questions(path: Path) -> list[tuple[int, str]]:
    """The numbered questions of a notebook's "## Questionnaire" section (empty if there is none)."""
    return numbered_items(section(markdown(path), "Questionnaire") or "")
