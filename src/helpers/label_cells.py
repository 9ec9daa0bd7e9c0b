"""Reading the label column of a table: one cell holds a text's labels ("Preis|Lieferung", "['Preis', 'Lieferung']",
"Preis, Lieferung"); every cell is parsed, checked and named in the messages by its line."""

from __future__ import annotations

import ast
import io
import json
import tokenize
import unicodedata
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from helpers.checks import is_invisible
from helpers.errors import DataError, at_lines, option_hint, rows_phrase
from helpers.labels import variant_key
from helpers.reporting import note
from helpers.tables import ID_LIKE, MISSING, MISSING_MARKERS, TEXT_LIKE, find_column, is_null


class _CellError(ValueError):
    """A label cell that cannot be read; the caller adds file, line and column."""


INDEX_LIKE = (
    "label sets hold label names, and numbers look like label indices (or 0/1 flags). Write the names, "
    "e.g. ['Preis', 'Lieferung']; to turn indices into names use [label_names[i] for i in row]"
)


def clean_label(label: str) -> str:
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
        text = clean_label(value)
        if not text:
            return [], "empty"
        if text in MISSING_MARKERS:
            return [], "missing"
        items = _literal_list(text)
        if items is None:
            parts = [text] if delimiter is None else text.split(delimiter)
            return [label for label in map(clean_label, parts) if label], "joined"
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
            label = clean_label(item)
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
class LabelColumn:
    """The label sets of one file, with where each row came from."""

    path: Path
    unit: str
    lines: list[int]
    sets: list[list[str]]
    hows: list[str]


def read_label_column(values, path: Path, column: str, delimiter: str | None) -> LabelColumn:
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
    return LabelColumn(path, unit, lines, sets, hows)


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
        evidence = "its parts recur as labels"
        if not recurring and other in (";", "|") and parts:  # hardly part of a label's name: joined, most likely
            recurring, evidence = {part for part in parts if part}, f"{other!r} hardly belongs in a label's name"
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
                f"{path}: the label {joined[0]!r} contains {other!r}, and {evidence} "
                f"({sorted(recurring)[:3]}). "
                f"If labels are joined by {other!r}, set {option_hint('label_delimiter', other)} (now {delimiter!r}).",
                stacklevel=4,
            )
            return


def merge_label_variants(columns: list[LabelColumn], label_order: Sequence[str] | None, mode: str) -> None:
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


def check_empty_label_rows(part: LabelColumn, column: str, allow: bool, delimiter: str | None) -> None:
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


def warn_about_labels_that_look_like_values(path: Path, names: Sequence[str]) -> None:
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


def refuse_one_column_per_label(frame, column: str, path: Path) -> None:
    """A file without the label column `column` but with one 0/1 column per label (the "wide" layout): say how to
    turn it into one column of label lists, the layout the loaders read, naming the columns."""
    names = [str(name) for name in frame.columns]
    if find_column(names, column) is not None:
        return
    binary = []
    for name in names:
        if name.strip().casefold() in TEXT_LIKE + ID_LIKE:
            continue
        values = {str(v).strip() for v in frame[name].tolist() if v is not MISSING and not is_null(v)}
        if values and values <= {"0", "1", "0.0", "1.0", "True", "False", "true", "false"}:
            binary.append(name)
    if len(binary) >= 2:
        raise DataError(
            f"{path} has one 0/1 column per label ({len(binary)}: {', '.join(map(repr, binary[:6]))}"
            f"{', ...' if len(binary) > 6 else ''}) instead of one column listing each text's labels. Add that "
            f"column, e.g. with pandas: label_columns = {binary}; df['labels'] = df[label_columns].apply(lambda row: "
            "'|'.join(c for c in label_columns if str(row[c]) in ('1', '1.0', 'True', 'true')), axis=1); save the "
            "file and load it again (label column 'labels', label delimiter '|')."
        )
