"""Small data files the data tests write: review rows, CSV text, and how two Splits are compared."""

import numpy as np

from helpers.data import load_table


def write_text_file(path, text):
    path.write_text(text, encoding="utf-8")
    return path


TOPICS = ("Preis", "Lieferung", "Kundenservice")


def review_rows(n: int = 30, topics=TOPICS) -> list[tuple[str, list[str]]]:
    """n texts; every label on about a third of them, some texts with two labels."""
    rows = []
    for i in range(n):
        labels = [topics[i % 3]] + ([topics[(i + 1) % 3]] if i % 4 == 0 else [])
        rows.append((f"Bewertung {i} über {labels[0]}", labels))
    return rows


def rows_as_csv(rows, sep: str = ",", cell=lambda labels: "|".join(labels), header: str = "text,labels") -> str:
    return "\n".join([header.replace(",", sep)] + [f"{text}{sep}{cell(labels)}" for text, labels in rows]) + "\n"


def same_splits_as(a, b) -> bool:
    return a.label_names == b.label_names and all(
        a[name].texts == b[name].texts and np.array_equal(a[name].labels, b[name].labels)
        for name in ("train", "validation", "test")
    )


def reference_splits(tmp_path, rows=None):
    return load_table(write_text_file(tmp_path / "reference.csv", rows_as_csv(rows or review_rows())))
