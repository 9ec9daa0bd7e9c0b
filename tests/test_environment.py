"""environment.yml must offer everything pyproject.toml asks for, with the same lower bounds."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
# conda-forge names that differ from PyPI's
CONDA_NAMES = {"torch": "pytorch", "huggingface-hub": "huggingface_hub"}


def _name_and_spec(requirement: str) -> tuple[str, str]:
    match = re.match(r"\s*([A-Za-z0-9_.\-]+)\s*(.*)", requirement)
    assert match, requirement
    return match.group(1).lower(), match.group(2).replace(" ", "")


def _pyproject_requirements() -> dict[str, str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    requirements = list(project["dependencies"])
    for extra in project["optional-dependencies"].values():
        requirements += extra
    return dict(_name_and_spec(r) for r in requirements)


def _environment_requirements() -> tuple[dict[str, str], list[str]]:
    environment = yaml.safe_load((ROOT / "environment.yml").read_text())
    assert environment["channels"] == ["conda-forge"]
    conda, pip = {}, []
    for entry in environment["dependencies"]:
        if isinstance(entry, dict):
            pip = entry["pip"]
        else:
            name, spec = _name_and_spec(entry)
            conda[name] = spec
    for entry in pip:
        if not entry.startswith("-e"):
            name, spec = _name_and_spec(entry)
            conda[name] = spec
    return conda, pip


def test_every_pyproject_dependency_is_in_environment_yml_with_the_same_bounds():
    conda, _ = _environment_requirements()
    for name, spec in _pyproject_requirements().items():
        listed = CONDA_NAMES.get(name, name)
        assert listed in conda, f"{name} is in pyproject.toml but not in environment.yml"
        assert conda[listed] == spec, f"{name}: pyproject says {spec!r}, environment.yml says {conda[listed]!r}"


def test_environment_installs_the_package_with_its_extras_and_a_supported_python():
    conda, pip = _environment_requirements()
    assert any(entry.startswith("-e") and "notebooks" in entry and "dev" in entry for entry in pip)
    requires_python = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["requires-python"]
    assert requires_python == ">=3.10" and conda["python"].startswith(">=3.10")
