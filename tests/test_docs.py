"""The documents name tests that exist, so a renamed test cannot leave a promise without its proof."""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCS = [ROOT / "docs" / "ROBUSTNESS.md"]


def _test_names() -> set[str]:
    names = set()
    for path in (ROOT / "tests").glob("test_*.py"):
        names |= {f"{path.name}::{name}" for name in re.findall(r"^def (test_\w+)", path.read_text(), re.M)}
    return names


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: p.name)
def test_every_test_a_document_names_exists(doc):
    known = _test_names()
    bare = {name.split("::")[1] for name in known}
    missing = []
    for match in re.finditer(r"`(?:tests/(test_\w+\.py)::)?(test_\w+)(?:\[[^\]]*\])?`", doc.read_text(encoding="utf-8")):
        file, name = match.groups()
        if (file and f"{file}::{name}" not in known) or (not file and name not in bare):
            missing.append(match.group(0))
    assert not missing, f"{doc.name} names tests that do not exist: {missing}"


def test_every_helper_module_is_named_in_the_layout_and_the_package_docstring_and_has_its_test_file():
    import helpers

    modules = sorted(p.stem for p in (ROOT / "src" / "helpers").glob("*.py") if not p.stem.startswith("_"))
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    layout = readme[readme.index("src/helpers/"):readme.index("tests/ ", readme.index("src/helpers/"))]
    assert [m for m in modules if not re.search(rf"\b{m}\b", layout)] == [], "README's Layout misses these modules"
    assert [m for m in modules if f"`{m}`" not in helpers.__doc__] == [], "helpers/__init__.py's docstring misses these"
    untested = [m for m in modules if not (ROOT / "tests" / f"test_{m}.py").exists()]
    assert untested == [], f"modules without tests/test_<module>.py: {untested}"


def test_the_teachers_key_answers_every_question_of_every_questionnaire():
    import json

    teaching = (ROOT / "docs" / "TEACHING.md").read_text(encoding="utf-8")
    key = teaching[teaching.index("## Teacher's key"):]
    for path in sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")):
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        questionnaire = next("".join(c["source"]) for c in cells if "".join(c["source"]).startswith("## Questionnaire"))
        questions = re.findall(r"^\d+\. ", questionnaire, re.M)
        number = path.name[:2]
        section = re.search(rf"\*\*{number} · [^*]+\*\*\n(.*?)(?=\n\*\*\d\d · |\Z)", key, re.S)
        assert section, f"docs/TEACHING.md has no key for notebook {number}"
        answers = re.findall(r"^\d+\. ", section.group(1), re.M)
        assert len(answers) == len(questions), f"{path.name}: {len(questions)} questions, {len(answers)} answers in the key"


def test_no_helper_module_is_over_450_lines():
    long = {p.name: n for p in (ROOT / "src" / "helpers").glob("*.py")
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > 450}
    assert long == {}, f"split these modules by job: {long}"
