"""The data model every source delivers: `Splits` of texts with float32 multi-hot labels, how they are split
(iterative stratification), and the check that they can be trained, tuned and tested on (`check_trainable`)."""

from __future__ import annotations

import json
import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from helpers.errors import DataError, option_hint

SPLIT_NAMES = ("train", "validation", "test")


@dataclass
class Split:
    """Texts with their multi-hot label rows (and, where known, the single primary label)."""

    texts: list[str]
    labels: np.ndarray  # float32, shape (n, num_labels)
    primary: list[str] | None = None

    def __post_init__(self) -> None:
        self.labels = np.asarray(self.labels, dtype=np.float32)
        if self.labels.ndim != 2 or len(self.texts) != len(self.labels):
            raise DataError(f"{len(self.texts)} texts but labels of shape {self.labels.shape}.")
        if self.primary is not None and len(self.primary) != len(self.texts):
            raise DataError(f"{len(self.texts)} texts but {len(self.primary)} primary labels.")

    def __len__(self) -> int:
        return len(self.texts)

    def subset(self, indices: Sequence[int] | np.ndarray) -> Split:
        indices = np.asarray(indices, dtype=int)
        return Split(
            texts=[self.texts[i] for i in indices],
            labels=self.labels[indices],
            primary=None if self.primary is None else [self.primary[i] for i in indices],
        )


@dataclass
class Splits:
    """train / validation / test with one fixed label order (`label_names`)."""

    train: Split
    validation: Split
    test: Split
    label_names: list[str]
    source: str = ""
    info: dict = field(default_factory=dict)

    def __post_init__(self) -> None:
        for name in SPLIT_NAMES:
            width = getattr(self, name).labels.shape[1]
            if width != len(self.label_names):
                raise DataError(f"{name} labels have {width} columns for {len(self.label_names)} label names.")

    def __getitem__(self, name: str) -> Split:
        if name not in SPLIT_NAMES:
            raise KeyError(f"Unknown split {name!r}; use one of {SPLIT_NAMES}.")
        return getattr(self, name)

    @property
    def num_labels(self) -> int:
        return len(self.label_names)

    def sizes(self) -> dict[str, int]:
        return {name: len(self[name]) for name in SPLIT_NAMES}

    def fingerprint(self) -> str:
        """sha256 of the label names and every split's texts and label rows: the same data, the same digest."""
        import hashlib

        digest = hashlib.sha256(json.dumps(self.label_names, ensure_ascii=False).encode("utf-8"))
        for name in SPLIT_NAMES:
            split = self[name]
            digest.update(f"|{name}|{len(split)}|".encode())
            for text, row in zip(split.texts, split.labels):
                digest.update(text.encode("utf-8") + b"\0")
                digest.update(np.asarray(row, dtype=np.float32).tobytes())
        return digest.hexdigest()

    def shrink(self, max_train: int | None, max_eval: int | None = None, seed: int = 0) -> Splits:
        """A smaller copy (for fast profiles), keeping label proportions by iterative stratification."""
        parts = {}
        for name in SPLIT_NAMES:
            split, limit = self[name], max_train if name == "train" else max_eval
            if limit is None or limit >= len(split):
                parts[name] = split
                continue
            keep, _ = stratified_indices(split.labels, (limit / len(split), 1 - limit / len(split)), seed=seed)
            parts[name] = split.subset(np.sort(keep))
        info = {**self.info, "subset": {"max_train": max_train, "max_eval": max_eval, "seed": seed}}
        return Splits(**parts, label_names=list(self.label_names), source=self.source, info=info)

    def primary_ids(self, name: str) -> np.ndarray:
        """The primary label of each text in split `name` as a class index (for the multiclass baseline)."""
        split = self[name]
        if split.primary is None:
            raise DataError(
                f"The {self.source or 'data'} {name} split has no primary labels, so there is no multiclass target. "
                "The embedded reviews have one (column primary_label)."
            )
        index = {label: i for i, label in enumerate(self.label_names)}
        unknown = sorted(set(split.primary) - set(index))
        if unknown:
            raise DataError(f"Primary labels {unknown} in {name} are not among the label names {self.label_names}.")
        return np.array([index[label] for label in split.primary], dtype=np.int64)

    def to_datasets(self, target: str = "multi_hot"):
        """A `datasets.DatasetDict` with columns `text` and `labels`.

        target="multi_hot": float32 rows for BCEWithLogitsLoss; target="primary": one int64 class id
        per text for CrossEntropyLoss.
        """
        from datasets import ClassLabel, Dataset, DatasetDict, Features, Sequence as HFSequence, Value

        if target == "multi_hot":
            features = Features({"text": Value("string"), "labels": HFSequence(Value("float32"))})
        elif target == "primary":
            features = Features({"text": Value("string"), "labels": ClassLabel(names=self.label_names)})
        else:
            raise ValueError(f"target must be 'multi_hot' or 'primary', got {target!r}.")
        result = {}
        for name in SPLIT_NAMES:
            labels = self[name].labels.tolist() if target == "multi_hot" else self.primary_ids(name).tolist()
            result[name] = Dataset.from_dict({"text": self[name].texts, "labels": labels}, features=features)
        return DatasetDict(result)


def stratified_indices(
    labels: np.ndarray, fractions: Sequence[float], seed: int = 0
) -> list[np.ndarray]:
    """Split row indices into parts of the given fractions by iterative stratification.

    Iterative stratification (Sechidis et al., 2011; Szymański & Kajdanowicz, 2017) keeps each
    label's share close to equal across parts, which a random split does not do for rare labels.
    The algorithm comes from the maintained `iterative-stratification` package.
    """
    from iterstrat.ml_stratifiers import MultilabelStratifiedShuffleSplit

    labels = np.asarray(labels)
    if not np.isclose(sum(fractions), 1.0):
        raise ValueError(f"fractions must add up to 1, got {list(fractions)}.")
    remaining = np.arange(len(labels))
    parts: list[np.ndarray] = []
    left = 1.0
    for i, fraction in enumerate(fractions[:-1]):
        share = fraction / left
        if share >= 1.0 or len(remaining) < 2:
            parts.append(remaining)
            remaining = np.array([], dtype=int)
            continue
        take_count = min(max(1, round(share * len(remaining))), len(remaining) - 1)
        splitter = MultilabelStratifiedShuffleSplit(
            n_splits=1, train_size=take_count, test_size=len(remaining) - take_count, random_state=seed + i
        )
        take, rest = next(splitter.split(np.zeros(len(remaining)), labels[remaining]))
        parts.append(remaining[take])
        remaining = remaining[rest]
        left -= fraction
    parts.append(remaining)
    return parts



MIN_TRAIN_WITH, MIN_TRAIN_WITHOUT, MIN_VALIDATION_WITH, MIN_TEST_WITH = 1, 1, 1, 1


def check_trainable(splits: Splits) -> None:
    """Refuse splits a multi-label model cannot be trained, tuned and tested on, saying what is missing.

    The minimum, per label: one training text with it and one without (one yes/no classifier per label
    is fitted on train, e.g. the linear probe's logistic regressions, which need both classes), one
    validation text with it (its threshold is tuned there) and one test text with it (its score is
    measured there). No split may be empty. Call it again after `Splits.shrink`.
    """
    source = splits.source or "the data"
    files = splits.info.get("files", {})
    for name in SPLIT_NAMES:
        if len(splits[name]) == 0:
            raise DataError(
                f"{files.get(name, source)}: the {name} split is empty. Give it rows (a file of its own, or more rows "
                "in the one file that is split three ways)."
            )
    if splits.num_labels < 2:
        raise DataError(
            f"{source}: only {splits.num_labels} label ({splits.label_names}); a classifier needs at least two."
        )
    train = splits.train.labels
    with_label = {name: splits[name].labels.sum(axis=0) for name in SPLIT_NAMES}
    problems = []
    for j, label in enumerate(splits.label_names):
        missing = []
        if with_label["train"][j] < MIN_TRAIN_WITH:
            missing.append("no training text with it")
        elif len(train) - with_label["train"][j] < MIN_TRAIN_WITHOUT:
            missing.append(f"it is on all {len(train)} training texts")
        for name, minimum in (("validation", MIN_VALIDATION_WITH), ("test", MIN_TEST_WITH)):
            if with_label[name][j] < minimum:
                missing.append(f"no {name} text with it" + (f" (in {files[name]})" if name in files else ""))
        if missing:
            problems.append(f"{label!r}: {' and '.join(missing)}")
    if problems:
        shrunk = splits.info.get("subset")
        where = (f"{source}, cut to max_train={shrunk['max_train']}, max_eval={shrunk['max_eval']} (the file itself may "
                 "be fine: raise or drop those limits, or)" if shrunk else f"{source}:")
        raise DataError(
            f"{where} {len(problems)} label(s) cannot be trained, tuned and tested: {'; '.join(problems)}. Each label "
            "needs at least one training text with it and one without, one validation text with it (its threshold is "
            "tuned there) and one test text with it (its score is measured there). Drop or merge the rare ones with "
            f"{option_hint('min_label_count', 10)} (and {option_hint('rare_labels', 'merge')} for one 'other' "
            "label), or add examples of them."
        )


def warn_about_overlap(splits: Splits) -> None:
    """Warn when the same text sits in two splits: test scores would be inflated."""
    seen = {name: {t.strip().lower() for t in splits[name].texts} for name in SPLIT_NAMES}
    for a, b in (("train", "validation"), ("train", "test"), ("validation", "test")):
        shared = seen[a] & seen[b]
        if shared:
            warnings.warn(
                f"{len(shared)} texts appear in both {a} and {b} (e.g. {next(iter(shared))[:60]!r}). "
                "Their scores measure memory, not generalisation: de-duplicate before splitting.",
                stacklevel=2,
            )
