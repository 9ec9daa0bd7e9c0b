"""Make the tutorial's helpers importable in the running Colab kernel, without a restart.

Every notebook's install cell (stamped by scripts/stamp_notebooks.py) clones the repository when it
is missing, then runs this file from the clone with `runpy.run_path`, in the notebook's own kernel:

1. an existing clone is updated with `git pull --ff-only` (a failure only says why);
2. the package's requirements (pyproject.toml) that this runtime lacks or has too old are installed
   with pip, in one call, with Colab's own torch build pinned by a constraint so it is never replaced;
3. the clone's `src/` goes first on `sys.path` (an editable install's .pth file is read only when a
   kernel starts, so it would not help this one), and `helpers` is imported to prove it works;
4. the working folder becomes the clone's `notebooks/`, as when the series runs locally.

It prints one line saying what it did. When pip upgraded a package that this kernel had already
imported, the new version cannot take effect until a restart: it then stops with that message.
"""

from __future__ import annotations

import importlib
import importlib.metadata as metadata
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Colab installs its own CUDA build of these; pip must keep them exactly as they are.
KEEP_AS_INSTALLED = ("torch", "torchvision", "torchaudio")
RESTART = "Runtime > Restart session"
RESTART_HINT = f"{RESTART}, then run this notebook again from the top (this cell is quick the second time)"
STALE_MARK = "_tutorial_setup_stale_imports"  # kept on sys for the kernel's lifetime: a restart clears it


class SetupError(Exception):
    """Something the learner must fix or retry; the message says what."""


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def run_git(*args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run(["git", "-C", str(ROOT), *args], capture_output=True, text=True, timeout=timeout)


def head() -> str:
    return run_git("rev-parse", "--short", "HEAD").stdout.strip() or "unknown commit"


def update_clone(cloned_now: bool) -> tuple[str, bool]:
    """Pull an existing clone (fast-forward only). Returns the report and whether files changed."""
    if cloned_now:
        return f"cloned into {ROOT} ({head()})", False
    before = head()
    try:
        pulled = run_git("pull", "--ff-only", "--quiet")
    except subprocess.TimeoutExpired:
        return f"{ROOT} was already there; git pull took over 2 minutes, so it is used as it is ({before})", False
    if pulled.returncode != 0:
        why = (pulled.stderr.strip().splitlines() or ["no message"])[-1]
        return f"{ROOT} was already there; could not update it (git: {why}), so it is used as it is ({before})", False
    after = head()
    if after == before:
        return f"{ROOT} was already there and up to date ({after})", False
    return f"{ROOT} was already there; updated it {before} -> {after}", True


def requirements() -> list:
    """The package's dependencies from the clone's pyproject.toml (markers evaluated here)."""
    import tomllib  # Python >= 3.11; Colab runs 3.12

    from packaging.requirements import Requirement

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = [Requirement(text) for text in project["dependencies"]]
    return [r for r in wanted if r.marker is None or r.marker.evaluate()]


def installed_versions() -> dict[str, str]:
    importlib.invalidate_caches()  # also clears importlib.metadata's cache of folder listings
    return {canonical(d.metadata["Name"]): d.version for d in metadata.distributions() if d.metadata["Name"]}


def unmet(wanted: list, versions: dict[str, str]) -> list:
    """Requirements not satisfied by what is installed; the kept packages (torch) are never listed."""
    return [
        r for r in wanted
        if canonical(r.name) not in KEEP_AS_INSTALLED
        and (canonical(r.name) not in versions or not r.specifier.contains(versions[canonical(r.name)], prereleases=True))
    ]


def kept_report(wanted: list, versions: dict[str, str]) -> str:
    """The packages left as Colab installed them, and whether they meet this package's range."""
    ranges = {canonical(r.name): r.specifier for r in wanted}
    kept = []
    for name in KEEP_AS_INSTALLED:
        if name in versions:
            fits = name not in ranges or ranges[name].contains(versions[name], prereleases=True)
            kept.append(f"{name} {versions[name]}" + ("" if fits else f" (outside the tested range {ranges[name]})"))
    return "kept " + ", ".join(kept)


def pip_install(wanted: list, versions: dict[str, str]) -> list[str]:
    """Install all requirements in one resolver run, the kept packages pinned; returns pip's conflict notes."""
    pins = [f"{name}=={versions[name]}" for name in KEEP_AS_INSTALLED if name in versions]
    with tempfile.NamedTemporaryFile("w", suffix=".txt", prefix="keep-", delete=False) as handle:
        handle.write("\n".join(pins) + "\n")
    command = [sys.executable, "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
               "--constraint", handle.name, *(str(r) for r in wanted if canonical(r.name) not in KEEP_AS_INSTALLED)]
    try:
        done = subprocess.run(command, capture_output=True, text=True)
    finally:
        os.unlink(handle.name)
    if done.returncode != 0:
        lines = [line for line in (done.stderr + done.stdout).strip().splitlines() if line.strip()]
        raise SetupError(
            "pip could not install the requirements: " + " | ".join(lines[-3:])
            + ". Check that the runtime is connected to the internet, then run this cell again."
        )
    # pip's resolver only checks the packages it installs; it names others it left with unmet requirements
    return [line.strip() for line in done.stderr.splitlines() if "but you have" in line or "which is not installed" in line]


def python_files(dist: str) -> list:
    """The Python files (and extension modules) a distribution installed, as importlib.metadata lists them."""
    try:
        files = metadata.distribution(dist).files or []
    except metadata.PackageNotFoundError:
        return []
    return [f for f in files if f.suffix in (".py", ".so", ".pyd") and f.parts[0] != ".."
            and not f.parts[0].endswith((".dist-info", ".data"))]


def stale_imports(changed: set[str], wanted: list, versions: dict[str, str]) -> list[str]:
    """Packages whose code in this kernel is another version than the one now on disk: a restart is needed.

    Either pip just changed a package this kernel had imported, or a requirement is loaded at another
    version than the installed one (e.g. upgraded by an earlier run of this cell without a restart).
    """
    stale: dict[str, str] = dict(getattr(sys, STALE_MARK, {}))  # only a restart clears what an earlier run found
    loaded = {os.path.realpath(m.__file__) for m in list(sys.modules.values()) if isinstance(getattr(m, "__file__", None), str)}
    for dist in sorted(changed | {canonical(r.name) for r in wanted}):
        files = python_files(dist)
        tops = {sys.modules.get(f.parts[0].removesuffix(".py")) for f in files} - {None}
        in_memory = next((v for m in tops if isinstance(v := getattr(m, "__version__", None), str)), None)
        if dist in changed and any(os.path.realpath(f.locate()) in loaded for f in files):
            stale[dist] = f"{dist} {in_memory or '(older)'} is loaded, {versions[dist]} is installed"
        elif in_memory is not None and not same_version(in_memory, versions.get(dist)):
            stale[dist] = f"{dist} {in_memory} is loaded, {versions.get(dist, 'another version')} is installed"
    setattr(sys, STALE_MARK, stale)
    return list(stale.values())


def same_version(a: str, b: str | None) -> bool:
    from packaging.version import InvalidVersion, Version

    if b is None:
        return True
    try:
        return Version(a) == Version(b)
    except InvalidVersion:
        return a == b


def make_importable(updated: bool) -> str:
    """Put the clone's src/ first on sys.path and import helpers from there."""
    src = str(ROOT / "src")
    if src not in sys.path:
        sys.path.insert(0, src)
    importlib.invalidate_caches()  # the import system lists folders once; the clone and pip's files are new
    note = ""
    loaded = sys.modules.get("helpers")
    if loaded is not None and not str(getattr(loaded, "__file__", "") or "").startswith(src):
        for name in [m for m in sys.modules if m == "helpers" or m.startswith("helpers.")]:
            del sys.modules[name]
        note = f" (replaced a different 'helpers' imported from {getattr(loaded, '__file__', None)})"
    elif loaded is not None and updated:
        note = f" (the updated helpers take effect after {RESTART})"
    helpers = importlib.import_module("helpers")
    where = getattr(helpers, "__file__", None) or ""
    if not where.startswith(src):
        raise SetupError(f"'import helpers' found {where or 'a namespace package'} instead of {src}; {RESTART_HINT}.")
    return f"helpers {helpers.__version__} imported from {src}{note}"


def main(cloned_now: bool) -> None:
    print("Colab setup: ", end="", flush=True)
    clone_report, updated = update_clone(cloned_now)
    print(clone_report + "; ", end="", flush=True)

    wanted = requirements()
    before = installed_versions()
    if "torch" not in before:
        raise SetupError("this runtime has no PyTorch (Colab ships one): install the build for its GPU, then run this cell again.")
    kept = kept_report(wanted, before)
    missing = unmet(wanted, before)
    notes: list[str] = []
    if missing:
        print(f"downloading and installing {', '.join(str(r) for r in missing)} ... ", end="", flush=True)
        notes = pip_install(wanted, before)
        after = installed_versions()
        changed = {name for name, version in after.items() if before.get(name) != version}
        still = unmet(wanted, after)
        if still:
            raise SetupError(f"pip finished but {', '.join(map(str, still))} is still not met; run this cell again.")
        installed = ", ".join(f"{canonical(r.name)} {after[canonical(r.name)]}" for r in missing)
        others = changed - {canonical(r.name) for r in missing}
        install_report = f"installed {installed}" + (f" and {len(others)} of their dependencies" if others else "")
    else:
        after, changed = before, set()
        install_report = "nothing to install (every requirement is met)"
    print(f"{install_report}; {kept}; ", end="", flush=True)

    stale = stale_imports(changed, wanted, after)
    if stale:
        raise SetupError(f"RESTART NEEDED: {'; '.join(stale)}. {RESTART_HINT}.")
    print(make_importable(updated) + f"; working folder {ROOT / 'notebooks'}")
    os.chdir(ROOT / "notebooks")  # relative paths (runs/...) behave as when the notebooks run locally
    if notes:
        print(f"pip notes {len(notes)} conflict(s) in preinstalled packages outside this tutorial's requirements: "
              + "; ".join(notes))


if __name__ == "__main__":
    try:
        main(cloned_now=bool(globals().get("CLONED_NOW", False)))
    except SetupError as error:
        print()  # end the progress line
        import warnings

        # IPython shows SystemExit as one line; its extra hint about leaving the shell does not apply here
        warnings.filterwarnings("ignore", message="To exit: use 'exit'")
        raise SystemExit(str(error)) from None
