"""The model folder for people without this package: the rule in config.json and a card that parses."""

from __future__ import annotations

import json
import shutil

import numpy as np

import pytest

from helpers.inference import ModelFolder, ModelFolderError, Predictor
from helpers.model_card import CARD_FILE, RULE_ATTRIBUTE, base_model_id, decision_rule

TEXTS = ["Das Paket kam zwei Tage zu spät", "Der Kundenservice hat nie geantwortet und es war viel zu teuer",
         "Nach einer Woche kaputt", "Die Hotline war sehr freundlich"]


def test_the_card_parses_and_carries_labels_rule_metrics_and_provenance(smoke_run):
    from huggingface_hub import ModelCard

    folder = smoke_run["run"].folder
    card = ModelCard.load(folder.path / CARD_FILE)
    assert card.data.language == "de" and card.data.license == "mit"
    assert card.data.pipeline_tag == "text-classification" and card.data.library_name == "transformers"
    for label in folder.label_names:
        assert f"| {label} |" in card.text
    assert "at-least-one rule: on" in card.text and "decision_rule" in card.text
    assert f"{smoke_run['run'].metrics['test']['as_saved']['micro_f1']:.3f}" in card.text
    assert folder.provenance["data_sha256"] in card.text
    assert "upload_folder" in card.text  # how to share it, shown and not run


def plain_user_labels(folder, texts):
    """Run the code the model card shows a transformers user (nothing from this package) and return its label sets."""
    import re

    card = (folder.path / CARD_FILE).read_text(encoding="utf-8")
    code = re.search(r"## Use it with plain transformers\n\n```python\n(.*?)```", card, re.S).group(1)
    definitions = code.split("\n\nfor scores in")[0]
    namespace: dict = {}
    exec(definitions, namespace)  # noqa: S102 - the card's own example
    outputs = namespace["classify"](texts, truncation=True, max_length=folder.max_length)
    return [sorted(namespace["labels_of"](scores)) for scores in outputs]


def test_config_json_carries_the_rule_and_the_cards_plain_code_gives_the_predictors_label_sets(smoke_run):
    folder = smoke_run["run"].folder
    config = json.loads((folder.path / "config.json").read_text(encoding="utf-8"))
    assert config[RULE_ATTRIBUTE] == json.loads(json.dumps(decision_rule(folder.thresholds, folder.calibration)))
    assert list(config[RULE_ATTRIBUTE]["thresholds"]) == sorted(folder.label_names)  # transformers sorts the keys
    ours = [sorted(prediction.labels) for prediction in Predictor(folder.path).predict(TEXTS)]
    assert plain_user_labels(folder, TEXTS) == ours


def test_a_calibrated_folder_is_applied_the_same_way_by_predictor_and_by_the_cards_code(smoke_run, tmp_path):
    from helpers.calibration import PlattScaling
    from helpers.inference import pipeline_scores, save_model_folder
    from helpers.model_card import write_model_card

    run = smoke_run["run"]
    names = run.folder.label_names
    scaling = PlattScaling(names, [0.5 + 0.2 * j for j in range(len(names))], [0.3 - 0.1 * j for j in range(len(names))])
    folder = save_model_folder(run.model, run.tokenizer, tmp_path / "model", thresholds=run.folder.thresholds,
                               max_length=run.folder.max_length, provenance=run.folder.provenance, calibration=scaling)
    write_model_card(folder, smoke_run["splits"], run.metrics)
    assert folder.calibration == scaling
    predictor = Predictor(folder.path)
    raw = pipeline_scores(predictor.pipeline, TEXTS, names, max_length=folder.max_length)  # before any scaling
    assert np.allclose(predictor.predict_proba(TEXTS), scaling.apply(raw), atol=1e-6)
    assert plain_user_labels(folder, TEXTS) == [sorted(p.labels) for p in predictor.predict(TEXTS)]


def test_a_rule_edited_in_config_json_alone_is_refused(smoke_run, tmp_path):
    copy = tmp_path / "model"
    shutil.copytree(smoke_run["run"].folder.path, copy)
    config = json.loads((copy / "config.json").read_text(encoding="utf-8"))
    first = next(iter(config[RULE_ATTRIBUTE]["thresholds"]))
    config[RULE_ATTRIBUTE]["thresholds"][first] = 0.99
    (copy / "config.json").write_text(json.dumps(config), encoding="utf-8")
    with pytest.raises(ModelFolderError, match="decision_rule differs from"):
        ModelFolder.read(copy)


@pytest.mark.parametrize(("name_or_path", "expected"), [
    ("dbmdz/bert-base-german-uncased", "dbmdz/bert-base-german-uncased"),
    ("some-org/some-model", "some-org/some-model"),
    (None, None),
])
def test_base_model_ids(name_or_path, expected):
    assert base_model_id(name_or_path) == expected


def test_the_converted_multilingual_folder_is_named_by_its_hub_id(tmp_path):
    (tmp_path / "converted-from.json").write_text(json.dumps({"model": "intfloat/multilingual-e5-small"}))
    assert base_model_id(str(tmp_path)) == "intfloat/multilingual-e5-small"
