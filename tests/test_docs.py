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
