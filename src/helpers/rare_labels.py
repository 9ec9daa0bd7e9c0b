"""Long-tailed labels: drop or merge the labels too rare to train, tune and test, and say what happened to each.

Real label sets have a long tail: a few labels on most texts, many on a handful. A label can only be
learnt, get a threshold and be scored when it has texts in every split, so `handle_rare_labels` keeps a
label when it is on at least `min_count` training texts (and not on all of them) and on at least one
validation and one test text. The others are dropped, or merged into one label, `other`
(`mode="merge"`), which is then checked the same way. A text left without any label is removed, unless
empty label sets are allowed. A table of every label's count per split, with what happened to it, is
printed, so the decision can be made with the numbers in view.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import numpy as np

from helpers.errors import DataError
from helpers.reporting import get_logger
from helpers.splits import SPLIT_NAMES, Split, Splits

log = get_logger(__name__)

OTHER_LABEL = "other"
RARE_MODES = ("drop", "merge")


def check_mode(mode: str) -> None:
    if mode not in RARE_MODES:
        raise DataError(f"rare_labels must be one of {RARE_MODES}, got {mode!r}: 'drop' removes rare labels, 'merge' "
                        f"puts them into one label {OTHER_LABEL!r}.")


def rare_in_sets(label_sets: Sequence[Sequence[str]], minimum: int) -> list[str]:
    """Labels on fewer than `minimum` of these label sets (before a file is split three ways)."""
    counts = Counter(label for labels in label_sets for label in set(labels))
    return sorted(label for label, n in counts.items() if n < minimum)


def replace_in_sets(label_sets: Sequence[Sequence[str]], rare: Sequence[str], mode: str) -> list[list[str]]:
    """The label sets with the `rare` labels removed, or replaced by OTHER_LABEL (`mode="merge"`)."""
    rare = set(rare)
    result = []
    for labels in label_sets:
        kept = [label for label in labels if label not in rare]
        if mode == "merge" and any(label in rare for label in labels) and OTHER_LABEL not in kept:
            kept.append(OTHER_LABEL)
        result.append(kept)
    return result


def too_rare(splits, min_count: int) -> list[str]:
    """The labels of `splits` that cannot be trained (fewer than `min_count` training texts, or on every training
    text), tuned (no validation text) or tested (no test text)."""
    counts = {name: splits[name].labels.sum(axis=0) for name in SPLIT_NAMES}
    train_size = len(splits.train)
    return [label for j, label in enumerate(splits.label_names)
            if counts["train"][j] < min_count or counts["train"][j] >= train_size
            or counts["validation"][j] < 1 or counts["test"][j] < 1]


def handle_rare_labels(splits, min_count: int, mode: str = "drop", *, allow_empty_labels: bool = False,
                       before_split: dict[str, int] | None = None):
    """`splits` without the labels too rare to use (dropped, or merged into OTHER_LABEL), with a table printed.

    `before_split`: labels already dropped or merged before one file was split three ways (on fewer than 3 of its
    rows), with their row counts, so that the table names them too.
    """
    check_mode(mode)
    before = {name: splits[name].labels.sum(axis=0).astype(int) for name in SPLIT_NAMES}
    rare = too_rare(splits, min_count)
    names = list(splits.label_names)
    columns = {name: splits[name].labels for name in SPLIT_NAMES}
    action = {label: "kept" for label in names}
    if rare and mode == "merge":
        rare_index = [names.index(label) for label in rare]
        for label in rare:
            action[label] = f"merged into {OTHER_LABEL!r}"
        merged = {name: columns[name][:, rare_index].max(axis=1, keepdims=True) for name in SPLIT_NAMES}
        keep = [j for j, label in enumerate(names) if label not in rare]
        names = [names[j] for j in keep] + [OTHER_LABEL]
        columns = {name: np.hstack([columns[name][:, keep], merged[name]]) for name in SPLIT_NAMES}
        other = Splits(**{name: Split(splits[name].texts, columns[name]) for name in SPLIT_NAMES}, label_names=names)
        if OTHER_LABEL in too_rare(other, min_count):  # the merged label itself is still too rare: drop it too
            action.update({label: f"merged into {OTHER_LABEL!r}, which is still too rare: dropped" for label in rare})
            names = names[:-1]
            columns = {name: columns[name][:, :-1] for name in SPLIT_NAMES}
    elif rare:
        for label in rare:
            action[label] = "dropped"
        keep = [j for j, label in enumerate(names) if label not in rare]
        names = [names[j] for j in keep]
        columns = {name: columns[name][:, keep] for name in SPLIT_NAMES}
    parts, removed = {}, {}
    for name in SPLIT_NAMES:
        split, rows = splits[name], columns[name]
        has_label = rows.sum(axis=1) > 0
        if allow_empty_labels or has_label.all():
            parts[name] = Split(split.texts, rows, split.primary)
            removed[name] = 0
        else:
            keep_rows = np.flatnonzero(has_label)
            parts[name] = Split([split.texts[i] for i in keep_rows], rows[keep_rows],
                                None if split.primary is None else [split.primary[i] for i in keep_rows])
            removed[name] = int((~has_label).sum())
    table = label_table(splits.label_names, before, action, min_count)
    for label, rows in sorted((before_split or {}).items()):
        done = f"merged into {OTHER_LABEL!r}" if mode == "merge" else "dropped"
        table += f"\n  {label}: on {rows} row(s) of the file, {done} before the split (3 rows are needed to split it)"
        action[label] = f"{done} before the split"
    log.info(table)
    if any(removed.values()):
        log.info("Texts left without any label were removed: "
                 + ", ".join(f"{n} from {name}" for name, n in removed.items() if n)
                 + " (allow_empty_labels=True, command line --allow-empty-labels, keeps them).")
    info = {**splits.info, "rare_labels": {"min_count": min_count, "mode": mode, "actions": action,
                                           "texts_removed": removed}}
    return Splits(**parts, label_names=names, source=splits.source, info=info)


def label_table(label_names: Sequence[str], counts: dict, action: dict, min_count: int) -> str:
    """Each label's texts per split and what happened to it, as printed text."""
    width = max([len(name) for name in label_names] + [5])
    lines = [f"Labels with at least {min_count} training texts and one in validation and in test are kept:",
             f"  {'label':<{width}}  {'train':>6} {'valid.':>6} {'test':>6}  what happened"]
    for j, label in enumerate(label_names):
        lines.append(f"  {label:<{width}}  {counts['train'][j]:>6} {counts['validation'][j]:>6} "
                     f"{counts['test'][j]:>6}  {action[label]}")
    return "\n".join(lines)
