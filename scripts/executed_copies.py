"""Keep executed copies of the notebooks, with their outputs, for reading without running (`make executed`).

Each notebook in notebooks/ (stored without outputs) gets a copy in docs/executed/ that ran top to
bottom in one profile (cpu by default), with a record in its metadata:
    "executed_copy": {"source": "notebooks/NN_name.ipynb", "profile": "cpu", "code_sha256": "..."}
`code_sha256` hashes the code cells (the stamped Colab install cell left out: it does nothing off
Colab); tests/test_executed_copies.py fails when a notebook's code or text no longer matches its copy.

For each notebook, the cheapest way that gives the same result is taken, and printed:
- the copy's code is current: its outputs are kept, and its text (markdown, stamped cells) is
  refreshed from the notebook, without running anything;
- `make run` left an executed notebook in build/notebooks that ran the same code in the same profile
  without error, after the last change to src/, data/ and pyproject.toml: that one is copied;
- otherwise the notebook runs now (scripts/run_series.py), and its executed form lands in build/notebooks too.
"""

from __future__ import annotations

import argparse
import copy
import html
import os
import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
from run_series import INSTALL_TAG, active_profile, code_sha256, run_notebook  # noqa: E402

RECORD = "executed_copy"
COMMAND = "make executed"
# what the outputs depend on besides the notebook's own code
INPUTS = ("src", "data", "pyproject.toml")


def source_name(path: Path) -> str:
    path = path.resolve()
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else path.name


def text_of(notebook: nbformat.NotebookNode) -> list[tuple[str, str]]:
    """What a reader sees besides the outputs: every cell's type and source."""
    return [(cell.cell_type, cell.source) for cell in notebook.cells]


def problems(source_path: Path, copy_path: Path, profile: str) -> list[str]:
    """Why the copy does not show this notebook as it is now (empty when it does)."""
    if not copy_path.exists():
        return [f"{copy_path.name}: no executed copy in {copy_path.parent}"]
    source, executed = nbformat.read(source_path, as_version=4), nbformat.read(copy_path, as_version=4)
    record = executed.metadata.get(RECORD)
    if not isinstance(record, dict):
        return [f"{copy_path.name}: no '{RECORD}' record in its metadata (not written by scripts/executed_copies.py)"]
    found = []
    if record.get("code_sha256") != code_sha256(source):
        found.append(f"{copy_path.name}: the code cells of {source_path.name} changed since the copy was executed")
    elif code_sha256(executed) != record.get("code_sha256"):
        found.append(f"{copy_path.name}: its code cells were edited by hand after it was executed")
    elif text_of(executed) != text_of(source):
        found.append(f"{copy_path.name}: the text (markdown or stamped cells) of {source_path.name} changed; "
                     "regenerating only refreshes it (nothing runs)")
    if record.get("profile") != profile:
        found.append(f"{copy_path.name}: executed in the {record.get('profile')!r} profile, not {profile!r}")
    if not any(cell.get("outputs") for cell in executed.cells if cell.cell_type == "code"):
        found.append(f"{copy_path.name}: has no outputs")
    return found


def refreshed(source: nbformat.NotebookNode, executed: nbformat.NotebookNode, record: dict) -> nbformat.NotebookNode:
    """The notebook's current cells, each code cell with the outputs of its counterpart in `executed`."""
    code = [cell for cell in executed.cells if cell.cell_type == "code"]
    wanted = [cell for cell in source.cells if cell.cell_type == "code"]
    if len(code) != len(wanted):
        raise ValueError(f"{len(code)} code cells executed, {len(wanted)} in the notebook")  # the hashes rule this out
    result = copy.deepcopy(executed)
    outputs = iter(code)
    cells = []
    for cell in source.cells:
        if cell.cell_type == "code":
            ran = copy.deepcopy(next(outputs))
            ran.source, ran.id = cell.source, cell.get("id", ran.get("id"))
            timing = {"execution": ran.metadata["execution"]} if "execution" in ran.metadata else {}
            ran.metadata = nbformat.from_dict({**copy.deepcopy(cell.metadata), **timing})  # nbclient's timings kept
            cells.append(ran)
        else:
            cells.append(copy.deepcopy(cell))
    result.cells = cells
    # the executed notebook's metadata (the kernel's language_info, the widgets' final state), the notebook's own on top
    result.metadata.update(copy.deepcopy({k: v for k, v in source.metadata.items() if k != "language_info"}))
    result.metadata.pop("series_run", None)
    result.metadata[RECORD] = record
    show_final_progress(result)
    return result


WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


def show_final_progress(notebook: nbformat.NotebookNode) -> None:
    """Give each tqdm progress widget a text fallback showing where it ended, not where it started.

    A viewer without a widget manager (GitHub) shows a widget's `text/plain`, which the kernel wrote
    when the bar appeared ("0%"). The final text is in the saved widget state: tqdm's bar is an HBox
    of an HTML label, a progress bar and an HTML counter. Other widgets are left as they are.
    """
    state = notebook.metadata.get("widgets", {}).get("application/vnd.jupyter.widget-state+json", {}).get("state", {})
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            view = output.get("data", {}).get(WIDGET_VIEW)
            box = state.get(view.get("model_id", "")) if isinstance(view, dict) else None
            children = [state.get(str(c).replace("IPY_MODEL_", ""), {}) for c in (box or {}).get("state", {}).get("children", [])]
            if [c.get("model_name") for c in children] not in (
                ["HTMLModel", "FloatProgressModel", "HTMLModel"], ["HTMLModel", "IntProgressModel", "HTMLModel"]
            ):
                continue
            label, bar, counter = (c.get("state", {}) for c in children)
            filled = round(10 * bar.get("value", 0) / bar["max"]) if bar.get("max") else 0
            text = f"{label.get('value', '')}|{'█' * filled}{' ' * (10 - filled)}|{counter.get('value', '')}"
            output["data"]["text/plain"] = html.unescape(text).replace("\u2007", " ")


def newest_input_change() -> float:
    stamps = [0.0]
    for name in INPUTS:
        path = ROOT / name
        files = [path] if path.is_file() else [p for p in path.rglob("*") if p.is_file() and "__pycache__" not in p.parts]
        stamps += [p.stat().st_mtime for p in files]
    return max(stamps)


def build_is_fresh(built_path: Path, source: nbformat.NotebookNode, profile: str) -> tuple[bool, str]:
    if not built_path.exists():
        return False, f"no executed notebook in {built_path.parent}"
    run = nbformat.read(built_path, as_version=4).metadata.get("series_run") or {}
    if run.get("profile") != profile:
        return False, f"{built_path} ran in the {run.get('profile')!r} profile" if run else f"{built_path} has no run record"
    if run.get("code_sha256") != code_sha256(source):
        return False, f"{built_path} ran other code"
    if run.get("error"):
        return False, f"{built_path} failed: {run['error']}"
    if built_path.stat().st_mtime < newest_input_change():
        return False, f"{built_path} is older than the last change to {', '.join(INPUTS)}"
    return True, f"reused {built_path} (same code, {profile} profile, newer than {', '.join(INPUTS)})"


def update(path: Path, out: Path, build: Path, profile: str, timeout: int) -> str | None:
    """Bring one copy up to date; returns an error message, or None."""
    source = nbformat.read(path, as_version=4)
    record = {"source": source_name(path), "profile": profile, "code_sha256": code_sha256(source)}
    target = out / path.name
    current = nbformat.read(target, as_version=4) if target.exists() else None
    fresh, why = build_is_fresh(build / path.name, source, profile)
    # a fresh `make run` wins over an older copy: the code may be the same while the helpers, the data or the
    # model behind its outputs changed
    if not fresh and current is not None and current.metadata.get(RECORD) == record \
            and code_sha256(current) == record["code_sha256"]:
        if text_of(current) == text_of(source):
            print(f"  {path.name}: up to date")
            return None
        nbformat.write(refreshed(source, current, record), target)
        print(f"  {path.name}: code unchanged; text refreshed from the notebook (nothing ran)")
        return None
    if not fresh:
        print(f"  {path.name}: running it ({why}) ...", flush=True)
        elapsed, error = run_notebook(path, build, timeout, profile)
        if error:
            return f"{path.name} failed after {elapsed:.0f} s: {error} (see {build / path.name}); its copy is unchanged"
        why = f"ran in {elapsed:.0f} s"
    executed = nbformat.read(build / path.name, as_version=4)
    nbformat.write(refreshed(source, executed, record), target)
    print(f"  {path.name}: {why} -> {target}")
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profile", default="cpu", help="profile the copies run in (default: cpu)")
    parser.add_argument("--notebooks", type=Path, default=ROOT / "notebooks", help="folder of the notebooks")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "executed", help="folder of the executed copies")
    parser.add_argument("--build", type=Path, default=ROOT / "build" / "notebooks",
                        help="folder of `make run`'s executed notebooks, reused when fresh")
    parser.add_argument("--timeout", type=int, default=1800, help="seconds one cell may take")
    args = parser.parse_args(argv)

    os.environ["TUTORIAL_PROFILE"] = args.profile  # the kernels inherit it
    try:
        profile = active_profile()
    except ValueError as error:
        print(error)
        return 1
    paths = sorted(args.notebooks.glob("[0-9][0-9]_*.ipynb"))
    if not paths:
        print(f"No notebooks (NN_name.ipynb) in {args.notebooks}.")
        return 1
    out, build = args.out.resolve(), args.build.resolve()
    out.mkdir(parents=True, exist_ok=True)
    (build / "results").mkdir(parents=True, exist_ok=True)
    os.environ["TUTORIAL_RESULTS"] = str(build / "results")  # as `make run`: key metrics go next to the notebooks
    print(f"Executed copies of {len(paths)} notebooks, {profile} profile -> {out}")
    errors = [error for path in paths if (error := update(path, out, build, profile, args.timeout))]
    names = {path.name for path in paths}
    for orphan in sorted(p for p in out.glob("*.ipynb") if p.name not in names):
        errors.append(f"{orphan} has no notebook in {args.notebooks}: delete it if the notebook was removed or renamed")
    for error in errors:
        print("FAILED: " + error)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
