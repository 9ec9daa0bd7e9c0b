"""The command line end to end on the tiny model: train, evaluate, predict; errors; two-process DDP."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from helpers.cli import build_parser, main

ROOT = Path(__file__).resolve().parents[1]
TRAIN = ["train", "--profile", "smoke", "--epochs", "1", "--batch-size", "16"]


@pytest.fixture(scope="module")
def trained(tmp_path_factory):
    from conftest import write_reviews_csv

    folder = tmp_path_factory.mktemp("cli")
    write_reviews_csv(folder / "reviews.csv")
    assert main([*TRAIN, "--data", str(folder / "reviews.csv"), "--output", str(folder / "run")]) == 0
    return folder


def test_train_writes_model_folder_and_metrics_at_05_and_tuned_thresholds(trained):
    metrics = json.loads((trained / "run" / "metrics.json").read_text())
    assert metrics["problem"] == "multi_label" and metrics["thresholds"]["tuned_on"] == "validation"
    for split in ("validation", "test"):
        assert set(metrics[split]) == {"threshold_0.5", "tuned_global", "tuned_per_label"}
        assert 0.0 <= metrics[split]["tuned_per_label"]["micro_f1"] <= 1.0
    assert (trained / "run" / "model" / "thresholds.json").exists()
    assert (trained / "run" / "model" / "model.safetensors").exists()
    # one copy of the final weights: the model folder (the Trainer's epoch checkpoints are for --resume)
    copies = [p for p in (trained / "run").rglob("model.safetensors") if not p.parent.name.startswith("checkpoint-")]
    assert copies == [trained / "run" / "model" / "model.safetensors"]


def test_evaluate_and_predict_use_the_saved_folder(trained, capsys, tmp_path):
    model = str(trained / "run" / "model")
    assert main(["evaluate", model, "--data", str(trained / "reviews.csv")]) == 0
    assert '"saved_per_label"' in capsys.readouterr().out
    texts = tmp_path / "new.txt"
    texts.write_text("Das Paket kam zu spät.\n\nViel zu teuer und die Hotline ging nicht ran.\n", encoding="utf-8")
    assert main(["predict", model, str(texts), "--output", str(tmp_path / "out.jsonl")]) == 0
    rows = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text().splitlines()]
    assert [row["text"] for row in rows] == ["Das Paket kam zu spät.", "Viel zu teuer und die Hotline ging nicht ran."]
    assert all(row["labels"] and len(row["scores"]) == 4 for row in rows)


def test_multiclass_flag_trains_on_one_label_per_text(tmp_path):
    csv = tmp_path / "one.csv"
    csv.write_text("text,labels,primary\n" + "".join(
        f"Paket kam spät {i},Lieferung,Lieferung\nZu teuer {i},Preis,Preis\nHotline schlecht {i},Kundenservice,Kundenservice\n"
        for i in range(20)), encoding="utf-8")
    assert main([*TRAIN, "--data", str(csv), "--primary-column", "primary", "--multiclass", "--output", str(tmp_path / "r")]) == 0
    metrics = json.loads((tmp_path / "r" / "metrics.json").read_text())
    assert set(metrics["test"]) == {"multiclass", "as_multi_label"}


def test_bf16_can_be_asked_for_on_a_cpu(trained, tmp_path):
    assert main([*TRAIN, "--data", str(trained / "reviews.csv"), "--precision", "bf16", "--output", str(tmp_path)]) == 0
    metrics = json.loads((tmp_path / "metrics.json").read_text())
    assert metrics["precision"] == "bf16"
    assert json.loads((trained / "run" / "metrics.json").read_text())["precision"] == "fp32"  # the CPU default


def test_bad_paths_columns_and_models_get_one_line_errors(tmp_path, capsys):
    assert main([*TRAIN, "--data", str(tmp_path / "missing.csv")]) == 2
    assert "File not found" in capsys.readouterr().err
    csv = tmp_path / "r.csv"
    csv.write_text("review,labels\nGut,Preis\n", encoding="utf-8")
    assert main([*TRAIN, "--data", str(csv)]) == 2
    assert "no text column 'text'" in capsys.readouterr().err
    assert main([*TRAIN, "--model", "nobody/nothing", "--output", str(tmp_path / "x")]) == 2
    assert "Cannot load model 'nobody/nothing'" in capsys.readouterr().err
    assert main([*TRAIN, "--precision", "fp16", "--output", str(tmp_path / "y")]) == 2
    assert "fp16 training needs a CUDA GPU" in capsys.readouterr().err


def test_help_explains_every_option():
    text = build_parser()._subparsers._group_actions[0].choices["train"].format_help()
    for option in ("--model", "--epochs", "--learning-rate", "--batch-size", "--max-length", "--seed", "--pos-weight",
                   "--precision", "--output", "--resume"):
        assert option in text


def _free_port() -> int:
    import socket

    with socket.socket() as sock:  # a free port on loopback for the two processes to meet
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _launcher(name: str, port: int) -> list[str]:
    bin_dir = Path(sys.executable).parent
    if name == "torchrun":
        return [str(bin_dir / "torchrun"), "--nproc_per_node", "2", "--master_addr", "127.0.0.1",
                "--master_port", str(port)]
    # accelerate starts several processes only through its multi-GPU launcher (torch.distributed.run);
    # without CUDA the processes meet over gloo on the CPU, as under torchrun
    return [str(bin_dir / "accelerate"), "launch", "--multi_gpu", "--num_processes", "2", "--num_machines", "1",
            "--mixed_precision", "no", "--dynamo_backend", "no", "--main_process_ip", "127.0.0.1",
            "--main_process_port", str(port)]


def _history(run: Path) -> list[dict]:
    return json.loads((run / "log_history.json").read_text())


@pytest.mark.parametrize("launcher", ["torchrun", "accelerate"])
def test_two_cpu_processes_train_and_write_metrics_once(trained, tmp_path, launcher):
    env = {**os.environ, "TUTORIAL_PROFILE": "smoke", "OMP_NUM_THREADS": "1"}
    result = subprocess.run(
        [*_launcher(launcher, _free_port()), "-m", "helpers", *TRAIN,
         "--data", str(trained / "reviews.csv"), "--output", str(tmp_path / "ddp")],
        capture_output=True, text=True, env=env, timeout=600, cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert result.stdout.count("Metrics:") == 1  # only the main process writes
    metrics = json.loads((tmp_path / "ddp" / "metrics.json").read_text())
    assert set(metrics["test"]) == {"threshold_0.5", "tuned_global", "tuned_per_label"}
    history, single = _history(tmp_path / "ddp"), _history(trained / "run")
    assert history[-1]["epoch"] == 1.0  # training finished
    # two processes share the data: half the optimiser steps of the single-process run
    assert max(e["step"] for e in history) == pytest.approx(max(e["step"] for e in single) / 2, abs=1)
    # the logged loss is a per-batch mean in both runs, not multiplied by the number of processes
    ddp_first, single_first = (next(e["loss"] for e in run if "loss" in e) for run in (history, single))
    assert ddp_first == pytest.approx(single_first, rel=0.25)
