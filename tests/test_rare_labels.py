"""Long-tailed labels (GermEval-shaped): refused with every rare label named, or dropped/merged with a table."""

from __future__ import annotations

import csv
import json
import random

import numpy as np
import pytest

from helpers.cli import main
from helpers.data import DataError, load_table
from helpers.rare_labels import OTHER_LABEL

# 20 aspect categories, one on most texts, a long tail down to single texts, as GermEval 2017's
COUNTS = [370, 100, 60, 40, 30, 20, 15, 10, 8, 6, 5, 4, 3, 2, 2, 1, 1, 1, 1, 1]
NAMES = [f"Aspekt{i:02d}" for i in range(len(COUNTS))]


def write_long_tail(path, seed=0):
    rng = random.Random(seed)
    rows = []
    for name, count in zip(NAMES, COUNTS):
        for number in range(count):
            words = [f"{name.lower()}wort{rng.randint(0, 3)}" for _ in range(3)] + [f"nummer{number}"]
            labels = [name]
            if name != NAMES[0] and rng.random() < 0.3:
                labels.append(NAMES[0])
                words.append(f"{NAMES[0].lower()}wort{rng.randint(0, 3)}")
            rows.append((" ".join(words + ["und", "sonst", "nichts"]), "|".join(labels)))
    rng.shuffle(rows)
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["text", "labels"])
        writer.writerows(rows)


@pytest.fixture
def long_tail(tmp_path):
    path = tmp_path / "aspects.csv"
    write_long_tail(path)
    return path


def test_without_the_option_every_rare_label_is_named_at_once_with_the_real_minimum_and_the_option(long_tail):
    with pytest.raises(DataError) as error:
        load_table(long_tail)
    message = str(error.value)
    assert "fewer than 3 rows" in message and "min_label_count=10" in message and "--min-label-count" in message
    for name, count in zip(NAMES, COUNTS):
        assert (f"'{name}'" in message) == (count < 3), name


@pytest.mark.parametrize("mode", ["drop", "merge"])
def test_rare_labels_are_dropped_or_merged_with_a_table_of_counts_per_split(long_tail, mode, capsys):
    splits = load_table(long_tail, min_label_count=10, rare_labels=mode)
    printed = capsys.readouterr().out
    for name in NAMES:
        assert name in printed  # every label in the table, with what happened to it
    kept = [n for n in splits.label_names if n != OTHER_LABEL]
    assert NAMES[0] in kept and all(n not in kept for n in NAMES[13:])
    assert (OTHER_LABEL in splits.label_names) == (mode == "merge")
    for part in ("train", "validation", "test"):
        assert (splits[part].labels.sum(axis=1) > 0).all()  # no text left without a label
        assert (splits[part].labels.sum(axis=0) > 0).all()
    assert (splits.train.labels.sum(axis=0) >= 10).all()
    assert splits.info["rare_labels"]["mode"] == mode


def test_a_long_tailed_file_trains_end_to_end_and_evaluates_with_the_same_labels(long_tail, tmp_path, capsys):
    run = tmp_path / "run"
    assert main(["train", "--profile", "smoke", "--epochs", "1", "--batch-size", "16", "--data", str(long_tail),
                 "--min-label-count", "10", "--rare-labels", "merge", "--output", str(run)]) == 0
    err = capsys.readouterr().err
    assert "merged into 'other'" in err and "what happened" in err
    config = json.loads((run / "model" / "config.json").read_text())
    assert OTHER_LABEL in config["id2label"].values()
    assert main(["evaluate", str(run / "model"), "--data", str(long_tail), "--split", "test"]) == 0
    scored = json.loads(capsys.readouterr().out)
    assert scored["texts"] > 0 and 0 <= scored["as_saved"]["micro_f1"] <= 1
    assert main(["evaluate", str(run / "model"), "--data", str(long_tail)]) == 0  # the whole file, labels mapped
    assert json.loads(capsys.readouterr().out)["texts"] == sum(COUNTS)


def test_a_limit_that_cuts_a_label_away_blames_the_limit_not_the_file(long_tail):
    from helpers.data import check_trainable

    splits = load_table(long_tail, min_label_count=10)
    with pytest.raises(DataError, match="cut to max_train=20.*the file itself may be fine"):
        check_trainable(splits.shrink(20, 20))
