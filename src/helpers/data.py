"""One data shape for every source: `Splits` of texts with float32 multi-hot labels.

Sources: the embedded German reviews (`load_embedded`), GermEval 2017 (`helpers.germeval`),
and a user's own CSV/TSV/JSONL (`load_table`, `load_file`). None of them knows about models. Tables are
decoded and parsed by `helpers.tables`, label cells read by `helpers.label_cells`, and the `Splits` model,
its splitting and `check_trainable` live in `helpers.splits`; this module puts them together.
"""

from __future__ import annotations

import json
import re
import warnings
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from helpers.checks import has_visible_text
from helpers.errors import DataError, TargetError, at_lines, option_hint, rows_phrase
from helpers.label_cells import (LabelColumn, check_empty_label_rows, clean_label, merge_label_variants,
                                 read_label_column, refuse_one_column_per_label,
                                 warn_about_labels_that_look_like_values)
from helpers.labels import MultiHotEncoder
from helpers.rare_labels import check_mode, handle_rare_labels, rare_in_sets, replace_in_sets
from helpers.splits import SPLIT_NAMES, Split, Splits, check_trainable, stratified_indices, warn_about_overlap
from helpers.tables import MISSING, MISSING_MARKERS, column_values, is_null, read_table

EMBEDDED_LABEL_DELIMITER = "|"


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
        refuse_one_column_per_label(frame, label_column, path)
        label_parts[name] = read_label_column(column_values(frame, label_column, path, "label"), path, label_column,
                                               label_delimiter)
        check_empty_label_rows(label_parts[name], label_column, allow_empty_labels, label_delimiter)
        primaries[name] = _primaries(column_values(frame, primary_column, path, "primary"), path, primary_column) \
            if primary_column else None
    merge_label_variants(list(label_parts.values()), label_order, label_variants)
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
    warn_about_labels_that_look_like_values(paths["train"], encoder.label_names)
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
        label = clean_label(value) if isinstance(value, str) else ""
        if not label or label in MISSING_MARKERS:
            raise DataError(
                f"{path}, {unit} {where}: the primary label (column {column!r}) is {value!r}. Give every text one "
                "label there, or leave out primary_column."
            )
        result.append(label)
    return result


def _check_splittable(path: Path, whole: Split, part: LabelColumn, label_names: list[str],
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



BUILT_IN = ("embedded", "germeval")


def load(
    source: str | Path,
    validation: str | Path | None = None,
    test: str | Path | None = None,
    *,
    max_train: int | None = None,
    max_eval: int | None = None,
    split_seed: int = 0,
    min_label_count: int | None = None,
    rare_labels: str = "drop",
    top_k: int | None = 8,
    germeval_dir: str | Path | None = None,
    **table: object,
) -> Splits:
    """Every source through one door: "embedded", "germeval", one file (split with `split_seed`) or three files.

    Then, for every source alike: labels on fewer than `min_label_count` texts dropped or merged (`rare_labels`),
    the stratified subset (`max_train`, `max_eval`, cut with `split_seed`), and `check_trainable`, so that data a
    model cannot be trained, tuned and tested on is refused here, naming what is missing. `table`: the options of
    `load_table` (text_column, label_column, label_delimiter, delimiter, encoding, ...).
    """
    if str(source) in BUILT_IN:
        if str(source) == "embedded":
            splits = load_embedded()
        else:
            from helpers.germeval import load_germeval2017  # germeval builds on this module

            splits = load_germeval2017(top_k=top_k, local_dir=germeval_dir)
        if min_label_count is not None:
            splits = handle_rare_labels(splits, min_label_count, rare_labels)
    else:
        splits = load_table(source, validation, test, seed=split_seed, min_label_count=min_label_count,
                            rare_labels=rare_labels, **table)
    if max_train is not None or max_eval is not None:
        splits = splits.shrink(max_train, max_eval, seed=split_seed)
    check_trainable(splits)
    return splits


def load_file(path: str | Path, *, label_names: Sequence[str] | None, **reading) -> Split:
    """One labelled file, whole (no split) and in file order, its labels encoded in the given order (a model's labels).

    Read with the same rules as `load_table` (`reading`: the options of `read_labelled_file`); a label the model
    does not know is an error. With `label_names=None` the labels are the file's own, sorted.
    """
    return read_labelled_file(path, label_names=label_names, **reading)[0]


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
    refuse_one_column_per_label(frame, label_column, path)
    labels = read_label_column(column_values(frame, label_column, path, "label"), path, label_column, label_delimiter)
    check_empty_label_rows(labels, label_column, allow_empty_labels, label_delimiter)
    merge_label_variants([labels], label_names, label_variants)
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
