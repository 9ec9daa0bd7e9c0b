"""A run folder's layout and state: its files, the checkpoints of an unfinished run, and the lock that keeps a
second training out of a folder in use.

    RUN/model/             the model folder (helpers.inference: the one contract for prediction)
    RUN/metrics.json       validation and test scores, including the "as_saved" rule
    RUN/log_history.json   what the Trainer logged
    RUN/checkpoints/       the Trainer's epoch checkpoints (what --resume continues) and run.json
    RUN/.training.lock     while a training runs: its process id, host and start time
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import time
from contextlib import contextmanager
from pathlib import Path

from helpers.errors import ModelFolderError, RunError
from helpers.reporting import get_logger


log = get_logger(__name__)

MODEL_DIR, METRICS_FILE, HISTORY_FILE, CHECKPOINTS_DIR, RUN_FILE = (
    "model", "metrics.json", "log_history.json", "checkpoints", "run.json",
)
CHECKPOINT_FILES = ("trainer_state.json", "model.safetensors", "optimizer.pt", "scheduler.pt")


def same_model(a: dict, b: dict) -> bool:
    """Whether two provenances describe the same model (library versions aside)."""
    keys = ("data_sha256", "split_seed", "subset", "training_seed", "recipe")
    return all(a.get(key) == b.get(key) for key in keys)



# --- checkpoints of an unfinished run -----------------------------------------------------------


def valid_checkpoints(checkpoints: Path) -> list[Path]:
    """The complete checkpoint folders, oldest first; half-written ones are named and skipped."""
    found = sorted(
        (p for p in checkpoints.glob("checkpoint-*") if p.is_dir() and p.name.split("-")[-1].isdigit()),
        key=lambda p: int(p.name.split("-")[-1]),
    )
    complete = []
    for folder in found:
        problem = _checkpoint_problem(folder)
        if problem:
            log.warning(f"Skipping {folder}: {problem} (a run killed while writing it).")
        else:
            complete.append(folder)
    return complete


def _checkpoint_problem(folder: Path) -> str | None:
    missing = [name for name in CHECKPOINT_FILES if not (folder / name).exists()]
    if missing:
        return f"it lacks {', '.join(missing)}"
    import zipfile

    from helpers.inference import check_safetensors

    try:
        json.loads((folder / "trainer_state.json").read_text(encoding="utf-8"))
        check_safetensors(folder / "model.safetensors")
        for name in ("optimizer.pt", "scheduler.pt"):  # torch.save writes zip archives: a cut one fails its check
            if not zipfile.is_zipfile(folder / name):
                return f"{name} is damaged (not a complete torch archive)"
            with zipfile.ZipFile(folder / name) as archive:
                if archive.testzip() is not None:
                    return f"{name} is damaged (a part of it fails its checksum)"
    except ModelFolderError:
        return "model.safetensors is damaged (truncated, or not a safetensors file)"
    except (OSError, ValueError, zipfile.BadZipFile) as error:  # any unreadable file makes the checkpoint unusable
        return f"a file cannot be read ({type(error).__name__}: {error})"
    return None


def prepare_run_dir(run_dir: Path, wanted: dict, *, resume: bool, overwrite: bool) -> Path | None:
    """Check the run folder before any work; return the checkpoint to resume from (or None).

    A finished model is never replaced without `overwrite`; checkpoints are resumed only when they
    belong to this same run (data, split and recipe); the folder must be writable.
    """
    run_dir = Path(run_dir)
    checkpoints = run_dir / CHECKPOINTS_DIR
    try:
        run_dir.mkdir(parents=True, exist_ok=True)
        probe = run_dir / ".write-test"
        probe.write_text("")
        probe.unlink()
    except OSError as error:
        raise RunError(f"Cannot write to {run_dir} ({error.strerror or error}); choose another output folder.") from error
    if resume and overwrite:
        raise RunError("--resume continues a run and --overwrite starts a new one; choose one of them.")
    record = checkpoints / RUN_FILE
    earlier = json.loads(record.read_text(encoding="utf-8")) if record.exists() else None
    model_there = (run_dir / MODEL_DIR).exists()
    if resume:
        if model_there:
            raise RunError(
                f"The run in {run_dir} has finished: its model is in {run_dir / MODEL_DIR}. Nothing to resume; "
                "use another --output, or --overwrite to train it again."
            )
        if earlier is None:
            raise RunError(f"Nothing to resume in {run_dir}: it has no checkpoints of an earlier run. Start without --resume.")
        if not same_model(earlier, wanted):
            raise RunError(
                f"The checkpoints in {checkpoints} belong to another run ({provenance_difference(earlier, wanted)}); "
                "resume only continues the same data and settings. Use another --output, or --overwrite to start over."
            )
        complete = valid_checkpoints(checkpoints)
        if not complete:
            raise RunError(f"No complete checkpoint in {checkpoints} (the run stopped before its first one); start without --resume.")
        log.info(f"Resuming from {complete[-1]} (the last complete checkpoint of this run).")
        return complete[-1]
    if (model_there or earlier is not None) and not overwrite:
        what = "a trained model" if model_there else "checkpoints of an unfinished run"
        raise RunError(
            f"{run_dir} already holds {what}; it is never replaced silently. Use another --output, --resume to "
            "continue an unfinished run, or --overwrite to replace it."
        )
    if overwrite:
        for name in (MODEL_DIR, CHECKPOINTS_DIR, METRICS_FILE, HISTORY_FILE):
            path = run_dir / name
            if path.exists():
                shutil.rmtree(path) if path.is_dir() else path.unlink()
                log.info(f"--overwrite: removed {path}.")
    checkpoints.mkdir(parents=True, exist_ok=True)
    record.write_text(json.dumps(wanted, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return None


def provenance_difference(earlier: dict, wanted: dict) -> str:
    if earlier.get("data_sha256") != wanted.get("data_sha256") or earlier.get("split_seed") != wanted.get("split_seed"):
        return "other data or another split"
    changed = sorted(k for k in set(earlier.get("recipe", {})) | set(wanted.get("recipe", {}))
                     if earlier.get("recipe", {}).get(k) != wanted.get("recipe", {}).get(k))
    return f"other settings: {', '.join(changed) or 'training seed'}"


# --- one run per folder ----------------------------------------------------------------------

LOCK_FILE = ".training.lock"


@contextmanager
def run_lock(run_dir: Path):
    """Hold the run folder for this training: a second one into the same folder is refused at once.

    The lock file holds the process id, the host and the start time. A lock whose process is gone (a run that
    was killed) is reported and taken over; a live one is never touched, not even with --overwrite.
    """
    run_dir = Path(run_dir)
    if run_dir.exists() and not run_dir.is_dir():
        raise RunError(f"Cannot write to {run_dir}: it is a file, not a folder; choose another output folder.")
    try:
        run_dir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise RunError(f"Cannot write to {run_dir} ({error.strerror or error}); choose another output folder.") from error
    lock = run_dir / LOCK_FILE
    me = {"pid": os.getpid(), "host": socket.gethostname(), "started": time.strftime("%Y-%m-%d %H:%M:%S")}
    for _ in range(2):
        try:
            handle = os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
        except FileExistsError:
            holder = _read_lock(lock)
            if holder and _alive(holder):
                raise RunError(
                    f"{run_dir} is in use by another training (process {holder['pid']} on {holder['host']}, started "
                    f"{holder['started']}). Wait for it to finish, or choose another --output.") from None
            log.warning(f"Note: {lock} was left by a training that stopped without finishing "
                        f"({_describe(holder)}); taking the folder over.")
            lock.unlink(missing_ok=True)
            continue
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            json.dump(me, file)
        break
    else:
        raise RunError(f"Could not take {lock}: another process keeps creating it. Choose another --output.")
    try:
        yield
    finally:
        if _read_lock(lock) == me:
            lock.unlink(missing_ok=True)


def _read_lock(lock: Path) -> dict | None:
    try:
        data = json.loads(lock.read_text(encoding="utf-8"))
        return data if isinstance(data, dict) and isinstance(data.get("pid"), int) else None
    except (OSError, json.JSONDecodeError):
        return None


def _alive(holder: dict) -> bool:
    if holder.get("host") != socket.gethostname():
        return True  # another machine's process cannot be checked from here: assume it runs
    try:
        os.kill(holder["pid"], 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _describe(holder: dict | None) -> str:
    if not holder:
        return "its lock file is unreadable"
    return f"process {holder['pid']} on {holder.get('host')}, started {holder.get('started')}"
