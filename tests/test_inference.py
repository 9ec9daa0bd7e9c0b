"""End to end on the tiny model: train, tune thresholds on validation, save, reload, predict."""

import json
from dataclasses import replace

import numpy as np
import pytest

from helpers.data import load_table
from helpers.inference import Predictor, save_model_folder
from helpers.metrics import sigmoid
from helpers.profiles import PROFILES
from helpers.thresholds import tune_thresholds
from helpers.training import fine_tune, predict_logits


@pytest.fixture(scope="module")
def saved(tmp_path_factory):
    from conftest import write_reviews_csv

    folder = tmp_path_factory.mktemp("e2e")
    write_reviews_csv(folder / "reviews.csv")
    splits = load_table(folder / "reviews.csv")
    profile = replace(PROFILES["smoke"], epochs=2, batch_size=16)
    run = fine_tune(profile, splits, folder / "run")
    probabilities = sigmoid(predict_logits(run.model, run.tokenizer, splits.validation.texts, max_length=64))
    thresholds, _ = tune_thresholds(probabilities, splits.validation.labels, splits.label_names)
    save_model_folder(run.model, run.tokenizer, folder / "model", thresholds)
    return folder / "model", run, splits, thresholds


def test_folder_holds_safetensors_tokenizer_and_json_thresholds_and_no_pickles(saved):
    folder, _, splits, thresholds = saved
    names = {path.name for path in folder.iterdir()}
    assert {"model.safetensors", "config.json", "tokenizer.json", "thresholds.json"} <= names
    assert not [n for n in names if n.endswith((".bin", ".pkl", ".pt", ".pickle"))]
    stored = json.loads((folder / "thresholds.json").read_text())
    assert stored["label_names"] == splits.label_names == thresholds.label_names


def test_reloaded_predictor_gives_identical_scores_and_labels(saved):
    folder, run, splits, thresholds = saved
    texts = splits.test.texts
    in_memory = sigmoid(predict_logits(run.model, run.tokenizer, texts, max_length=256))
    predictor = Predictor(folder)
    np.testing.assert_allclose(predictor.predict_proba(texts), in_memory, atol=1e-5)
    predictions = predictor.predict(texts)
    expected = thresholds.apply(in_memory)
    assert [p.labels for p in predictions] == [
        [splits.label_names[j] for j in np.flatnonzero(row)] for row in expected
    ]
    again = Predictor(folder).predict(texts)
    assert [p.scores for p in again] == [p.scores for p in predictions]
    assert all(p.labels for p in predictions)  # the at-least-one rule is saved with the thresholds


def test_one_text_is_a_batch_of_one(saved):
    prediction = Predictor(saved[0]).predict("Das Paket kam zu spät.")
    assert len(prediction) == 1 and set(prediction[0].scores) == set(saved[2].label_names)


@pytest.mark.parametrize(
    ("texts", "error", "message"),
    [
        ([], ValueError, "batch is empty"),
        (["ok", ""], ValueError, "Text 1 is empty"),
        (["ok", None], TypeError, "Text 1 is None"),
        ([42], TypeError, "int 42, not a string"),
        ({"text": "ok"}, TypeError, "Pass a list of texts"),
    ],
)
def test_bad_inputs_get_clear_errors(saved, texts, error, message):
    with pytest.raises(error, match=message):
        Predictor(saved[0]).predict(texts)


def test_very_long_texts_are_truncated_with_a_note(saved):
    predictor = Predictor(saved[0], max_length=32)
    with pytest.warns(UserWarning, match="1 of 2 texts are longer than 32 tokens"):
        scores = predictor.predict_proba(["kurz", "sehr lange Bewertung " * 100])
    assert scores.shape == (2, len(saved[2].label_names))


def test_folder_without_thresholds_or_model_is_refused(saved, tmp_path):
    folder = saved[0]
    copy = tmp_path / "copy"
    copy.mkdir()
    for path in folder.iterdir():
        if path.name != "thresholds.json":
            (copy / path.name).write_bytes(path.read_bytes())
    with pytest.raises(FileNotFoundError, match="no thresholds.json"):
        Predictor(copy)
    with pytest.raises(FileNotFoundError, match="not a saved model folder"):
        Predictor(tmp_path)


def test_thresholds_for_other_labels_are_refused(saved, tmp_path):
    _, run, splits, thresholds = saved
    other = replace(thresholds, label_names=list(reversed(thresholds.label_names)))
    with pytest.raises(ValueError, match="Thresholds are for labels"):
        save_model_folder(run.model, run.tokenizer, tmp_path / "m", other)
