"""Execute the whole notebook series headless and print a summary table (`make run`).

Each notebook runs top to bottom in a fresh kernel, in the profile the environment selects
(TUTORIAL_PROFILE, else the hardware decides). Executed notebooks and HTML copies go to --out;
the table lists each notebook's time and the key metric it recorded.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from traitlets.config import Config
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError
from nbconvert import HTMLExporter

ROOT = Path(__file__).resolve().parents[1]
INSTALL_TAG = "colab-install"  # the stamped Colab cell (scripts/stamp_notebooks.py): a no-op off Colab


def code_sha256(notebook: nbformat.NotebookNode) -> str:
    """A hash of the code that running the notebook executes: its code cells, the Colab install cell left out."""
    sources = [
        cell.source for cell in notebook.cells
        if cell.cell_type == "code" and INSTALL_TAG not in cell.metadata.get("tags", [])
    ]
    return hashlib.sha256(json.dumps(sources, ensure_ascii=False).encode("utf-8")).hexdigest()


def active_profile() -> str:
    """The profile the kernels will choose: they inherit this environment (TUTORIAL_PROFILE, else the hardware)."""
    sys.path.insert(0, str(ROOT / "src"))  # works before the package is installed, too
    from helpers.profiles import choose_profile

    return choose_profile(verbose=False).name


def ipc_kernels() -> Config:
    """Kernels reached over local sockets instead of TCP: no network port, and no "Kernel is running over TCP
    without encryption" warning from every kernel burying the summary. The socket files live in a temporary folder."""
    config = Config()
    config.KernelManager.transport = "ipc"
    config.KernelManager.ip = str(Path(tempfile.mkdtemp(prefix="series-kernel-")) / "kernel")
    return config


def run_notebook(path: Path, out: Path, timeout: int, profile: str) -> tuple[float, str | None]:
    """Execute one notebook in a fresh kernel; write it (with a record of the run in its metadata) and its HTML."""
    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(notebook, timeout=timeout, kernel_name="python3", config=ipc_kernels(),
                            resources={"metadata": {"path": str(path.parent)}})
    start, error = time.perf_counter(), None
    try:
        client.execute()
    except (CellExecutionError, CellTimeoutError, DeadKernelError) as failure:  # reported in the table, the next runs
        error = re.sub(r"\x1b\[[0-9;]*m", "", str(failure)).strip().splitlines()[-1][:200]  # without colour codes
    elapsed = time.perf_counter() - start
    notebook.metadata["series_run"] = {"profile": profile, "code_sha256": code_sha256(notebook), "error": error}
    nbformat.write(notebook, out / path.name)
    html, _ = HTMLExporter().from_notebook_node(notebook)
    (out / path.with_suffix(".html").name).write_text(html, encoding="utf-8")
    return elapsed, error


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "notebooks", help="folder for executed notebooks and HTML")
    parser.add_argument("--only", default="", help="run only notebooks whose name contains this text")
    parser.add_argument("--timeout", type=int, default=1800, help="seconds one cell may take")
    args = parser.parse_args()

    out = args.out.resolve()
    results = out / "results"
    results.mkdir(parents=True, exist_ok=True)
    os.environ["TUTORIAL_RESULTS"] = str(results)  # the kernels inherit it; record_key_metric writes there
    paths = [p for p in sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")) if args.only in p.name]
    if not paths:
        print(f"No notebooks match {args.only!r}.")
        return 1
    try:
        profile = active_profile()
    except ValueError as error:  # an unknown TUTORIAL_PROFILE or TUTORIAL_DATASET
        print(error)
        return 1
    print(f"Executing {len(paths)} notebooks (profile: {profile}) -> {out}")
    rows, failed = [], False
    for path in paths:
        print(f"  {path.name} ...", flush=True)
        elapsed, error = run_notebook(path, out, args.timeout, profile)
        record = results / f"{path.stem}.json"
        metric = json.loads(record.read_text()) if record.exists() else None
        shown = f"{metric['metric']} = {metric['value']:.3f}" if metric else "-"
        rows.append((path.name, f"{elapsed:6.1f} s", "FAILED: " + error if error else shown))
        failed |= error is not None

    widths = [max(len(row[i]) for row in rows + [("notebook", "time", "key metric")]) for i in range(3)]
    line = lambda cells: " | ".join(c.ljust(w) for c, w in zip(cells, widths))  # noqa: E731
    print("\n" + line(("notebook", "time", "key metric")))
    print("-+-".join("-" * w for w in widths))
    for row in rows:
        print(line(row))
    print(f"\nExecuted notebooks and HTML: {out}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
