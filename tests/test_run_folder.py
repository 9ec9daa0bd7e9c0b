"""A run folder: one training at a time (its lock), no silent overwrite, checkpoints checked before --resume."""

import os
import shutil

import pytest

from helpers.errors import RunError
from helpers.recipe import provenance
from helpers.run_folder import prepare_run_dir


def test_a_second_run_into_the_same_folder_is_refused_without_overwrite(smoke_run, tmp_path):
    shutil.copytree(smoke_run["run_dir"], tmp_path / "run")
    wanted = provenance(smoke_run["profile"], smoke_run["splits"])
    with pytest.raises(RunError, match="already holds a trained model; it is never replaced silently"):
        prepare_run_dir(tmp_path / "run", wanted, resume=False, overwrite=False)
    with pytest.raises(RunError, match="has finished"):
        prepare_run_dir(tmp_path / "run", wanted, resume=True, overwrite=False)
    shutil.rmtree(tmp_path / "run" / "model")  # as if killed before the end
    with pytest.raises(RunError, match="checkpoints of an unfinished run"):
        prepare_run_dir(tmp_path / "run", wanted, resume=False, overwrite=False)
    other = provenance(smoke_run["profile"].with_overrides(learning_rate=0.5), smoke_run["splits"])
    with pytest.raises(RunError, match="belong to another run .other settings: learning_rate"):
        prepare_run_dir(tmp_path / "run", other, resume=True, overwrite=False)
    with pytest.raises(RunError, match="Nothing to resume"):
        prepare_run_dir(tmp_path / "empty", wanted, resume=True, overwrite=False)
    assert prepare_run_dir(tmp_path / "run", other, resume=False, overwrite=True) is None
    assert not (tmp_path / "run" / "metrics.json").exists()


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write to read-only folders")
def test_a_read_only_output_is_refused_before_any_work(smoke_run, tmp_path):
    tmp_path.chmod(0o500)
    try:
        with pytest.raises(RunError, match="Cannot write to"):
            prepare_run_dir(tmp_path / "run", {}, resume=False, overwrite=False)
    finally:
        tmp_path.chmod(0o700)


def test_an_output_that_cannot_be_a_folder_is_refused_before_any_work(tmp_path):
    (tmp_path / "taken").write_text("a file, not a folder")
    with pytest.raises(RunError, match="Cannot write to .*taken.*choose another output folder"):
        prepare_run_dir(tmp_path / "taken", {}, resume=False, overwrite=False)
    with pytest.raises(RunError, match="Cannot write to"):
        prepare_run_dir(tmp_path / "taken" / "run", {}, resume=False, overwrite=False)


def test_a_second_training_into_a_folder_in_use_is_refused_and_a_stale_lock_is_taken_over(tmp_path, capsys):
    import json
    import os
    import socket
    import subprocess
    import sys

    from helpers.errors import RunError
    from helpers.run_folder import LOCK_FILE, run_lock

    with run_lock(tmp_path):
        assert (tmp_path / LOCK_FILE).exists()
        holder = json.loads((tmp_path / LOCK_FILE).read_text())
        assert holder["pid"] == os.getpid()
        with pytest.raises(RunError, match=f"in use by another training \\(process {os.getpid()}"):
            with run_lock(tmp_path):
                pass
    assert not (tmp_path / LOCK_FILE).exists()  # released
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    (tmp_path / LOCK_FILE).write_text(json.dumps({"pid": int(gone.stdout), "host": socket.gethostname(),
                                                  "started": "2026-01-01 00:00:00"}))
    with run_lock(tmp_path):
        pass
    assert "stopped without finishing" in capsys.readouterr().err


def test_a_damaged_last_checkpoint_falls_back_to_the_previous_complete_one(tmp_path, capsys):
    import json

    from helpers.run_folder import valid_checkpoints

    def checkpoint(step, optimizer_bytes):
        import torch
        from safetensors.torch import save_file

        folder = tmp_path / f"checkpoint-{step}"
        folder.mkdir()
        (folder / "trainer_state.json").write_text(json.dumps({"global_step": step}))
        save_file({"w": torch.zeros(2)}, str(folder / "model.safetensors"))
        torch.save({"state": torch.arange(1000)}, folder / "optimizer.pt")
        torch.save({"lr": 1}, folder / "scheduler.pt")
        if optimizer_bytes is not None:
            data = (folder / "optimizer.pt").read_bytes()
            (folder / "optimizer.pt").write_bytes(data[:optimizer_bytes])
        return folder

    first, last = checkpoint(10, None), checkpoint(20, 300)
    assert valid_checkpoints(tmp_path) == [first]
    assert f"Skipping {last}: optimizer.pt is damaged" in capsys.readouterr().err
