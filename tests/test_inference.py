"""The model folder contract (one writer, one reader) and the Predictor that takes every setting from it."""

import json
import shutil
from dataclasses import replace

import numpy as np
import pytest

from helpers.errors import ModelFolderError
from helpers.inference import ModelFolder, Predictor, predict_logits, save_model_folder
from helpers.metrics import sigmoid


@pytest.fixture
def folder_copy(smoke_run, tmp_path):
    copy = tmp_path / "model"
    shutil.copytree(smoke_run["run"].folder.path, copy)
    return copy


def test_folder_holds_everything_prediction_needs_and_no_pickles(smoke_run):
    run, splits, profile = smoke_run["run"], smoke_run["splits"], smoke_run["profile"]
    folder = ModelFolder.read(run.folder.path)
    names = {path.name for path in folder.path.iterdir()}
    assert {"model.safetensors", "config.json", "tokenizer.json", "thresholds.json", "settings.json"} <= names
    assert not [n for n in names if n.endswith((".bin", ".pkl", ".pt", ".pickle"))]
    assert folder.label_names == splits.label_names and folder.multi_label
    assert folder.max_length == profile.max_length  # what training and tuning used, not a default
    assert folder.thresholds.strategy == "per_label" and folder.thresholds.at_least_one is True
    assert folder.provenance["data_sha256"] == splits.fingerprint()
    assert folder.provenance["split_seed"] == 0 and folder.provenance["training_seed"] == profile.seed
    assert folder.provenance["recipe"]["epochs"] == profile.epochs


def test_reloaded_predictor_gives_the_in_memory_scores_and_the_folders_decisions(smoke_run):
    run, splits = smoke_run["run"], smoke_run["splits"]
    texts = splits.test.texts
    predictor = Predictor(run.folder.path)
    assert predictor.max_length == run.folder.max_length
    in_memory = sigmoid(predict_logits(run.model, run.tokenizer, texts, max_length=run.folder.max_length))
    np.testing.assert_allclose(predictor.predict_proba(texts), run.folder.scores(in_memory), atol=1e-5)  # calibrated where kept
    predictions = predictor.predict(texts)
    chosen = run.folder.thresholds.apply(predictor.predict_proba(texts))
    assert [p.labels for p in predictions] == [[splits.label_names[j] for j in np.flatnonzero(r)] for r in chosen]
    assert all(p.labels for p in predictions)  # the at-least-one rule is saved with the thresholds


def test_a_predictor_for_the_model_in_memory_makes_the_saved_folders_decisions(smoke_run):
    run, splits = smoke_run["run"], smoke_run["splits"]
    texts = splits.test.texts
    in_memory = Predictor.from_model(run.model, run.tokenizer, run.folder)
    reloaded = Predictor(run.folder.path)
    np.testing.assert_allclose(in_memory.predict_proba(texts), reloaded.predict_proba(texts), atol=1e-5)
    assert [p.labels for p in in_memory.predict(texts)] == [p.labels for p in reloaded.predict(texts)]
    assert in_memory.thresholds == run.folder.thresholds and in_memory.max_length == run.folder.max_length


def test_one_text_is_a_batch_of_one(smoke_run):
    prediction = Predictor(smoke_run["run"].folder.path).predict("Das Paket kam zu spät.")
    assert len(prediction) == 1 and set(prediction[0].scores) == set(smoke_run["splits"].label_names)


@pytest.mark.parametrize(
    ("texts", "error", "message"),
    [
        ([], ValueError, "batch is empty"),
        (["ok", ""], ValueError, "Text 1 is empty"),
        (["ok", "\u200b\ufeff "], ValueError, "Text 1 is empty"),
        (["ok", None], TypeError, "Text 1 is None"),
        ([42], TypeError, "int 42, not a string"),
        ({"text": "ok"}, TypeError, "Pass a list of texts"),
    ],
)
def test_bad_inputs_get_clear_errors(smoke_run, texts, error, message):
    with pytest.raises(error, match=message):
        Predictor(smoke_run["run"].folder.path).predict(texts)


def test_very_long_texts_are_truncated_at_the_folders_max_length_with_a_note(smoke_run):
    predictor = Predictor(smoke_run["run"].folder.path)
    with pytest.warns(UserWarning, match=f"1 of 2 texts are longer than {predictor.max_length} tokens"):
        scores = predictor.predict_proba(["kurz", "sehr lange Bewertung " * 100])
    assert scores.shape == (2, len(smoke_run["splits"].label_names))


@pytest.mark.parametrize("missing", ["thresholds.json", "settings.json", "tokenizer.json", "model.safetensors", "config.json"])
def test_a_folder_missing_any_part_is_refused_naming_it(folder_copy, missing):
    (folder_copy / missing).unlink()
    with pytest.raises(ModelFolderError, match=f"missing {missing}"):
        Predictor(folder_copy)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda t: {**t, "per_label": [1.5] + t["per_label"][1:]}, r"must lie in \[0, 1\]"),
        (lambda t: {**t, "global_threshold": float("nan")}, r"must lie in \[0, 1\]"),
        (lambda t: {**t, "per_label": ["hoch"] + t["per_label"][1:]}, "must be numbers"),
        (lambda t: {**t, "at_least_one": "ja"}, "at_least_one must be true or false"),
        (lambda t: {k: v for k, v in t.items() if k != "strategy"}, "missing keys"),
    ],
    ids=["above 1", "NaN", "not a number", "not a bool", "missing key"],
)
def test_broken_thresholds_are_refused_with_the_file_named(folder_copy, change, message):
    path = folder_copy / "thresholds.json"
    path.write_text(json.dumps(change(json.loads(path.read_text()))).replace("NaN", "NaN"))
    with pytest.raises(ModelFolderError, match=message):
        ModelFolder.read(folder_copy)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda s: {**s, "max_length": 0}, "max_length must be a positive whole number"),
        (lambda s: {**s, "max_length": 100000}, "exceeds the model's"),
        (lambda s: {**s, "label_names": s["label_names"][::-1]}, "disagree"),
        (lambda s: {**s, "provenance": {}}, "provenance lacks data_sha256"),
        (lambda s: {k: v for k, v in s.items() if k != "max_length"}, "lacks max_length"),
    ],
)
def test_inconsistent_settings_are_refused(folder_copy, change, message):
    path = folder_copy / "settings.json"
    path.write_text(json.dumps(change(json.loads(path.read_text()))))
    with pytest.raises(ModelFolderError, match=message):
        ModelFolder.read(folder_copy)


def test_damaged_json_and_a_foreign_tokenizer_are_refused(folder_copy, smoke_run):
    (folder_copy / "settings.json").write_text("{not json")
    with pytest.raises(ModelFolderError, match="not valid JSON"):
        ModelFolder.read(folder_copy)
    shutil.copy(smoke_run["run"].folder.path / "settings.json", folder_copy / "settings.json")
    from tokenizers import Tokenizer, models, pre_tokenizers

    small = Tokenizer(models.WordLevel({"[UNK]": 0, "[PAD]": 1, "[CLS]": 2, "[SEP]": 3, "gut": 4}, unk_token="[UNK]"))
    small.pre_tokenizer = pre_tokenizers.Whitespace()
    small.save(str(folder_copy / "tokenizer.json"))  # a 5-token tokenizer would predict from [UNK] alone
    with pytest.raises(ModelFolderError, match=r"the tokenizer knows \d+ tokens but the model embeds"):
        Predictor(folder_copy)


def test_the_writer_refuses_to_replace_a_model_and_checks_what_it_writes(smoke_run, tmp_path):
    run = smoke_run["run"]
    settings = dict(max_length=run.folder.max_length, provenance=run.folder.provenance)
    target = tmp_path / "m"
    save_model_folder(run.model, run.tokenizer, target, thresholds=run.folder.thresholds, **settings)
    with pytest.raises(ModelFolderError, match="never replaced silently"):
        save_model_folder(run.model, run.tokenizer, target, thresholds=run.folder.thresholds, **settings)
    replaced = save_model_folder(run.model, run.tokenizer, target, thresholds=replace(run.folder.thresholds,
                                 strategy="global"), overwrite=True, **settings)
    assert replaced.thresholds.strategy == "global"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no staging folder left behind
    other = replace(run.folder.thresholds, label_names=list(reversed(run.folder.thresholds.label_names)))
    with pytest.raises(ModelFolderError, match="Thresholds are for labels"):
        save_model_folder(run.model, run.tokenizer, tmp_path / "n", thresholds=other, **settings)
    with pytest.raises(ModelFolderError, match="needs its thresholds"):
        save_model_folder(run.model, run.tokenizer, tmp_path / "n", thresholds=None, **settings)
    with pytest.raises(ModelFolderError, match="provenance lacks"):
        save_model_folder(run.model, run.tokenizer, tmp_path / "n", thresholds=run.folder.thresholds,
                          max_length=64, provenance={})


@pytest.mark.parametrize(("damage", "message"), [
    (lambda f: (f / "tokenizer.json").write_text((f / "tokenizer.json").read_text()[:100]), "tokenizer.json is not valid JSON"),
    (lambda f: (f / "model.safetensors").write_bytes((f / "model.safetensors").read_bytes()[:5000]), "model.safetensors is damaged"),
    (lambda f: (f / "model.safetensors").write_bytes(b"garbage" * 10), "model.safetensors is damaged"),
    (lambda f: (f / "pytorch_model.bin").write_bytes(b"\x80\x04pickle"), "pytorch_model.bin: pickled files, which can run code"),
], ids=["truncated tokenizer", "truncated weights", "garbage weights", "a pickle"])
def test_a_damaged_or_unsafe_file_is_named_before_anything_loads_it(folder_copy, damage, message):
    damage(folder_copy)
    with pytest.raises(ModelFolderError, match=message):
        ModelFolder.read(folder_copy)
