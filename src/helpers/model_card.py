"""What travels with a model folder for people who do not use this package: the rule in config.json, and a card.

`decision_rule` is written into `config.json` (as the config attribute `decision_rule`), so anyone who loads the
folder with plain transformers finds the thresholds and the at-least-one rule next to `id2label`, e.g. after
`push_to_hub`. `write_model_card` writes the folder's `README.md` with huggingface_hub's `ModelCard`: YAML metadata
(language, license, base model, pipeline tag, metrics), the labels with their support, the rule, the test
metrics, where the model came from, intended use and limits, and the few lines that apply the rule with a plain
`pipeline`. `thresholds.json` stays the one source the package reads; `ModelFolder.read` checks the copy in
config.json against it.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from helpers.thresholds import Thresholds

CARD_FILE = "README.md"
RULE_ATTRIBUTE = "decision_rule"
# the Hub ids of the models this package resolves, for the card's base_model
KNOWN_BASES = {
    "dbmdz/bert-base-german-uncased": "dbmdz/bert-base-german-uncased",
    "multilingual": "intfloat/multilingual-e5-small",
    "minilm": "sentence-transformers/all-MiniLM-L6-v2",
}

PLAIN_USE = '''```python
import math

from transformers import pipeline

classify = pipeline("text-classification", model="{path}", top_k=None, function_to_apply="sigmoid")
rule = classify.model.config.decision_rule  # thresholds per label and the at-least-one rule, from config.json


def calibrated(label, score):  # only where the folder keeps a calibration (Platt scaling, fitted on validation)
    if "calibration" not in rule:
        return score
    score = min(max(score, 1e-7), 1 - 1e-7)
    z = rule["calibration"]["slopes"][label] * math.log(score / (1 - score)) + rule["calibration"]["intercepts"][label]
    return 1 / (1 + math.exp(-z))


def labels_of(scores):
    scores = [{{"label": s["label"], "score": calibrated(s["label"], s["score"])}} for s in scores]
    chosen = [s["label"] for s in scores if s["score"] >= rule["thresholds"][s["label"]]]
    if not chosen and rule["at_least_one"]:  # never an empty answer: the most probable label
        chosen = [max(scores, key=lambda s: s["score"])["label"]]
    return chosen


for scores in classify(["Das Paket kam zu spät, und der Kundenservice hat nie geantwortet."], truncation=True,
                       max_length={max_length}):
    print(labels_of(scores))
```'''


def decision_rule(thresholds: Thresholds, calibration=None) -> dict:
    """The folder's rule as plain JSON: a label is predicted when its (calibrated) sigmoid score reaches its threshold."""
    rule = {
        "scores": "sigmoid",
        "predict_when": "score >= threshold",
        "thresholds": {name: float(value) for name, value in zip(thresholds.label_names, thresholds.values)},
        "at_least_one": thresholds.at_least_one,
        "strategy": thresholds.strategy,
        "source": "thresholds.json (tuned on validation)",
    }
    if calibration is not None:  # Platt scaling: score = sigmoid(slope * logit(score) + intercept), before thresholds
        rule["calibration"] = {"method": "platt",
                               "slopes": dict(zip(calibration.label_names, calibration.slopes)),
                               "intercepts": dict(zip(calibration.label_names, calibration.intercepts))}
    return rule


def rule_matches(config_rule: object, thresholds: Thresholds, calibration=None) -> bool:
    """Whether the rule stored in config.json is the one thresholds.json (and calibration.json) hold."""
    if not isinstance(config_rule, dict):
        return False
    wanted = decision_rule(thresholds, calibration)
    if json.dumps(config_rule.get("calibration"), sort_keys=True) != json.dumps(wanted.get("calibration"), sort_keys=True):
        return False
    stored = config_rule.get("thresholds")  # transformers writes config.json with sorted keys: compare by label
    return (isinstance(stored, dict) and set(stored) == set(wanted["thresholds"])
            and np.allclose([stored[name] for name in wanted["thresholds"]], list(wanted["thresholds"].values()))
            and config_rule.get("at_least_one") == wanted["at_least_one"])


def base_model_id(name_or_path: str | None) -> str | None:
    """The Hub id of the checkpoint a model was fine-tuned from, where this package knows it."""
    if not name_or_path:
        return None
    if name_or_path in KNOWN_BASES:
        return KNOWN_BASES[name_or_path]
    folder = Path(name_or_path)
    marker = folder / "converted-from.json"  # helpers.multilingual's conversion records its source
    if marker.is_file():
        try:
            return json.loads(marker.read_text(encoding="utf-8")).get("model")
        except (OSError, json.JSONDecodeError):
            return None
    if "minilm" in folder.name.lower() or "all-minilm-l6-v2" in str(folder).lower():
        return KNOWN_BASES["minilm"]
    if not folder.exists() and "/" in name_or_path:
        return name_or_path  # a Hub id
    return None


def write_model_card(folder, splits, metrics: dict, *, base_model: str | None = None) -> Path:
    """Write README.md into the model folder `folder` (a ModelFolder) with huggingface_hub's ModelCard."""
    from huggingface_hub import ModelCard, ModelCardData

    multi_label = folder.thresholds is not None
    test = metrics.get("test", {}).get("as_saved", {})
    data = ModelCardData(
        language="de", license="mit", library_name="transformers", pipeline_tag="text-classification",
        base_model=base_model, tags=["multi-label-classification" if multi_label else "text-classification"],
        metrics=["f1"],
        model_name=folder.path.name,
    )
    rows = []
    for j, label in enumerate(folder.label_names):
        counts = [int(np.asarray(splits[part].labels)[:, j].sum()) for part in ("train", "validation")]
        threshold = f"{folder.thresholds.values[j]:.2f}" if multi_label else "–"
        rows.append(f"| {label} | {counts[0]} | {counts[1]} | {threshold} |")
    score = ("its sigmoid score, read through the Platt scaling in calibration.json (also in config.json),"
             if multi_label and folder.calibration is not None else "its sigmoid score")
    rule = (f"a label is predicted when {score} is at least its threshold ({folder.thresholds.strategy} "
            f"thresholds, tuned on validation); at-least-one rule: "
            f"{'on (a text with no label above its threshold gets its most probable label)' if folder.thresholds.at_least_one else 'off'}"
            if multi_label else "the most probable label (multiclass, softmax)")
    scores = "\n".join(f"- {name}: {value:.3f}" for name, value in test.items()
                       if isinstance(value, float) and name in ("micro_f1", "macro_f1", "weighted_f1", "samples_f1",
                                                                 "accuracy", "micro_precision", "micro_recall"))
    provenance = folder.provenance
    text = f"""---
{data.to_yaml()}
---

# {folder.path.parent.name or folder.path.name}: {'multi-label' if multi_label else 'multiclass'} classification of German customer reviews

Fine-tuned from `{base_model or provenance.get('recipe', {}).get('model', 'unknown')}` with the notebook series
*From multiclass to multi-label text classification with transformers* (`helpers.recipe`), on
{provenance.get('data_source') or 'the data below'}. {len(folder.label_names)} labels.

## Labels, support and the decision rule

Decision rule: {rule}. The rule is stored twice: in `thresholds.json` (read by the package's `Predictor`) and in
`config.json` as `decision_rule`, for plain transformers.

| label | training texts | validation texts | threshold |
|---|---:|---:|---:|
{chr(10).join(rows)}

## Use it with plain transformers

{PLAIN_USE.format(path=folder.path, max_length=folder.max_length) if multi_label else 'pipeline("text-classification", model=...) gives the most probable label first.'}

Texts longer than {folder.max_length} tokens are cut (`truncation=True`): only their beginning is read.

## Test metrics (the saved rule, {test.get('texts', '?')} texts)

{scores or '- not available'}

These were measured on the test split of the data named below, with the rule above. They say how the model does
on texts like those, not on other domains.

## Where it comes from

- data fingerprint (SHA-256): `{provenance.get('data_sha256')}`, split seed {provenance.get('split_seed')},
  training seed {provenance.get('training_seed')}
- recipe: `{json.dumps(provenance.get('recipe', {}), ensure_ascii=False)}`
- helpers {provenance.get('helpers_version')}, transformers {provenance.get('transformers_version')}

## Intended use and limits

For sorting German customer feedback into the topics above, as a teaching example and a starting point. Not for
decisions about people. The embedded training reviews were written for the tutorial, so scores on real feedback
will differ; check on a labelled sample of your own data (`python -m helpers evaluate`) before relying on it. The
scores are sigmoid outputs: how far they can be read as probabilities is not guaranteed.

## Sharing it on the Hugging Face Hub

```python
from huggingface_hub import HfApi

HfApi().upload_folder(folder_path="{folder.path}", repo_id="your-name/your-model", repo_type="model")
```
"""
    card = ModelCard(text)
    path = Path(folder.path) / CARD_FILE
    staging = path.with_name(f".{CARD_FILE}.writing")
    staging.write_text(str(card), encoding="utf-8")
    staging.replace(path)
    return path
