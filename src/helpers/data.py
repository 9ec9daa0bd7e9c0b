"""One data shape for every source: `Splits` of texts with float32 multi-hot labels.

Sources: the embedded German reviews (`load_embedded`), GermEval 2017 (`helpers.germeval`),
and a user's own CSV/TSV/JSONL (`load_table`). None of them knows about models. Files are read
by `helpers.tables`; this module reads the label cells, splits, and checks that the data can be
trained on (`check_trainable`).
"""

from __future__ import annotations

import ast
import io
import json
import tokenize
import unicodedata
import re
import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from helpers.checks import has_visible_text, is_invisible
from helpers.errors import DataError, TargetError, at_lines, option_hint, rows_phrase
from helpers.labels import MultiHotEncoder, variant_key
from helpers.rare_labels import check_mode, handle_rare_labels, rare_in_sets, replace_in_sets
from helpers.reporting import note
from helpers.tables import MISSING, MISSING_MARKERS, column_values, is_null, read_table

SPLIT_NAMES = ("train", "validation", "test")
EMBEDDED_LABEL_DELIMITER = "|"


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


def _texts(values, path: Path, column: str = "text") -> list[str]:
    """The texts of a training file; an empty, null, missing or non-string text is an error with its line."""
    texts, empty = [], []
    unit = values.attrs.get("unit", "row")
    for where, value in values.items():
        if value is MISSING:
            raise DataError(f"{path}, {unit} {where} has no {column!r} key. Give every object a text.")
        if is_null(value):
            raise DataError(f"{path}, {unit} {where}: the text is null. Give every row a text, or remove the row.")
        if not isinstance(value, str):
            raise DataError(f"{path}, {unit} {where}: the text is {type(value).__name__} {value!r}, not a string.")
        if not has_visible_text(value):
            empty.append(where)
        texts.append(value)
    numeric = [t for t in texts if re.fullmatch(r"[\d\s.,:;/+\-%€$]+", t.strip() or "x")]
    if texts and len(numeric) >= 0.9 * len(texts):
        warnings.warn(
            f"{path}: {len(numeric)} of {len(texts)} texts in column {column!r} are only numbers (e.g. {numeric[0]!r}). "
            "A model learns nothing from such texts: is it the right column? Pass the column that holds the reviews "
            f"({option_hint('text_column', '...')}).", stacklevel=3)
    if empty:
        raise DataError(
            f"{path}, {unit} {empty[0]}: the text is empty (column {column!r}; {rows_phrase(len(empty))} like this, "
            f"{at_lines(unit, empty)}). Remove these rows or write their texts; spaces and invisible characters alone "
            "(zero-width space, BOM, no-break space, soft hyphen) count as empty."
        )
    return texts


# --- reading label cells ----------------------------------------------------------------------


class _CellError(ValueError):
    """A label cell that cannot be read; the caller adds file, line and column."""


INDEX_LIKE = (
    "label sets hold label names, and numbers look like label indices (or 0/1 flags). Write the names, "
    "e.g. ['Preis', 'Lieferung']; to turn indices into names use [label_names[i] for i in row]"
)


def _clean_label(label: str) -> str:
    """NFC-normalised, without spaces or invisible characters at either end."""
    label = unicodedata.normalize("NFC", label)
    start, end = 0, len(label)
    while start < end and is_invisible(label[start]):
        start += 1
    while end > start and is_invisible(label[end - 1]):
        end -= 1
    return label[start:end]


def _string_tokens(text: str) -> int:
    try:
        return sum(token.type == tokenize.STRING for token in tokenize.generate_tokens(io.StringIO(text).readline))
    except (tokenize.TokenError, SyntaxError):
        return -1


def _literal_list(text: str) -> list | None:
    """The list a cell such as "['Preis', 'Lieferung']" or '["Preis"]' writes, or None if it is not one.

    JSON first, then `ast.literal_eval` (literals only, never code). Python joins adjacent strings,
    so "['Preis' 'Lieferung']" (how NumPy prints an array) would become one label: refused.
    """
    if text == "set()":
        return []
    if (text[0], text[-1]) not in (("[", "]"), ("(", ")"), ("{", "}")):
        return None
    try:
        value = json.loads(text)
        if isinstance(value, list):
            return value
    except (ValueError, RecursionError):
        pass
    if len(text) > 100_000:
        raise _CellError("the label cell looks like a list but is longer than 100,000 characters")
    try:
        value = ast.literal_eval(text)
    except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
        if text[0] == "[":
            raise _CellError(
                f"{text[:60]!r} looks like a list, but neither Python nor JSON can read it. Quote each name, e.g. "
                "['Preis', 'Lieferung'], or write the labels joined by the label delimiter, e.g. Preis|Lieferung"
            ) from None
        return None  # "(Sonstiges)" is a label, not a tuple
    if isinstance(value, dict):
        raise _CellError(
            f"the label cell {text[:60]!r} is a dict; write the list of labels that apply, "
            "e.g. [name for name, flag in row.items() if flag]"
        )
    if isinstance(value, str):
        return [value]
    if not isinstance(value, (list, tuple, set, frozenset)):
        return None
    strings = sum(isinstance(item, str) for item in value)
    if _string_tokens(text) not in (-1, strings):
        raise _CellError(
            f"{text[:60]!r} has names without commas between them (how NumPy prints an array), so Python would "
            "glue them into one label. Write the lists with commas (e.g. df['labels'].map(list) before to_csv), "
            "or join the labels with the label delimiter"
        )
    return list(value)


def _parse_label_cell(value: object, delimiter: str | None) -> tuple[list[str], str]:
    """(labels, how) for one label cell; how is 'list', 'literal', 'joined', 'empty' or 'missing'."""
    if value is MISSING or is_null(value):
        return [], "missing"
    if isinstance(value, np.ndarray):
        value = value.tolist()
    if isinstance(value, str):
        text = _clean_label(value)
        if not text:
            return [], "empty"
        if text in MISSING_MARKERS:
            return [], "missing"
        items = _literal_list(text)
        if items is None:
            parts = [text] if delimiter is None else text.split(delimiter)
            return [label for label in map(_clean_label, parts) if label], "joined"
        how = "literal"
    elif isinstance(value, (list, tuple, set, frozenset)):
        items, how = list(value), "list"
    elif isinstance(value, (bool, int, float, np.number)):
        raise _CellError(f"the label is the number {value!r}: {INDEX_LIKE}")
    else:
        raise _CellError(f"the label cell holds a {type(value).__name__} {value!r}, not label names")
    labels = []
    for item in items:
        if isinstance(item, str):
            label = _clean_label(item)
            if label:
                labels.append(label)
        elif isinstance(item, (bool, int, float, np.number)):
            raise _CellError(f"the list {value!r} holds the number {item!r}: {INDEX_LIKE}")
        elif item is None:
            raise _CellError(f"the list {value!r} holds null where a label name belongs")
        else:
            raise _CellError(f"the list {value!r} holds a {type(item).__name__}, not a label name")
    return labels, (how if labels else "empty")


def _check_label_name(label: str) -> None:
    if label[0] in "[" or label[-1] in "]":
        raise _CellError(
            f"the label {label!r} looks like a piece of a list: the cell is probably a list written as text that was "
            "split at its commas. Write lists whole, e.g. \"['Preis', 'Lieferung']\" in quotes, or Preis|Lieferung"
        )
    if len(label) > 1 and label[0] in "'\"" and label[-1] == label[0]:
        raise _CellError(f"the label {label!r} has quotes around it. Write the name without quotes")
    if label[0] in "'\"" or label[-1] in "'\"":
        raise _CellError(
            f"the label {label!r} starts or ends with a stray quote: a quoted cell was probably not read as one "
            "(in CSV, a quoted cell must start with the quote). Remove the quote, or quote the whole cell"
        )


@dataclass
class _LabelColumn:
    """The label sets of one file, with where each row came from."""

    path: Path
    unit: str
    lines: list[int]
    sets: list[list[str]]
    hows: list[str]


def _read_label_column(values, path: Path, column: str, delimiter: str | None) -> _LabelColumn:
    unit = values.attrs.get("unit", "row")
    lines, sets, hows = [], [], []
    for where, value in values.items():
        try:
            labels, how = _parse_label_cell(value, delimiter)
            for label in labels:
                _check_label_name(label)
        except _CellError as error:
            raise DataError(f"{path}, {unit} {where}, column {column!r}: {error}.") from None
        lines.append(where)
        sets.append(list(dict.fromkeys(labels)))
        hows.append(how)
    if "literal" in hows:
        example = next(v for v, how in zip(values, hows) if how == "literal")
        note(f"{path}: label cells such as {example!r} are read as lists (as pandas writes a list column); "
             "the label delimiter is not used for them.")
    _warn_about_joined_labels(path, sets, hows, delimiter)
    return _LabelColumn(path, unit, lines, sets, hows)


def _warn_about_joined_labels(path: Path, sets: list[list[str]], hows: list[str], delimiter: str | None) -> None:
    """Warn when labels look joined by another delimiter: their parts are labels of their own, or recur."""
    plain = [label for labels, how in zip(sets, hows) if how == "joined" for label in labels]
    alone = set(plain)
    for other in (";", ",", "|", "/"):
        if other == delimiter:
            continue
        joined = sorted({label for label in plain if other in label})
        parts = [part.strip() for label in joined for part in label.split(other)]
        recurring = {part for part in parts if part and (part in alone or parts.count(part) > 1)}
        if recurring:
            split_by_delimiter = sum(1 for labels, how in zip(sets, hows) if how == "joined" and len(labels) > 1)
            if split_by_delimiter:  # both delimiters in use: switching to the other one would break these rows
                warnings.warn(
                    f"{path}: the rows mix two label delimiters: {rows_phrase(split_by_delimiter)} join labels with "
                    f"{delimiter!r}, while labels such as {joined[0]!r} are joined by {other!r} (their parts "
                    f"{sorted(recurring)[:3]} recur as labels). Write every row with one delimiter (e.g. replace "
                    f"{other!r} by {delimiter!r} in the label column), then load the file again.",
                    stacklevel=4,
                )
                return
            warnings.warn(
                f"{path}: the label {joined[0]!r} contains {other!r}, and its parts recur as labels "
                f"({sorted(recurring)[:3]}). "
                f"If labels are joined by {other!r}, set {option_hint('label_delimiter', other)} (now {delimiter!r}).",
                stacklevel=4,
            )
            return


def _merge_label_variants(columns: list[_LabelColumn], label_order: Sequence[str] | None, mode: str) -> None:
    """Labels that differ only in case, spacing or invisible characters: merge, keep or refuse (`mode`)."""
    counts: dict[str, int] = {}
    first: dict[str, str] = {}
    for part in columns:
        for line, labels in zip(part.lines, part.sets):
            for label in labels:
                counts[label] = counts.get(label, 0) + 1
                first.setdefault(label, f"{part.path.name} {part.unit} {line}")
    groups: dict[str, list[str]] = {}
    for label in counts:
        groups.setdefault(variant_key(label), []).append(label)
    preferred = set(label_order or ())
    mapping: dict[str, str] = {}
    described = []
    for spellings in groups.values():
        if len(spellings) < 2:
            continue
        given = [s for s in spellings if s in preferred]
        target = given[0] if given else max(spellings, key=lambda s: counts[s])  # ties: first seen
        others = [s for s in spellings if s != target]
        if len(given) > 1:
            continue  # label_order itself spells them apart: they are different labels
        described.append(", ".join(f"{s!r} ({rows_phrase(counts[s])}, first at {first[s]})" for s in others)
                         + f" -> {target!r} ({rows_phrase(counts[target])})")
        mapping.update(dict.fromkeys(others, target))
    if not mapping or mode == "keep":
        return
    if mode == "error":
        raise DataError(
            f"Labels that differ only in case, spacing or trailing punctuation: {'; '.join(described)}. Write each label one way, or pass "
            f"{option_hint('label_variants', 'merge')} to merge them into the most frequent spelling."
        )
    note(f"labels that differ only in case, spacing, invisible characters or trailing punctuation were merged into the most frequent "
         f"spelling: {'; '.join(described)}. Pass {option_hint('label_variants', 'keep')} to keep them apart.")
    for part in columns:
        part.sets = [list(dict.fromkeys(mapping.get(label, label) for label in labels)) for labels in part.sets]


def _check_empty_label_rows(part: _LabelColumn, column: str, allow: bool, delimiter: str | None) -> None:
    empty = [(line, how) for line, how in zip(part.lines, part.hows) if how in ("empty", "missing")]
    if not empty:
        return
    if len(empty) == len(part.lines):
        raise DataError(
            f"{part.path}: no row has a label in column {column!r}. Is it the right column, and are the labels "
            f"joined by {delimiter!r}? Set label_column and label_delimiter to match the file."
        )
    lines = [line for line, _ in empty]
    if allow:
        note(f"{part.path}: {rows_phrase(len(empty))} without labels ({at_lines(part.unit, lines)}) are kept as texts "
             "without labels (allow_empty_labels=True). Tune thresholds with at_least_one=False, so that the model "
             "can answer 'no label'.")
        return
    what = {"empty": "empty", "missing": "missing (null, NaN or absent)"}[empty[0][1]]
    raise DataError(
        f"{part.path}, {part.unit} {lines[0]}: the label cell (column {column!r}) is {what} "
        f"({rows_phrase(len(empty))} without labels: {at_lines(part.unit, lines)}). The saved model gives every "
        f"text at least one label, so it could never answer 'no label'. Write their labels, remove the rows, or pass "
        f"{option_hint('allow_empty_labels')} if texts without labels are real."
    )


def _warn_about_labels_that_look_like_values(path: Path, names: Sequence[str]) -> None:
    flags = {"0", "1", "true", "false", "yes", "no", "ja", "nein", "y", "n", "0.0", "1.0"}
    if len(names) >= 2 and all(name.casefold() in flags for name in names):
        warnings.warn(
            f"{path}: the only labels are {list(names)}: that looks like a yes/no column for one label, not label "
            "names. A multi-label file lists, per text, the names of the labels that apply (e.g. Preis|Lieferung).",
            stacklevel=3,
        )
        return
    if len(names) >= 2 and all(name.strip().lstrip("-").isdigit() for name in names):
        warnings.warn(
            f"{path}: every label is a number ({', '.join(sorted(names, key=lambda n: int(n))[:6])}"
            f"{', ...' if len(names) > 6 else ''}), so the labels will be named by those numbers. If they are the "
            "class ids of an encoding (e.g. LabelEncoder's), write the label names instead, or map the ids to names "
            "before training: predictions will report the numbers.",
            stacklevel=3,
        )


# --- bring your own data --------------------------------------------------------------------


LABEL_VARIANT_MODES = ("merge", "keep", "error")
MIN_ROWS_PER_LABEL_TO_SPLIT = 3  # one each for train, validation and test


def load_table(
    train: str | Path,
    validation: str | Path | None = None,
    test: str | Path | None = None,
    *,
    text_column: str = "text",
    label_column: str = "labels",
    label_delimiter: str | None = "|",
    primary_column: str | None = None,
    label_order: Sequence[str] | None = None,
    fractions: Sequence[float] = (0.7, 0.15, 0.15),
    seed: int = 0,
    source: str = "",
    delimiter: str | None = None,
    encoding: str | None = None,
    allow_empty_labels: bool = False,
    label_variants: str = "merge",
    min_label_count: int | None = None,
    rare_labels: str = "drop",
) -> Splits:
    """Load your own reviews into `Splits`.

    Give one file (it is split into train/validation/test by iterative stratification) or three.
    The label column holds a list (JSONL), a list written as text ("['Preis', 'Lieferung']", as
    pandas writes a list column) or labels joined by `label_delimiter` (None: one label per cell).

    delimiter, encoding: see `read_table` and `detect_encoding` (None detects them, with a note).
    allow_empty_labels: rows without any label are refused unless this is True (the saved model
        gives every text at least one label, so it could never answer 'no label').
    label_variants: labels that differ only in case, spacing or invisible characters ("Preis",
        "preis", "Preis  ") are merged into the most frequent spelling with a note ('merge'), kept
        apart ('keep') or refused ('error').
    min_label_count, rare_labels: labels with fewer training texts than this (or none in validation or test) are
        dropped ('drop') or merged into one label 'other' ('merge'), with a table of every label's counts per
        split (`helpers.rare_labels`); None (the default) refuses such labels, naming them all.
    The result passes `check_trainable`.
    """
    if label_delimiter is not None and (not isinstance(label_delimiter, str) or not label_delimiter):
        raise DataError(
            f"label_delimiter must be the text between the labels of one cell, e.g. '|', ';' or ', '; got "
            f"{label_delimiter!r}. For lists (JSONL, or \"['Preis', 'Lieferung']\") any delimiter works."
        )
    if label_variants not in LABEL_VARIANT_MODES:
        raise DataError(f"label_variants must be one of {LABEL_VARIANT_MODES}, got {label_variants!r}.")
    if (validation is None) != (test is None):
        raise DataError("Give both validation and test files, or neither (then train is split three ways).")
    if validation is None and (len(fractions) != 3 or min(fractions) <= 0 or not np.isclose(sum(fractions), 1.0)):
        raise DataError(
            f"fractions must be three positive shares for train, validation and test adding up to 1, got "
            f"{list(fractions)}."
        )
    paths = {"train": Path(train)}
    if validation is not None:
        paths.update(validation=Path(validation), test=Path(test))  # type: ignore[arg-type]

    texts, label_parts, primaries = {}, {}, {}
    for name, path in paths.items():
        frame = read_table(path, delimiter=delimiter, encoding=encoding,
                           columns=[text_column, label_column] + ([primary_column] if primary_column else []))
        texts[name] = _texts(column_values(frame, text_column, path, "text"), path, text_column)
        label_parts[name] = _read_label_column(column_values(frame, label_column, path, "label"), path, label_column,
                                               label_delimiter)
        _check_empty_label_rows(label_parts[name], label_column, allow_empty_labels, label_delimiter)
        primaries[name] = _primaries(column_values(frame, primary_column, path, "primary"), path, primary_column) \
            if primary_column else None
    _merge_label_variants(list(label_parts.values()), label_order, label_variants)
    before_split: dict[str, int] = {}
    if min_label_count is not None:
        check_mode(rare_labels)
        if validation is None:  # a label on fewer than 3 rows cannot be split three ways: handled before the split
            too_few = rare_in_sets(label_parts["train"].sets, MIN_ROWS_PER_LABEL_TO_SPLIT)
            before_split = {label: sum(label in labels for labels in label_parts["train"].sets) for label in too_few}
            label_parts["train"].sets = replace_in_sets(label_parts["train"].sets, too_few, rare_labels)

    try:
        encoder = MultiHotEncoder(label_order) if label_order else MultiHotEncoder().fit(label_parts["train"].sets)
    except TargetError as error:
        raise DataError(f"{paths['train']}: {error}") from error
    if len(encoder.label_names) < 2:
        raise DataError(
            f"{paths['train']}: only one label ({encoder.label_names}) occurs. A classifier needs at least two; "
            f"check label_delimiter={label_delimiter!r} and the label column."
        )
    _warn_about_labels_that_look_like_values(paths["train"], encoder.label_names)
    splits: dict[str, Split] = {}
    for name in paths:
        try:
            rows = encoder.transform(label_parts[name].sets)
        except TargetError as error:
            raise DataError(f"{paths[name]} ({name} split): {error}") from error
        splits[name] = Split(texts[name], rows, primaries[name])

    if validation is None:
        _check_splittable(paths["train"], splits["train"], label_parts["train"], encoder.label_names, label_delimiter)
        whole = splits["train"]
        parts = stratified_indices(whole.labels, fractions, seed=seed)
        splits = {name: whole.subset(np.sort(part)) for name, part in zip(SPLIT_NAMES, parts)}

    info: dict = {"split_seed": seed if validation is None else None,
                  "split": f"one file split {'/'.join(f'{f:g}' for f in fractions)}" if validation is None else "three files"}
    if validation is not None:
        info["files"] = {name: str(path) for name, path in paths.items()}
    result = Splits(**splits, label_names=encoder.label_names, source=source or str(paths["train"]), info=info)
    if min_label_count is not None:
        result = handle_rare_labels(result, min_label_count, rare_labels, allow_empty_labels=allow_empty_labels,
                                    before_split=before_split)
    check_trainable(result)
    warn_about_overlap(result)
    return result


def _primaries(values, path: Path, column: str) -> list[str]:
    """One label per text (for the multiclass baseline); an empty or missing one is an error with its line."""
    unit = values.attrs.get("unit", "row")
    result = []
    for where, value in values.items():
        label = _clean_label(value) if isinstance(value, str) else ""
        if not label or label in MISSING_MARKERS:
            raise DataError(
                f"{path}, {unit} {where}: the primary label (column {column!r}) is {value!r}. Give every text one "
                "label there, or leave out primary_column."
            )
        result.append(label)
    return result


def _check_splittable(path: Path, whole: Split, part: _LabelColumn, label_names: list[str],
                      delimiter: str | None) -> None:
    """Before splitting one file three ways: enough rows, and each label on enough (but not all) rows."""
    if len(whole) < len(SPLIT_NAMES):
        raise DataError(
            f"{path} has {rows_phrase(len(whole))}. It is split into train, validation and test, which needs at least "
            f"{len(SPLIT_NAMES)} rows, and a classifier needs many more (tens of texts per label). Add rows."
        )
    counts = whole.labels.sum(axis=0)
    rare = [(name, int(counts[j])) for j, name in enumerate(label_names) if 0 < counts[j] < MIN_ROWS_PER_LABEL_TO_SPLIT]
    if rare:
        joined = next((d for name, _ in rare for d in (";", ",", "|", "/") if d in name and d != delimiter), None)
        mixed = joined and any(how == "joined" and len(labels) > 1 for labels, how in zip(part.sets, part.hows))
        hint = (f" Some look like labels joined by {joined!r} while other rows use {delimiter!r}: write every row with "
                "one delimiter." if mixed else
                f" If some are labels joined by {joined!r}, set {option_hint('label_delimiter', joined)}." if joined else "")
        listed = "; ".join(
            f"{name!r} is on only {rows_phrase(n)} "
            f"({at_lines(part.unit, [line for line, labels in zip(part.lines, part.sets) if name in labels])})"
            for name, n in rare)
        raise DataError(
            f"{path}: {len(rare)} label(s) are on fewer than {MIN_ROWS_PER_LABEL_TO_SPLIT} rows: {listed}. Split three "
            f"ways, each label needs at least {MIN_ROWS_PER_LABEL_TO_SPLIT} rows (one each for train, validation and "
            f"test), and more to be learnt. Drop or merge them with {option_hint('min_label_count', 10)} (and "
            f"{option_hint('rare_labels', 'merge')} to keep them as one 'other' label), or add examples.{hint}"
        )
    for j, name in enumerate(label_names):
        if counts[j] == len(whole):
            raise DataError(
                f"{path}: the label {name!r} is on every row ({len(whole)}), so there is nothing to tell apart: a "
                "classifier for it needs texts with it and texts without it. Add texts without it, or drop the label."
            )


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


def load_file(
    path: str | Path,
    *,
    label_names: Sequence[str] | None,
    text_column: str = "text",
    label_column: str = "labels",
    label_delimiter: str | None = "|",
    delimiter: str | None = None,
    encoding: str | None = None,
    allow_empty_labels: bool = False,
    label_variants: str = "merge",
    rare_actions: dict[str, str] | None = None,
) -> Split:
    """One labelled file, whole (no split) and in file order, its labels encoded in the given order (a model's labels).

    Read with the same rules as `load_table`; a label the model does not know is an error. With
    `label_names=None` the labels are the file's own, sorted (`file_label_names` tells them).
    """
    split, _ = read_labelled_file(path, label_names=label_names, text_column=text_column, label_column=label_column,
                                  label_delimiter=label_delimiter, delimiter=delimiter, encoding=encoding,
                                  allow_empty_labels=allow_empty_labels, label_variants=label_variants,
                                  rare_actions=rare_actions)
    return split


def read_labelled_file(
    path: str | Path,
    *,
    label_names: Sequence[str] | None = None,
    text_column: str = "text",
    label_column: str = "labels",
    label_delimiter: str | None = "|",
    delimiter: str | None = None,
    encoding: str | None = None,
    allow_empty_labels: bool = False,
    label_variants: str = "merge",
    rare_actions: dict[str, str] | None = None,
) -> tuple[Split, list[str]]:
    """A labelled file, whole and in file order, with its label names (given, or the file's own, sorted)."""
    path = Path(path)
    frame = read_table(path, delimiter=delimiter, encoding=encoding, columns=[text_column, label_column])
    texts = _texts(column_values(frame, text_column, path, "text"), path, text_column)
    labels = _read_label_column(column_values(frame, label_column, path, "label"), path, label_column, label_delimiter)
    _check_empty_label_rows(labels, label_column, allow_empty_labels, label_delimiter)
    _merge_label_variants([labels], label_names, label_variants)
    if rare_actions:  # a model trained with min_label_count: its rare labels dropped or merged the same way here
        merged = [label for label, action in rare_actions.items() if action.startswith("merged") and "dropped" not in action]
        dropped = [label for label, action in rare_actions.items() if action != "kept" and label not in merged]
        labels.sets = replace_in_sets(replace_in_sets(labels.sets, merged, "merge"), dropped, "drop")
    try:
        encoder = MultiHotEncoder(label_names) if label_names else MultiHotEncoder().fit(labels.sets)
        rows = encoder.transform(labels.sets)
    except TargetError as error:
        raise DataError(f"{path}: {error}") from error
    return Split(texts, rows), encoder.label_names
