"""The reader of exercises and questionnaires that the notebook tests rely on, on a small notebook written here."""

from __future__ import annotations

import nbformat

from notebook_exercises import exercises, questions, section

EXERCISES = """## Exercises

1. Count the labels.
   <details><summary>Hint</summary>

   `labels.sum()`.
   </details>
   <details><summary>Solution</summary>

   ```python
   total = labels.sum()
   if total:
       print(total)
   ```
   </details>

2. Why is the loss close to log 2?
   <details><summary>Hint</summary>

   sigmoid(0) = 0.5.
   </details>
   <details><summary>Solution</summary>

   Every entry costs -log 0.5 = log 2.
   </details>

3. An exercise without a solution.
   <details><summary>Hint</summary>

   None.
   </details>
"""

QUESTIONNAIRE = """## Questionnaire

1. First question?
2. Second question,
   on two lines?
3. Third question?
"""


def write(tmp_path, *markdown_cells, code="x = 1"):
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_code_cell(code)] + [nbformat.v4.new_markdown_cell(text) for text in markdown_cells]
    path = tmp_path / "00_example.ipynb"
    nbformat.write(notebook, path)
    return path


def test_exercises_are_read_with_their_hints_solutions_and_dedented_code(tmp_path):
    found = exercises(write(tmp_path, "# 00 · Example", EXERCISES, QUESTIONNAIRE))
    assert [e.number for e in found] == [1, 2, 3]
    assert [e.hints for e in found] == [1, 1, 1]
    assert [len(e.solutions) for e in found] == [1, 1, 0]
    assert found[0].code == ("total = labels.sum()\nif total:\n    print(total)\n",)
    assert found[1].code == () and "log 2" in found[1].solutions[0]  # a prose solution: nothing to run


def test_the_questionnaire_is_counted_by_its_numbered_items_and_ends_the_exercises(tmp_path):
    path = write(tmp_path, EXERCISES, QUESTIONNAIRE)
    assert [number for number, _ in questions(path)] == [1, 2, 3]
    assert "Questionnaire" not in section(EXERCISES + "\n" + QUESTIONNAIRE, "Exercises")


def test_a_notebook_without_the_sections_has_no_exercises_and_no_questions(tmp_path):
    path = write(tmp_path, "# 00 · Example\n\n## Recap\n\n1. Not an exercise.")
    assert exercises(path) == [] and questions(path) == []
