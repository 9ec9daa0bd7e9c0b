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
from notebook_exercises import HINT, SOLUTION, WITH_SOLUTIONS, cells, exercises, markdown, questions, section  # noqa: E402

SERIES = [
    "00_the_answer",
    "01_multiclass_baseline",
    "02_multilabel_targets",
    "03_problem_type_and_loss",
    "04_finetune_multilabel",
    "05_thresholds",
    "06_predict_and_analyse",
    "07_your_own_data",
    "08_trust_the_scores",
    "99_appendix_machine_and_data",
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


def test_the_list_of_notebooks_with_solutions_names_notebooks_of_the_series():
    assert set(WITH_SOLUTIONS) <= set(SERIES)


@pytest.mark.parametrize("path", [p for p in NOTEBOOKS if p.stem in WITH_SOLUTIONS], ids=lambda p: p.stem)
def test_every_exercise_has_a_hint_and_a_solution(path):
    found = exercises(path)
    assert len(found) >= 2, f"{path.name}: the '## Exercises' section needs a numbered list of at least two exercises"
    numbers = [exercise.number for exercise in found]
    assert numbers == list(range(1, len(found) + 1)), f"{path.name}: exercises are numbered {numbers}"
    for exercise in found:
        where = f"{path.name}, exercise {exercise.number}"
        assert exercise.hints >= 1, f"{where} has no '{HINT}' block"
        assert len(exercise.solutions) == 1, f"{where} needs exactly one '{SOLUTION}' block, found {len(exercise.solutions)}"
        assert exercise.solutions[0].strip(), f"{where}: the solution is empty"
        assert exercise.text.count("<details>") == exercise.text.count("</details>"), f"{where}: a <details> is not closed"
        if "```" in exercise.solutions[0]:
            assert exercise.code, f"{where}: the solution's code block must be marked ```python to be tested"


@pytest.mark.parametrize("path", [p for p in NOTEBOOKS if p.stem in WITH_SOLUTIONS], ids=lambda p: p.stem)
def test_notebook_ends_with_a_questionnaire_of_five_to_eight_questions(path):
    text = markdown(path)
    assert section(text, "Questionnaire") is not None, f"{path.name} has no '## Questionnaire' section"
    count = len(questions(path))
    assert 5 <= count <= 8, f"{path.name}: the questionnaire has {count} questions; it needs 5 to 8"
    assert text.index("## Questionnaire") > text.index("## Exercises"), f"{path.name}: the questionnaire comes after the exercises"
    last = cells(path)[-1]
    assert last["cell_type"] == "markdown" and "## Questionnaire" in "".join(last["source"]), (
        f"{path.name}: the questionnaire must be the notebook's last cell"
    )


def _main_prose_words(path: Path) -> int:
    """Words of the markdown before the exercises and the questionnaire, code blocks left out."""
    import re

    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    words = 0
    for cell in cells:
        text = "".join(cell["source"])
        if cell["cell_type"] != "markdown" or text.startswith(("## Exercises", "## Questionnaire")):
            continue
        words += len(re.sub(r"```.*?```", "", text, flags=re.S).split())
    return words


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_main_prose_stays_under_1500_words(path):
    assert _main_prose_words(path) <= 1500, f"{path.name}: {_main_prose_words(path)} words of main prose"


def test_the_first_notebook_is_short_and_plain():
    path = ROOT / "notebooks" / "00_the_answer.ipynb"
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    assert len(cells) <= 25
    code = ["".join(c["source"]) for c in cells if c["cell_type"] == "code"]
    with_helpers = [i for i, source in enumerate(code) if "helpers" in source and "google.colab" not in source]
    assert len(with_helpers) == 1 and "load_profile_data" in code[with_helpers[0]], "helpers only in the set-up cell"
    teaching = "\n".join(code)
    for piece in ("MultiLabelBinarizer(classes=", ".astype(np.float32)", 'problem_type="multi_label_classification"',
                  "per_device_train_batch_size=32", "Trainer(", 'function_to_apply="sigmoid"', "truncation=True"):
        assert piece in teaching, piece


@pytest.mark.parametrize("path", [p for p in NOTEBOOKS if p.stem in WITH_SOLUTIONS], ids=lambda p: p.stem)
def test_every_solution_states_its_answer_in_words(path):
    import re

    for exercise in exercises(path):
        prose = re.sub(r"```.*?```", "", exercise.solutions[0], flags=re.S)
        assert len(prose.split()) >= 8, f"{path.name}, exercise {exercise.number}: the solution states no answer in words"
