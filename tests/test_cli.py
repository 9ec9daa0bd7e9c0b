"""The command line end to end on the tiny model: train, evaluate, predict; errors; two-process DDP."""

from __future__ import annotations

import json
import os
import shutil
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
    assert main([*TRAIN, "--data", str(folder / "reviews.csv"), "--output", str(folder / "run"),
                 "--split-seed", "7", "--seed", "3"]) == 0
    return folder


def test_train_writes_the_run_folder_with_metrics_at_05_tuned_and_as_saved(trained):
    metrics = json.loads((trained / "run" / "metrics.json").read_text())
    assert metrics["problem"] == "multi_label" and metrics["thresholds"]["tuned_on"] == "validation"
    for split in ("validation", "test"):
        assert set(metrics[split]) == {"threshold_0.5", "tuned_global", "tuned_per_label", "as_saved"}
        assert 0.0 <= metrics[split]["as_saved"]["micro_f1"] <= 1.0
    assert {p.name for p in (trained / "run").iterdir()} == {"model", "metrics.json", "log_history.json", "checkpoints"}
    assert metrics["provenance"]["split_seed"] == 7 and metrics["provenance"]["training_seed"] == 3


def _evaluate(argv, capsys) -> dict:
    assert main(["evaluate", *argv]) == 0
    captured = capsys.readouterr()
    return json.loads(captured.out) | {"messages": captured.err}


def test_evaluate_on_the_runs_own_test_split_reproduces_as_saved_and_predict_delivers_it(trained, capsys, tmp_path):
    from sklearn.metrics import f1_score

    from helpers.data import load_table
    from helpers.inference import ModelFolder

    model = str(trained / "run" / "model")
    saved = json.loads((trained / "run" / "metrics.json").read_text())["test"]["as_saved"]
    # the split seed (7) comes from the model folder: the same test split as at training, not seed 0
    result = _evaluate([model, "--data", str(trained / "reviews.csv"), "--split", "test"], capsys)
    assert result["as_saved"] == saved and result["texts"] == saved["texts"]
    assert "split seed 7" in result["scored"]
    # predict's own outputs on the same texts score exactly the same
    splits = load_table(trained / "reviews.csv", seed=7, label_order=ModelFolder.read(model).label_names)
    texts = tmp_path / "test.txt"
    texts.write_text("\n".join(splits.test.texts) + "\n", encoding="utf-8")
    assert main(["predict", model, str(texts), "--output", str(tmp_path / "out.jsonl")]) == 0
    rows = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text().splitlines()]
    names = splits.label_names
    delivered = [[int(name in row["labels"]) for name in names] for row in rows]
    assert f1_score(splits.test.labels, delivered, average="micro", zero_division=0) == saved["micro_f1"]
    assert f1_score(splits.test.labels, delivered, average="macro", zero_division=0) == saved["macro_f1"]


def test_predict_streams_one_result_per_input_line_and_keeps_blank_ones(trained, tmp_path, capsys):
    model = str(trained / "run" / "model")
    texts = tmp_path / "new.txt"
    texts.write_bytes("\ufeffDas Paket kam zu spät.\n\n\u200b\r\nViel zu teuer.\n".encode("utf-8"))
    out = tmp_path / "out.jsonl"
    assert main(["predict", model, str(texts), "--output", str(out), "--batch-size", "2"]) == 0
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [(r["line"], r.get("skipped")) for r in rows] == [(1, None), (2, "empty"),
                                                             (3, "only spaces or invisible characters"), (4, None)]
    assert rows[0]["text"] == "Das Paket kam zu spät."  # no BOM in the first text
    assert rows[0]["labels"] and rows[1]["labels"] is None
    err = capsys.readouterr().err
    assert "2 of 4 texts are skipped (lines 2, 3)" in err and "Wrote 4 results, 2 of them skipped" in err
    assert main(["predict", model, str(texts), "--output", str(out)]) == 2  # never replaced silently
    assert "exists already" in capsys.readouterr().err
    assert main(["predict", model, str(texts), "--output", str(out), "--overwrite"]) == 0
    csv = tmp_path / "new.csv"
    csv.write_text("id;text\nA7;Die Hotline war toll.\nB2;\n", encoding="cp1252")
    assert main(["predict", model, str(csv), "--output", str(tmp_path / "csv.jsonl")]) == 0
    rows = [json.loads(line) for line in (tmp_path / "csv.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [(r["id"], r["line"], r.get("skipped")) for r in rows] == [("A7", 2, None), ("B2", 3, "empty")]


def test_output_problems_are_found_before_any_work(trained, tmp_path, capsys):
    model = str(trained / "run" / "model")
    texts = tmp_path / "t.txt"
    texts.write_text("Gut.\n", encoding="utf-8")
    (tmp_path / "blocked").write_text("a file")
    for output in (tmp_path, tmp_path / "blocked" / "out.jsonl"):
        assert main(["predict", model, str(texts), "--output", str(output)]) == 2
        err = capsys.readouterr().err
        assert "--output" in err and "Loading weights" not in err and "Traceback" not in err


def test_a_held_out_file_is_scored_whole_and_says_so(trained, capsys):
    result = _evaluate([str(trained / "run" / "model"), "--data", str(trained / "reviews.csv")], capsys)
    assert result["texts"] == 120 and result["scored"] == f"the whole of {trained / 'reviews.csv'}"
    assert "Scored 120 texts" in result["messages"]


def test_the_at_least_one_rule_is_a_recorded_choice(trained, tmp_path, capsys):
    from helpers.inference import ModelFolder

    assert ModelFolder.read(trained / "run" / "model").thresholds.at_least_one is True  # the default
    out = tmp_path / "no_rule"
    assert main([*TRAIN, "--data", str(trained / "reviews.csv"), "--no-at-least-one", "--strategy", "global",
                 "--output", str(out)]) == 0
    folder = ModelFolder.read(out / "model")
    assert folder.thresholds.at_least_one is False and folder.thresholds.strategy == "global"
    capsys.readouterr()
    result = _evaluate([str(out / "model"), "--data", str(trained / "reviews.csv"), "--split", "test", "--split-seed", "0"], capsys)
    assert result["as_saved"] == json.loads((out / "metrics.json").read_text())["test"]["as_saved"]


def test_training_twice_into_one_folder_is_refused_and_overwrite_replaces(trained, tmp_path, capsys):
    out = tmp_path / "twice"
    shutil.copytree(trained / "run", out)
    assert main([*TRAIN, "--data", str(trained / "reviews.csv"), "--output", str(out)]) == 2
    assert "already holds a trained model" in capsys.readouterr().err
    assert main([*TRAIN, "--data", str(trained / "reviews.csv"), "--output", str(out), "--overwrite"]) == 0
    assert json.loads((out / "metrics.json").read_text())["provenance"]["split_seed"] == 0


def test_multiclass_flag_trains_on_one_label_per_text(tmp_path):
    csv = tmp_path / "one.csv"
    csv.write_text("text,labels,primary\n" + "".join(
        f"Paket kam spät {i},Lieferung,Lieferung\nZu teuer {i},Preis,Preis\nHotline schlecht {i},Kundenservice,Kundenservice\n"
        for i in range(20)), encoding="utf-8")
    assert main([*TRAIN, "--data", str(csv), "--primary-column", "primary", "--multiclass", "--output", str(tmp_path / "r")]) == 0
    metrics = json.loads((tmp_path / "r" / "metrics.json").read_text())
    assert set(metrics["test"]) == {"multiclass", "as_multi_label", "as_saved"}
    assert metrics["test"]["as_saved"]["micro_f1"] == pytest.approx(metrics["test"]["as_multi_label"]["micro_f1"])


def test_the_precision_can_be_chosen_on_a_cpu(trained, tmp_path):
    from helpers.device import detect_device

    default = detect_device().precision  # bf16 autocast on a CPU with bf16 units (AMX, AVX512-BF16), else fp32
    other = "fp32" if default == "bf16" else "bf16"
    assert main([*TRAIN, "--data", str(trained / "reviews.csv"), "--precision", other, "--output", str(tmp_path / "b")]) == 0
    metrics = json.loads((tmp_path / "b" / "metrics.json").read_text())
    assert metrics["provenance"]["recipe"]["precision"] == other
    assert json.loads((trained / "run" / "metrics.json").read_text())["provenance"]["recipe"]["precision"] == default


def test_bad_paths_columns_and_models_get_one_line_errors(tmp_path, capsys):
    def error_of(argv):
        assert main(argv) == 2
        err = capsys.readouterr().err.strip().splitlines()
        errors = [line for line in err if line.startswith("error: ")]
        assert len(errors) == 1 and err[-1] == errors[0] and "Traceback" not in "\n".join(err), err
        return errors[0]

    assert "File not found" in error_of([*TRAIN, "--data", str(tmp_path / "missing.csv")])
    csv = tmp_path / "r.csv"
    csv.write_text("review,labels\nGut,Preis\n", encoding="utf-8")
    assert "no text column 'text'" in error_of([*TRAIN, "--data", str(csv)])
    assert "Cannot load model 'nobody/nothing'" in error_of([*TRAIN, "--model", "nobody/nothing", "--output", str(tmp_path / "x")])
    assert "fp16 training needs a CUDA GPU" in error_of([*TRAIN, "--precision", "fp16", "--output", str(tmp_path / "y")])
    assert "No model folder at" in error_of(["evaluate", str(tmp_path / "nothing")])
    assert "Nothing to resume" in error_of([*TRAIN, "--resume", "--output", str(tmp_path / "fresh")])
    (tmp_path / "file").write_text("x")
    assert "Cannot write to" in error_of([*TRAIN, "--output", str(tmp_path / "file")])
    with pytest.raises(Exception):  # --debug shows the real exception instead of one line
        main(["--debug", "evaluate", str(tmp_path / "nothing")])


def test_help_explains_every_option():
    text = build_parser()._subparsers._group_actions[0].choices["train"].format_help()
    for option in ("--model", "--epochs", "--learning-rate", "--batch-size", "--max-length", "--seed", "--split-seed",
                   "--pos-weight", "--precision", "--strategy", "--at-least-one", "--no-at-least-one", "--output",
                   "--resume", "--overwrite"):
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
         "--data", str(trained / "reviews.csv"), "--output", str(tmp_path / "ddp"), "--split-seed", "7", "--seed", "3"],
        capture_output=True, text=True, env=env, timeout=600, cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert result.stderr.count("Metrics:") == 1  # only the main process writes and reports
    assert result.stderr.count("Profile 'smoke'") == 1  # messages are not repeated by every process
    metrics = json.loads((tmp_path / "ddp" / "metrics.json").read_text())
    assert set(metrics["test"]) == {"threshold_0.5", "tuned_global", "tuned_per_label", "as_saved"}
    history, single = _history(tmp_path / "ddp"), _history(trained / "run")
    assert history[-1]["epoch"] == 1.0  # training finished
    # two processes share the data: half the optimiser steps of the single-process run
    assert max(e["step"] for e in history) == pytest.approx(max(e["step"] for e in single) / 2, abs=1)
    # the logged loss is a per-batch mean in both runs, not multiplied by the number of processes
    ddp_first, single_first = (next(e["loss"] for e in run if "loss" in e) for run in (history, single))
    assert ddp_first == pytest.approx(single_first, rel=0.25)


def test_audit_writes_every_text_ranked_and_leaves_the_data_as_it_is(tmp_path, capsys):
    import pandas as pd

    from conftest import write_reviews_csv

    data = tmp_path / "reviews.csv"
    write_reviews_csv(data)
    before = data.read_bytes()
    output = tmp_path / "audit.csv"
    assert main(["audit", "--data", str(data), "--output", str(output), "--top", "3"]) == 0
    table = pd.read_csv(output)
    assert len(table) == 120 and list(table["rank"]) == list(range(1, 121))
    assert set(table.columns) >= {"row", "text", "given_labels", "suspect_label", "looks", "probability"}
    assert data.read_bytes() == before
    assert "the most suspicious first" in capsys.readouterr().err
    assert main(["audit", "--data", str(data), "--output", str(output)]) == 2  # never replaced silently
    assert "--overwrite" in capsys.readouterr().err


def test_a_failed_predict_leaves_no_output_file_behind(trained, tmp_path, capsys):
    output = tmp_path / "predictions.jsonl"
    missing = tmp_path / "no-such-input.txt"
    assert main(["predict", str(trained / "run" / "model"), str(missing), "--output", str(output)]) == 2
    assert not output.exists() and not list(tmp_path.glob(".*partial"))


def test_after_a_max_train_run_evaluate_cuts_the_data_the_same_way(tmp_path, capsys):
    from conftest import write_reviews_csv

    data = tmp_path / "reviews.csv"
    write_reviews_csv(data, n=160)
    assert main([*TRAIN, "--data", str(data), "--max-train", "60", "--output", str(tmp_path / "run")]) == 0
    capsys.readouterr()
    assert main(["evaluate", str(tmp_path / "run" / "model"), "--data", str(data), "--split", "test"]) == 0
    captured = capsys.readouterr()
    assert "are not the data" not in captured.err and "cut the same way" in captured.err
    metrics = json.loads((tmp_path / "run" / "metrics.json").read_text())
    assert json.loads(captured.out)["as_saved"]["micro_f1"] == pytest.approx(metrics["test"]["as_saved"]["micro_f1"])


def test_a_label_without_texts_in_the_scored_file_is_named_and_left_out_of_a_second_macro_f1(trained, tmp_path, capsys):
    import csv

    rows = list(csv.reader((trained / "reviews.csv").open(encoding="utf-8")))
    kept = [rows[0]] + [row for row in rows[1:] if "Preis" not in row[1]]
    held_out = tmp_path / "no_preis.csv"
    with held_out.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(kept)
    assert main(["evaluate", str(trained / "run" / "model"), "--data", str(held_out)]) == 0
    captured = capsys.readouterr()
    assert "have no text in the whole of" in captured.err and "'Preis'" in captured.err
    scores = json.loads(captured.out)
    assert scores["labels_without_texts"] == ["Preis"] and "macro_f1_labels_present" in scores["as_saved"]


def test_the_training_flags_are_the_profile_settings_declared_once():
    from dataclasses import fields

    from helpers.cli import _profile, build_parser
    from helpers.profiles import COMMAND_LINE_SETTINGS, Profile, choose_profile

    names = {f.name for f in fields(Profile)}
    assert set(COMMAND_LINE_SETTINGS) <= names
    given = {"model": "tiny", "epochs": 2.5, "learning_rate": 0.002, "head_learning_rate": 0.01, "batch_size": 8,
             "max_length": 48, "max_train": 120, "seed": 7}
    assert set(given) == set(COMMAND_LINE_SETTINGS)
    argv = ["train", "--profile", "smoke"] + [part for name, value in given.items()
                                               for part in ("--" + name.replace("_", "-"), str(value))]
    profile = _profile(build_parser().parse_args(argv))
    for name, value in given.items():  # each flag reached its setting, parsed as the setting's type
        assert getattr(profile, name) == value and type(getattr(profile, name)) is type(value), name
    untouched = _profile(build_parser().parse_args(["train", "--profile", "smoke"]))
    assert all(getattr(untouched, name) == getattr(choose_profile("smoke"), name) for name in COMMAND_LINE_SETTINGS)


def test_the_command_notebook_07_prints_reads_its_options_and_cuts_the_file_like_load_table(tmp_path):
    """07 prints `python -m helpers train --data FILE ...` for the user's file: the same options, the same splits."""
    import shlex

    from conftest import write_reviews_csv

    from helpers.cli import load_data
    from helpers.data import load_table

    path = tmp_path / "reviews.csv"
    write_reviews_csv(path)
    own = load_table(path, text_column="text", label_column="labels", label_delimiter="|", seed=3)
    command = (f"python -m helpers train --data {shlex.quote(str(path))} --text-column text --label-column labels "
               f"--label-delimiter '|' --split-seed 3 --seed 42 --profile smoke --output runs/mine")
    parsed = build_parser().parse_args(shlex.split(command)[3:])
    assert (parsed.data, parsed.label_delimiter, parsed.split_seed, parsed.profile) == (str(path), "|", 3, "smoke")
    from_command = load_data(parsed, split_seed=parsed.split_seed)
    assert from_command.label_names == own.label_names
    assert all(from_command[name].texts == own[name].texts for name in ("train", "validation", "test"))
