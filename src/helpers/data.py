"""One data shape for every source: `Splits` of texts with float32 multi-hot labels.

Sources: the embedded German reviews (`load_embedded`), GermEval 2017 (`helpers.germeval`),
and a user's own CSV/TSV/JSONL (`load_table`). None of them knows about models.
"""

from __future__ import annotations

import json
import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from helpers.labels import MultiHotEncoder, TargetError

SPLIT_NAMES = ("train", "validation", "test")
EMBEDDED_LABEL_DELIMITER = "|"


class DataError(ValueError):
    """A data file or column that cannot be used; the message says what to change."""


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


# --- the embedded German reviews ----------------------------------------------------------


def embedded_data_dir() -> Path:
    """Where the embedded CSV files live: inside an installed wheel, or the repository's `data/`."""
    from importlib.resources import files

    packaged = Path(str(files("helpers"))) / "_data"
    if (packaged / "reviews_train.csv").exists():
        return packaged
    repository = Path(__file__).resolve().parents[2] / "data"
    if (repository / "reviews_train.csv").exists():
        return repository
    raise DataError(
        "The embedded reviews were not found (looked in the installed package and in the repository's "
        "data/ folder). Install the package from a clone of the repository: pip install -e ."
    )


def load_embedded() -> Splits:
    """The project's German customer reviews: 8 topics, fixed train/validation/test files."""
    folder = embedded_data_dir()
    return load_table(
        train=folder / "reviews_train.csv",
        validation=folder / "reviews_validation.csv",
        test=folder / "reviews_test.csv",
        text_column="text",
        label_column="labels",
        label_delimiter=EMBEDDED_LABEL_DELIMITER,
        primary_column="primary_label",
        label_order=_embedded_label_order(folder),
        source="embedded German reviews",
    )


def _embedded_label_order(folder: Path) -> list[str] | None:
    path = folder / "labels.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None


# --- bring your own data --------------------------------------------------------------------


def read_table(path: str | Path) -> "pd.DataFrame":  # noqa: F821
    """Read a CSV, TSV or JSONL file into a DataFrame, with errors that say what to check."""
    import pandas as pd

    path = Path(path)
    if not path.exists():
        raise DataError(f"File not found: {path}. Check the path (relative paths start at {Path.cwd()}).")
    if path.stat().st_size == 0:
        raise DataError(f"{path} is empty.")
    suffix = path.suffix.lower()
    try:
        if suffix in {".jsonl", ".json"}:
            frame = pd.read_json(path, lines=suffix == ".jsonl")
        elif suffix in {".tsv", ".tab"}:
            frame = pd.read_csv(path, sep="\t", keep_default_na=False)
        elif suffix == ".csv":
            frame = pd.read_csv(path, keep_default_na=False)
        else:
            raise DataError(f"{path}: unknown file type {suffix!r}; use .csv, .tsv or .jsonl.")
    except (ValueError, pd.errors.ParserError) as error:
        if isinstance(error, DataError):
            raise
        raise DataError(f"Could not parse {path}: {error}. Is the delimiter right for a {suffix} file?") from error
    if frame.empty:
        raise DataError(f"{path} has a header but no rows.")
    return frame


def read_texts(path: str | Path, text_column: str = "text") -> list[str]:
    """Texts to predict: a .txt file (one per non-empty line) or a CSV/TSV/JSONL file's text column."""
    path = Path(path)
    if path.suffix.lower() == ".txt":
        if not path.exists():
            raise DataError(f"File not found: {path}.")
        return [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return _texts(_column(read_table(path), text_column, path, "text"), path)


def _column(frame, column: str, path: Path, role: str):
    if column not in frame.columns:
        hint = ""
        if len(frame.columns) == 1 and ("\t" in str(frame.columns[0]) or ";" in str(frame.columns[0])):
            hint = " The whole header was read as one column: the file's delimiter does not match its extension."
        raise DataError(
            f"{path} has no {role} column {column!r}; its columns are {list(frame.columns)}.{hint} "
            f"Pass the right name, e.g. {role}_column='...'."
        )
    return frame[column]


def _texts(values, path: Path) -> list[str]:
    texts = []
    for i, value in enumerate(values):
        if not isinstance(value, str):
            raise DataError(f"{path}, row {i}: the text is {type(value).__name__} {value!r}, not a string.")
        if not value.strip():
            raise DataError(f"{path}, row {i}: the text is empty. Remove empty rows before training.")
        texts.append(value)
    return texts


def _label_sets(values, path: Path, delimiter: str) -> list[list[str]]:
    sets = []
    for value in values:
        if isinstance(value, (list, tuple)):
            labels = [str(v).strip() for v in value]
        elif value is None or (isinstance(value, float) and np.isnan(value)):
            labels = []
        else:
            labels = [part.strip() for part in str(value).split(delimiter)]
        sets.append([label for label in labels if label])
    for other in (";", ",", "|", "/"):
        joined = next((label for labels in sets for label in labels if other in label), None)
        if other != delimiter and joined is not None:
            warnings.warn(
                f"{path}: the label {joined!r} contains {other!r}. If labels are joined by {other!r}, "
                f"set label_delimiter={other!r} (now {delimiter!r}).",
                stacklevel=3,
            )
            break
    return sets


def load_table(
    train: str | Path,
    validation: str | Path | None = None,
    test: str | Path | None = None,
    *,
    text_column: str = "text",
    label_column: str = "labels",
    label_delimiter: str = "|",
    primary_column: str | None = None,
    label_order: Sequence[str] | None = None,
    fractions: Sequence[float] = (0.7, 0.15, 0.15),
    seed: int = 0,
    source: str = "",
) -> Splits:
    """Load your own reviews into `Splits`.

    Give one file (it is split into train/validation/test by iterative stratification) or three.
    The label column holds a list (JSONL) or labels joined by `label_delimiter` (CSV/TSV).
    """
    paths = {"train": Path(train)}
    if (validation is None) != (test is None):
        raise DataError("Give both validation and test files, or neither (then train is split three ways).")
    if validation is not None:
        paths.update(validation=Path(validation), test=Path(test))  # type: ignore[arg-type]

    texts, label_sets, primaries = {}, {}, {}
    for name, path in paths.items():
        frame = read_table(path)
        texts[name] = _texts(_column(frame, text_column, path, "text"), path)
        label_sets[name] = _label_sets(_column(frame, label_column, path, "label"), path, label_delimiter)
        primaries[name] = list(map(str, _column(frame, primary_column, path, "primary"))) if primary_column else None

    if not any(label_sets["train"]):
        raise DataError(
            f"{paths['train']}: no row has a label in column {label_column!r}. "
            f"Are the labels joined by {label_delimiter!r}? Set label_delimiter to match the file."
        )
    encoder = MultiHotEncoder(label_order) if label_order else MultiHotEncoder().fit(label_sets["train"])
    if len(encoder.label_names) < 2:
        raise DataError(
            f"{paths['train']}: only one label ({encoder.label_names}) occurs. A classifier needs at least two; "
            f"check label_delimiter={label_delimiter!r} and the label column."
        )
    splits: dict[str, Split] = {}
    for name in paths:
        try:
            rows = encoder.transform(label_sets[name])
        except TargetError as error:
            raise DataError(f"{paths[name]} ({name} split): {error}") from error
        splits[name] = Split(texts[name], rows, primaries[name])

    if validation is None:
        whole = splits["train"]
        parts = stratified_indices(whole.labels, fractions, seed=seed)
        splits = {name: whole.subset(np.sort(part)) for name, part in zip(SPLIT_NAMES, parts)}

    info = {"split_seed": seed if validation is None else None,
            "split": f"one file split {'/'.join(f'{f:g}' for f in fractions)}" if validation is None else "three files"}
    result = Splits(**splits, label_names=encoder.label_names, source=source or str(paths["train"]), info=info)
    warn_about_overlap(result)
    return result


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


def load_file(
    path: str | Path,
    *,
    label_names: Sequence[str],
    text_column: str = "text",
    label_column: str = "labels",
    label_delimiter: str = "|",
) -> Split:
    """One labelled file, whole (no split), with its labels encoded in the given order (a model's labels)."""
    path = Path(path)
    frame = read_table(path)
    texts = _texts(_column(frame, text_column, path, "text"), path)
    label_sets = _label_sets(_column(frame, label_column, path, "label"), path, label_delimiter)
    try:
        rows = MultiHotEncoder(label_names).transform(label_sets)
    except TargetError as error:
        raise DataError(f"{path}: {error}") from error
    return Split(texts, rows)
